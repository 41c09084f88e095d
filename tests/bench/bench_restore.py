"""Benchmark: restore of the national demo store against a plain copy of its file (issue 15).

python tests/bench/bench_restore.py [national|region]
Target: restore ≤ 2× the copy. The backup is one the program wrote (`backup_file`: copied,
checked with quick_check and foreign keys, sealed with its size, mtime and a sampled digest in
its manifest). The restore trusts that check while the file is provably unchanged (reads the
header, schema version and audit head, compares the digest on its copy), copies it beside the
store with fsync, keeps the old file aside, swaps by rename and records the restore in the
restored store's audit log. `--unsealed` measures the full check (a backup without manifest).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.anchors import manifest_path
from app.core.backup import backup_file
from app.core.bootstrap import open_store
from app.core.restore import restore_file
from tests.bench.common import demo_db, machine, median

RUNS = 5


def _copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with target.open("rb+") as fh:
        os.fsync(fh.fileno())  # the restore fsyncs its copy: so does the yardstick


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    scale = args[0] if args else "national"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = folder / "store" / "talimger.db"
        store.parent.mkdir()
        shutil.copyfile(demo_db(scale), store)
        open_store(store, backup=False).dispose()  # the cached demo may predate the head
        backup = backup_file(store, folder / "backups" / "backup.db")
        if "--unsealed" in sys.argv:
            manifest_path(backup).unlink()
        copies, restores = [], []
        for _run in range(RUNS):
            target = folder / "copy.db"
            started = time.perf_counter()
            _copy(backup, target)
            copies.append(time.perf_counter() - started)
            target.unlink()
            started = time.perf_counter()
            aside = restore_file(backup, store)
            restores.append(time.perf_counter() - started)
            if aside is not None:
                aside.unlink()
        size = backup.stat().st_size / 2**20
        copy_s, restore_s = median(copies), median(restores)
        print(machine())
        sealed = "full check" if "--unsealed" in sys.argv else "sealed backup"
        print(f"{scale} store {size:.1f} MiB, {sealed}, median of {RUNS}:")
        print(f"  plain copy + fsync  {copy_s * 1000:8.0f} ms")
        print(f"  restore             {restore_s * 1000:8.0f} ms  ({restore_s / copy_s:.2f}×)")


if __name__ == "__main__":
    main()
