"""Mentoring services against a real database: rosters, pairs, terms, journal, council."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.context import CENTRE_OFFICER, COORDINATOR, MENTOR, Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.mentoring import council, journal, programme, protocol_queries, queries, roster, service
from app.mentoring.access import LockedError
from app.mentoring.dto import (
    DecisionInput,
    PetitionInput,
    ProgrammeItem,
    ProtocolInput,
    RosterEntryInput,
    RosterOrderInput,
)
from app.mentoring.rules import RuleError
from app.mentoring.year import year_review
from tests.app.mentoring.conftest import TODAY, add_judge, signed_protocol


def _pair(store, actor, world, guide=None, kind="tutor"):
    with store.write() as s:
        pair = service.propose_pair(
            s, actor, world.protege, guide or world.tutor, kind=kind, starts_on=TODAY
        )
        return service.activate_pair(s, actor, pair.id)


def test_roster_refuses_ineligible_tutor_unless_coordinator_overrides_m1_m3(
    store, actor, world
) -> None:
    with store.write() as s:
        young = add_judge(s, actor, world.district_id, "Сейітов", date(2023, 4, 10))
    order = RosterOrderInput(
        world.region, "15-ө", date(2026, 10, 1), (RosterEntryInput(young, "tutor"),), amends_id=None
    )
    with store.write() as s, pytest.raises(RuleError) as err:
        roster.approve_roster(s, actor, order, today=TODAY)
    assert err.value.rules == ["M-1"]
    assert err.value.refusals[0].params["held_years"] == 3
    officer = Actor("officer", frozenset({CENTRE_OFFICER}))
    overridden = RosterOrderInput(
        world.region,
        "15-ө",
        date(2026, 10, 1),
        (RosterEntryInput(young, "tutor", "Шағын сот, басқа судья жоқ"),),
    )
    with store.write() as s, pytest.raises(PermissionDeniedError):
        roster.approve_roster(s, officer, overridden, today=TODAY)
    with store.write() as s:
        saved = roster.approve_roster(s, actor, overridden, today=TODAY)
    with store.read() as s:
        row = next(r for r in queries.roster(s, world.region) if r.person_id == young)
    assert row.override_reason.startswith("Шағын") and row.order_number == "15-ө"
    assert saved.entries == 1
    with store.write() as s:  # the overridden guide can take a protégé (M-1 override holds)
        pair = service.propose_pair(s, actor, world.protege, young, kind="tutor", starts_on=TODAY)
    assert pair.guide_id == young


def test_roster_order_keeps_attachment_hash_and_amendment_removes_guide_m3(
    store, actor, world
) -> None:
    with store.read() as s:
        entry = next(r for r in queries.roster(s, world.region) if r.person_id == world.tutor)
    with store.write() as s:
        roster.approve_roster(
            s,
            actor,
            RosterOrderInput(world.region, "20-ө", date(2026, 11, 1), removals=(entry.entry_id,)),
            today=TODAY,
        )
    with store.read() as s:
        assert world.tutor not in {r.person_id for r in queries.roster(s, world.region)}
        assert world.tutor not in {
            x.person_id for x in queries.suggestions(s, world.protege, "tutor", TODAY)
        }
    with store.write() as s, pytest.raises(RuleError) as err:
        service.propose_pair(s, actor, world.protege, world.tutor, kind="tutor", starts_on=TODAY)
    assert "M-3" in err.value.rules


def test_protege_may_have_a_tutor_and_a_mentor_but_not_two_tutors_m1(store, actor, world) -> None:
    _pair(store, actor, world)
    _pair(store, actor, world, world.mentor, "mentor")
    with store.read() as s:
        need = next(n for n in queries.needs_analysis(s, TODAY) if n.person_id == world.protege)
    assert need.tutor and need.mentor and need.tutor_since == TODAY
    with store.write() as s, pytest.raises(RuleError) as err:
        service.propose_pair(
            s, actor, world.protege, world.other_tutor, kind="tutor", starts_on=TODAY
        )
    assert err.value.rules == ["M-1"]


def test_proteges_per_guide_limit_is_a_setting_m6(store, actor, world) -> None:
    with store.write() as s:
        second = add_judge(s, actor, world.district_id, "Бекова", date(2026, 9, 1))
        roster.set_max_proteges(s, actor, 1)
    _pair(store, actor, world)
    with store.write() as s, pytest.raises(RuleError) as err:
        service.propose_pair(s, actor, second, world.tutor, kind="tutor", starts_on=TODAY)
    assert err.value.rules == ["M-6"] and err.value.refusals[0].params["limit"] == 1
    with store.read() as s:  # the full guide is no longer suggested
        assert world.tutor not in {
            x.person_id for x in queries.suggestions(s, second, "tutor", TODAY)
        }


def test_only_a_protege_can_be_paired_m2(store, actor, world) -> None:
    with store.write() as s, pytest.raises(RuleError) as err:
        service.propose_pair(
            s, actor, world.other_tutor, world.tutor, kind="tutor", starts_on=TODAY
        )
    assert "M-2" in err.value.rules
    with store.write() as s:
        roster.add_career_event(
            s, actor, world.other_tutor, "specialisation_changed", date(2026, 10, 1)
        )
        service.propose_pair(
            s, actor, world.other_tutor, world.tutor, kind="tutor", starts_on=TODAY
        )


def test_wish_ranks_first_among_suggestions_m3(store, actor, world) -> None:
    with store.write() as s:
        roster.add_wish(s, actor, world.protege, world.other_tutor)
    with store.read() as s:
        ranked = queries.suggestions(s, world.protege, "tutor", TODAY)
    assert ranked[0].person_id == world.other_tutor


def test_extensions_never_beyond_three_years_m4(store, actor, world) -> None:
    pair = _pair(store, actor, world)
    with store.write() as s:
        service.extend_pair(s, actor, pair.id, order_number="1", order_date=TODAY, months=12)
        dto = service.extend_pair(s, actor, pair.id, order_number="2", order_date=TODAY, months=12)
    assert dto.ends_on == date(2029, 11, 21)
    with store.write() as s, pytest.raises(RuleError) as err:
        service.extend_pair(s, actor, pair.id, order_number="3", order_date=TODAY, months=1)
    assert err.value.rules == ["M-4"]


def test_caseload_order_checked_m5(store, actor, world) -> None:
    with store.write() as s:
        service.order_caseload_reduction(
            s,
            actor,
            world.protege,
            order_number="3",
            order_date=date(2026, 8, 1),
            percent=30,
            starts_on=date(2026, 8, 1),
            ends_on=date(2027, 1, 31),
        )
    with store.write() as s, pytest.raises(RuleError) as err:
        service.order_caseload_reduction(
            s,
            actor,
            world.protege,
            order_number="4",
            order_date=date(2026, 8, 1),
            percent=40,
            starts_on=date(2026, 8, 1),
            ends_on=date(2027, 3, 1),
        )
    assert err.value.rules == ["M-5", "M-5"]


def test_programme_corrections_keep_every_version_m7(store, actor, world) -> None:
    pair = _pair(store, actor, world)
    v1 = (ProgrammeItem("Әдеп", "Кодекс"), ProgrammeItem("Құжаттар", "Жобалар"))
    with store.write() as s:
        programme.draw_up(s, actor, pair.id, v1)
        v2 = (ProgrammeItem("Әдеп", "Кодекс", status="done"), ProgrammeItem("Құжаттар", "Жоба"))
        dto = programme.correct(s, actor, pair.id, v2, "Протеженің ұсынысы")
    assert dto.version == 2 and dto.progress == 50 and len(dto.versions) == 2
    with store.read() as s:
        changes = programme.compare(
            programme.version_items(s, pair.id, 1), programme.version_items(s, pair.id, 2)
        )
    assert (1, "status", "planned", "done") in changes
    assert (2, "activity", "Жобалар", "Жоба") in changes
    with store.write() as s, pytest.raises(ValidationError):
        programme.correct(s, actor, pair.id, v2, " ")


def test_confidential_journal_only_for_the_pair_and_coordinator_m9(store, actor, world) -> None:
    pair = _pair(store, actor, world)
    guide = Actor("g", frozenset({MENTOR}), person_id=world.tutor)
    with store.write() as s:
        journal.log_meeting(s, guide, pair.id, TODAY, "Бірінші кездесу", notes="құпия ой")
        journal.review_hearing(
            s, guide, pair.id, case_number="2-1/2026", heard_on=TODAY, criteria={"courtesy": True}
        )
    outsiders = [
        Actor("other mentor", frozenset({MENTOR}), person_id=world.mentor),
        # M-9: a mentor coordinating another region gets the union, which holds no such pair.
        Actor(
            "mentor who also coordinates",
            frozenset({MENTOR, COORDINATOR}),
            person_id=world.mentor,
            region_code="ZZZ",
        ),
        Actor("admin", frozenset({"administrator", CENTRE_OFFICER})),
    ]
    for who in outsiders:
        for read in (journal.meetings, journal.reviews, journal.reports, journal.petitions):
            with store.read() as s, pytest.raises(PermissionDeniedError) as err:
                read(s, who, pair.id)
            # The sentence says why; rule IDs stay out of what the user reads.
            assert "құпия" in err.value.message() and "M-9" not in err.value.message()
    protege = Actor("p", frozenset(), person_id=world.protege)
    with store.read() as s:
        assert journal.meetings(s, protege, pair.id)[0].notes == "құпия ой"
        assert len(journal.reviews(s, actor, pair.id)) == 1  # the coordinator
    with store.write() as s, pytest.raises(ValidationError):  # reviews are the guide's (M-8)
        journal.review_hearing(s, protege, pair.id, case_number="x", heard_on=TODAY, criteria={})


def test_registers_and_summaries_carry_no_confidential_text_m9(store, actor, world) -> None:
    from dataclasses import asdict

    _pair_id, _signed = signed_protocol(store, actor, world)
    with store.read() as s:
        listed = [asdict(p) for p in queries.pairs(s, region_code=world.region)]
        review = year_review(s, world.region, 2027)
    assert "Жұмыс" not in repr(listed) and "Тиімді" not in repr(review)
    # Issue 10, Why #6: one protégé's rating is never shown as an "average".
    assert review.completed == 1 and review.average_feedback is None and review.feedback_withheld
    assert review.best_guides[0].completed == 1


def test_petitions_by_the_right_party_m10(store, actor, world) -> None:
    pair = _pair(store, actor, world)
    protege = Actor("p", frozenset(), person_id=world.protege)
    guide = Actor("g", frozenset({MENTOR}), person_id=world.tutor)
    with store.write() as s:
        journal.file_petition(
            s, protege, pair.id, PetitionInput("replace", "protege", TODAY, "Мамандығы сәйкес емес")
        )
    with store.write() as s, pytest.raises(ValidationError):
        journal.file_petition(s, guide, pair.id, PetitionInput("replace", "guide", TODAY, "себеп"))
    with (
        store.write() as s,
        pytest.raises(ValidationError),
    ):  # the guide cannot sign for the protégé
        journal.file_petition(
            s, guide, pair.id, PetitionInput("end_early", "protege", TODAY, "себеп")
        )


def test_replacement_keeps_history_and_amendment_revisits_closed_pair_m10_m11(
    store, actor, world
) -> None:
    pair = _pair(store, actor, world)
    meeting = ProtocolInput(
        world.region, "9", date(2026, 12, 1), "Көкшетау", "А", "Б", ("А", "Б"), "Ауыстыру"
    )
    with store.write() as s:
        p = council.create_protocol(s, actor, meeting)
        council.add_decision(
            s,
            actor,
            p.id,
            DecisionInput(
                pair.id, "replace", "Протеженің өтініші бойынша", new_guide_id=world.other_tutor
            ),
        )
        signed = council.sign_protocol(s, actor, p.id, "А")
    with store.read() as s:
        mine = {x.guide_id: x for x in queries.pairs(s, person_id=world.protege)}
    assert mine[world.tutor].state == "ended_early" and mine[world.tutor].end_reason == "replaced"
    assert mine[world.other_tutor].replaces_id == pair.id
    assert mine[world.other_tutor].state == "active"
    with store.write() as s, pytest.raises(LockedError):
        council.add_decision(s, actor, p.id, DecisionInput(pair.id, "complete", "x"))
    amend = ProtocolInput(
        world.region,
        "9/1",
        date(2026, 12, 10),
        "Көкшетау",
        "А",
        "Б",
        ("А", "Б"),
        "Түзету",
        amends_id=signed.id,
    )
    with store.write() as s:
        a = council.create_protocol(s, actor, amend)
        council.add_decision(s, actor, a.id, DecisionInput(pair.id, "end_early", "Түзетілді"))
        council.sign_protocol(s, actor, a.id, "А")
    with store.read() as s:
        content = protocol_queries.content_of(s, a.id)
    assert content["amends"] == {"number": "9", "held_on": "2026-12-01"}


def test_copies_register_after_signing_m11(store, actor, world) -> None:
    _pair_id, signed = signed_protocol(store, actor, world)
    with store.write() as s:
        council.record_copy(s, actor, signed.id, "training_centre", date(2027, 1, 21))
        dto = council.record_copy(s, actor, signed.id, "hr", date(2027, 1, 22), note="жеке іске")
    assert dto.copies == (("training_centre", date(2027, 1, 21)), ("hr", date(2027, 1, 22)))


def test_only_staff_keep_pairs_m6(store, world) -> None:
    viewer = Actor("v", frozenset({"viewer"}))
    with store.write() as s, pytest.raises(PermissionDeniedError):
        service.propose_pair(s, viewer, world.protege, world.tutor, kind="tutor", starts_on=TODAY)
