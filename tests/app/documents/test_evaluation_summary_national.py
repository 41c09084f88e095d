"""The evaluation summary of hundreds of courts prints, its chart on page 1 (issues 12, 13)."""

from __future__ import annotations

import io
import uuid
from decimal import Decimal

import pytest
from pypdf import PdfReader

from app.documents.cpd_summary import CHART_COURTS
from app.documents.evaluation_summary import build_summary_pdf
from app.evaluation.dto import CriterionDTO
from app.evaluation.summary import SummaryRow, SummaryTable
from i18n import translator

COURTS = 200


def _table() -> SummaryTable:
    criteria = (
        CriterionDTO(uuid.uuid4(), "c1", "Сапа", "Качество", "1-5", Decimal(50), False),
        CriterionDTO(uuid.uuid4(), "c2", "Мерзім", "Сроки", "yes_no", Decimal(50), False),
    )
    judges, courts = [], []
    for k in range(COURTS):
        cid = uuid.uuid4()
        kk, ru = f"{k + 1}-аудандық сот", f"Районный суд № {k + 1}"
        values = (Decimal("4.0"), Decimal("90.0"))
        # The court with most judges comes last: the chart picks by size, not by order.
        for _ in range(1 + (k == COURTS - 1) * 5):
            judges.append(
                SummaryRow(
                    uuid.uuid4(), f"Судья {k}", cid, kk, ru, values, (None, None), None, None
                )
            )
        courts.append(
            SummaryRow(None, "", cid, kk, ru, values, (None, None), Decimal(k % 100), None)
        )
    return SummaryTable(
        "judge_activity", "Бағалау", "Оценка", "2027", "", criteria, tuple(judges), tuple(courts)
    )


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_national_summary_prints_a_chart_of_the_largest_courts(lang: str) -> None:
    tr_ = translator(lang)
    pdf = PdfReader(io.BytesIO(build_summary_pdf(_table(), lang=lang)))
    first = " ".join(pdf.pages[0].extract_text().split())
    assert " ".join(tr_("Average total by court, points out of 100").split()) in first
    note = tr_(
        "The chart shows the {count} courts with the most judges; the table lists every court."
    ).format(count=CHART_COURTS)
    assert " ".join(note.split()) in first
    last = "200-аудандық сот" if lang == "kk" else "Районный суд № 200"
    assert last in first
    # Every court is still in the table.
    everything = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert ("Районный суд № 137" if lang == "ru" else "137-аудандық сот") in everything
