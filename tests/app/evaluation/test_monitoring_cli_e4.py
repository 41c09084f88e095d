"""`monitoring template|preview|import` (E-4, seed 001 §7.2.1, §7.2.3) on a real file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.__main__ import main
from app.evaluation.monitoring import lines_of
from db.models import Person
from tests.app.evaluation.helpers import judges


def test_e4_template_filled_previewed_and_imported(
    store, actor, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _court, (person,) = judges(store, actor, 1)
    with store.read() as s:
        iin = s.scalar(select(Person.iin).where(Person.id == person))
    path = tmp_path / "monitoring.xlsx"
    db = ["--db", str(db_path), "--lang", "ru", "monitoring"]
    assert main([*db, "template", "--out", str(path)]) == 0
    book = load_workbook(path)
    sheet = book.active
    assert sheet.cell(1, 1).value == "ИИН" and sheet.max_column == 9
    sheet.append([iin, date(2026, 1, 1), date(2026, 6, 30), "cassation", "civil", 4, 3, 1, 0])
    sheet.append([iin, date(2026, 1, 1), date(2026, 6, 30), "appeal", "civil", 4, 3, 1, 1])
    book.save(path)
    capsys.readouterr()
    assert main([*db, "preview", str(path)]) == 1  # a check found a problem: row 3
    out = capsys.readouterr().out
    assert "Кассация" in out and "1 неверная строка" in out
    assert main([*db, "import", str(path)]) == 3  # refused: nothing saved
    sheet.delete_rows(3)
    book.save(path)
    assert main([*db, "import", str(path)]) == 0
    assert "Добавлено: 1" in capsys.readouterr().out
    with store.read() as s:
        assert [m.kind for m in lines_of(s, person)] == ["cassation"]
