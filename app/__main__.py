"""Command line: the GUI by default, headless sub-commands otherwise."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import __version__
from app.cli import COMMAND_MODULES
from i18n import DEFAULT_LANGUAGE, LANGUAGES, set_language


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with every feature's sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m app", description="Tälimger")
    parser.add_argument("--db", help="database file path or SQLAlchemy URL")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of messages and documents (kk or ru)",
    )
    parser.add_argument("--version", action="version", version=f"Tälimger {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    report = commands.add_parser("report", help="print a report")
    reports = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, reports)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m app` and of the frozen bundle."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.application import run_gui

        return run_gui(db=args.db, lang=args.lang)
    args.lang = args.lang or os.environ.get("TALIMGER_LANG", DEFAULT_LANGUAGE)
    set_language(args.lang)
    if args.command == "self-test":
        from ui.self_test import run_self_test

        return run_self_test(args.db, args.lang)
    handler = args.handler
    return int(handler(args))


if __name__ == "__main__":
    sys.exit(main())
