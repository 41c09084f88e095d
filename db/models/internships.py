"""Internships of judges at higher courts and of candidate judges (I-1, I-2, I-3)."""

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


class InternshipRuleSet(Record):
    """Parameters of rule I-1 in force from a date (a council may change them, C-9)."""

    __tablename__ = "internship_rule_set"

    valid_from: Mapped[date] = mapped_column(Date, unique=True)
    interval_years: Mapped[int] = mapped_column(Integer, default=3)
    min_days: Mapped[int] = mapped_column(Integer, default=14)


class Holiday(Record):
    """A public holiday: every year (year is None) or in one year only (e.g. Kurban ait)."""

    __tablename__ = "holiday"
    __table_args__ = (UniqueConstraint("year", "month", "day", name="year_month_day"),)

    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    name_kk: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))


class HostOffer(Record):
    """Places a higher court offers for interns over a period."""

    __tablename__ = "internship_host_offer"
    __table_args__ = (Index("ix_internship_host_offer_court_start", "court_id", "starts_on"),)

    court_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("court.id", ondelete="CASCADE"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    capacity: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="judge")  # judge | candidate
    note: Mapped[str] = mapped_column(Text, default="")


class HostBlackout(Record):
    """Dates a host court cannot take interns."""

    __tablename__ = "internship_host_blackout"

    court_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("court.id", ondelete="CASCADE"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(300), default="")


class BusyPeriod(Record):
    """A period a person is taken by something else (a training event, a mission).

    Other modules (CPD, mentoring) fill this table; the planner only reads it.
    """

    __tablename__ = "person_busy_period"
    __table_args__ = (Index("ix_person_busy_period_person_start", "person_id", "starts_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(String(300), default="")


class Internship(Record):
    """One internship of a judge (I-1) or a candidate judge (I-3) at a host court."""

    __tablename__ = "internship"
    __table_args__ = (
        Index("ix_internship_person_start", "person_id", "starts_on"),
        Index("ix_internship_host_start", "host_court_id", "starts_on"),
        # Covers I-1's lookup of the internship that last reset a judge's clock (issue 12)
        Index(
            "ix_internship_person_reset",
            "person_id",
            "kind",
            "status",
            "ends_on",
            "starts_on",
            "host_court_id",
        ),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    host_court_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("court.id", ondelete="RESTRICT"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="judge")  # judge | candidate
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned|done|cancelled
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    tutor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    intern_report: Mapped[str] = mapped_column(Text, default="")


class CandidatePlaces(Record):
    """Places for paid internships of candidate judges allocated to a court for a year (I-3)."""

    __tablename__ = "candidate_places"
    __table_args__ = (UniqueConstraint("court_id", "year", name="court_year"),)

    court_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("court.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    places: Mapped[int] = mapped_column(Integer)


class QualityIndicator(Record):
    """A judge's quality of work over a period (I-2, E-4), entered or imported."""

    __tablename__ = "quality_indicator"
    __table_args__ = (
        # Covering: the due list reads each judge's latest figures from the index alone
        # (I-1 priority, issue 12; migration 0601).
        Index(
            "ix_quality_indicator_person_end",
            "person_id",
            "period_end",
            "complaints",
            "overturned",
            "time_limits_kept_pct",
        ),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    cases: Mapped[int] = mapped_column(Integer, default=0)
    overturned: Mapped[int] = mapped_column(Integer, default=0)
    time_limits_kept_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(100))
    complaints: Mapped[int] = mapped_column(Integer, default=0)
