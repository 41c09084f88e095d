"""Command line: the GUI by default, headless sub-commands otherwise."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import __version__
from i18n import DEFAULT_LANGUAGE, LANGUAGES, set_language


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database file path or SQLAlchemy URL")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of messages and documents (kk or ru)",
    )
    parser.add_argument("--version", action="version", version=f"Tälimger {__version__}")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with every feature's sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m app", description="Tälimger")
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    report = commands.add_parser("report", help="print a report")
    reports = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    from app.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, reports)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m app` and of the frozen bundle."""
    # Starting the GUI needs only the global options: the command modules (and SQLAlchemy
    # behind them) are imported when a command is given, keeping them off the start path.
    quick = argparse.ArgumentParser(prog="python -m app", add_help=False)
    _global_options(quick)
    known, rest = quick.parse_known_args(argv)
    if not rest:
        from ui.application import run_gui

        return run_gui(db=known.db, lang=known.lang)
    args = build_parser().parse_args(argv)
    args.lang = args.lang or os.environ.get("TALIMGER_LANG", DEFAULT_LANGUAGE)
    set_language(args.lang)
    if args.command == "self-test":
        from ui.self_test import run_self_test

        return run_self_test(args.db, args.lang)
    handler = args.handler
    return int(handler(args))


if __name__ == "__main__":
    sys.exit(main())
