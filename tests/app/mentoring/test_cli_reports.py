"""Headless mentoring reports: needs (M-2), year in review (M-13), programme (M-7)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from app.__main__ import main
from tests.app.mentoring.conftest import signed_protocol


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_needs_report_pdf_and_xlsx_m2(store, actor, world, db_path, tmp_path) -> None:
    pdf, xlsx = tmp_path / "needs.pdf", tmp_path / "needs.xlsx"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "report",
                "mentoring-needs",
                "--region",
                world.region,
                "--lang",
                "kk",
                "--out",
                str(pdf),
            ]
        )
        == 0
    )
    assert "Қасымова Әлия Серікқызы" in _text(pdf)
    assert "Алғаш тағайындалғанына бір жыл толмаған" in _text(pdf)
    assert (
        main(
            [
                "--db",
                str(db_path),
                "--lang",
                "ru",
                "report",
                "mentoring-needs",
                "--format",
                "xlsx",
                "--out",
                str(xlsx),
            ]
        )
        == 0
    )
    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row]
    assert "Қасымова Әлия Серікқызы" in cells


def test_year_in_review_pdf_and_xlsx_without_confidential_text_m13_m9(
    store, actor, world, db_path, tmp_path
) -> None:
    signed_protocol(store, actor, world)
    pdf, xlsx = tmp_path / "year.pdf", tmp_path / "year.xlsx"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "report",
                "mentoring-year",
                "--year",
                "2027",
                "--region",
                world.region,
                "--lang",
                "ru",
                "--out",
                str(pdf),
            ]
        )
        == 0
    )
    text = _text(pdf)
    assert "Завершено пар" in text and "Өтегенов Әлия Серікқызы" in text
    assert "Жұмыс" not in text  # the protégé's report text stays confidential (M-9)
    assert (
        main(
            [
                "--db",
                str(db_path),
                "report",
                "mentoring-year",
                "--year",
                "2027",
                "--region",
                world.region,
                "--format",
                "xlsx",
                "--out",
                str(xlsx),
            ]
        )
        == 0
    )
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert ("Аяқталған жұптар", 1) in [r[:2] for r in rows]


def test_programme_printout_has_approval_block_m7(store, actor, world, db_path, tmp_path) -> None:
    pair_id, _signed = signed_protocol(store, actor, world)
    for lang, word in (("kk", "БЕКІТЕМІН"), ("ru", "УТВЕРЖДАЮ")):
        out = tmp_path / f"programme-{lang}.pdf"
        assert (
            main(
                [
                    "--db",
                    str(db_path),
                    "report",
                    "programme",
                    "--pair",
                    str(pair_id),
                    "--lang",
                    lang,
                    "--out",
                    str(out),
                ]
            )
            == 0
        )
        text = _text(out)
        assert word in text and "Б. Сейітқали" in text


def test_roster_report_names_order_and_marks_overrides_m3(
    store, actor, world, db_path, tmp_path
) -> None:
    out = tmp_path / "roster.pdf"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "report",
                "roster",
                "--region",
                world.region,
                "--lang",
                "ru",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    text = _text(out)
    assert "Өтегенов Әлия Серікқызы" in text and "№ 12-ө, 01.09.2026" in text
    assert "Нұрланова" in text  # a retired judge on the roster as a mentor (M-1)
    csv = tmp_path / "roster.csv"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "report",
                "roster",
                "--region",
                world.region,
                "--format",
                "csv",
                "--out",
                str(csv),
            ]
        )
        == 0
    )
    assert "12-ө" in csv.read_text(encoding="utf-8-sig")
