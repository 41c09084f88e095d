"""S-2 (seed 003 §7.1.6): civil servants' internships on the year's schedule, at the boundaries."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from app.core.context import CENTRE_OFFICER, HR, MENTOR, VIEWER, Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.store import Store
from app.staff.dto import InternshipInput
from app.staff.internships import record_outcome, schedule_internship, schedule_of_year

PLACE = "Астана қалалық соты"


def _line(people: dict[str, uuid.UUID], start: date, end: date, who: str = "newcomer"):
    return InternshipInput(people[who], 2026, PLACE, start, end)


def _fields(error: ValidationError) -> set[str]:
    return {e.field for e in error.errors}


def test_s2_schedule_lies_within_its_year_31_december_and_1_january(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    with store.write() as s, pytest.raises(ValidationError) as refused:
        schedule_internship(s, actor, _line(people, date(2025, 12, 31), date(2026, 1, 9)))
    assert _fields(refused.value) == {"starts_on"}
    with store.write() as s, pytest.raises(ValidationError) as refused:
        schedule_internship(s, actor, _line(people, date(2026, 12, 28), date(2027, 1, 1)))
    assert _fields(refused.value) == {"ends_on"}
    with store.write() as s:
        schedule_internship(s, actor, _line(people, date(2026, 1, 1), date(2026, 1, 10)))
        schedule_internship(s, actor, _line(people, date(2026, 12, 22), date(2026, 12, 31)))
    with store.read() as s:
        assert [i.starts_on.month for i in schedule_of_year(s, 2026)] == [1, 12]


def test_s2_only_civil_servants_of_the_apparatus_no_overlap(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    start, end = date(2026, 4, 6), date(2026, 4, 17)
    with store.write() as s, pytest.raises(ValidationError) as refused:
        schedule_internship(s, actor, _line(people, start, end, who="judge"))
    assert _fields(refused.value) == {"person_id"}
    with store.write() as s:
        schedule_internship(s, actor, _line(people, start, end))
    with store.write() as s, pytest.raises(ValidationError) as refused:
        schedule_internship(s, actor, _line(people, end, end + timedelta(days=5)))
    assert _fields(refused.value) == {"starts_on"}
    with store.write() as s:  # the day after the last day is free
        schedule_internship(s, actor, _line(people, end + timedelta(days=1), date(2026, 4, 24)))


def test_s2_held_or_not_recorded_from_the_last_day_on(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    end = date(2026, 4, 17)
    with store.write() as s:
        line = schedule_internship(s, actor, _line(people, date(2026, 4, 6), end))
    with store.write() as s, pytest.raises(ValidationError) as refused:
        record_outcome(s, actor, line.id, line.version, "held", today=end - timedelta(days=1))
    assert _fields(refused.value) == {"status"}
    with store.write() as s, pytest.raises(ValidationError) as refused:
        record_outcome(s, actor, line.id, line.version, "not_held", " ", today=end)
    assert _fields(refused.value) == {"reason"}
    with store.write() as s:
        done = record_outcome(s, actor, line.id, line.version, "not_held", "ауырды", today=end)
    assert (done.status, done.reason) == ("not_held", "ауырды")
    with store.write() as s:  # a line not held frees its dates for a new one
        schedule_internship(s, actor, _line(people, date(2026, 4, 6), end))


def test_s2_a_planned_line_is_edited_under_the_same_rules_and_keeps_its_own_dates(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    from app.core.errors import DomainError
    from app.staff.internships import update_internship

    start, end = date(2026, 4, 6), date(2026, 4, 17)
    with store.write() as s:
        line = schedule_internship(s, actor, _line(people, start, end))
        other = schedule_internship(s, actor, _line(people, date(2026, 5, 4), date(2026, 5, 15)))
    with store.write() as s:  # moving a line over its own old dates is no overlap
        moved = update_internship(
            s, actor, line.id, line.version, _line(people, start + timedelta(days=1), end)
        )
    assert (moved.starts_on, moved.version) == (start + timedelta(days=1), line.version + 1)
    with store.write() as s, pytest.raises(ValidationError) as refused:  # onto the other: refused
        update_internship(
            s, actor, line.id, moved.version, _line(people, date(2026, 5, 15), date(2026, 5, 20))
        )
    assert _fields(refused.value) == {"starts_on"}
    with store.write() as s, pytest.raises(ValidationError) as refused:  # the day after its end
        update_internship(
            s, actor, line.id, moved.version, _line(people, date(2026, 5, 16), date(2027, 1, 1))
        )
    assert _fields(refused.value) == {"ends_on"}
    with store.write() as s:
        record_outcome(s, actor, other.id, other.version, "held", today=date(2026, 5, 15))
    with store.write() as s, pytest.raises(DomainError):  # held: no longer changed
        update_internship(s, actor, other.id, other.version + 1, _line(people, start, end))


def test_s2_cancelling_says_why_frees_the_dates_and_stays_on_the_schedule(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    from app.core.errors import DomainError
    from app.staff.internships import cancel_internship

    start, end = date(2026, 4, 6), date(2026, 4, 17)
    with store.write() as s:
        line = schedule_internship(s, actor, _line(people, start, end))
    with store.write() as s, pytest.raises(ValidationError) as refused:
        cancel_internship(s, actor, line.id, line.version, "  ")
    assert _fields(refused.value) == {"reason"}
    with store.write() as s:
        gone = cancel_internship(s, actor, line.id, line.version, "Штат  қысқартылды")
    assert (gone.status, gone.reason) == ("cancelled", "Штат қысқартылды")
    with store.write() as s, pytest.raises(DomainError):  # not held after a cancellation
        record_outcome(s, actor, gone.id, gone.version, "held", today=end)
    with store.write() as s:
        schedule_internship(s, actor, _line(people, start, end))
    with store.read() as s:
        assert sorted(i.status for i in schedule_of_year(s, 2026)) == ["cancelled", "planned"]


def test_s2_the_screens_list_is_in_the_alphabetical_order_of_the_language_shown(
    store: Store, actor: Actor
) -> None:
    from i18n import set_language
    from tests.app.staff.conftest import add_person

    # Kazakh puts і after ы, Russian right after и: the two orders differ on these names.
    ids = {
        n: add_person(store, actor, n, k) for k, n in enumerate(("Ыбыраев", "Ісаев", "Ильин"), 31)
    }
    with store.write() as s:
        for n, pid in enumerate(ids.values()):
            day = date(2026, 3, 2 + n * 7)
            schedule_internship(s, actor, InternshipInput(pid, 2026, PLACE, day, day))
    try:
        for lang, expected in (("kk", ["Ильин", "Ыбыраев", "Ісаев"]),
                               ("ru", ["Ильин", "Ісаев", "Ыбыраев"])):  # fmt: skip
            set_language(lang)
            with store.read() as s:
                rows = schedule_of_year(s, 2026, by_name=True)
            assert [r.person_name.split()[0] for r in rows] == expected, lang
    finally:
        set_language("kk")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(HR, True), (CENTRE_OFFICER, True), (MENTOR, False), (VIEWER, False)],
)
def test_s1_s2_are_kept_by_the_hr_service_seed_003(
    store: Store, people: dict[str, uuid.UUID], role: str, allowed: bool
) -> None:
    """Seed 003 §7.1.5–7.1.6 puts adaptation and civil servants' internships with the HR
    service: the HR role keeps them (staff.keep), a mentor or a viewer may not."""
    who = Actor(f"{role}1", frozenset({role}))
    line = _line(people, date(2026, 5, 4), date(2026, 5, 15))
    if allowed:
        with store.write() as s:
            schedule_internship(s, who, line)
        with store.read() as s:
            assert len(schedule_of_year(s, 2026)) == 1
    else:
        with store.write() as s, pytest.raises(PermissionDeniedError):
            schedule_internship(s, who, line)
