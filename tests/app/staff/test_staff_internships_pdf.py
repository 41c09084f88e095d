"""The civil servants' internship schedule (S-2, seed 003 §7.1.6) in kk and ru, read with pypdf."""

from __future__ import annotations

import io
import uuid
from datetime import date

import pytest
from pypdf import PdfReader

from app.core.context import Actor
from app.core.store import Store
from app.documents.output import produce
from app.staff.dto import InternshipInput
from app.staff.internships import record_outcome, schedule_internship

WORDS = {
    "kk": ("БЕКІТЕМІН", "қызметшілердің 2026 жылға арналған тағылымдама", "Өткізілмеді"),
    "ru": ("УТВЕРЖДАЮ", "График стажировок государственных служащих на 2026 год", "Не проведено"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_s2_schedule_pdf_and_sheet(
    store: Store, actor: Actor, people: dict[str, uuid.UUID], lang: str
) -> None:
    with store.write() as s:
        line = schedule_internship(
            s,
            actor,
            InternshipInput(
                people["newcomer"], 2026, "Астана қалалық соты", date(2026, 4, 6), date(2026, 4, 17)
            ),
        )
        record_outcome(s, actor, line.id, line.version, "not_held", "ауырды", date(2026, 4, 17))
        pdf = produce(s, actor, "staff-internships", {"year": 2026}, lang=lang)
        sheet = produce(s, actor, "staff-internships", {"year": 2026}, lang=lang, fmt="csv")
    assert pdf.pdf is not None
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf.pdf)).pages)
    text = " ".join(text.split())
    for word in WORDS[lang]:
        assert word in text, word
    assert "Жаңабаева Әлия" in text and "Астана қалалық соты" in text and "ауырды" in text
    assert sheet.count == 1 and sheet.sheets[0].rows[0][1] == "Жаңабаева Әлия"
