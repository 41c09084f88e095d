"""The adaptation plan (S-1, seed 003 §7.1.5) from the catalogue in kk and ru, read with pypdf."""

from __future__ import annotations

import io
import uuid
from datetime import date

import pytest
from pypdf import PdfReader

from app.core.context import Actor
from app.core.store import Store
from app.documents.output import produce
from app.staff.dto import AdaptationInput, PlanItem, ResultInput
from app.staff.service import assign_tutor, record_result, set_plan

WORDS = {
    "kk": ("БЕКІТЕМІН", "Жаңадан қабылданған қызметкердің бейімделу жоспары", "Тәлімгер"),
    "ru": ("УТВЕРЖДАЮ", "План адаптации вновь принятого сотрудника", "Наставник"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_s1_adaptation_plan_pdf(
    store: Store, actor: Actor, people: dict[str, uuid.UUID], lang: str
) -> None:
    start = date(2026, 3, 2)
    with store.write() as s:
        a = assign_tutor(
            s,
            actor,
            AdaptationInput(people["newcomer"], people["tutor"], start, start, date(2026, 6, 1)),
        )
        items = [PlanItem(f"Ішкі тәртіп ережелері, {n}-бөлім", start) for n in range(1, 4)]
        a = set_plan(s, actor, a.id, a.version, items)
        a = record_result(
            s, actor, a.id, a.version, ResultInput(False, date(2026, 6, 1), "Серікова А.")
        )
        out = produce(s, actor, "adaptation-plan", {"adaptation": str(a.id)}, lang=lang)
    assert out.pdf is not None
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(out.pdf)).pages)
    text = " ".join(text.split())
    for word in WORDS[lang]:
        assert word in text, word
    assert "Жаңабаева Әлия" in text and "Ішкі тәртіп ережелері, 3-бөлім" in text
    assert "Ә. Тәжібаев" in text and "Ә. Жаңабаева" in text  # beside the signature lines
    assert ("Бейімделмеді" if lang == "kk" else "Не адаптирован") in text


def test_s1_signatures_spell_the_name_as_initials_and_surname() -> None:
    from app.documents.adaptation_plan import signed_as

    assert signed_as("Аманжолова Құралай Талғатқызы") == "Қ.Т. Аманжолова"
    assert signed_as("Тәжібаев Әлия") == "Ә. Тәжібаев"
    assert signed_as("Ли") == "Ли"
