"""M-9 through the services: who lists, reads and ships which pair's records.

One answer, app.core.permissions.pair_scope/pair_part, asked by the pairs list, the journal,
the pair reports, HR's personal-file copies and the exchange package.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from app.core.context import CENTRE_OFFICER, COORDINATOR, HR, MENTOR, Actor
from app.core.errors import PermissionDeniedError
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.exchange.export import build_body
from app.exchange.state import set_node_name, set_peer_confidential
from app.mentoring import council, journal, queries, service
from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.protocol_queries import personal_file_copies
from app.mentoring.roster import approve_roster
from db.models import Court
from tests.app.mentoring.conftest import TODAY, World, add_judge, signed_protocol, world

__all__ = ["world"]  # the fixture, imported for pytest

SECRET = "құпия: тек жұпқа"
READS = (journal.meetings, journal.reviews, journal.reports, journal.petitions)


@dataclass
class Pairs:
    region: str
    other_region: str
    closed: uuid.UUID  # AKM: protégé + tutor, reports written, protocol signed, copy to HR
    mentored: uuid.UUID  # AKM: the same protégé + the regional mentor
    other_tutors: uuid.UUID  # AKM: a second protégé + the other tutor
    elsewhere: uuid.UUID  # AKT: a pair of another region
    protocol: uuid.UUID


@pytest.fixture
def pairs(store: Store, actor: Actor, world: World) -> Pairs:
    closed, protocol = signed_protocol(store, actor, world)
    with store.write() as s:
        council.record_copy(s, actor, protocol.id, "hr", TODAY)
        mentored = service.propose_pair(
            s, actor, world.protege, world.mentor, kind="mentor", starts_on=TODAY
        )
        service.activate_pair(s, actor, mentored.id)
        second = add_judge(s, actor, world.district_id, "Сәрсенова", date(2026, 9, 1))
        other_tutors = service.propose_pair(
            s, actor, second, world.other_tutor, kind="tutor", starts_on=TODAY
        )
        service.activate_pair(s, actor, other_tutors.id)
        akt = s.scalar(select(Court).where(Court.code == "AKT"))
        assert akt is not None
        district = add_district_court(
            s, actor, DistrictCourtInput(akt.id, "Ақтөбе қалалық соты", "Актюбинский городской суд")
        )
        protege = add_judge(s, actor, district.id, "Есенова", date(2026, 7, 1))
        tutor = add_judge(s, actor, district.id, "Бекова", date(2010, 3, 1))
        approve_roster(
            s,
            actor,
            RosterOrderInput(
                region_code=akt.region_code,
                number="3-ө",
                signed_on=date(2026, 9, 1),
                entries=(RosterEntryInput(tutor, "tutor"),),
                attachment_name="order.pdf",
                attachment=b"%PDF-1.4 order",
            ),
            today=TODAY,
        )
        elsewhere = service.propose_pair(s, actor, protege, tutor, kind="tutor", starts_on=TODAY)
        service.activate_pair(s, actor, elsewhere.id)
    with store.write() as s:
        for pair_id, guide in (
            (mentored.id, world.mentor),
            (other_tutors.id, world.other_tutor),
            (elsewhere.id, tutor),
        ):
            who = Actor("guide", frozenset({MENTOR}), person_id=guide)
            journal.log_meeting(s, who, pair_id, TODAY, "Кездесу", notes=SECRET)
    return Pairs(
        world.region,
        akt.region_code,
        closed,
        mentored.id,
        other_tutors.id,
        elsewhere.id,
        protocol.id,
    )


def _listed(store: Store, who: Actor) -> set[uuid.UUID]:
    with store.read() as s:
        return {p.id for p in queries.pairs(s, actor=who)}


def _reads(store: Store, who: Actor, pair_id: uuid.UUID) -> bool:
    """True when every confidential read of the pair is allowed, False when all are refused."""
    allowed = set()
    for read in READS:
        with store.read() as s:
            try:
                read(s, who, pair_id)
            except PermissionDeniedError as err:
                assert "M-9" not in err.message()  # the rule's ID is for code, not the user
                allowed.add(False)
            else:
                allowed.add(True)
    assert len(allowed) == 1, "the journal's reads must answer alike"
    return allowed.pop()


def test_m9_coordinator_sees_every_pair_of_their_region_and_no_other(
    store: Store, pairs: Pairs
) -> None:
    coordinator = Actor("coordinator", frozenset({COORDINATOR}), region_code=pairs.region)
    assert _listed(store, coordinator) == {pairs.closed, pairs.mentored, pairs.other_tutors}
    for pair_id in (pairs.closed, pairs.mentored, pairs.other_tutors):
        assert _reads(store, coordinator, pair_id)
    assert not _reads(store, coordinator, pairs.elsewhere)
    with store.read() as s:
        assert "protege" in journal.reports(s, coordinator, pairs.closed)


def test_m9_coordinator_who_is_also_a_mentor_gets_the_union(
    store: Store, world: World, pairs: Pairs
) -> None:
    # Coordinator of their own region: every pair there, not only the one they guide.
    home = Actor("c+m", frozenset({COORDINATOR, MENTOR}), world.mentor, pairs.region)
    assert _listed(store, home) == {pairs.closed, pairs.mentored, pairs.other_tutors}
    assert _reads(store, home, pairs.other_tutors)
    # Coordinator of another region who guides a pair here: that region plus their own pair.
    away = Actor("c+m", frozenset({COORDINATOR, MENTOR}), world.mentor, pairs.other_region)
    assert _listed(store, away) == {pairs.mentored, pairs.elsewhere}
    assert _reads(store, away, pairs.mentored)
    assert _reads(store, away, pairs.elsewhere)
    assert not _reads(store, away, pairs.other_tutors)
    assert not _reads(store, away, pairs.closed)


def test_m9_mentor_of_another_pair_sees_only_the_pairs_they_guide(
    store: Store, world: World, pairs: Pairs
) -> None:
    tutor = Actor("tutor", frozenset({MENTOR}), person_id=world.other_tutor)
    assert _listed(store, tutor) == {pairs.other_tutors}
    assert _reads(store, tutor, pairs.other_tutors)
    for pair_id in (pairs.closed, pairs.mentored, pairs.elsewhere):
        assert not _reads(store, tutor, pair_id)
    with store.read() as s, pytest.raises(PermissionDeniedError):
        personal_file_copies(s, tutor)


def test_m9_training_centre_officer_keeps_the_pairs_but_reads_nothing_confidential(
    store: Store, actor: Actor, pairs: Pairs
) -> None:
    officer = Actor("officer", frozenset({CENTRE_OFFICER}))
    # M-6: the centre records pairs, so it lists them (public fields only) ...
    assert _listed(store, officer) == {
        pairs.closed,
        pairs.mentored,
        pairs.other_tutors,
        pairs.elsewhere,
    }
    # ... but what the pair shares is not the centre's to read, nor to send to its peers.
    for pair_id in (pairs.closed, pairs.mentored, pairs.other_tutors, pairs.elsewhere):
        assert not _reads(store, officer, pair_id)
    with store.read() as s, pytest.raises(PermissionDeniedError):
        personal_file_copies(s, officer)
    with store.write() as s:
        set_node_name(s, actor, "centre")  # the administrator names the PC once
        body, _ = build_body(s, officer, "district")
    assert "mentoring_meeting" not in body["tables"]
    assert SECRET not in json.dumps(body, ensure_ascii=False)
    with store.write() as s, pytest.raises(PermissionDeniedError):
        set_peer_confidential(s, officer, "district", True)


def test_m9_hr_reads_only_the_copies_sent_to_personal_files(
    store: Store, world: World, pairs: Pairs
) -> None:
    hr = Actor("hr", frozenset({HR}))
    assert _listed(store, hr) == set()
    for pair_id in (pairs.closed, pairs.mentored, pairs.other_tutors, pairs.elsewhere):
        assert not _reads(store, hr, pair_id)
    with store.read() as s:
        copies = personal_file_copies(s, hr)
        assert [p.id for p in copies] == [pairs.protocol]
        assert [p.id for p in personal_file_copies(s, hr, world.protege)] == [pairs.protocol]
        assert personal_file_copies(s, hr, world.other_tutor) == []
    with store.write() as s, pytest.raises(PermissionDeniedError):
        build_body(s, hr, "district")
