"""Judicial mentoring (seed 002, M-1…M-13): rosters, pairs, programmes, journal, council."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Record

_PERSON = "person.id"


class CareerEvent(Record):
    """An event that makes a judge a protégé again (M-2), with its date."""

    __tablename__ = "mentoring_career_event"

    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_PERSON, ondelete="CASCADE"), index=True
    )
    # specialisation_changed | region_changed | childcare_return | needs_help
    kind: Mapped[str] = mapped_column(String(30))
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ProtegeWish(Record):
    """A protégé's stated wish for a guide (M-3, cl. 8)."""

    __tablename__ = "mentoring_wish"

    protege_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_PERSON, ondelete="CASCADE"), index=True
    )
    guide_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_PERSON, ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text, default="")


class RosterOrder(Record):
    """The regional chairman's order approving or amending the roster of guides (M-3)."""

    __tablename__ = "mentoring_roster_order"

    region_code: Mapped[str] = mapped_column(String(20), index=True)
    number: Mapped[str] = mapped_column(String(40))
    signed_on: Mapped[date] = mapped_column(Date)
    amends_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("mentoring_roster_order.id", ondelete="RESTRICT")
    )
    attachment_name: Mapped[str] = mapped_column(String(200), default="")
    attachment: Mapped[bytes | None] = mapped_column(LargeBinary)
    attachment_sha256: Mapped[str] = mapped_column(String(64), default="")


class RosterEntry(Record):
    """A guide on a roster; eligibility problems overridden only with a recorded reason (M-1)."""

    __tablename__ = "mentoring_roster_entry"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_roster_order.id", ondelete="RESTRICT"), index=True
    )
    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_PERSON, ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))  # tutor | mentor
    override_reason: Mapped[str] = mapped_column(Text, default="")
    refusals: Mapped[list[Any]] = mapped_column(JSON, default=list)
    removed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("mentoring_roster_order.id", ondelete="RESTRICT")
    )


class Pair(Record):
    """A guide and a protégé (M-1, M-4, M-6); locked once a signed protocol decided on it."""

    __tablename__ = "mentoring_pair"
    __table_args__ = (Index("ix_mentoring_pair_region_start", "region_code", "starts_on"),)

    protege_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_PERSON, ondelete="RESTRICT"), index=True
    )
    guide_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_PERSON, ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))  # tutor | mentor
    state: Mapped[str] = mapped_column(String(20), index=True)
    region_code: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[date] = mapped_column(Date)
    term_months: Mapped[int] = mapped_column(Integer, default=12)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(String(40), default="")
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("mentoring_pair.id", ondelete="RESTRICT")
    )
    locked_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("mentoring_protocol.id", ondelete="RESTRICT")
    )


class PairExtension(Record):
    """An extension of a pair's term by the regional chairman's order (M-4)."""

    __tablename__ = "mentoring_extension"

    pair_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_pair.id", ondelete="CASCADE"), index=True
    )
    order_number: Mapped[str] = mapped_column(String(40))
    order_date: Mapped[date] = mapped_column(Date)
    months: Mapped[int] = mapped_column(Integer)


class CaseloadOrder(Record):
    """The court chairman's order reducing a new judge's caseload (M-5)."""

    __tablename__ = "mentoring_caseload_order"

    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_PERSON, ondelete="CASCADE"), index=True
    )
    order_number: Mapped[str] = mapped_column(String(40))
    order_date: Mapped[date] = mapped_column(Date)
    percent: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class Programme(Record):
    """The individual programme of a pair (M-7); its items live in versions."""

    __tablename__ = "mentoring_programme"

    pair_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_pair.id", ondelete="CASCADE"), unique=True
    )
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    approved_on: Mapped[date | None] = mapped_column(Date)
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    progress: Mapped[int] = mapped_column(Integer, default=0)  # percent, of the current version


class ProgrammeVersion(Record):
    """One version of a programme's items; corrections add versions, none is overwritten."""

    __tablename__ = "mentoring_programme_version"

    programme_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_programme.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(120), default="")
    items: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Meeting(Record):
    """A meeting of the pair; confidential (M-9)."""

    __tablename__ = "mentoring_meeting"
    # M-9: travels in exchange packages only to peers entitled to it (app/exchange).
    __table_args__ = ({"info": {"confidential": True}},)

    pair_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_pair.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")


class HearingReview(Record):
    """The guide's review of a hearing the protégé conducted (M-8); confidential (M-9)."""

    __tablename__ = "mentoring_hearing_review"
    # M-9: travels in exchange packages only to peers entitled to it (app/exchange).
    __table_args__ = ({"info": {"confidential": True}},)

    pair_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_pair.id", ondelete="CASCADE"), index=True
    )
    case_number: Mapped[str] = mapped_column(String(60))
    heard_on: Mapped[date] = mapped_column(Date)
    criteria: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    remarks: Mapped[str] = mapped_column(Text, default="")


class Petition(Record):
    """A petition to end a pair early or to replace the guide (M-10)."""

    __tablename__ = "mentoring_petition"
    # M-9: travels in exchange packages only to peers entitled to it (app/exchange).
    __table_args__ = ({"info": {"confidential": True}},)

    pair_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_pair.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # end_early | replace
    filed_by: Mapped[str] = mapped_column(String(10))  # guide | protege
    filed_on: Mapped[date] = mapped_column(Date)
    reasons: Mapped[str] = mapped_column(Text)


class PairReport(Record):
    """The written report of the guide or of the protégé (M-10, cl. 13, 16.8)."""

    __tablename__ = "mentoring_report"
    # M-9: travels in exchange packages only to peers entitled to it (app/exchange).
    __table_args__ = ({"info": {"confidential": True}},)

    pair_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_pair.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[str] = mapped_column(String(10))  # guide | protege
    submitted_on: Mapped[date] = mapped_column(Date)
    work_done: Mapped[str] = mapped_column(Text, default="")
    knowledge_gained: Mapped[str] = mapped_column(Text, default="")
    effectiveness: Mapped[str] = mapped_column(Text, default="")
    proposals: Mapped[str] = mapped_column(Text, default="")
    feedback_score: Mapped[int | None] = mapped_column(Integer)


class Seminar(Record):
    """An orientation seminar for potential participants (M-12)."""

    __tablename__ = "mentoring_seminar"

    region_code: Mapped[str] = mapped_column(String(20), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(300))
    place: Mapped[str] = mapped_column(String(300), default="")


class SeminarInvitation(Record):
    """An invitation to a seminar and whether the person attended (M-12)."""

    __tablename__ = "mentoring_seminar_invitation"

    seminar_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_seminar.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_PERSON, ondelete="CASCADE"))
    invited_on: Mapped[date] = mapped_column(Date)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
