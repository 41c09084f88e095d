"""The national people list and CPD compliance on PostgreSQL beside SQLite, same data, same code.

    TALIMGER_BENCH_PG_URL=postgresql://postgres@127.0.0.1:55432/postgres \
        /work/venv/bin/python tests/bench/bench_postgresql.py [--years 3] [--runs 7]

Both stores get the same national demo (20 regions, 50,000 people, seed 7) and the same CPD
history (`--years`, seed 11), written through the app's own generators; the PostgreSQL one is a
scratch database created on the server named by TALIMGER_BENCH_PG_URL and dropped afterwards.
Measured in this process, through the same queries the window runs:
- people list: COUNT + first 200-row page (the view's first paint), and one search keystroke
  ("әб": COUNT + first page with the search), median of `--runs`;
- compliance: every person's CPD verdict for a year and the per-court counts (the CPD
  page), best of 3.
The machine line and the load average are printed with the figures (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from common import machine, median

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.cpd.compliance import compliance
from app.cpd.compliance_counts import counts_by_court
from app.cpd.dto import ComplianceFilter
from app.demo.cpd import generate_activity
from app.demo.generator import generate
from app.people.dto import PersonFilter
from app.people.queries import count_people, page_people
from tests.pg_plugin import create_database, database_url, drop_database

TODAY = date(2026, 11, 21)
YEAR = 2025


def build(store: Store, years: int) -> str:
    """The national demo and its CPD history, as `demo` writes them."""
    t0 = time.perf_counter()
    with store.write() as s:
        generate(s, local_actor(), scale="national", today=TODAY)
        rows = generate_activity(s, local_actor(), years=years, today=TODAY)
    return f"{rows} CPD lines, built in {time.perf_counter() - t0:.0f} s"


def timed(work: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` runs, in ms."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return median(times)


def measure(store: Store, runs: int) -> dict[str, float]:
    """The three figures of one store, in ms."""

    def first_paint() -> None:
        with store.read() as s:
            count_people(s, PersonFilter())
            page_people(s, PersonFilter(), 0, 200)

    def keystroke() -> None:
        flt = PersonFilter(text="әб")
        with store.read() as s:
            count_people(s, flt)
            page_people(s, flt, 0, 200)

    best = 9e9
    for _ in range(3):
        t0 = time.perf_counter()
        with store.read() as s:
            counts_by_court(s, compliance(s, ComplianceFilter(year=YEAR), as_of=TODAY))
        best = min(best, (time.perf_counter() - t0) * 1000)
    return {
        "people list first page": timed(first_paint, runs),
        "people list keystroke": timed(keystroke, runs),
        "CPD compliance": best,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sqlite", type=Path, default=Path(f"/tmp/bench-pg-{uuid.uuid4().hex}.db"))
    args = parser.parse_args()
    admin = os.environ.get("TALIMGER_BENCH_PG_URL") or os.environ.get("TALIMGER_TEST_PG_URL")
    if not admin:
        sys.exit("set TALIMGER_BENCH_PG_URL to a PostgreSQL server this benchmark may use")
    name = create_database(admin)
    try:
        stores = {
            "SQLite": open_store(args.sqlite, backup=False, create=True),
            "PostgreSQL": open_store(database_url(admin, name), backup=False),
        }
        figures = {}
        for label, store in stores.items():
            print(f"{label}: {build(store, args.years)}", flush=True)
            figures[label] = measure(store, args.runs)
            store.dispose()
        print(machine())
        print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        for what in figures["SQLite"]:
            lite, pg = figures["SQLite"][what], figures["PostgreSQL"][what]
            print(f"{what}: SQLite {lite:.0f} ms, PostgreSQL {pg:.0f} ms ({pg / lite:.2f}×)")
    finally:
        drop_database(admin, name)
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{args.sqlite}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
