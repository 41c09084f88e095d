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


def translate_help(parser: argparse.ArgumentParser) -> None:
    """Translate every option's and sub-command's help that the catalog knows, recursively."""
    if parser.description:
        parser.description = _(parser.description)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = _(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = _(choice.help)
            for sub in set(action.choices.values()):
                translate_help(sub)
