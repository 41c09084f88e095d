"""E-4 monitoring data commands: a template, a preview of a file, and its import."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from i18n import _, ngettext


def register(commands: Any, reports: Any) -> None:
    """Add the `monitoring` sub-commands."""
    del reports
    group = commands.add_parser(
        "monitoring",
        help=_("workload by specialisation, quality on appeal and cassation (E-4)"),
    )
    sub = group.add_subparsers(dest="monitoring_command", metavar="ACTION", required=True)
    p = sub.add_parser("template", help=_("write an empty file to fill (XLSX or CSV)"))
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler=guarded(_template))
    for action, helptext in (
        ("preview", _("show what a file would import, saving nothing")),
        ("import", _("import a file: every row, or none when a row is wrong")),
    ):
        p = sub.add_parser(action, help=helptext)
        p.add_argument("file", type=Path)
        p.set_defaults(handler=guarded(_preview if action == "preview" else _import))


def _template(args: argparse.Namespace) -> int:
    from app.evaluation.monitoring_file import write_template

    write_template(args.out, args.lang)
    print(_("Written to {path}").format(path=args.out))
    return 0


def _preview(args: argparse.Namespace) -> int:
    from app.evaluation.monitoring import CATEGORIES, KINDS, preview_monitoring

    with store_of(args, backup=False).read() as session:
        found = preview_monitoring(session, args.file)
    for name, m in found.lines:
        print(
            f"{name}\t{m.period_start:%d.%m.%Y}–{m.period_end:%d.%m.%Y}\t{_(KINDS[m.kind])}\t"
            f"{_(CATEGORIES[m.category])}\t{m.cases}\t{m.upheld}\t{m.changed}\t{m.reversed}"
        )
    for error in found.errors:
        print(error.message())
    print(
        ngettext("{n} line to import", "{n} lines to import", len(found.lines)).format(
            n=len(found.lines)
        )
        + "; "
        + ngettext("{n} wrong row", "{n} wrong rows", len(found.errors)).format(n=len(found.errors))
    )
    return 1 if found.errors else 0


def _import(args: argparse.Namespace) -> int:
    from app.evaluation.monitoring import import_monitoring

    with store_of(args).write() as session:
        added, replaced = import_monitoring(session, args.actor, args.file)
    print(_("Added: {added}; replaced: {replaced}.").format(added=added, replaced=replaced))
    return 0
