"""CPD and training commands: import, template, demo data (reports are in the catalogue)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from i18n import _


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
    del reports
    add_what(
        commands,
        "import",
        "import records from a file",
        "CPD ledger lines from XLSX or CSV (see `template cpd`)",
        guarded(_import),
        _import_arguments,
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
        "demo-cpd",
        help=_("add demo CPD history and a training year for the people in the database"),
    )
    p.add_argument("--years", type=int, default=10)
    p.set_defaults(handler=guarded(_demo))


def _import_arguments(p: argparse.ArgumentParser) -> None:
    # Only when `import` is ours; under another feature's `import WHAT` its --yes is shared.
    p.add_argument("file", type=Path)
    p.add_argument("--yes", action="store_true", help="write after the preview (confirm)")


class _PreviewOnlyError(Exception):
    """Rolls the preview's transaction back: it ran the import to count, not to keep."""


def _import(args: argparse.Namespace) -> int:
    from app.cpd.importer import ImportRejectedError, ImportResult, import_activities

    store = store_of(args)
    confirmed = bool(getattr(args, "yes", False))
    result: ImportResult | None = None
    try:
        # Every import previews first and writes only with --yes (issue 15, 10): the preview
        # is the whole import, checks included, in a transaction that is rolled back.
        with store.write() as session:
            result = import_activities(session, args.actor, args.file)
            if not confirmed:
                raise _PreviewOnlyError
    except ImportRejectedError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except _PreviewOnlyError:
        pass
    assert result is not None
    if not confirmed:
        print(
            _("{imported} lines would be imported, {skipped} already present.").format(
                imported=result.imported, skipped=result.skipped
            )
        )
        print(_("Preview only; run again with --yes to import."))
        return 0
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
    write_template(args.out, forms, args.lang)
    print(_("Template written to {path}").format(path=args.out))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.demo.cpd import generate_activity
    from app.demo.training import generate_training

    store = store_of(args)
    with store.write() as session:
        rows = generate_activity(session, args.actor, years=args.years)
        events = generate_training(session, args.actor, date.today().year)
    print(
        _("Demo CPD data added: {rows} ledger lines, {events} training events.").format(
            rows=rows, events=events
        )
    )
    return 0
