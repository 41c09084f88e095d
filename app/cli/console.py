"""The terminal side of the command line: safe output streams, translated argparse, real name."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from i18n import N_, _

# argparse's own texts, so `--help` and usage errors speak kk and ru (it looks them up through
# its module-level gettext function, which translate_argparse() points at our catalog).
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def safe_streams() -> None:
    """Make stdout/stderr unable to crash on a Kazakh letter (cp1251 console, pipe, file).

    A pipe or file without an explicit PYTHONIOENCODING gets UTF-8 (what our scripts and CI
    read); otherwise the chosen encoding stays and what it lacks is replaced by '?'.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        interactive = stream.isatty()
        if encoding != "utf8" and not interactive and not os.environ.get("PYTHONIOENCODING"):
            reconfigure(encoding="utf-8", errors="replace")
        else:
            reconfigure(errors="replace")


def translate_argparse() -> None:
    """Route argparse's texts through our catalog (before any parser is built)."""
    argparse._ = _  # type: ignore[attr-defined]


def program_name() -> str:
    """The command as the user typed it: the exe's name, `talimger`, or `python -m app`."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).stem
    invoked = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    if invoked and invoked not in {"__main__.py", "-m", "-c"} and not invoked.endswith(".py"):
        return Path(invoked).stem
    return "python -m app"


# What argparse would show for a value (the metavar, else the dest) -> the placeholder that
# stands for it in --help; one word each, so usage lines still wrap (no spaces in a metavar).
PLACEHOLDER_OF = {
    "DB": "DATABASE",
    "USER": "NAME",
    "username": "NAME",
    "name": "NAME",
    "FULL_NAME": "NAME",
    "TO": "NAME",
    "SEARCH": "TEXT",
    "PARAM_SEARCH": "TEXT",
    "PARAM_ROLE": "ROLE",
    "PARAM_STATUS": "STATUS",
    "COURT": "ID",
    "PAIR": "ID",
    "SESSION": "ID",
    "conflict_id": "ID",
    "CODE": "CODE",
    "REGION": "CODE",
    "TEMPLATE": "CODE",
    "YEAR": "YEAR",
    "PERIOD": "PERIOD",
    "NUMBER": "NUMBER",
    "IIN": "IIN",
    "ON": "DAY",
    "public_key": "KEY",
    "COMMAND": "COMMAND",
    "REPORT": "REPORT",
    "ACTION": "ACTION",
    "WHAT": "WHAT",
}


# The placeholders, marked for extraction; upper case like argparse's own.
PLACEHOLDERS = (
    N_("DATABASE"),
    N_("NAME"),
    N_("TEXT"),
    N_("ROLE"),
    N_("STATUS"),
    N_("ID"),
    N_("CODE"),
    N_("YEAR"),
    N_("PERIOD"),
    N_("NUMBER"),
    N_("COUNT"),
    N_("IIN"),
    N_("DAY"),
    N_("KEY"),
    N_("FILE"),
    N_("COMMAND"),
    N_("REPORT"),
    N_("ACTION"),
    N_("WHAT"),
    N_("VALUE"),
)


def _placeholder(action: argparse.Action) -> str:
    """The kind of value an argument takes: named above, else by its type."""
    shown = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
    if isinstance(shown, str) and shown in PLACEHOLDER_OF:
        return PLACEHOLDER_OF[shown]
    if action.type is Path or (isinstance(shown, str) and shown.lower().endswith("file")):
        return "FILE"
    return "COUNT" if action.type is int else "VALUE"


def translate_help(parser: argparse.ArgumentParser) -> None:
    """Translate every help text and value placeholder the catalog knows, recursively."""
    _translate(parser, {word: _(word) for word in PLACEHOLDERS})


def _translate(parser: argparse.ArgumentParser, placeholders: dict[str, str]) -> None:
    if parser.description:
        parser.description = _(parser.description)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = _(action.help)
        takes_value = action.nargs != 0 and not action.choices
        if takes_value or isinstance(action, argparse._SubParsersAction):
            action.metavar = placeholders[_placeholder(action)]
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = _(choice.help)
            for sub in set(action.choices.values()):
                _translate(sub, placeholders)
