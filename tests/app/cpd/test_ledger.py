"""Ledger: points from the catalogue, override with reason, evidence, officer's check (C-1, C-3)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import update

from app.core.context import Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.store import Store
from app.cpd.dto import ActivityInput
from app.cpd.evidence import EvidenceDamagedError, attach_evidence, evidence_content
from app.cpd.ledger import (
    add_activity,
    person_ledger,
    review_activity,
    update_activity,
)
from db.models import CpdEvidence
from tests.app.cpd.helpers import TODAY, add, form_id, make_person


def test_points_come_from_the_catalogue(store: Store, actor: Actor) -> None:
    """C-1: a talk as lecturer earns 3 points without typing them."""
    person, _ = make_person(store, actor)
    a = add(store, actor, person, "F04", date(2026, 3, 3), confirm=False)
    assert (a.points, a.catalogue_points, a.state) == (Decimal(3), Decimal(3), "pending")


def test_points_override_needs_a_reason(store: Store, actor: Actor) -> None:
    """C-1: points other than the catalogue's are refused without a reason, kept with one."""
    person, _ = make_person(store, actor)
    fid = form_id(store, "F02")
    data = ActivityInput(
        person_id=person,
        form_id=fid,
        event="Екі күндік семинар",
        starts_on=date(2026, 4, 1),
        ends_on=date(2026, 4, 2),
        points=Decimal(4),
    )
    with store.write() as s, pytest.raises(ValidationError) as err:
        add_activity(s, actor, data, today=TODAY)
    assert [e.field for e in err.value.errors] == ["override_reason"]
    with store.write() as s:
        a = add_activity(s, actor, replace(data, override_reason="Екі күн, 16 сағат"), today=TODAY)
    assert (a.points, a.catalogue_points, a.data.override_reason) == (
        Decimal(4),
        Decimal(2),
        "Екі күн, 16 сағат",
    )


def test_every_problem_is_reported_at_once(store: Store, actor: Actor) -> None:
    person, _ = make_person(store, actor)
    data = ActivityInput(
        person_id=person,
        form_id=form_id(store, "F02"),
        event=" ",
        starts_on=date(2026, 4, 3),
        ends_on=date(2026, 4, 1),
        hours=Decimal(-1),
    )
    with store.write() as s, pytest.raises(ValidationError) as err:
        add_activity(s, actor, data, today=TODAY)
    assert {e.field for e in err.value.errors} == {"event", "ends_on", "hours"}


def test_evidence_kept_with_checksum_and_damage_detected(store: Store, actor: Actor) -> None:
    """C-3: a certificate is stored with its SHA-256 and verified when read back."""
    person, _ = make_person(store, actor)
    a = add(store, actor, person, "F03", date(2026, 2, 2), confirm=False)
    pdf = b"%PDF-1.4 certificate \xd0\x9a"
    with store.write() as s:
        ev = attach_evidence(
            s, actor, a.id, kind="certificate", filename="C:\\docs\\сертификат.pdf", content=pdf
        )
    assert (ev.filename, ev.sha256) == ("сертификат.pdf", hashlib.sha256(pdf).hexdigest())
    with store.read() as s:
        assert evidence_content(s, ev.id) == ("сертификат.pdf", pdf)
        assert person_ledger(s, person)[0].evidence == (ev,)
    with store.write() as s:
        s.execute(update(CpdEvidence).where(CpdEvidence.id == ev.id).values(content=b"tampered"))
    with store.read() as s, pytest.raises(EvidenceDamagedError):
        evidence_content(s, ev.id)


def test_officer_confirms_or_rejects_with_reason(store: Store, actor: Actor) -> None:
    """C-3: only an officer checks; a rejection says why; an edit needs a new check."""
    person, _ = make_person(store, actor)
    a = add(store, actor, person, "F11", date(2026, 2, 2), confirm=False)
    self_actor = Actor("judge", frozenset({"mentor"}), person_id=person)
    with store.write() as s, pytest.raises(PermissionDeniedError):
        review_activity(s, self_actor, a.id, confirm=True)
    with store.write() as s, pytest.raises(ValidationError):
        review_activity(s, actor, a.id, confirm=False)
    with store.write() as s:
        rejected = review_activity(
            s, actor, a.id, confirm=False, note="Мақала көшірмесі жоқ", today=TODAY
        )
    assert (rejected.state, rejected.review_note) == ("rejected", "Мақала көшірмесі жоқ")
    with store.write() as s:  # C-8: the person corrects their own line
        edited = update_activity(
            s,
            self_actor,
            a.id,
            replace(rejected.data, event="«Заң газеті», №12 мақала", points=None),
            rejected.version,
            today=TODAY,
        )
    assert edited.state == "pending"


def test_a_person_cannot_edit_someone_elses_ledger(store: Store, actor: Actor) -> None:
    person, _ = make_person(store, actor)
    other, _ = make_person(store, actor, surname="Иванова")
    outsider = Actor("x", frozenset({"mentor"}), person_id=other)
    data = ActivityInput(
        person_id=person,
        form_id=form_id(store, "F02"),
        event="Семинар",
        starts_on=date(2026, 4, 1),
        ends_on=date(2026, 4, 1),
    )
    with store.write() as s, pytest.raises(PermissionDeniedError):
        add_activity(s, outsider, data, today=TODAY)
