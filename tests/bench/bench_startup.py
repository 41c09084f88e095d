"""Start to first paint and to the first page painted with its data, against bare PySide6 (<= 1.3x).

    .venv/bin/python tests/bench/bench_startup.py [--runs N] [--scale national | --db STORE]

Each run is a fresh process (cold-ish: the OS file cache stays warm). The time is taken from
just before the process is spawned to the first Paint event of a widget inside the main window
(CLOCK_MONOTONIC is shared by parent and child). The app runs its real start path
(`python -m app --db FILE`: argument parsing, translators, integrity check, automatic backup,
migration check, main window) on a copy of a demo database that is already migrated
(--scale region, default, or national).
It also lists heavy modules found loaded at first paint and measures what they cost.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, child_env, demo_db, machine, median, verdict

PAINT_HOOK = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QWidget

HEAVY = ("reportlab", "openpyxl", "alembic", "alembic.command", "alembic.script",
         "mako", "pypdf", "pypdfium2", "PIL", "babel.messages", "psycopg")

class FirstPaint(QObject):
    # Two moments: the window's first paint, then the first paint of the page with its data
    # (bare: the table showing rows). Both print, then the process ends.
    first = None
    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint or not obj.isWidgetType():
            return False
        window = obj.window()
        if not (isinstance(window, QMainWindow) and window.isVisible()):
            return False
        now, cpu = time.monotonic(), time.process_time()
        if self.first is None:
            self.first, self.first_cpu = now, cpu
        view = obj.parent()
        bare_rows = (
            isinstance(view, QAbstractItemView)
            and view.objectName() != "navigation"
            and view.model() is not None
            and view.model().rowCount() > 0
        )
        # The app: a paint inside the page the stack shows once the store is attached (until
        # then the stack holds plain QWidget placeholders) and, for the start page, once its
        # figures and what is due have arrived (it paints "loading" before).
        stack = getattr(window, "stack", None)
        page = stack.currentWidget() if stack is not None else None
        app_page = page is not None and type(page) is not QWidget and page.isAncestorOf(obj)
        if app_page and hasattr(page, "busy"):
            app_page = not page.busy and getattr(page, "page", None) is not None
        if bare_rows or app_page:
            print(repr(self.first), flush=True)
            print(repr(now), flush=True)
            print(json.dumps([m for m in HEAVY if m in sys.modules]), flush=True)
            print(json.dumps([self.first_cpu, cpu]), flush=True)
            os._exit(0)
        return False

app = QApplication([sys.argv[0], "-platform", "offscreen"])
hook = FirstPaint()
app.installEventFilter(hook)
"""

BARE = (
    PAINT_HOOK
    + r"""
import sqlite3
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
window = QMainWindow()
table = QTableView()
# The bare baseline shows data too: 200 rows of the same store through plain sqlite3.
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = conn.execute(
    "SELECT surname, first_name, patronymic, iin, role FROM person ORDER BY sort_key LIMIT 200"
).fetchall()
model = QStandardItemModel(len(rows), 5)
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        model.setItem(r, c, QStandardItem(str(value)))
table.setModel(model)
window.setCentralWidget(table)
window.resize(1100, 700)
window.show()
app.exec()
"""
)

# "Bare window + the same first query on the same store": the start page's two reads (counts,
# what is due and the charts) through the app's own functions, shown as rows of a table.
BARE_QUERY = (
    PAINT_HOOK
    + r"""
from datetime import date
from pathlib import Path
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from app.agenda.service import start_page
from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.dashboard.queries import dashboard_figures
window = QMainWindow()
table = QTableView()
store = open_store(Path(sys.argv[1]), backup=False)
on = date.today()
with store.read() as s:
    figures = dashboard_figures(s, on)
    page = start_page(s, local_actor(), on, backup_dir=store.backup_dir, side=store.read_apart)
rows = [(item.key, str(item.count)) for item in page.items] or [("people", str(figures))]
model = QStandardItemModel(len(rows), 2)
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        model.setItem(r, c, QStandardItem(value))
table.setModel(model)
window.setCentralWidget(table)
window.resize(1100, 700)
window.show()
app.exec()
"""
)

APP = (
    PAINT_HOOK
    + r"""
from app.__main__ import main
main(["--db", sys.argv[1]])
"""
)

# The start path before app.core.bootstrap learned to skip Alembic at head, for comparison.
APP_EAGER_ALEMBIC = (
    PAINT_HOOK
    + r"""
from db.engine import make_engine
from db.migrate import needs_upgrade
needs_upgrade(make_engine(sys.argv[1]))
from app.__main__ import main
main(["--db", sys.argv[1]])
"""
)

