"""`import cpd` and `template cpd` live beside other features' `import WHAT` commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.cpd import add_what


def test_cpd_joins_a_verb_another_feature_registered_first(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    theirs = commands.add_parser("import")
    theirs.add_argument("what", choices=("people", "courts"))
    theirs.add_argument("file", type=Path)
    theirs.set_defaults(handler=lambda args: 10)
    add_what(
        commands, "import", "", "", lambda args: 20, lambda p: p.add_argument("file", type=Path)
    )
    ours = parser.parse_args(["import", "cpd", str(tmp_path / "a.csv")])
    other = parser.parse_args(["import", "people", str(tmp_path / "b.csv")])
    assert (ours.handler(ours), other.handler(other)) == (20, 10)
    assert ours.file == tmp_path / "a.csv"


def test_cpd_registers_the_verb_with_nested_commands_when_first(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    add_what(
        commands, "template", "", "", lambda args: 30, lambda p: p.add_argument("--out", type=Path)
    )
    args = parser.parse_args(["template", "cpd", "--out", str(tmp_path / "t.xlsx")])
    assert args.handler(args) == 30 and args.out == tmp_path / "t.xlsx"
