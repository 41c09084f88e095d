"""Documents confirming an activity, kept in the database with their SHA-256 (C-3)."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import (
    DomainError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from app.cpd.dto import EvidenceDTO
from app.cpd.ledger import check_unlocked, load_activity, may_edit
from app.cpd.vocab import EVIDENCE_KINDS
from db.models import CpdEvidence
from i18n import N_

EVIDENCE_MAX_BYTES = 20 * 1024 * 1024


class EvidenceDamagedError(DomainError):
    """Stored bytes no longer match the checksum taken when they were attached (C-3)."""


def attach_evidence(
    session: Session,
    actor: Actor,
    activity_id: uuid.UUID,
    *,
    kind: str,
    filename: str,
    content: bytes,
) -> EvidenceDTO:
    """Keep a confirming document in the database with its SHA-256 (C-3)."""
    a = load_activity(session, activity_id, None)
    may_edit(actor, a.person_id)
    check_unlocked(session, a.person_id, a.year)
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    errors: list[FieldError] = []
    if kind not in EVIDENCE_KINDS:
        errors.append(FieldError("kind", N_("Choose a value from the list.")))
    if not name or len(name) > 255:
        errors.append(
            FieldError("filename", N_("The file needs a name of at most 255 characters."))
        )
    if not content:
        errors.append(FieldError("content", N_("The file is empty.")))
    elif len(content) > EVIDENCE_MAX_BYTES:
        errors.append(FieldError("content", N_("The file is larger than {mb} MB."), {"mb": 20}))
    if errors:
        raise ValidationError(errors)
    digest = hashlib.sha256(content).hexdigest()
    ev = CpdEvidence(
        activity_id=a.id,
        kind=kind,
        filename=name,
        size=len(content),
        sha256=digest,
        content=content,
        updated_by=actor.name,
    )
    session.add(ev)
    session.flush()
    record(
        session,
        actor,
        "attach",
        "cpd_activity",
        a.id,
        {"evidence": [None, f"{name} sha256:{digest}"]},
    )
    return EvidenceDTO(ev.id, a.id, kind, name, len(content), digest)


def evidence_content(session: Session, evidence_id: uuid.UUID) -> tuple[str, bytes]:
    """A document's name and bytes, verified against the stored checksum."""
    ev = session.get(CpdEvidence, evidence_id)
    if ev is None:
        raise NotFoundError(N_("This document was deleted by someone else."))
    content = bytes(ev.content)
    if hashlib.sha256(content).hexdigest() != ev.sha256:
        raise EvidenceDamagedError(
            N_("The stored file {name} is damaged (checksum mismatch)."), name=ev.filename
        )
    return ev.filename, content
