"""People of the courts (P-2, P-3) and their status periods."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Record
from db.models.courts import Court


class Person(Record):
    """A judge, court staff member, candidate judge or legal consultant."""

    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_court_sort", "court_id", "sort_key"),
        # Covering index of the people list: a search scans it in alphabetical order without
        # touching the table, so count and first page stay fast at 50,000 people.
        Index("ix_person_sort_search", "sort_key", "search_text", "id"),
        # The same in Russian order, for lists shown in Russian (issue 11).
        Index("ix_person_sort_ru_search", "sort_key_ru", "search_text", "id"),
        # The search text alone: counting a search's matches reads the fewest pages.
        Index("ix_person_search", "search_text"),
        # The start page's CPD counts read every person's role, court and appointment
        # (T-1) from this index alone, not from the wide rows (issue 12, migration 0600).
        Index("ix_person_role_court", "role", "court_id", "first_appointed_on", "id"),
    )

    iin: Mapped[str] = mapped_column(String(12), unique=True)
    surname: Mapped[str] = mapped_column(String(120))
    first_name: Mapped[str] = mapped_column(String(120))
    patronymic: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(20), index=True)
    court_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("court.id", ondelete="RESTRICT"))
    position: Mapped[str] = mapped_column(String(200), default="")
    specialisation: Mapped[str] = mapped_column(String(40), default="")
    first_appointed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Derived at write time: SQLite's LIKE and lower() fold ASCII only, so Kazakh letters
    # are folded in Python and the alphabetical key is precomputed for ORDER BY.
    sort_key: Mapped[str] = mapped_column(String(800), default="")
    # Russian alphabetical order (і after и, not after ы): lists shown in Russian order by it.
    sort_key_ru: Mapped[str] = mapped_column(String(800), default="")
    # i18n.search_fold.search_column: spelling-blind skeleton, then the exact spelling.
    search_text: Mapped[str] = mapped_column(String(600), default="")

    @classmethod
    def name_order(cls, lang: str) -> Mapped[str]:
        """The stored key giving the alphabetical order of names in a language (kk or ru)."""
        return cls.sort_key_ru if lang == "ru" else cls.sort_key

    court: Mapped[Court | None] = relationship(lazy="raise")
    status_periods: Mapped[list[PersonStatusPeriod]] = relationship(
        back_populates="person",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="PersonStatusPeriod.starts_on",
    )


class PersonStatusPeriod(Record):
    """A period of a status other than active: childcare leave, suspension, retirement."""

    __tablename__ = "person_status_period"
    __table_args__ = (Index("ix_person_status_period_person_start", "person_id", "starts_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="status_periods", lazy="raise")
