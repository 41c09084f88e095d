"""The three printed summaries carry their charts, in kk and ru (issue 12), read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.__main__ import main
from i18n import translator
from tests.agenda_demo import agenda_copy

REPORTS = [
    ("cpd-summary", ["--year", "2026"], "CPD compliance by court"),
    ("mentoring-year", ["--year", "2026", "--region", "AKM"], "Mentoring pairs in {year}"),
    (
        "evaluation-summary",
        ["--template", "judge_activity", "--period", "2026"],
        "Average total by court, points out of 100",
    ),
]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("report", "args", "title"), REPORTS, ids=[r[0] for r in REPORTS])
def test_the_summary_has_its_chart_on_the_first_page(
    template_db: Path,
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    report: str,
    args: list[str],
    title: str,
    lang: str,
) -> None:
    db = agenda_copy(template_db, tmp_path_factory, tmp_path / "a.db")
    out = tmp_path / f"{report}.pdf"
    argv = ["--db", str(db), "report", report, *args, "--lang", lang, "--out", str(out)]
    assert main(argv) == 0
    text = PdfReader(out).pages[0].extract_text()
    wanted = translator(lang)(title).format(year=2026)
    assert wanted != title
    assert " ".join(wanted.split()) in " ".join(text.split())
