"""The CPD ledger of a year in the columns of the CPD import, so that it imports back (issue 15)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cpd.import_file import COLUMNS, column_titles
from db.models import CpdActivity, CpdForm, Person


def _number(value: Decimal | None) -> Decimal | int | None:
    """8.0 hours as 8 and 0.0 as 0, as a person types them; 1.5 stays 1.5."""
    if value is None or value != value.to_integral_value():
        return value
    return int(value)


def ledger_table(session: Session, year: int, lang: str) -> tuple[list[str], list[list[object]]]:
    """Header (the import template's titles) and one row per line of the year's ledger.

    The row key is the line's stored idempotency key, or `id:<uuid>` for a line entered by hand:
    the import recognises both and leaves such a line alone (app/cpd/import_check.known_keys).
    """
    stmt = (
        select(CpdActivity, Person.iin, CpdForm.code)
        .join(Person, Person.id == CpdActivity.person_id)
        .join(CpdForm, CpdForm.id == CpdActivity.form_id)
        .where(CpdActivity.year == year)
        .order_by(Person.iin, CpdActivity.starts_on, CpdActivity.event, CpdActivity.id)
    )
    rows: list[list[object]] = []
    for a, iin, code in session.execute(stmt):
        values = {
            "iin": iin,
            "form": code,
            "event": a.event,
            "organiser": a.organiser,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
            "hours": _number(a.hours),
            "points": _number(a.points),
            "reason": a.override_reason,
            "key": a.idempotency_key or f"id:{a.id}",
        }
        rows.append([values[c] for c in COLUMNS])
    return column_titles(lang), rows
