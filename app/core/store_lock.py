"""A lock file next to an SQLite store: shared while a program has it open, exclusive to restore."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.core.errors import StoreError
from i18n import N_

# fcntl.flock on POSIX (not fcntl's POSIX record locks, which SQLite uses on the store and
# which any close() of the same file would drop). On Windows there is no shared flock; there
# the swap itself fails while another process has the store open, as Windows refuses to
# replace an open file, and that failure is reported the same way.
if sys.platform != "win32":
    import fcntl


def lock_path(db_path: Path) -> Path:
    """The lock file of a store."""
    return db_path.with_name(db_path.name + ".lock")


class StoreLock:
    """An OS lock on the store's lock file, released by release() or when the process ends."""

    def __init__(self, db_path: Path, *, exclusive: bool) -> None:
        self.path = lock_path(db_path)
        self.exclusive = exclusive
        self._fd: int | None = None

    def acquire(self) -> StoreLock:
        """Take the lock now or refuse (StoreError); never waits."""
        if sys.platform == "win32":
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            # A read-only folder: nothing can be restored or written there either.
            return self
        mode = fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if self.exclusive:
                raise StoreError(
                    N_(
                        "The database {path} is open in another Tälimger window or command."
                        " Close it first; nothing was changed."
                    ),
                    path=str(self.path.with_suffix("")),
                ) from exc
            raise StoreError(
                N_("The database {path} is being restored from a backup. Try again in a moment."),
                path=str(self.path.with_suffix("")),
            ) from exc
        self._fd = fd
        return self

    def release(self) -> None:
        """Let others take the lock."""
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
