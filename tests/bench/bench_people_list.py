"""50,000-person list: first paint of the people view (<= 100 ms), one filter keystroke (<= 50 ms).

    /work/venv/bin/python tests/bench/bench_people_list.py [--runs N]

Uses the national demo database (20 regions, 50,000 people; built once, ~2 s, cached in
/tmp/talimger-bench). Baseline, measured in the same process: a bare QTableView over a static
200-row Python model (first paint; a model reset plus repaint for the keystroke).
- first paint: construct PeopleView (its COUNT and first page queries), show it, process events
  until its table's viewport has painted.
- keystroke: the search text grows by one letter, then PeopleView.apply_filter() (the debounce
  timer's target: PeopleTableModel.set_filter -> COUNT + first page in SQL) and a synchronous
  repaint of the table. Kazakh and Russian letters, lower case (the search folds case).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import demo_db, machine, median, verdict

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.people.dto import PersonFilter
from app.people.queries import count_people, page_people
from i18n import set_language
from ui.context import UiContext
from ui.people.people_view import PeopleView

DISPLAY = Qt.ItemDataRole.DisplayRole


class StaticModel(QAbstractTableModel):
    """The baseline: 200 rows of 7 strings held in a list."""

    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        return self.rows[index.row()][index.column()] if role == DISPLAY else None

    def replace(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


class PaintWatch(QObject):
    """Flags the first Paint event a widget receives."""

    def __init__(self, target: QWidget) -> None:
        super().__init__()
        self.painted = False
        target.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def until_painted(app: QApplication, viewport: QWidget) -> None:
    watch = PaintWatch(viewport)
    deadline = time.perf_counter() + 10
    while not watch.painted and time.perf_counter() < deadline:
        app.processEvents()
    # the paint ran inside processEvents; one more pass flushes what it queued
    app.processEvents()
    viewport.removeEventFilter(watch)


def first_paint_people(app: QApplication, ctx: UiContext) -> float:
    start = time.perf_counter()
    view = PeopleView(ctx)
    view.resize(1280, 800)
    view.show()
    until_painted(app, view.table.viewport())
    seconds = time.perf_counter() - start
    view.close()
    view.deleteLater()
    app.processEvents()
    return seconds


def first_paint_bare(app: QApplication, rows: list[tuple[str, ...]]) -> float:
    start = time.perf_counter()
    table = QTableView()
    table.setModel(StaticModel(rows))
    table.resize(1280, 800)
    table.show()
    until_painted(app, table.viewport())
    seconds = time.perf_counter() - start
    table.close()
    table.deleteLater()
    app.processEvents()
    return seconds


def keystrokes_people(app: QApplication, view: PeopleView, words: list[str]) -> list[float]:
    times = []
    for word in words:
        view.search.clear()
        view.apply_filter()
        for n in range(1, len(word) + 1):
            start = time.perf_counter()
            view.search.setText(word[:n])
            view.apply_filter()
            view.table.viewport().repaint()
            times.append(time.perf_counter() - start)
            app.processEvents()
    return times


def keystrokes_bare(app: QApplication, rows: list[tuple[str, ...]], n: int) -> list[float]:
    model = StaticModel(rows)
    table = QTableView()
    table.setModel(model)
    table.resize(1280, 800)
    table.show()
    until_painted(app, table.viewport())
    times = []
    for i in range(n):
        start = time.perf_counter()
        model.replace(rows[i % 7 :] + rows[: i % 7])
        table.viewport().repaint()
        times.append(time.perf_counter() - start)
        app.processEvents()
    table.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    db = demo_db("national")
    app = QApplication([sys.argv[0], "-platform", "offscreen"])
    set_language("kk")
    store = open_store(db, backup=False)
    with tempfile.TemporaryDirectory(prefix="talimger-bench-") as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        ctx = UiContext(store=store, actor=local_actor(), settings=settings)
        with store.read() as session:
            total = count_people(session, PersonFilter())
            sample = page_people(session, PersonFilter(), 24_000, 200)
            later = page_people(session, PersonFilter(), 40_000, 1)
        rows = [
            (r.full_name, r.iin, r.court_name_kk, r.role, r.position, r.specialisation, "")
            for r in sample
        ]
        # Words to type: two different real surnames from the middle of the list (Kazakh or
        # Russian), lower case, plus an IIN prefix.
        words = [r.full_name.split()[0].lower() for r in (sample[0], later[0])]
        words.append(sample[50].iin[:6])

        first_paint_people(app, ctx)  # warm-up: imports, SQLite page cache
        first_paint_bare(app, rows)
        people_paint, bare_paint = [], []
        for _ in range(args.runs):
            people_paint.append(first_paint_people(app, ctx))
            bare_paint.append(first_paint_bare(app, rows))

        view = PeopleView(ctx)
        view.resize(1280, 800)
        view.show()
        until_painted(app, view.table.viewport())
        keystrokes_people(app, view, words[:1])  # warm-up
        people_keys = []
        for _ in range(max(1, args.runs // 3)):
            people_keys += keystrokes_people(app, view, words)
        start = time.perf_counter()
        view.model.sort(0, Qt.SortOrder.DescendingOrder)
        view.table.viewport().repaint()
        sort_time = time.perf_counter() - start
        view.close()
        bare_keys = keystrokes_bare(app, rows, len(people_keys))
    store.dispose()

    pp, bp = median(people_paint), median(bare_paint)
    pk, bk = median(people_keys), median(bare_keys)
    print(machine())
    print(f"people in the database: {total:,}; typed: {', '.join(words)}")
    print(
        f"first paint of the people view: {pp * 1000:.1f} ms median of {args.runs} "
        f"(target <= 100 ms: {verdict(pp, 0.100)}); bare 200-row table {bp * 1000:.1f} ms; "
        f"ratio {pp / bp:.1f}x"
    )
    print(
        f"one filter keystroke (set_filter + repaint): {pk * 1000:.1f} ms median, "
        f"max {max(people_keys) * 1000:.1f} ms over {len(people_keys)} keystrokes "
        f"(target <= 50 ms: {verdict(pk, 0.050)}); bare model reset + repaint "
        f"{bk * 1000:.2f} ms; ratio {pk / bk:.0f}x"
    )
    print(f"sort by name, descending (SQL) + repaint: {sort_time * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
