"""The mentoring labels shared by screens and documents cover every closed value."""

from __future__ import annotations

from app.mentoring import council
from app.mentoring.vocab import DECISION_LABELS


def test_every_council_decision_has_a_label_m11() -> None:
    assert list(DECISION_LABELS) == list(council.DECISIONS)
