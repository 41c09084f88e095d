"""`--out x.csv` without `--format` writes CSV, not XLSX under a .csv name (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.__main__ import main
from app.core.context import Actor
from app.core.store import Store
from tests.app.security.helpers import add_judge


@pytest.mark.parametrize("command", [["report", "people-register"], ["export", "people"]])
def test_out_suffix_chooses_the_format(
    store: Store, actor: Actor, db_path: Path, tmp_path: Path, command: list[str]
) -> None:
    with store.write() as s:
        add_judge(s, actor, 1)
    store.dispose()
    base = ["--db", str(db_path), "--lang", "kk"]
    csv_out, xlsx_out = tmp_path / "people.csv", tmp_path / "people.xlsx"
    assert main([*base, *command, "--out", str(csv_out)]) == 0
    assert main([*base, *command, "--out", str(xlsx_out)]) == 0
    assert not csv_out.read_bytes().startswith(b"PK")  # an XLSX file is a zip
    assert "Әбілова" in csv_out.read_text(encoding="utf-8-sig")
    assert xlsx_out.read_bytes().startswith(b"PK")
