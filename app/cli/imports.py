"""Import commands: write the template, preview a file, and import it when confirmed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from app.cli.security import add_login_arguments, cli_actor
from i18n import N_, _

ACTIONS = {
    "new": N_("new"),
    "update": N_("update"),
    "error": N_("error"),
    "exists": N_("already there"),
    "same": N_("unchanged"),
    "conflict": N_("identity conflict"),
}


def register(commands: Any, reports: Any) -> None:
    """Add the import and template sub-commands."""
    del reports
    p = commands.add_parser("import", help=_("import people or courts from XLSX/CSV"))
    p.add_argument("what", choices=("people", "courts"))
    p.add_argument("file", type=Path)
    p.add_argument("--yes", action="store_true", help=N_("write after the preview (confirm)"))
    p.add_argument("--skip-errors", action="store_true", help=N_("leave rows with errors out"))
    p.add_argument(
        "--confirm-identity",
        action="append",
        default=[],
        metavar="IIN",
        help=N_("import this identity conflict's row: the IIN's person takes the file's name"),
    )
    add_login_arguments(p)
    p.set_defaults(handler=guarded(_import))

    p = commands.add_parser("template", help=_("write an empty import template"))
    p.add_argument("what", choices=("people",))
    # Required: features joining this verb (cpd) get the same --out.
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler=guarded(_template))


def _template(args: argparse.Namespace) -> int:
    from app.people.importer import write_template

    write_template(args.out, args.lang)
    print(_("Template written to {path}").format(path=args.out))
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.core.spreadsheet.reader import read_sheet

    store = store_of(args)
    actor = cli_actor(store, args)
    sheet = read_sheet(args.file)
    if args.what == "courts":
        from app.courts.importer import apply_courts, preview_courts

        with store.read() as session:
            rows = preview_courts(session, actor, sheet)
        for r in rows:
            print(f"{r.line}\t{_(ACTIONS[r.action])}\t{r.name_kk}\t{'; '.join(r.errors)}")
        if not args.yes:
            print(_("Preview only; run again with --yes to import."))
            return 0
        with store.write() as session:
            added = apply_courts(session, actor, rows)
        print(_("{count} courts added.").format(count=added))
        return 0
    return _import_people(args, store, actor, sheet)


def _import_people(args: argparse.Namespace, store: Any, actor: Any, sheet: Any) -> int:
    from app.people.importer import apply_people, field_title, preview_people

    with store.read() as session:
        preview = preview_people(session, actor, sheet)
    for row in preview.rows:
        print(
            f"{row.line}\t{_(ACTIONS[row.action])}\t{row.iin}\t{row.name}\t{'; '.join(row.errors)}"
        )
        if row.action == "conflict":
            print(
                "\t"
                + _("in the register: {old}; in the file: {new}").format(
                    old=row.old_name, new=row.name
                )
            )
        for change in row.changes:  # every field an update would change, old → new
            print(f"\t{field_title(change.field)}: {change.old} → {change.new}")
    print(
        _("New: {new}, updates: {update}, errors: {error}").format(
            new=preview.count("new"), update=preview.count("update"), error=preview.count("error")
        )
    )
    print(
        _("Unchanged: {same}, identity conflicts: {conflict}").format(
            same=preview.count("same"), conflict=preview.count("conflict")
        )
    )
    if not args.yes:
        print(_("Preview only; run again with --yes to import."))
        return 0
    named = set(args.confirm_identity)
    confirmed = {r.line for r in preview.rows if r.action == "conflict" and r.iin in named}
    with store.write() as session:
        counts = apply_people(
            session, actor, preview, skip_errors=args.skip_errors, confirmed=confirmed
        )
    print(_("Imported: {new} added, {update} updated.").format(**counts))
    return 0