COSTS = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
t = time.perf_counter(); import sqlalchemy, sqlalchemy.orm
orm = time.perf_counter() - t
from db.engine import make_engine
t = time.perf_counter(); import alembic.command, alembic.script, alembic.runtime.migration
imp = time.perf_counter() - t
from db.migrate import needs_upgrade
engine = make_engine(sys.argv[2])
t = time.perf_counter(); needs_upgrade(engine)
check = time.perf_counter() - t
print(imp, check, orm)
"""


def _env(tmp: Path) -> dict[str, str]:
    """The child's environment, writing byte code: an installed copy (pip, the bundle) has its
    .pyc files, while PYTHONDONTWRITEBYTECODE=1 would make every run compile our modules
    (~30 ms of CPU that the bare baseline never pays). The warm-up runs write them."""
    env = child_env(tmp)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(code: str, args: list[str], tmp: Path) -> tuple[float, float, list[str], list[float]]:
    """Seconds from spawn to first paint and to the first page painted with its data; heavy
    modules loaded by then; the child's CPU seconds at both moments (all its threads)."""
    import time

    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=_env(tmp),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or len(lines) < 4:
        raise RuntimeError(f"child failed ({done.returncode}): {done.stderr[-2000:]}")
    first, data = float(lines[-4]) - start, float(lines[-3]) - start
    return first, data, json.loads(lines[-2]), json.loads(lines[-1])


def main() -> int:
    """Alternate bare and app runs so both see the same machine load."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--scale",
        choices=("region", "national"),
        default="region",
        help="people-only demo database the app opens (national: 50,000 people)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help="a migrated store in no-login mode to copy and open instead, e.g. the full national "
        "demo of bench_agenda.py (every module, ~630 MB)",
    )
    args = parser.parse_args()
    bare, bare_data, query, app, app_data, eager, heavy = [], [], [], [], [], [], []
    cpu: dict[str, list[float]] = {"bare": [], "query": [], "app": [], "app_data": []}
    with tempfile.TemporaryDirectory(prefix="talimger-bench-") as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "store.db"  # the app backs up its store after start: work on a copy
        db.write_bytes((args.db or demo_db(args.scale)).read_bytes())
        run_once(BARE, [str(db)], tmp)  # warm the file cache once, not measured
        run_once(APP, [str(db)], tmp)
        for _ in range(args.runs):
            first, data, _heavy, used = run_once(BARE, [str(db)], tmp)
            bare.append(first)
            bare_data.append(data)
            cpu["bare"].append(used[0])
            _first, data, _heavy, used = run_once(BARE_QUERY, [str(db)], tmp)
            query.append(data)
            cpu["query"].append(used[1])
            first, data, heavy, used = run_once(APP, [str(db)], tmp)
            app.append(first)
            app_data.append(data)
            cpu["app"].append(used[0])
            cpu["app_data"].append(used[1])
            eager.append(run_once(APP_EAGER_ALEMBIC, [str(db)], tmp)[0])
        costs = subprocess.run(
            [sys.executable, "-c", COSTS, str(ROOT), str(db)],
            env=child_env(tmp),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        db_size = db.stat().st_size
    b, a = median(bare), median(app)
    bd, bq, ad = median(bare_data), median(query), median(app_data)
    c = {key: median(values) for key, values in cpu.items()}
    store = args.db.name if args.db else f"{args.scale} demo"
    print(machine())
    print(f"runs: {args.runs} each, median; store: {store}, {db_size / 1e6:.1f} MB")
    print("wall clock from spawn, then (CPU seconds of the child, steadier on a loaded machine):")
    print(f"bare QMainWindow + QTableView, first paint: {b * 1000:.0f} ms ({c['bare'] * 1000:.0f})")
    print(f"Tälimger main window, first paint:          {a * 1000:.0f} ms ({c['app'] * 1000:.0f})")
    print(
        f"ratio: {a / b:.2f}x, CPU {c['app'] / c['bare']:.2f}x "
        f"(target <= 1.3x: {verdict(a / b, 1.3)})"
    )
    print(
        f"bare window + the start page's query, painted: {bq * 1000:.0f} ms "
        f"({c['query'] * 1000:.0f})"
    )
    print(
        f"Tälimger, start page painted with its data:    {ad * 1000:.0f} ms "
        f"({c['app_data'] * 1000:.0f})"
    )
    print(
        f"ratio: {ad / bq:.2f}x, CPU {c['app_data'] / c['query']:.2f}x "
        f"(target <= 1.3x: {verdict(ad / bq, 1.3)})"
    )
    print(f"(bare window, 200 rows read with plain sqlite3 and painted: {bd * 1000:.0f} ms)")
    e = median(eager)
    print(
        f"same, with Alembic imported and consulted at start (the old path): {e * 1000:.0f} ms "
        f"({e / b:.2f}x); skipping it saves {(e - a) * 1000:.0f} ms"
    )
    print(f"heavy modules loaded at first paint: {', '.join(heavy) or 'none'}")
    print(
        "cost of Alembic on the start path (separate process): "
        f"import alembic.command/script {float(costs[0]) * 1000:.0f} ms, "
        f"needs_upgrade() at head {float(costs[1]) * 1000:.0f} ms "
        "(skipped by app.core.bootstrap when the store is at head)"
    )
    print(f"import sqlalchemy.orm alone (separate process): {float(costs[2]) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
