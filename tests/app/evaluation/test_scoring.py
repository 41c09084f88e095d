"""Scoring (E-1): weights total 100% per section, required comments, versions, sign-off lock."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.context import Actor
from app.core.errors import ValidationError
from app.core.store import Store
from app.evaluation.dto import CriterionInput, RatingInput, SectionInput, TemplateInput
from app.evaluation.scoring import points, score, weight_errors
from app.evaluation.sheets import SheetLockedError, create_sheet, get_sheet, rate, sign_off
from app.evaluation.templates import current_template, list_templates, save_template_version
from tests.app.evaluation.helpers import judges


def test_shipped_templates_are_bilingual_and_weights_total_100(store: Store) -> None:
    """E-1: the four shipped templates; every section's weights total 100%."""
    with store.read() as s:
        templates = {t.code: t for t in list_templates(s)}
    assert set(templates) == {
        "protege_progress",
        "internship_result",
        "event_feedback",
        "judge_activity",
    }
    for t in templates.values():
        assert t.title_kk and t.title_ru and t.version_no == 1
        for section in t.sections:
            assert sum(c.weight for c in section.criteria) == 100
            assert all(c.title_kk and c.title_ru for c in section.criteria)


def test_weights_not_totalling_100_per_section_are_refused(store: Store, actor: Actor) -> None:
    bad = TemplateInput(
        "x",
        "Сынақ",
        "Тест",
        sections=(
            SectionInput(
                "А",
                "А",
                (
                    CriterionInput("a", "а", "а", "1-5", Decimal(60)),
                    CriterionInput("b", "б", "б", "1-5", Decimal(30)),
                ),
            ),
        ),
    )
    with store.write() as s, pytest.raises(ValidationError) as exc:
        save_template_version(s, actor, bad)
    assert exc.value.errors[0].params["total"] == "90"


@given(st.lists(st.integers(min_value=1, max_value=99), min_size=1, max_size=6))
def test_weight_rule_accepts_exactly_100(weights: list[int]) -> None:
    section = SectionInput(
        "",
        "",
        tuple(CriterionInput(str(i), "", "", "1-5", Decimal(w)) for i, w in enumerate(weights)),
    )
    assert (weight_errors([section]) == []) == (sum(weights) == 100)


def test_total_follows_the_formula_with_several_raters(store: Store, actor: Actor) -> None:
    """Points: 1–5 → (v−1)×25, yes = 100; section = weighted sum; total = mean of sections."""
    _court, (judge,) = judges(store, actor, 1)
    with store.write() as s:
        sheet = create_sheet(
            s, actor, template_code="internship_result", subject_id=judge, period="2027"
        )
        c = {x.code: x.id for x in sheet.template.criteria()}
        full = {
            "programme_done": 1,
            "hearings": 5,
            "practice_study": 3,
            "skills_applied": 4,
            "recommendation": 5,
        }
        rate(
            s,
            actor,
            sheet.id,
            "Тәлімгер А",
            [
                RatingInput(c[k], v, "Ұсынылады" if k == "recommendation" else "")
                for k, v in full.items()
            ],
        )
        second = dict(full, hearings=3, skills_applied=2)
        dto = rate(
            s,
            actor,
            sheet.id,
            "Тәлімгер Б",
            [
                RatingInput(c[k], v, "Ок" if k == "recommendation" else "")
                for k, v in second.items()
            ],
        )
    # Section 1: 40×100 + 30×mean(100, 50) + 30×50 → (4000 + 2250 + 1500)/100 = 77.5
    # Section 2: 60×mean(75, 25) + 40×100 → (3000 + 4000)/100 = 70; total 73.75
    assert dto.section_scores == (Decimal("77.50"), Decimal("70.00"))
    assert dto.total == Decimal("73.75")
    assert dto.raters == ("Тәлімгер А", "Тәлімгер Б")


def test_required_comment_and_scale_are_validated(store: Store, actor: Actor) -> None:
    _court, (judge,) = judges(store, actor, 1)
    with store.write() as s:
        sheet = create_sheet(s, actor, template_code="internship_result", subject_id=judge)
        c = {x.code: x.id for x in sheet.template.criteria()}
    with store.write() as s, pytest.raises(ValidationError) as exc:
        rate(
            s,
            actor,
            sheet.id,
            "Тәлімгер",
            [
                RatingInput(c["recommendation"], 4, "  "),
                RatingInput(c["hearings"], 6),
                RatingInput(c["programme_done"], 2),
            ],
        )
    fields = {e.field for e in exc.value.errors}
    assert fields == {"recommendation", "hearings", "programme_done"}
    with store.read() as s:
        assert get_sheet(s, sheet.id).ratings == ()


def test_sign_off_locks_the_sheet(store: Store, actor: Actor) -> None:
    _court, (judge,) = judges(store, actor, 1)
    with store.write() as s:
        sheet = create_sheet(s, actor, template_code="event_feedback", subject_id=judge)
        ids = [x.id for x in sheet.template.criteria()]
        rate(s, actor, sheet.id, "Қатысушы", [RatingInput(ids[0], 5)])
    with store.write() as s, pytest.raises(ValidationError):
        sign_off(s, actor, sheet.id)  # not every criterion rated
    with store.write() as s:
        rate(s, actor, sheet.id, "Қатысушы", [RatingInput(i, 5) for i in ids])
        signed = sign_off(s, actor, sheet.id)
    assert signed.status == "signed" and signed.total == Decimal("100.00")
    with store.write() as s, pytest.raises(SheetLockedError):
        rate(s, actor, sheet.id, "Қатысушы", [RatingInput(i, 1) for i in ids])
    with store.write() as s, pytest.raises(SheetLockedError):
        sign_off(s, actor, sheet.id)
    with store.read() as s:
        assert get_sheet(s, sheet.id).total == Decimal("100.00")


def test_new_version_leaves_filled_sheets_on_their_version(store: Store, actor: Actor) -> None:
    _court, (judge,) = judges(store, actor, 1)
    with store.write() as s:
        old = create_sheet(s, actor, template_code="event_feedback", subject_id=judge)
        v2 = save_template_version(
            s,
            actor,
            TemplateInput(
                "event_feedback",
                "Жаңа пікір парағы",
                "Новый лист отзыва",
                sections=(
                    SectionInput(
                        "Жалпы",
                        "Общее",
                        (
                            CriterionInput(
                                "overall", "Жалпы баға", "Общая оценка", "1-5", Decimal(100)
                            ),
                        ),
                    ),
                ),
            ),
        )
        new = create_sheet(s, actor, template_code="event_feedback", subject_id=judge)
    assert v2.version_no == 2
    with store.read() as s:
        assert get_sheet(s, old.id).template.version_no == 1
        assert len(get_sheet(s, old.id).template.criteria()) == 4
        assert get_sheet(s, new.id).template.version_no == 2
        assert current_template(s, "event_feedback").title_ru == "Новый лист отзыва"


def test_points_scale() -> None:
    assert [points("1-5", v) for v in range(1, 6)] == [0, 25, 50, 75, 100]
    assert points("yes_no", 1) == 100 and points("yes_no", 0) == 0
    assert score.__doc__
