"""The individual report workflow (C-5, C-6)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.core.context import Actor
from app.core.errors import ValidationError
from app.core.store import Store
from app.cpd.ledger import YearLockedError, review_activity
from app.cpd.workflow import (
    ReportStateError,
    accept_report,
    find_report,
    open_report,
    return_report,
    submit_report,
)
from tests.app.cpd.helpers import add, make_person


def test_draft_submitted_returned_corrected_accepted_then_locked(
    store: Store, actor: Actor
) -> None:
    """C-5, C-6: the whole path, with the officer's disagreement comment, and the lock."""
    person, _ = make_person(store, actor)
    add(store, actor, person, "F04", date(2025, 5, 5))
    extra = add(store, actor, person, "F02", date(2025, 9, 9), confirm=False)
    me = Actor("judge", frozenset({"mentor"}), person_id=person)
    with store.write() as s:
        r = open_report(s, me, person, 2025, today=date(2026, 1, 20))
        assert (r.state, r.due_on, r.overdue, r.total) == (
            "draft",
            date(2026, 2, 15),
            False,
            Decimal(5),
        )
        r = submit_report(s, me, r.id, today=date(2026, 2, 10))
        assert r.state == "submitted"
        with pytest.raises(ValidationError):
            return_report(s, actor, r.id, remarks="  ")
        r = return_report(
            s, actor, r.id, remarks="Семинар бағдарламасын қосыңыз", today=date(2026, 2, 12)
        )
        assert (r.state, r.remarks) == ("returned", "Семинар бағдарламасын қосыңыз")
        r = submit_report(s, me, r.id, today=date(2026, 2, 20))
        assert (r.state, r.overdue) == ("corrected", False)  # first handed in on time
        # C-5 clarification (issue 14): a line still waiting for the officer blocks acceptance
        with pytest.raises(ReportStateError):
            accept_report(s, actor, r.id, officer_name="Серікова А.Б.", today=date(2026, 2, 25))
        review_activity(s, actor, extra.id, confirm=True, today=date(2026, 2, 25))
        r = accept_report(
            s,
            actor,
            r.id,
            officer_name="Серікова А.Б.",
            comment="Бағдарлама ұсынылмады; судья ескертумен келіспеді",
            today=date(2026, 2, 25),
        )
    assert r.locked and r.accepted_by == "Серікова А.Б." and r.total == Decimal(5)
    with store.write() as s, pytest.raises(ReportStateError):
        return_report(s, actor, r.id, remarks="тағы")
    with store.write() as s, pytest.raises(YearLockedError):
        review_activity(s, actor, extra.id, confirm=False, note="кеш")
    with store.read() as s:
        again = find_report(s, person, 2025)
    assert again is not None and again.officer_comment.startswith("Бағдарлама")
    assert [ln.event for ln in again.lines] == ["Семинар: сот әдебі", "Семинар: сот әдебі"]


def test_report_not_handed_in_after_15_february_is_overdue(store: Store, actor: Actor) -> None:
    """C-5: due 15 February of the next year."""
    person, _ = make_person(store, actor)
    with store.write() as s:
        r = open_report(s, actor, person, 2025, today=date(2026, 2, 16))
        assert r.overdue
        late = submit_report(s, actor, r.id, today=date(2026, 2, 17))
        assert late.overdue
        with pytest.raises(ReportStateError):
            submit_report(s, actor, r.id)


def test_c5_report_with_a_line_waiting_cannot_be_accepted_seed004(
    store: Store, actor: Actor
) -> None:
    """C-5: accepted only when every line is decided; a rejected line with a reason is decided."""
    person, _ = make_person(store, actor)
    add(store, actor, person, "F04", date(2025, 12, 31))
    waiting = add(store, actor, person, "F02", date(2025, 1, 1), confirm=False)
    with store.write() as s:
        r = submit_report(s, actor, open_report(s, actor, person, 2025).id, today=date(2026, 2, 15))
        with pytest.raises(ReportStateError):
            accept_report(s, actor, r.id, officer_name="Серікова А.Б.", today=date(2026, 2, 16))
        review_activity(s, actor, waiting.id, confirm=False, note="Куәлік жоқ")
        accepted = accept_report(
            s, actor, r.id, officer_name="Серікова А.Б.", today=date(2026, 2, 16)
        )
    assert accepted.locked
