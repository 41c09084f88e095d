"""Issue 10, Why #6: no average over fewer than 3 confidential ratings, on screen or on paper."""

from __future__ import annotations

from datetime import date

from app.core.permissions import MIN_CONFIDENTIAL_RATINGS
from app.mentoring import journal, service
from app.mentoring.dto import ReportInput
from app.mentoring.year import year_review
from app.mentoring.year_table import figures, guide_rows
from tests.app.mentoring.conftest import TODAY, add_judge, signed_protocol


def _rated_pair(store, actor, world, surname: str, score: int) -> None:
    with store.write() as s:
        protege = add_judge(s, actor, world.district_id, surname, date(2026, 3, 1))
        pair = service.propose_pair(s, actor, protege, world.mentor, kind="mentor", starts_on=TODAY)
        service.activate_pair(s, actor, pair.id)
        journal.submit_report(
            s, actor, pair.id, ReportInput("protege", date(2027, 1, 12), "а", "ә", "б", "", score)
        )


def test_why_6_one_guides_single_rating_is_withheld_with_a_note(store, actor, world) -> None:
    signed_protocol(store, actor, world)  # one completed pair, its protégé rated the guide 4
    with store.read() as s:
        review = year_review(s, world.region, 2027)
    assert review.average_feedback is None and review.withheld
    guide = review.best_guides[0]
    assert guide.average_feedback is None and guide.feedback_withheld
    assert guide_rows(review, "ru")[0][4] == "—"
    lines = dict(figures(review, "kk"))
    assert "4.0" not in repr(lines) and "4" not in [str(v) for v in lines.values()]
    note = [label for label, _v in figures(review, "ru") if label.startswith("—")]
    assert note and str(MIN_CONFIDENTIAL_RATINGS) in note[0]


def test_why_6_three_protege_ratings_give_an_average(store, actor, world) -> None:
    signed_protocol(store, actor, world)
    _rated_pair(store, actor, world, "Үшінші", 2)
    with store.read() as s:
        assert year_review(s, world.region, 2027).average_feedback is None  # two protégés
    _rated_pair(store, actor, world, "Төртінші", 3)
    with store.read() as s:
        review = year_review(s, world.region, 2027)
    assert review.average_feedback == 3.0 and not review.feedback_withheld
