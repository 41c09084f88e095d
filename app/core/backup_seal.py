"""A backup's seal: size, mtime and a sampled digest, recorded once its copy passed the check."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

VERSION = 1  # of the sampling: a seal of another version is not trusted
EDGE = 1 << 18  # the first and last 256 KiB: the header, the schema, the newest pages
SAMPLES = 1024  # pages between them, evenly spread: ~4.5 MiB read whatever the file's size


def page_size(head: bytes) -> int:
    """The page size an SQLite header declares (4096 when the header is no SQLite one)."""
    # SQLite's header, offset 16: big-endian page size, 1 meaning 65536 (fileformat2 §1.3.2).
    if len(head) < 18:
        return 4096
    value = int.from_bytes(head[16:18], "big")
    value = 65536 if value == 1 else value
    return value if value >= 512 and value & (value - 1) == 0 else 4096


def sampled_spans(size: int, page: int) -> list[tuple[int, int]]:
    """(offset, length) of what the digest reads: both edges and every stride-th page between."""
    pages = size // page
    stride = max(1, pages // SAMPLES)
    between = range(EDGE // page, max(pages - EDGE // page, 0), stride)
    return [(0, EDGE), *((n * page, page) for n in between), (max(size - EDGE, 0), EDGE)]


def sampled_digest(path: Path) -> str:
    """A digest of the file's size and of its sampled spans (see sampled_spans).

    Reading every page costs what the copy itself costs (a full check made restore ~6× a
    copy); a sample catches a replaced, truncated or re-saved file and most damage, and a change
    that escapes it (bit rot in an unsampled page) is still found by the start's quick_check,
    with the previous store kept aside.
    """
    digest = hashlib.sha256()  # the CPU's SHA instructions: ~4× blake2b here
    # Only files SQLite does not hold open in this process (a staged or partial copy): closing
    # another descriptor of a file SQLite has open would drop SQLite's POSIX locks on it.
    with path.open("rb", buffering=0) as fh:
        size = os.fstat(fh.fileno()).st_size
        digest.update(size.to_bytes(8, "little"))
        page = page_size(fh.read(100))
        for offset, length in sampled_spans(size, page):
            fh.seek(offset)
            digest.update(fh.read(length))
    return digest.hexdigest()


def make_seal(path: Path) -> dict[str, Any]:
    """The seal of a file just checked: what must still hold for the check to be trusted."""
    stat = path.stat()
    return {
        "version": VERSION,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "digest": sampled_digest(path),
    }


def read_seal(manifest: Path) -> dict[str, Any] | None:
    """The seal a backup's manifest recorded; None without a manifest or a seal."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    seal = data.get("seal") if isinstance(data, dict) else None
    if not isinstance(seal, dict) or seal.get("version") != VERSION:
        return None
    return seal


def unchanged_since(path: Path, seal: dict[str, Any]) -> bool:
    """The backup still has the size and mtime it was sealed with, and no journal beside it
    (a -wal holds commits the main file's mtime does not show).
    """
    try:
        stat = path.stat()
    except OSError:
        return False
    for suffix in ("-wal", "-journal"):
        journal = Path(f"{path}{suffix}")
        if journal.exists() and journal.stat().st_size > 0:
            return False
    return bool(stat.st_size == seal.get("size") and stat.st_mtime_ns == seal.get("mtime_ns"))


def digest_holds(copy: Path, seal: dict[str, Any]) -> bool:
    """The copy's sampled digest is the one recorded when the backup was checked."""
    return bool(sampled_digest(copy) == seal.get("digest"))
