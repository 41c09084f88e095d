"""A process the kill tests start: it writes in one transaction and says MIDWAY half-way.

python tests/faults/child.py people DB FILE         import people from FILE
python tests/faults/child.py exchange DB FILE PASS  import an exchange package
After MIDWAY it keeps the transaction open until it is killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.progress import Progress


def _midway(done: int, total: int) -> None:
    if done >= total // 2:
        print("MIDWAY", flush=True)
        time.sleep(120)  # the test kills us here, inside the open transaction


progress = Progress(_midway)


def main() -> None:
    mode, db, file = sys.argv[1:4]
    store = open_store(db, backup=False)
    actor = Actor("child")
    if mode == "people":
        from app.people.importer import apply_people, preview_file

        with store.read() as s:
            preview = preview_file(s, actor, Path(file))
        with store.write() as s:
            apply_people(s, actor, preview, progress=progress)
    else:
        from app.exchange.apply import import_package

        with store.write() as s:
            import_package(s, actor, Path(file).read_bytes(), sys.argv[4], progress=progress)
    print("FINISHED", flush=True)


if __name__ == "__main__":
    main()
