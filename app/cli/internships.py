"""Headless commands of internships and evaluation sheets (I-1…I-3, E-1…E-3)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from app.core.context import local_actor
from i18n import LANGUAGES, N_, _, translator

FORMATS = ("pdf", "xlsx", "csv")


def register(commands: Any, reports: Any) -> None:
    """Add the internship and evaluation sub-commands."""
    p = reports.add_parser("internships-due", help="judges due for an internship (I-1)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--region", default="", help="region code, e.g. AKM")
    _output(p)
    p.set_defaults(handler=guarded(_due))

    p = commands.add_parser("plan", help="plan internships of a year (I-1)")
    p.add_argument("what", choices=("internships",))
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--region", default="")
    p.add_argument("--apply", action="store_true", help="save the proposed internships")
    p.add_argument("--format", choices=("xlsx", "csv"), default=None)
    p.add_argument("--out", type=Path)
    p.set_defaults(handler=guarded(_plan))

    p = reports.add_parser("internship-schedule", help="schedule of internships of a year")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--region", default="")
    _output(p)
    p.set_defaults(handler=guarded(_schedule))

    p = reports.add_parser("evaluation-summary", help="summary table by criterion (E-3)")
    p.add_argument("--template", required=True, help="template code, e.g. judge_activity")
    p.add_argument("--period", required=True)
    _output(p)
    p.set_defaults(handler=guarded(_summary))

    p = reports.add_parser("internship-quality", help="quality before and after (I-2)")
    p.add_argument("--year", type=int, required=True)
    _output(p)
    p.set_defaults(handler=guarded(_quality))

    p = reports.add_parser("candidate-places", help="places for candidates' internships (I-3)")
    p.add_argument("--year", type=int, required=True)
    _output(p)
    p.set_defaults(handler=guarded(_candidates))

    p = commands.add_parser("demo-internships", help="add internship demo data for a year")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--judges-per-region", type=int, default=0)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(handler=guarded(_demo))


def _output(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="pdf")
    p.add_argument("--out", type=Path)
    p.add_argument(
        "--lang",
        dest="doc_lang",
        choices=LANGUAGES,
        default=None,
        help="language of the document (defaults to --lang)",
    )


def _lang(args: argparse.Namespace) -> str:
    return str(getattr(args, "doc_lang", None) or args.lang)


def _write(
    args: argparse.Namespace,
    stem: str,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    pdf: bytes | None = None,
) -> Path:
    from app.core.sheet_writer import write_csv, write_xlsx

    out: Path = args.out or Path(f"{stem}.{args.format}")
    if args.format == "pdf" and pdf is not None:
        out.write_bytes(pdf)
    elif args.format == "csv":
        write_csv(out, header, rows)
    else:
        write_xlsx(out, title, header, rows)
    print(_("Written to {path}").format(path=out))
    return out


def _centre(session: Any, lang: str) -> str:
    from app.courts.centre import current_centre
    from i18n import localized

    centre = current_centre(session)
    return localized(centre.name_kk, centre.name_ru, lang) if centre else ""


def _due(args: argparse.Namespace) -> int:
    from app.documents.internship_schedule import build_due_pdf, due_table
    from app.internships.dto import DueFilter
    from app.internships.due import due_judges

    lang = _lang(args)
    with store_of(args, backup=False).read() as session:
        rows = due_judges(session, args.year, DueFilter(region_code=args.region))
        centre = _centre(session, lang)
    header, body = due_table(rows, lang)
    pdf = (
        build_due_pdf(rows, year=args.year, lang=lang, centre_name=centre)
        if args.format == "pdf"
        else None
    )
    _write(args, f"internships-due-{args.year}", translator(lang)(N_("Due")), header, body, pdf=pdf)
    return 0


def _plan(args: argparse.Namespace) -> int:
    from app.internships.planner import REASONS, apply_plan, plan_year

    store = store_of(args, backup=args.apply)
    if args.apply:
        with store.write() as session:
            result = apply_plan(session, local_actor(), args.year, region_code=args.region)
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


def _schedule(args: argparse.Namespace) -> int:
    from app.documents.internship_schedule import build_schedule_pdf, schedule_table
    from app.internships.queries import schedule

    lang = _lang(args)
    with store_of(args, backup=False).read() as session:
        rows = schedule(session, args.year, region_code=args.region)
        centre = _centre(session, lang)
    header, body = schedule_table(rows, lang)
    pdf = (
        build_schedule_pdf(rows, year=args.year, lang=lang, centre_name=centre)
        if args.format == "pdf"
        else None
    )
    _write(
        args,
        f"internship-schedule-{args.year}",
        translator(lang)(N_("Schedule")),
        header,
        body,
        pdf=pdf,
    )
    return 0


def _summary(args: argparse.Namespace) -> int:
    from app.documents.evaluation_summary import build_summary_pdf, summary_rows
    from app.evaluation.summary import summary_table

    lang = _lang(args)
    with store_of(args, backup=False).read() as session:
        table = summary_table(session, args.template, args.period)
        centre = _centre(session, lang)
    header, body = summary_rows(table, lang)
    pdf = build_summary_pdf(table, lang=lang, centre_name=centre) if args.format == "pdf" else None
    _write(
        args,
        f"evaluation-summary-{args.template}-{args.period}",
        translator(lang)(N_("Summary")),
        header,
        body,
        pdf=pdf,
    )
    return 0


def _quality(args: argparse.Namespace) -> int:
    from app.documents.internship_quality import build_quality_pdf, quality_rows
    from app.internships.quality import compare

    lang = _lang(args)
    with store_of(args, backup=False).read() as session:
        items = compare(session, args.year)
        centre = _centre(session, lang)
    header, body = quality_rows(items, lang)
    pdf = (
        build_quality_pdf(items, year=args.year, lang=lang, centre_name=centre)
        if args.format == "pdf"
        else None
    )
    _write(
        args,
        f"internship-quality-{args.year}",
        translator(lang)(N_("Quality")),
        header,
        body,
        pdf=pdf,
    )
    return 0


def _candidates(args: argparse.Namespace) -> int:
    from app.documents.internship_schedule import (
        build_candidate_places_pdf,
        candidate_places_table,
    )
    from app.internships.queries import candidate_places_usage

    lang = _lang(args)
    with store_of(args, backup=False).read() as session:
        rows = candidate_places_usage(session, args.year)
        centre = _centre(session, lang)
    header, body = candidate_places_table(rows, lang)
    pdf = (
        build_candidate_places_pdf(rows, year=args.year, lang=lang, centre_name=centre)
        if args.format == "pdf"
        else None
    )
    _write(
        args,
        f"candidate-places-{args.year}",
        translator(lang)(N_("Candidates")),
        header,
        body,
        pdf=pdf,
    )
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.demo.internships import generate

    with store_of(args).write() as session:
        summary = generate(
            session,
            local_actor(),
            year=args.year,
            seed=args.seed,
            judges_per_region=args.judges_per_region,
        )
    print(_("Internship demo data added for {judges} judges.").format(judges=summary.judges))
    return 0
