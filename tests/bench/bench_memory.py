"""Peak memory (ru_maxrss) with the national demo open on the people page (<= 250 MB).

    /work/venv/bin/python tests/bench/bench_memory.py [--runs N]

Each run is a fresh process that starts the app the way a user does (`python -m app --db FILE`:
integrity check, automatic backup, main window), opens People & Courts, scrolls the 50,000-person
list to the end and back (the model keeps at most 16 pages of 200 rows), types a search and
prints its peak resident set size. Baseline in the same run: a bare PySide6 QMainWindow with one
QTableView over 200 rows.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, child_env, demo_db, machine, median, verdict

REPORT = r"""
import os, resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

app = QApplication([sys.argv[0], "-platform", "offscreen"])
"""

BARE = (
    REPORT
    + r"""
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
window = QMainWindow()
model = QStandardItemModel(200, 7)
for r in range(200):
    for c in range(7):
        model.setItem(r, c, QStandardItem(f"row {r} column {c}"))
table = QTableView()
table.setModel(model)
window.setCentralWidget(table)
window.resize(1280, 800)
window.show()
for _ in range(5):
    app.processEvents()
table.scrollToBottom()
app.processEvents()
print(peak_mib(), flush=True)
os._exit(0)  # skip interpreter teardown (PySide6 can crash in it; irrelevant to the figure)
"""
)

APP = (
    REPORT
    + r"""
class OnFirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint and obj.isWidgetType():
            if isinstance(obj.window(), QMainWindow):
                self.done = True
                QTimer.singleShot(0, lambda: exercise(obj.window()))
        return False

def exercise(window):
    while window._ctx is None:  # the store opens right after the first paint
        app.processEvents()
    page = window.page("people")
    for _ in range(5):
        app.processEvents()
    people = page.people
    people.table.scrollToBottom()
    app.processEvents()
    people.table.scrollToTop()
    app.processEvents()
    people.search.setText("ова")
    people.apply_filter()
    app.processEvents()
    people.search.clear()
    people.apply_filter()
    app.processEvents()
    if people.model.rowCount() < 50000:
        print("people list not loaded", file=sys.stderr)
        os._exit(1)
    print(peak_mib(), flush=True)
    os._exit(0)

hook = OnFirstPaint()
app.installEventFilter(hook)
from app.__main__ import main
main(["--db", sys.argv[1]])
"""
)


def run(code: str, args: list[str], tmp: Path) -> float:
    """Peak RSS in MiB of one child process."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=child_env(tmp),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({done.returncode}): {done.stderr[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    """Alternate bare and app runs; report medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    db = demo_db("national")
    bare, app = [], []
    with tempfile.TemporaryDirectory(prefix="talimger-bench-") as tmp_name:
        tmp = Path(tmp_name)
        work = tmp / "national.db"  # the app backs up its store at start: work on a copy
        work.write_bytes(db.read_bytes())
        for _ in range(args.runs):
            bare.append(run(BARE, [], tmp))
            app.append(run(APP, [str(work)], tmp))
    b, a = median(bare), median(app)
    print(machine())
    print(f"national demo: {db.stat().st_size / 1e6:.0f} MB database, 50,000 people")
    print(f"bare QMainWindow + QTableView (200 rows): peak RSS {b:.0f} MiB")
    print(
        f"Tälimger, national demo, people page scrolled and searched: peak RSS {a:.0f} MiB "
        f"(median of {args.runs}; target <= 250 MB: {verdict(a, 250)}); ratio {a / b:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
