"""Court staff: adaptation with a tutor (S-1) and civil servants' internships (S-2)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Record


class StaffAdaptation(Record):
    """A newly hired staff member's adaptation: tutor, term and result (seed 003 §7.1.5)."""

    __tablename__ = "staff_adaptation"
    __table_args__ = (Index("ix_staff_adaptation_person_start", "person_id", "starts_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    tutor_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    hired_on: Mapped[date] = mapped_column(Date)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    # "" while open, then "adapted" or "not_adapted"
    result: Mapped[str] = mapped_column(String(20), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    items: Mapped[list[StaffPlanItem]] = relationship(
        back_populates="adaptation",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="StaffPlanItem.position",
    )


class StaffPlanItem(Record):
    """One item of an adaptation plan, with the date it is due."""

    __tablename__ = "staff_plan_item"

    adaptation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("staff_adaptation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    due_on: Mapped[date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    adaptation: Mapped[StaffAdaptation] = relationship(back_populates="items", lazy="raise")


class StaffInternship(Record):
    """A civil servant's internship on the year's schedule, then held or not (§7.1.6)."""

    __tablename__ = "staff_internship"
    __table_args__ = (Index("ix_staff_internship_year_start", "year", "starts_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    place: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    # "planned", then "held" or "not_held"
    status: Mapped[str] = mapped_column(String(20), default="planned")
    reason: Mapped[str] = mapped_column(Text, default="")
