"""The `report` command, generated from the document catalogue, and `export people|courts`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import guarded, store_of
from app.core.progress import Progress
from app.documents.catalogue import CATALOGUE, find
from app.documents.spec import CHOICE, FLAG, PEOPLE, YEAR, Document, Param
from i18n import LANGUAGES, N_, _

WRITTEN = N_("Written to {path}")
# `export WHAT`: the catalogue document each register is.
_EXPORTS = {"people": "people-register", "courts": "courts-register"}


def _option(parser: argparse.ArgumentParser, param: Param) -> None:
    flag, dest = "--" + param.name.replace("_", "-"), "param_" + param.name
    metavar = param.name.upper()
    help_text = param.help or param.label  # a choice without its own help: its form label
    if param.kind == FLAG:
        parser.add_argument(flag, dest=dest, action="store_true", help=help_text)
    elif param.kind == PEOPLE:
        parser.add_argument(
            flag, dest=dest, action="append", default=[], metavar="IIN", help=help_text
        )
    elif param.kind == YEAR:
        parser.add_argument(
            flag, dest=dest, type=int, required=param.required, metavar=metavar, help=help_text
        )
    elif param.kind == CHOICE:
        choices = ("", *(value for value, _label in param.choices))
        parser.add_argument(flag, dest=dest, choices=choices, help=help_text)
    else:
        parser.add_argument(
            flag, dest=dest, required=param.required, metavar=metavar, help=help_text
        )


def register(commands: Any, reports: Any) -> None:
    """Add one `report` sub-command per catalogue document, and `export people|courts`."""
    for doc in CATALOGUE:
        p = reports.add_parser(doc.id, help=_(doc.title))
        for param in doc.params:
            _option(p, param)
        # No default: the suffix of --out decides, then the document's first format.
        p.add_argument("--format", choices=doc.formats, default=None)
        p.add_argument("--out", type=Path, help=N_("output file (default: a name in this folder)"))
        p.add_argument(
            "--lang",
            dest="doc_lang",
            choices=LANGUAGES,
            default=None,
            help=N_("language of the document (defaults to the global --lang)"),
        )
        p.set_defaults(handler=guarded(_report), document=doc.id)

    # Kept from before the catalogue: the people register under its older name; the courts
    # register beside it, in the columns `import courts` takes (issue 15).
    p = commands.add_parser("export", help=_("export a register"))
    p.add_argument("what", choices=tuple(_EXPORTS))
    p.add_argument("--format", choices=("xlsx", "csv", "pdf"), default=None)
    p.add_argument("--out", type=Path)
    p.add_argument("--search", dest="param_search", default="", help=N_("search text"))
    p.add_argument("--role", dest="param_role", default="")
    p.add_argument("--status", dest="param_status", default="")
    p.set_defaults(handler=guarded(_export))


def _params(doc: Document, args: argparse.Namespace) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for param in doc.params:
        value = getattr(args, "param_" + param.name, None)
        if value is not None:
            params[param.name] = tuple(value) if param.kind == PEOPLE else value
    return params


def _progress(done: int, total: int) -> None:
    if total > 1:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)


def _run(args: argparse.Namespace, lang: str, default_out: Path | None = None) -> int:
    from app.documents.output import produce, write

    doc = find(args.document)
    args.format = _format(doc, args)
    store = store_of(args, backup=False)
    with store.read() as session:
        output = produce(
            session,
            args.actor,
            doc,
            _params(doc, args),
            lang=lang,
            fmt=args.format,
            progress=Progress(_progress),
        )
    out: Path = args.out or default_out or Path(output.file_name())
    write(output, out)
    for note in doc.notes(output.data):
        print(_(note), file=sys.stderr)
    print(_(doc.done or WRITTEN).format(path=out, count=output.count))
    return 0


def _format(doc: Document, args: argparse.Namespace) -> str:
    """--format, else the suffix of --out (`--out x.csv` once wrote XLSX), else the first."""
    if args.format:
        return str(args.format)
    suffix = args.out.suffix.lstrip(".").lower() if args.out else ""
    return suffix if suffix in doc.formats else doc.formats[0]


def _report(args: argparse.Namespace) -> int:
    return _run(args, str(args.doc_lang or args.lang))


def _export(args: argparse.Namespace) -> int:
    args.document = _EXPORTS[args.what]
    return _run(args, str(args.lang), Path(f"{args.what}.{_format(find(args.document), args)}"))
