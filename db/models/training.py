"""Training events, sessions, registrations, feedback, needs survey and yearly plan (T-2…T-5)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Record


class TrainingEvent(Record):
    """A seminar, conference, round table, course or the annual one-week programme."""

    __tablename__ = "training_event"

    title: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    level: Mapped[str] = mapped_column(String(12), default="regional")  # regional | national
    audience: Mapped[str] = mapped_column(String(12), default="judges")  # judges | staff | all
    organiser: Mapped[str] = mapped_column(String(300), default="")
    form_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cpd_form.id", ondelete="RESTRICT"))
    # Points each attendee earns; None takes the form's points of the rule set in force.
    points: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    plan_year: Mapped[int] = mapped_column(Integer, index=True)
    topic: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(12), default="planned")  # planned|held|cancelled
    court_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("court.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text, default="")


class TrainingSession(Record):
    """One run of an event: dates, place, trainer and seats."""

    __tablename__ = "training_session"

    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("training_event.id", ondelete="CASCADE"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    trainer: Mapped[str] = mapped_column(String(300), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=0)  # 0: unlimited


class TrainingRegistration(Record):
    """A person registered for a session, or waiting for a seat."""

    __tablename__ = "training_registration"
    __table_args__ = (
        UniqueConstraint("session_id", "person_id"),
        Index("ix_training_registration_person", "person_id"),
    )

    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("training_session.id", ondelete="CASCADE")
    )
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    state: Mapped[str] = mapped_column(String(12), default="registered")  # registered|waiting
    queue_no: Mapped[int] = mapped_column(Integer, default=0)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    rating: Mapped[int | None] = mapped_column(Integer)  # participant feedback, 1…5
    feedback: Mapped[str] = mapped_column(Text, default="")


class TrainingNeed(Record):
    """A court's answer to the yearly training-needs survey (T-2)."""

    __tablename__ = "training_need"
    __table_args__ = (Index("ix_training_need_year_court", "plan_year", "court_id"),)

    plan_year: Mapped[int] = mapped_column(Integer)
    court_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("court.id", ondelete="RESTRICT"))
    topic: Mapped[str] = mapped_column(String(300))
    audience: Mapped[str] = mapped_column(String(12), default="judges")
    people: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class TrainingPlan(Record):
    """The yearly plan of events and when it was sent to the coordinators (T-3)."""

    __tablename__ = "training_plan"

    year: Mapped[int] = mapped_column(Integer, unique=True)
    approved_on: Mapped[date | None] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
