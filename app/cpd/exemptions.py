"""Exempt periods kept by the CPD module, such as maternity leave (C-4)."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import (
    FieldError,
    ValidationError,
)
from app.core.permissions import CPD_KEEP, REFUSED, require
from app.cpd.dto import ExemptionInput
from app.cpd.vocab import EXEMPTION_KINDS
from db.models import CpdExemption, Person
from i18n import N_


def add_exemption(session: Session, actor: Actor, data: ExemptionInput) -> uuid.UUID:
    """Record an exempt period kept by the CPD module, such as maternity leave (C-4)."""
    require(actor, CPD_KEEP, REFUSED)
    errors: list[FieldError] = []
    if session.get(Person, data.person_id) is None:
        errors.append(FieldError("person_id", N_("The chosen person no longer exists.")))
    if data.kind not in EXEMPTION_KINDS:
        errors.append(FieldError("kind", N_("Choose a value from the list.")))
    if data.ends_on < data.starts_on:
        errors.append(FieldError("ends_on", N_("It ends before it starts.")))
    if errors:
        raise ValidationError(errors)
    ex = CpdExemption(
        person_id=data.person_id,
        kind=data.kind,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        note=data.note.strip(),
        updated_by=actor.name,
    )
    session.add(ex)
    session.flush()
    record(
        session,
        actor,
        "create",
        "cpd_exemption",
        ex.id,
        diff(
            {},
            {
                "person_id": data.person_id,
                "kind": data.kind,
                "starts_on": data.starts_on,
                "ends_on": data.ends_on,
            },
        ),
    )
    return ex.id
