"""CPD: rule sets by year, activity forms and points, the ledger, evidence, reports (C-1…C-9)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from db.base import Base, Record

POINTS = Numeric(6, 2)


class CpdRuleSet(Record):
    """The CPD rules in force from 1 January of `effective_year` until the next set (C-9)."""

    __tablename__ = "cpd_rule_set"

    effective_year: Mapped[int] = mapped_column(Integer, unique=True)
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(300), default="")
    # How a year partly covered by an exemption is judged (C-4): "prorata" (by uncovered
    # days), "full" (the whole minimum unless every day is covered), "any" (exempt if any day).
    partial_exemption: Mapped[str] = mapped_column(String(20), default="prorata")
    report_due: Mapped[str] = mapped_column(String(5), default="02-15")  # MM-DD of next year
    summary_due: Mapped[str] = mapped_column(String(5), default="03-01")  # MM-DD of next year
    plan_due: Mapped[str] = mapped_column(String(5), default="12-01")  # MM-DD of the year before
    regional_events_min: Mapped[int] = mapped_column(Integer, default=2)  # T-4


class CpdForm(Record):
    """A form of CPD activity (C-1); the list is open, users add forms."""

    __tablename__ = "cpd_form"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_kk: Mapped[str] = mapped_column(String(400))
    name_ru: Mapped[str] = mapped_column(String(400))
    # A course at the Academy of Justice (T-1) resets the 5-year clock.
    academy: Mapped[bool] = mapped_column(Boolean, default=False)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=100)


class CpdFormPoints(Record):
    """Points a form earns under one rule set."""

    __tablename__ = "cpd_form_points"
    __table_args__ = (UniqueConstraint("rule_set_id", "form_id"),)

    rule_set_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cpd_rule_set.id", ondelete="CASCADE")
    )
    form_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cpd_form.id", ondelete="RESTRICT"))
    points: Mapped[Decimal] = mapped_column(POINTS)


class CpdRoleRule(Record):
    """What one role must do under a rule set: yearly points and the Academy interval (T-1)."""

    __tablename__ = "cpd_role_rule"
    __table_args__ = (UniqueConstraint("rule_set_id", "role"),)

    rule_set_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cpd_rule_set.id", ondelete="CASCADE")
    )
    role: Mapped[str] = mapped_column(String(20))
    min_points: Mapped[Decimal] = mapped_column(POINTS)
    academy_every_years: Mapped[int] = mapped_column(Integer, default=0)  # 0: not required


class CpdActivity(Record):
    """One line of a person's ledger (C-3, C-8)."""

    __tablename__ = "cpd_activity"
    __table_args__ = (
        # Covering indexes: the national compliance pass reads one year grouped by person;
        # a person's history and the Academy due date read by person and date.
        Index("ix_cpd_activity_year_person", "year", "person_id", "state", "points"),
        Index("ix_cpd_activity_person_date", "person_id", "ends_on", "points"),
        Index("ix_cpd_activity_form_person", "form_id", "state", "person_id", "ends_on"),
        # Only the lines waiting for the officer (C-3), counted on the start page. The
        # migration (0610) makes it partial on PostgreSQL too; a postgresql_where here would
        # load SQLAlchemy's PostgreSQL dialect into every process, 2 MiB of the memory budget.
        Index(
            "ix_cpd_activity_pending",
            "year",
            "person_id",
            sqlite_where=text("state = 'pending'"),
        ),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)  # reporting year: that of ends_on (C-2)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    form_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cpd_form.id", ondelete="RESTRICT"))
    event: Mapped[str] = mapped_column(String(400))
    organiser: Mapped[str] = mapped_column(String(300), default="")
    hours: Mapped[Decimal | None] = mapped_column(Numeric(6, 1))
    points: Mapped[Decimal] = mapped_column(POINTS)
    catalogue_points: Mapped[Decimal | None] = mapped_column(POINTS)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12), default="pending")
    reviewed_by: Mapped[str] = mapped_column(String(120), default="")
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    review_note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(12), default="manual")
    registration_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("training_registration.id", ondelete="SET NULL"), index=True
    )
    idempotency_key: Mapped[str | None] = mapped_column(String(80), unique=True)


class CpdYearPoints(Base):
    """Points of a person's year summed from the ledger (C-2), kept by database triggers on
    cpd_activity (migration 0600) so the start page reads 50,000 sums, not 250,000 lines.
    In hundredths of a point: whole numbers add and subtract without drift.
    """

    __tablename__ = "cpd_year_points"
    __table_args__ = ({"info": {"local": True}},)

    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    confirmed_cents: Mapped[int] = mapped_column(Integer, default=0)
    pending_cents: Mapped[int] = mapped_column(Integer, default=0)  # neither confirmed nor rejected


class CpdEvidence(Record):
    """A document confirming an activity (C-3), kept in the database with its checksum."""

    __tablename__ = "cpd_evidence"

    activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cpd_activity.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # certificate | diploma | programme | other
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))


class CpdExemption(Record):
    """A period exempt from CPD not kept as a person status, e.g. maternity leave (C-4)."""

    __tablename__ = "cpd_exemption"
    __table_args__ = (Index("ix_cpd_exemption_person_start", "person_id", "starts_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # maternity | other
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class CpdReport(Record):
    """A person's individual yearly report and its review (C-5, C-6)."""

    __tablename__ = "cpd_report"
    __table_args__ = (UniqueConstraint("person_id", "year"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    filled_on: Mapped[date | None] = mapped_column(Date)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    remarks: Mapped[str] = mapped_column(Text, default="")
    officer_comment: Mapped[str] = mapped_column(Text, default="")
    accepted_on: Mapped[date | None] = mapped_column(Date)
    accepted_by: Mapped[str] = mapped_column(String(200), default="")
    # The lines as accepted: the printed report of a locked year never changes.
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
