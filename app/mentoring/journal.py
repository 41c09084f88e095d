"""The pair's confidential journal: meetings, hearing reviews, petitions, reports (M-8…M-10).

Every function takes the actor and refuses anyone but the pair and the coordinator (M-9).
Nothing here records the protégé's decisions or the guide's view on how a case should be
decided: review criteria are about the ethics of proceedings only (M-9, independence).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.mentoring.access import ensure_editable, load_pair, require_party
from app.mentoring.dto import MeetingDTO, PetitionInput, ReportInput, ReviewDTO
from db.models import HearingReview, Meeting, PairReport, Petition
from i18n import N_

# M-8: hearings are reviewed for the ethics norms of proceedings (cl. 15.2), nothing else.
ETHICS_CRITERIA: dict[str, str] = {
    "impartiality": N_("Impartiality and equal treatment of the parties"),
    "courtesy": N_("Courtesy and restraint towards participants"),
    "procedure": N_("Explaining rights and the order of the hearing"),
    "language": N_("Language of proceedings respected"),
    "timeliness": N_("Hearing started on time and kept to schedule"),
    "appearance": N_("Judicial attire and decorum"),
}
MAX_TEXT = 20000


def _text_errors(field: str, value: str, required: bool) -> list[FieldError]:
    if required and not value.strip():
        return [FieldError(field, N_("This field is required."))]
    if len(value) > MAX_TEXT:
        return [FieldError(field, N_("At most {limit} characters."), {"limit": MAX_TEXT})]
    return []


def log_meeting(
    session: Session,
    actor: Actor,
    pair_id: uuid.UUID,
    held_on: date,
    topic: str,
    *,
    notes: str = "",
) -> MeetingDTO:
    """Record a meeting of the pair (M-9: confidential)."""
    pair = load_pair(session, pair_id)
    require_party(actor, pair)
    ensure_editable(session, pair)
    errors = _text_errors("topic", topic, True) + _text_errors("notes", notes, False)
    if held_on < pair.starts_on:
        errors.append(FieldError("held_on", N_("The meeting is before the pair started.")))
    if errors:
        raise ValidationError(errors)
    meeting = Meeting(
        pair_id=pair_id,
        held_on=held_on,
        topic=topic.strip()[:300],
        notes=notes.strip(),
        updated_by=actor.name,
    )
    session.add(meeting)
    session.flush()
    # The audit log keeps only that a meeting happened, not what was said (M-9).
    record(
        session,
        actor,
        "create",
        "mentoring_meeting",
        meeting.id,
        {"pair_id": [None, str(pair_id)], "held_on": [None, held_on.isoformat()]},
    )
    return MeetingDTO(meeting.id, held_on, meeting.topic, meeting.notes)


def meetings(session: Session, actor: Actor, pair_id: uuid.UUID) -> list[MeetingDTO]:
    """The meeting log of a pair, for the pair and the coordinator only (M-9)."""
    require_party(actor, load_pair(session, pair_id))
    return [
        MeetingDTO(m.id, m.held_on, m.topic, m.notes)
        for m in session.scalars(
            select(Meeting).where(Meeting.pair_id == pair_id).order_by(Meeting.held_on)
        )
    ]


def review_hearing(
    session: Session,
    actor: Actor,
    pair_id: uuid.UUID,
    *,
    case_number: str,
    heard_on: date,
    criteria: dict[str, bool],
    remarks: str = "",
) -> ReviewDTO:
    """The guide's review sheet of a hearing the protégé conducted (M-8, cl. 15.2)."""
    pair = load_pair(session, pair_id)
    who = require_party(actor, pair)
    ensure_editable(session, pair)
    errors = _text_errors("case_number", case_number, True) + _text_errors(
        "remarks", remarks, False
    )
    if who == "protege":
        errors.append(
            FieldError("case_number", N_("Hearing reviews are written by the guide — M-8"))
        )
    unknown = sorted(set(criteria) - set(ETHICS_CRITERIA))
    if unknown:
        errors.append(
            FieldError("criteria", N_("Unknown criteria: {names}"), {"names": ", ".join(unknown)})
        )
    if errors:
        raise ValidationError(errors)
    review = HearingReview(
        pair_id=pair_id,
        case_number=case_number.strip()[:60],
        heard_on=heard_on,
        criteria={k: bool(v) for k, v in criteria.items()},
        remarks=remarks.strip(),
        updated_by=actor.name,
    )
    session.add(review)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_hearing_review",
        review.id,
        {"pair_id": [None, str(pair_id)], "heard_on": [None, heard_on.isoformat()]},
    )
    return ReviewDTO(review.id, review.case_number, heard_on, dict(review.criteria), review.remarks)


