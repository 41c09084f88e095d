"""`agenda --on DATE` as text, csv and pdf on the agenda demo (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.__main__ import main
from i18n import _, set_language
from tests.agenda_demo import SUBMITTER, agenda_copy


@pytest.fixture
def db(template_db: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return agenda_copy(template_db, tmp_path_factory, tmp_path / "a.db")


def test_text_on_10_february_names_who_owes_the_report_due_15_february(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "--lang", "ru", "agenda", "--on", "10.02.2027"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "C-5" in x)
    assert "15.02.2027" in line and "Отчёты о повышении квалификации за 2026 год" in line
    names = out.splitlines()[out.splitlines().index(line) + 1]
    assert names.strip() and SUBMITTER[0] not in names


def test_pdf_lists_the_same_items(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "agenda.pdf"
    argv = ["--db", str(db), "--lang", "kk", "agenda", "--on", "2026-11-30", "--format", "pdf"]
    assert main([*argv, "--out", str(out)]) == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    set_language("kk")
    assert _("What is due") in text and "T-3" in text and "01.12.2026" in text


def test_a_bad_date_is_a_usage_error(db: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db), "agenda", "--on", "tomorrow"])
    assert exc.value.code == 2


def test_the_shipped_demo_owes_reports_on_10_february(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`demo` then `agenda --on` as a new user types them: the demo's legal consultants,
    whom seed 004's minimum binds, owe their reports due 15 February, named (C-5)."""
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo", "--cpd-years", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--lang", "ru", "agenda", "--on", "10.02.2027"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(x for x in lines if "C-5" in x)
    assert "15.02.2027" in line and "за 2026 год" in line
    names = lines[lines.index(line) + 1].strip()
    assert names and len(names.split(", ")) >= 3
