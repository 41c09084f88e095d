"""Courts and training centres (P-1)."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String
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

    parent: Mapped[Court | None] = relationship(remote_side="Court.id", lazy="raise")


class TrainingCentre(Record):
    """The training centre of a regional court; exactly one per regional court (P-1)."""

    __tablename__ = "training_centre"

    court_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("court.id", ondelete="RESTRICT"), unique=True
    )
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