def reviews(session: Session, actor: Actor, pair_id: uuid.UUID) -> list[ReviewDTO]:
    """Hearing reviews of a pair, for the pair and the coordinator only (M-9)."""
    require_party(actor, load_pair(session, pair_id))
    return [
        ReviewDTO(r.id, r.case_number, r.heard_on, dict(r.criteria), r.remarks)
        for r in session.scalars(
            select(HearingReview)
            .where(HearingReview.pair_id == pair_id)
            .order_by(HearingReview.heard_on)
        )
    ]


def file_petition(
    session: Session, actor: Actor, pair_id: uuid.UUID, data: PetitionInput
) -> uuid.UUID:
    """A petition to end early (guide: goals reached; protégé: no need) or to replace (M-10)."""
    pair = load_pair(session, pair_id)
    who = require_party(actor, pair)
    ensure_editable(session, pair)
    errors = _text_errors("reasons", data.reasons, True)
    if data.kind not in ("end_early", "replace"):
        errors.append(FieldError("kind", N_("Choose the kind of petition.")))
    if data.filed_by not in ("guide", "protege") or who not in (data.filed_by, "coordinator"):
        errors.append(
            FieldError(
                "filed_by", N_("A petition is filed by the guide or the protégé themselves — M-10")
            )
        )
    if data.kind == "replace" and data.filed_by != "protege":
        errors.append(FieldError("kind", N_("Replacing the guide is the protégé's request — M-10")))
    if errors:
        raise ValidationError(errors)
    petition = Petition(
        pair_id=pair_id,
        kind=data.kind,
        filed_by=data.filed_by,
        filed_on=data.filed_on,
        reasons=data.reasons.strip(),
        updated_by=actor.name,
    )
    session.add(petition)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_petition",
        petition.id,
        {
            "pair_id": [None, str(pair_id)],
            "kind": [None, data.kind],
            "filed_by": [None, data.filed_by],
        },
    )
    return petition.id


def petitions(session: Session, actor: Actor, pair_id: uuid.UUID) -> list[PetitionInput]:
    """The pair's petitions (M-9: reasons are confidential)."""
    require_party(actor, load_pair(session, pair_id))
    return [
        PetitionInput(p.kind, p.filed_by, p.filed_on, p.reasons)
        for p in session.scalars(
            select(Petition).where(Petition.pair_id == pair_id).order_by(Petition.filed_on)
        )
    ]


def submit_report(
    session: Session, actor: Actor, pair_id: uuid.UUID, data: ReportInput
) -> uuid.UUID:
    """The guide's written report or the protégé's final report and feedback (M-10)."""
    pair = load_pair(session, pair_id)
    who = require_party(actor, pair)
    ensure_editable(session, pair)
    errors = _text_errors("work_done", data.work_done, True)
    if data.author not in ("guide", "protege") or who not in (data.author, "coordinator"):
        errors.append(
            FieldError(
                "author", N_("A report is written by the guide or the protégé themselves — M-10")
            )
        )
    if data.author == "protege":
        for name in ("knowledge_gained", "effectiveness"):
            errors += _text_errors(name, getattr(data, name), True)
        if data.feedback_score is None or not 1 <= data.feedback_score <= 5:
            errors.append(FieldError("feedback_score", N_("Give a score from 1 to 5 — M-10")))
    if errors:
        raise ValidationError(errors)
    old = session.scalar(
        select(PairReport).where(PairReport.pair_id == pair_id, PairReport.author == data.author)
    )
    if old is not None:  # a later report replaces the earlier draft
        session.delete(old)
    report = PairReport(pair_id=pair_id, updated_by=actor.name, **asdict(data))
    session.add(report)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_report",
        report.id,
        diff({}, {"pair_id": pair_id, "author": data.author, "submitted_on": data.submitted_on}),
    )
    return report.id


def reports(session: Session, actor: Actor, pair_id: uuid.UUID) -> dict[str, ReportInput]:
    """The pair's reports by author, for the pair and the coordinator only (M-9)."""
    require_party(actor, load_pair(session, pair_id))
    return {
        r.author: ReportInput(
            r.author,
            r.submitted_on,
            r.work_done,
            r.knowledge_gained,
            r.effectiveness,
            r.proposals,
            r.feedback_score,
        )
        for r in session.scalars(select(PairReport).where(PairReport.pair_id == pair_id))
    }
