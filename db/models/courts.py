"""Courts and training centres (P-1)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Record


class Court(Record):
    """A court: the Supreme Court, a regional court or a district court."""

    __tablename__ = "court"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    level: Mapped[str] = mapped_column(String(20), index=True)  # supreme | regional | district
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("court.id", ondelete="RESTRICT"), index=True
    )
    region_code: Mapped[str] = mapped_column(String(20), index=True, default="")
    sort_key: Mapped[str] = mapped_column(String(600), index=True, default="")
    # M-1, seed 002 cl. 11: a small district court, flagged by the centre; only there may the
    # chairman or a retired district judge tutor.
    # Deferred: loaded only where asked, so the tests of older data migrations, which run
    # today's models on an older schema, still read courts.
    small: Mapped[bool] = mapped_column(Boolean, server_default=false(), deferred=True)

    parent: Mapped[Court | None] = relationship(remote_side="Court.id", lazy="raise")


class TrainingCentre(Record):
    """The training centre of a regional court; exactly one per regional court (P-1)."""

    __tablename__ = "training_centre"

    court_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("court.id", ondelete="RESTRICT"), unique=True
    )
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))


CHAIRMAN = "chairman"  # of a district court (M-1, seed 002 cl. 11)
COORDINATOR = "coordinator"  # of a regional court's mentoring (M-6, seed 002 cl. 9)


class CourtOffice(Record):
    """A person holding an office of a court: its chairman, or its region's coordinator."""

    __tablename__ = "court_office"
    __table_args__ = (UniqueConstraint("court_id", "office"),)

    court_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("court.id", ondelete="CASCADE"))
    office: Mapped[str] = mapped_column(String(20))  # chairman | coordinator
    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    since: Mapped[date] = mapped_column(Date)
    # The branch council's decision naming the coordinator (cl. 9) or the chairman's order.
    basis: Mapped[str] = mapped_column(String(300), default="")
