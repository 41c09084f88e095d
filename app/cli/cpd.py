"""CPD and training commands: import, template, compliance, individual reports, summary, plan."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from app.core.context import local_actor
from app.core.errors import DomainError, NotFoundError
from i18n import N_, _


def add_what(
    commands: Any,
    verb: str,
    help_text: str,
    what_help: str,
    handler: Callable[[argparse.Namespace], int],
    configure: Callable[[argparse.ArgumentParser], object],
) -> None:
    """Add `VERB cpd …` (e.g. `import cpd FILE`) beside other features' `VERB WHAT …`.

    Whoever registers the verb first decides its shape: nested sub-parsers (ours), or a
    positional `what` with choices (another feature's) — then "cpd" joins its choices and its
    handler passes `cpd` on to ours; the arguments we need (FILE, --out) are the same.
    """
    parser = commands.choices.get(verb)
    if parser is None:
        parser = commands.add_parser(verb, help=help_text)
        parser._talimger_what = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    nested = getattr(parser, "_talimger_what", None)
    if nested is not None:
        configure(nested.add_parser("cpd", help=what_help))
        nested.choices["cpd"].set_defaults(handler=handler)
        return
    what = next(a for a in parser._actions if a.dest == "what")
    what.choices = (*what.choices, "cpd")
    theirs = parser.get_default("handler")

    def dispatch(args: argparse.Namespace) -> int:
        return handler(args) if args.what == "cpd" else int(theirs(args))

    parser.set_defaults(handler=dispatch)


def register(commands: Any, reports: Any) -> None:
    """Add the CPD and training sub-commands."""
    add_what(
        commands,
        "import",
        "import records from a file",
        "CPD ledger lines from XLSX or CSV (see `template cpd`)",
        guarded(_import),
        lambda p: p.add_argument("file", type=Path),
    )
    add_what(
        commands,
        "template",
        "write an empty import file",
        "empty CPD import file with the documented columns",
        guarded(_template),
        lambda p: p.add_argument("--out", type=Path, default=Path("cpd-import.xlsx")),
    )

    p = commands.add_parser(
        "demo-cpd", help="add demo CPD history and a training year for the people in the database"
    )
    p.add_argument("--years", type=int, default=10)
    p.set_defaults(handler=guarded(_demo))

    p = reports.add_parser("cpd-compliance", help="CPD compliance of a year")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--format", choices=("csv", "xlsx", "pdf"), default="xlsx")
    p.add_argument(
        "--status", default="", choices=("", "compliant", "at_risk", "not_compliant", "exempt")
    )
    p.add_argument("--region", default="", help="region code, e.g. AKM")
    p.add_argument("--out", type=Path)
    p.set_defaults(handler=guarded(_compliance))

    p = reports.add_parser("cpd-individual", help="individual CPD report(s) as one PDF")
    p.add_argument(
        "--person",
        action="append",
        default=[],
        metavar="IIN",
        help="IIN; repeat for several people",
    )
    p.add_argument("--region", default="", help="everyone of a region (batch printing)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--lang", dest="doc_lang", choices=("kk", "ru"))
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler=guarded(_individual))

    p = reports.add_parser("cpd-summary", help="the centre's yearly CPD summary (C-7)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--format", choices=("pdf", "xlsx"), default="pdf")
    p.add_argument("--region", default="")
    p.add_argument("--lang", dest="doc_lang", choices=("kk", "ru"))
    p.add_argument("--out", type=Path)
    p.set_defaults(handler=guarded(_summary))

    p = reports.add_parser("training-plan", help="plan of training events (or events held)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--format", choices=("pdf", "xlsx", "csv"), default="pdf")
    p.add_argument("--held", action="store_true", help="report of the events held instead")
    p.add_argument("--lang", dest="doc_lang", choices=("kk", "ru"))
    p.add_argument("--out", type=Path)
    p.set_defaults(handler=guarded(_plan))


def _lang(args: argparse.Namespace) -> str:
    return str(getattr(args, "doc_lang", None) or args.lang)


def _import(args: argparse.Namespace) -> int:
    from app.cpd.importer import ImportRejectedError, import_activities

    store = store_of(args)
    try:
        with store.write() as session:
            result = import_activities(session, local_actor(), args.file)
    except ImportRejectedError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    print(
        _("{imported} lines imported, {skipped} already present.").format(
            imported=result.imported, skipped=result.skipped
        )
    )
    return 0


def _template(args: argparse.Namespace) -> int:
    from app.cpd.importer import write_template
    from app.cpd.rules import list_forms, rule_set_for

    store = store_of(args, backup=False)
    with store.read() as session:
        points = rule_set_for(session, date.today().year).points
        forms = [(f.code, f.name_kk, f.name_ru, points.get(f.id)) for f in list_forms(session)]
    write_template(args.out, forms)
    print(_("Template written to {path}").format(path=args.out))
    return 0


def _compliance(args: argparse.Namespace) -> int:
    from app.cpd.dto import ComplianceFilter
    from app.cpd.exports import export_compliance

    out = args.out or Path(f"cpd-compliance-{args.year}.{args.format}")
    store = store_of(args, backup=False)
    flt = ComplianceFilter(year=args.year, status=args.status, region_code=args.region)
    with store.read() as session:
        rows = export_compliance(session, flt, args.format, out, lang=_lang(args))
    print(_("{count} people exported to {path}").format(count=len(rows), path=out))
    return 0


def _individual(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.cpd.printing import print_individual_reports
    from db.models import Court, Person

    store = store_of(args, backup=False)
    with store.read() as session:
        ids = []
        for iin in args.person:
            pid = session.scalar(select(Person.id).where(Person.iin == iin.strip()))
            if pid is None:
                raise NotFoundError(N_("No person with IIN {iin} in the register."), iin=iin)
            ids.append(pid)
        if args.region:
            ids += list(
                session.scalars(
                    select(Person.id)
                    .join(Court, Court.id == Person.court_id)
                    .where(Court.region_code == args.region)
                )
            )
        if not ids:
            raise DomainError(N_("Name a person (--person IIN) or a region (--region)."))

        def progress(done: int, total: int) -> bool:
            if total > 1:
                print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
            return True

        pdf = print_individual_reports(
            session, list(dict.fromkeys(ids)), args.year, lang=_lang(args), progress=progress
        )
    args.out.write_bytes(pdf)
    print(_("Report written to {path}").format(path=args.out))
    return 0


def _summary(args: argparse.Namespace) -> int:
    from app.cpd.exports import export_summary

    out = args.out or Path(f"cpd-summary-{args.year}.{args.format}")
    store = store_of(args, backup=False)
    with store.read() as session:
        export_summary(
            session, args.year, args.format, out, lang=_lang(args), region_code=args.region
        )
    print(_("Report written to {path}").format(path=out))
    return 0


def _plan(args: argparse.Namespace) -> int:
    from app.training.exports import export_plan

    out = args.out or Path(f"training-plan-{args.year}.{args.format}")
    store = store_of(args, backup=False)
    with store.read() as session:
        rows = export_plan(session, args.year, args.format, out, lang=_lang(args), held=args.held)
    print(_("{count} events written to {path}").format(count=len(rows), path=out))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.demo.cpd import generate_activity
    from app.demo.training import generate_training

    store = store_of(args)
    with store.write() as session:
        rows = generate_activity(session, local_actor(), years=args.years)
        events = generate_training(session, local_actor(), date.today().year)
    print(
        _("Demo CPD data added: {rows} ledger lines, {events} training events.").format(
            rows=rows, events=events
        )
    )
    return 0
