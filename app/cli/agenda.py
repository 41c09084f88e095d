"""`agenda`: what is due on a day, headlessly (a scheduled task on the centre's PC)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.common import day_argument, guarded, store_of
from app.core.context import local_actor
from i18n import _, format_date


def register(commands: Any, reports: Any) -> None:
    """Add the agenda command."""
    del reports
    p = commands.add_parser("agenda", help=_("list what is due: deadlines and to-dos"))
    p.add_argument("--on", type=day_argument, default=None, help=_("the day to answer for (today)"))
    p.add_argument("--format", choices=("text", "csv", "pdf"), default="text")
    p.add_argument("--out", type=Path, help=_("file to write (csv, pdf)"))
    p.set_defaults(handler=guarded(_agenda))


def rows_of(items: list[Any]) -> list[list[str]]:
    """State, due date, what, names: the lines the text, csv and pdf forms share."""
    from app.agenda.text import due_text, state_text, title_of

    return [[state_text(i), due_text(i), i.rule, title_of(i), ", ".join(i.names)] for i in items]


def _agenda(args: argparse.Namespace) -> int:
    from app.agenda.service import agenda

    on = args.on or date.today()
    store = store_of(args, backup=False)
    with store.read() as session:
        items = agenda(
            session, local_actor(), on, backup_dir=store.backup_dir, side=store.read_apart
        )
    rows = rows_of(items)
    header = [_("State"), _("Due"), _("Rule"), _("What"), _("Who")]
    if args.format == "text":
        print(_("Due on {date}: {n}").format(date=format_date(on), n=len(items)))
        for state, due, rule, what, who in rows:
            print(f"{state:<12} {due:<18} {rule:<5} {what}")
            if who:
                print(f"{'':<37} {who}")
        return 0
    out: Path = args.out or Path(f"agenda-{on.isoformat()}.{args.format}")
    if args.format == "csv":
        from app.core.spreadsheet.writer import write_csv

        write_csv(
            out,
            [*header, "key", "count"],
            [[*r, i.key, i.count] for r, i in zip(rows, items, strict=True)],
        )
    else:
        from app.documents.output import centre_name
        from app.documents.table_pdf import mm_widths, table_document

        with store.read() as session:
            centre = centre_name(session, args.lang)
        out.write_bytes(
            table_document(
                title=_("What is due"),
                subtitle=format_date(on),
                header=header,
                rows=rows,
                widths=mm_widths(28, 30, 14, 95, 94),
                lang=args.lang,
                centre_name=centre,
                today=on,
                numeric=(),
            )
        )
    print(_("Written to {path}").format(path=out), file=sys.stdout)
    return 0
