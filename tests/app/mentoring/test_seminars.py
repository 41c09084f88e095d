"""Orientation seminars with invitations from the needs list and attendance (M-12)."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ValidationError
from app.mentoring import queries, seminars
from tests.app.mentoring.conftest import TODAY


def test_invite_from_needs_list_and_record_attendance_m12(store, actor, world) -> None:
    with store.read() as s:
        needs = [n.person_id for n in queries.needs_analysis(s, TODAY, region_code=world.region)]
    assert world.protege in needs
    with store.write() as s:
        sem = seminars.plan_seminar(
            s,
            actor,
            world.region,
            date(2026, 12, 5),
            "Менторлық институты: мақсаттары мен қағидаттары",
            place="Оқу орталығы",
        )
        seminars.invite(s, actor, sem.id, [*needs, world.tutor], TODAY)
        again = seminars.invite(s, actor, sem.id, needs, TODAY)  # never invited twice
        done = seminars.mark_attendance(s, actor, sem.id, world.protege, True)
    assert again.invited == len(needs) + 1
    assert done.attended == 1
    with store.write() as s, pytest.raises(ValidationError):
        seminars.mark_attendance(s, actor, sem.id, world.mentor, True)
    with store.read() as s:
        assert seminars.seminars(s, world.region)[0].invited == len(needs) + 1
