"""Start-page benchmark: what is due and the charts on the full national demo (target ≤ 300 ms).

Run by hand: python tests/bench/bench_agenda.py [--db /tmp/talimger-bench/agenda-national.db]
The national demo with every module (generate_everything, scale "national") is built once and
kept; building it takes minutes.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.common import CACHE, machine, median, verdict

MADE_ON = date(2026, 11, 30)
TARGET_MS = 300.0


def build(path: Path) -> None:
    """The national demo with mentoring, internships, evaluation, one year of CPD, training."""
    if path.exists():
        return
    from app.core.bootstrap import open_store
    from app.core.context import local_actor
    from app.demo.everything import generate_everything
    from app.demo.training import generate_training

    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(path, backup=False, create=True)
    t0 = time.perf_counter()
    with store.write() as s:
        generate_everything(s, local_actor(), scale="national", cpd_years=1, today=MADE_ON)
        generate_training(s, local_actor(), MADE_ON.year, today=MADE_ON)
    store.dispose()
    print(f"built the national demo in {time.perf_counter() - t0:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=CACHE / "agenda-national.db")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--region",
        default="",
        help="the start page of a coordinator signed in for this region (default: no login, "
        "every region)",
    )
    args = parser.parse_args()
    build(args.db)
    from app.agenda.service import start_page
    from app.core.bootstrap import open_store
    from app.core.context import local_actor
    from app.security.service import needs_first_run

    store = open_store(args.db, backup=False)
    with store.read() as s:
        # What the window reads before its start page (who is acting): the first ORM query of
        # the process also configures SQLAlchemy's mappers, ~35 ms the page does not pay there
        needs_first_run(s)
    actor = replace(local_actor(), region_code=args.region)
    times, cpu = [], []
    for _i in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        with store.read() as s:
            page = start_page(s, actor, MADE_ON, backup_dir=store.backup_dir, side=store.read_apart)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    ms = median(times)
    print(machine())
    # On a busy machine the wall time says little: the CPU time is this process's own work.
    print(
        f"start page of {args.region or 'every region'} ({len(page.items)} items and the "
        f"charts): median {ms:.0f} ms "
        f"(CPU {median(cpu):.0f} ms) of {args.runs} runs, load average "
        f"{os.getloadavg()[0]:.1f}, target {TARGET_MS:.0f} ms: {verdict(ms, TARGET_MS)}; "
        f"the first of them {times[0]:.0f} ms: {verdict(times[0], TARGET_MS)}"
    )
    if args.profile:
        prof = cProfile.Profile()
        with store.read() as s:
            prof.runcall(
                start_page, s, actor, MADE_ON, backup_dir=store.backup_dir, side=store.read_apart
            )
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
