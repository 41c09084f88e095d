"""Files readable by their owner only (0600 on POSIX, whatever the umask): issue 15, 11."""

from __future__ import annotations

import os
from pathlib import Path


def create_private(path: Path, *, replace: bool = False) -> Path:
    """Create an empty file with mode 0600 (refusing an existing one unless `replace`)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    fd = os.open(path, flags, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)  # an existing file truncated by `replace` keeps its old mode otherwise
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write bytes into a file created (or truncated) with mode 0600."""
    create_private(path, replace=True)
    with path.open("r+b") as fh:
        fh.write(data)
