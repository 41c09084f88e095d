"""Benchmark: planning a national internship year and the summary table of a national round.

Run by hand: python tests/bench/bench_internships.py  (about 30 s, mostly building data).
Targets: plan ≤ 5 s for 20 regions / 2,500 judges; summary table ≤ 1 s for a national round.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.demo import evaluation as eval_demo
from app.demo import internships as demo
from app.evaluation.summary import summary_table
from app.internships.planner import plan_year

YEAR = 2027


def _best(fn, n: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Build a national year, then time the planner and the summary table against baselines."""
    path = Path(tempfile.mkdtemp()) / "bench.db"
    store = open_store(path, backup=False)
    actor = local_actor()
    with store.write() as s:
        demo.generate(s, actor, year=YEAR, judges_per_region=125, regions=20)
        sheets = eval_demo.generate(s, actor, periods=("2026", "2027"))
    raw = sqlite3.connect(path)

    def baseline_people() -> None:
        raw.execute(
            "SELECT p.id, p.surname, p.first_appointed_on, c.level, c.parent_id "
            "FROM person p JOIN court c ON c.id = p.court_id "
            "WHERE p.role = 'judge'"
        ).fetchall()

    with store.read() as s:
        result = plan_year(s, YEAR)
        plan = _best(lambda: plan_year(s, YEAR))
        table = summary_table(s, "judge_activity", "2027")
        summary = _best(lambda: summary_table(s, "judge_activity", "2027"))
    base_people = _best(baseline_people)
    base_ratings = _best(
        lambda: raw.execute("SELECT sheet_id, criterion_id, value FROM eval_rating").fetchall()
    )
    due = len(result.placements) + len(result.unplaced)
    print(
        f"plan national year: {plan:.3f} s for {due} due judges of 2,500 "
        f"({len(result.placements)} placed, {len(result.unplaced)} not placed); "
        f"baseline (bare SELECT of the judges) {base_people:.4f} s; "
        f"ratio {plan / base_people:.0f}x"
    )
    print(
        f"summary table national round: {summary:.3f} s for {len(table.judges)} judges, "
        f"{len(table.courts)} courts, {sheets} signed sheets over 2 periods; "
        f"baseline (bare SELECT of all ratings) {base_ratings:.4f} s; "
        f"ratio {summary / base_ratings:.1f}x"
    )


if __name__ == "__main__":
    main()
