"""Command line: the GUI by default, headless sub-commands otherwise."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import __version__
from app.cli.console import program_name, safe_streams, translate_argparse, translate_help
from i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _, set_language

PROGRAM = "Tälimger"
DESCRIPTION = N_(
    "Tälimger: mentoring, internships, evaluation and professional development of judges. "
    "Without a command it starts the window."
)
EPILOG = N_(
    "Exit codes: 0 done; 1 a check found a problem; 2 wrong command line; "
    "3 refused by a rule or permission; 4 environment (disk, file, network, database); "
    "70 internal error. Log: {path}"
)


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help=_("database file path or SQLAlchemy URL"))
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=_("language of messages and documents (kk or ru)"),
    )
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with every feature's sub-commands, in the active language."""
    from app.core.logs import log_file

    translate_argparse()
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description=_(DESCRIPTION),
        epilog=_(EPILOG).format(path=log_file()),
    )
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    report = commands.add_parser("report", help=_("print a report"))
    reports = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    from app.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, reports)
    from app.cli.login import declare

    declare(parser)  # every command gets --user and the path its permission is looked up by
    translate_help(parser)
    return parser


def _run_command(argv: list[str] | None, lang: str) -> int:
    from app.core.logs import LOGGER, start_logging

    start_logging()
    args = build_parser().parse_args(argv)
    args.lang = lang
    LOGGER.info("command %s", args.command)
    if args.command == "self-test":
        from app.cli.login import authorise
        from ui.self_test import run_self_test

        # With --db it opens the user's store: the window then runs as the logged-in user
        # (without, a throw-away store of its own).
        return run_self_test(args.db, args.lang, authorise(args) if args.db else None)
    return int(args.handler(args))


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m app`, of the `talimger` script and of the frozen bundle."""
    safe_streams()
    # Starting the GUI needs only the global options: the command modules (and SQLAlchemy
    # behind them) are imported when a command is given, keeping them off the start path.
    quick = argparse.ArgumentParser(prog=program_name(), add_help=False)
    _global_options(quick)
    known, rest = quick.parse_known_args(argv)
    if not rest:
        from ui.application import run_gui

        return run_gui(db=known.db, lang=known.lang)
    lang = known.lang or os.environ.get("TALIMGER_LANG", DEFAULT_LANGUAGE)
    set_language(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        return _run_command(argv, lang)
    except Exception as exc:  # outside a guarded command: still one line, never a traceback
        from app.cli.common import report_failure

        return report_failure(exc)


if __name__ == "__main__":
    sys.exit(main())
