"""Printed schedule, due list and summary table in kk and ru; the headless commands."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.__main__ import main
from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.demo import evaluation as eval_demo
from app.demo import internships as demo
from app.documents.evaluation_summary import build_summary_pdf
from app.evaluation.summary import summary_table
from app.evaluation.summary_table import grouped, summary_rows
from app.internships.planner import apply_plan

YEAR = 2027


@pytest.fixture
def filled(db_path: Path) -> Path:
    store = open_store(db_path, backup=False)
    with store.write() as s:
        demo.generate(s, local_actor(), year=YEAR, judges_per_region=25, regions=2)
        apply_plan(s, local_actor(), YEAR)
        eval_demo.generate(s, local_actor(), periods=("2026", "2027"))
    store.dispose()
    return db_path


def _pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_schedule_pdf_in_kk_and_ru_repeats_its_header(filled: Path, tmp_path: Path) -> None:
    """I-1 schedule: landscape, header row on every page, Kazakh letters intact."""
    for lang, title, head in (
        ("kk", "тағылымдамадан өту кестесі", "Қабылдаушы сот"),
        ("ru", "График стажировок", "Принимающий суд"),
    ):
        out = tmp_path / f"s-{lang}.pdf"
        assert (
            main(
                [
                    "--db",
                    str(filled),
                    "report",
                    "internship-schedule",
                    "--year",
                    str(YEAR),
                    "--lang",
                    lang,
                    "--out",
                    str(out),
                ]
            )
            == 0
        )
        pages = _pages(out)
        assert len(pages) > 1 and title in pages[0]
        assert all(head in p for p in pages)
        box = PdfReader(io.BytesIO(out.read_bytes())).pages[0].mediabox
        assert box.width > box.height


def test_due_list_and_plan_commands(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "due.xlsx"
    assert (
        main(
            [
                "--db",
                str(filled),
                "report",
                "internships-due",
                "--year",
                str(YEAR),
                "--format",
                "xlsx",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    ws = load_workbook(out).active
    assert ws.max_row > 10 and ws.cell(1, 2).value == "Судья"
    pdf = tmp_path / "due.pdf"
    assert (
        main(
            [
                "--db",
                str(filled),
                "--lang",
                "ru",
                "report",
                "internships-due",
                "--year",
                str(YEAR),
                "--out",
                str(pdf),
            ]
        )
        == 0
    )
    assert "Судьи, которым предстоит стажировка" in _pages(pdf)[0]
    capsys.readouterr()
    assert (
        main(["--db", str(filled), "--lang", "ru", "plan", "internships", "--year", str(YEAR)]) == 0
    )
    assert "уже запланировано" in capsys.readouterr().out


def test_summary_table_pdf_and_xlsx(filled: Path, tmp_path: Path) -> None:
    """E-3: the summary table in kk and ru, with changes and court averages."""
    store = open_store(filled, backup=False)
    with store.read() as s:
        table = summary_table(s, "judge_activity", "2027")
    store.dispose()
    rows = grouped(table)
    assert sum(1 for kind, _n, _r in rows if kind == "court") == len(table.courts)
    assert rows[-1][0] == "court"
    header, body = summary_rows(table, "kk")
    assert header[3] == "Апелляциялық және кассациялық сатылардағы жұмыс сапасы"
    assert len(body) == len(table.judges) + len(table.courts)
    for lang, words in (
        ("kk", "Критерийлер бойынша жиынтық кесте"),
        ("ru", "Сводная таблица по критериям"),
    ):
        text = "".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(build_summary_pdf(table, lang=lang))).pages
        )
        assert words in text.replace("\n", " ")
    out = tmp_path / "sum.xlsx"
    assert (
        main(
            [
                "--db",
                str(filled),
                "report",
                "evaluation-summary",
                "--template",
                "judge_activity",
                "--period",
                "2027",
                "--format",
                "xlsx",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert load_workbook(out).active.max_row == len(body) + 1
