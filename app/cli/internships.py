"""Headless commands of internships: plan a year (I-1), demo data (reports are in the catalogue)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from i18n import N_, _, translator


def register(commands: Any, reports: Any) -> None:
    """Add the internship sub-commands."""
    del reports
    p = commands.add_parser("plan", help=_("plan internships of a year (I-1)"))
    p.add_argument("what", choices=("internships",))
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--region", default="")
    p.add_argument("--apply", action="store_true", help=N_("save the proposed internships"))
    p.add_argument("--format", choices=("xlsx", "csv"), default=None)
    p.add_argument("--out", type=Path)
    p.set_defaults(handler=guarded(_plan))

    p = commands.add_parser("demo-internships", help=_("add internship demo data for a year"))
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--judges-per-region", type=int, default=0)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(handler=guarded(_demo))


def _write(
    args: argparse.Namespace,
    stem: str,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> Path:
    from app.core.spreadsheet.writer import write_csv, write_xlsx

    out: Path = args.out or Path(f"{stem}.{args.format}")
    if args.format == "csv":
        write_csv(out, header, rows)
    else:
        write_xlsx(out, title, header, rows)
    print(_("Written to {path}").format(path=out))
    return out


def _plan(args: argparse.Namespace) -> int:
    from app.internships.planner import REASONS, apply_plan, plan_year

    store = store_of(args, backup=args.apply)
    if args.apply:
        with store.write() as session:
            result = apply_plan(session, args.actor, args.year, region_code=args.region)
    else:
        with store.read() as session:
            result = plan_year(session, args.year, region_code=args.region)
    print(
        _(
            "Placed: {placed}; could not be placed: {unplaced}; already scheduled: {scheduled}."
        ).format(
            placed=len(result.placements),
            unplaced=len(result.unplaced),
            scheduled=result.already_scheduled,
        )
    )
    for u in result.unplaced:
        print(f"  {u.full_name}: {_(REASONS[u.reason])}")
    if args.format:
        tr_ = translator(args.lang)
        header = [
            tr_("Judge"),
            tr_("Host court"),
            tr_("From"),
            tr_("To"),
            tr_("Priority"),
            tr_("Reason"),
        ]
        with store.read() as session:
            from app.courts.service import list_courts

            names = {c.id: c.name for c in list_courts(session)}
        from app.internships.due import due_judges

        with store.read() as session:
            who = {r.person_id: r.full_name for r in due_judges(session, args.year)}
        rows: list[list[Any]] = [
            [
                who.get(p.person_id, ""),
                names.get(p.host_court_id, ""),
                p.starts_on,
                p.ends_on,
                p.priority,
                "",
            ]
            for p in result.placements
        ]
        rows += [
            [u.full_name, "", None, None, u.priority, tr_(REASONS[u.reason])]
            for u in result.unplaced
        ]
        _write(args, f"internship-plan-{args.year}", tr_("Plan"), header, rows)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.demo.internships import generate

    with store_of(args).write() as session:
        summary = generate(
            session,
            args.actor,
            year=args.year,
            seed=args.seed,
            judges_per_region=args.judges_per_region,
        )
    print(_("Internship demo data added for {judges} judges.").format(judges=summary.judges))
    return 0
