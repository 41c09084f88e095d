"""Peak memory (ru_maxrss), national demo with every module, every page and tab visited (<= 250 MB).

    .venv/bin/python tests/bench/bench_memory.py [--runs N] [--db FILE]

Each run is a fresh process that starts the app the way a user does (`python -m app --db FILE`:
integrity check, automatic backup, main window) on the national demo with every module (built
once as bench_agenda.py builds it: 50,000 people, mentoring, internships, evaluation, a year of
CPD, training), then visits every page in the navigation's order and on each every tab (tabs
inside tabs too), scrolls every list on it to the end and back, waits for work in the background
(the start page's) and notes the peak resident set size so far. On People it also types a search.
Baseline in the same run: a bare PySide6 QMainWindow with one QTableView over 200 rows.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import CACHE, ROOT, child_env, machine, median, verdict

REPORT = r"""
import os, resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

def now_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

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

def settle():
    # queued events and background work (the start page's items) finish
    import time
    from ui.kit.background import running
    for _ in range(5):
        app.processEvents()
    deadline = time.monotonic() + 600
    while running() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()

def scroll_lists(page):
    from PySide6.QtWidgets import QAbstractItemView
    for view in page.findChildren(QAbstractItemView):
        if view.isVisible():
            view.scrollToBottom()
            app.processEvents()
            view.scrollToTop()
            app.processEvents()

def visit(page):
    # every tab, tabs inside tabs too (as tests/ui/help/walk.py), each shown and scrolled
    from PySide6.QtWidgets import QTabWidget
    seen = set()
    stack = ([page] if isinstance(page, QTabWidget) else []) + page.findChildren(QTabWidget)
    scroll_lists(page)
    while stack:
        tabs = stack.pop(0)
        if id(tabs) in seen:
            continue
        seen.add(id(tabs))
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle()
            scroll_lists(tabs.widget(i))
            TABS.append([type(tabs.widget(i)).__name__, round(peak_mib()), round(now_mib())])
            stack += [t for t in tabs.widget(i).findChildren(QTabWidget) if id(t) not in seen]

TABS = []  # each tab visited: its class, peak MiB so far, resident MiB after

def exercise(window):
    import json, time
    while window._ctx is None:  # the store opens right after the first paint
        app.processEvents()
    settle()
    peaks = {"store open": [round(peak_mib()), round(now_mib()), 0]}
    for spec in window.pages:
        t0 = time.monotonic()
        page = window.page(spec.key)
        settle()
        visit(page)
        if spec.key == "people":
            people = page.people
            if people.model.rowCount() < 50000:
                print("people list not loaded", file=sys.stderr)
                os._exit(1)
            people.search.setText("ова")
            people.apply_filter()
            app.processEvents()
            people.search.clear()
            people.apply_filter()
            app.processEvents()
        peaks[spec.key] = [round(peak_mib()), round(now_mib()), round(time.monotonic() - t0, 1)]
    print(json.dumps(TABS), file=sys.stderr, flush=True)
    print(json.dumps(peaks), file=sys.stderr, flush=True)
    print(peak_mib(), flush=True)
    os._exit(0)

hook = OnFirstPaint()
app.installEventFilter(hook)
from app.__main__ import main
main(["--db", sys.argv[1]])
"""
)


def run(code: str, args: list[str], tmp: Path) -> tuple[float, str]:
    """Peak RSS in MiB of one child process, and the last line it wrote to stderr."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=child_env(tmp),
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({done.returncode}): {done.stderr[-2000:]}")
    lines = done.stderr.strip().splitlines()
    return float(done.stdout.strip().splitlines()[-1]), "\n".join(lines[-2:])


def national_with_every_module(path: Path) -> Path:
    """bench_agenda.py's national demo with every module, in "no login" mode (built once)."""
    if not path.exists():
        sys.path.insert(0, str(ROOT))
        from tests.bench.bench_agenda import build

        build(path)
    subprocess.run(
        [sys.executable, "-m", "app", "--db", str(path), "user", "no-login"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return path


def main() -> int:
    """Alternate bare and app runs; report medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, default=CACHE / "agenda-national.db")
    args = parser.parse_args()
    db = national_with_every_module(args.db)
    bare, app, pages = [], [], []
    with tempfile.TemporaryDirectory(prefix="talimger-bench-") as tmp_name:
        tmp = Path(tmp_name)
        work = tmp / "national.db"  # the app backs up its store at start: work on a copy
        # Copied in chunks: Linux keeps a process's peak RSS across fork and exec, so reading
        # the whole file here would show up as every child's peak.
        shutil.copyfile(db, work)
        for _ in range(args.runs):
            bare.append(run(BARE, [], tmp)[0])
            peak, per_page = run(APP, [str(work)], tmp)
            app.append(peak)
            pages.append(per_page)
    b, a = median(bare), median(app)
    print(machine())
    print(f"national demo with every module: {db.stat().st_size / 1e6:.0f} MB database")
    print(f"bare QMainWindow + QTableView (200 rows): peak RSS {b:.0f} MiB")
    for line in pages:  # per page: peak so far (MiB), seconds spent on the page
        print(f"pages visited (peak MiB so far, resident MiB after, seconds): {line}")
    target = 250e6 / 2**20  # the 250 MB (decimal) is 238.4 MiB
    print(
        f"Tälimger, national demo, every page and tab visited: peak RSS {a:.0f} MiB = "
        f"{a * 2**20 / 1e6:.0f} MB (median of {args.runs}; target <= 250 MB = {target:.1f} MiB: "
        f"{verdict(a, target)}); ratio {a / b:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
