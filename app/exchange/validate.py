"""Every row of a package passes the checks of the forms and imports before anything is written.

Issue 10 #7: a crafted package carried IIN 123456789012 and the surname `=cmd|' /C calc'!A0`,
and both were stored. Now one bad row refuses the whole package with a message naming it.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    Uuid,
)

from app.core.errors import FieldError
from app.exchange.crypto import PackageError
from app.exchange.rows import table_named
from app.people.dto import PersonInput
from app.people.service import validate as validate_person
from db.base import utcnow
from i18n import N_, _

_FORMULA_LEAD = ("=", "\uff1d")  # what a spreadsheet runs as a formula
_DDE_LEAD = ("+", "-", "@", "\uff0b", "\uff0d", "\uff20")
_ALLOWED_CONTROLS = {"\n", "\r", "\t"}


class RowRefusedError(PackageError):
    """One row of a package is invalid: the package is refused, nothing is written."""

    def __init__(self, table: str, row_id: str, problem: FieldError) -> None:
        super().__init__(
            N_(
                "The package was refused: record {id} of {table}, field {field}: {problem} "
                "Nothing was imported."
            ),
            table=table,
            id=row_id,
            field=problem.field,
        )
        self.problem = problem

    def message(self) -> str:
        """The message in the active language, the field's problem included."""
        return _(self.message_id).format(**self.params, problem=self.problem.message())


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would run: "=…", a DDE call ("+cmd|' /C calc'!A0"), "@SUM(…".

    Narrower than the spreadsheet writer's quoting (cells.neutralise): a note that merely starts
    with a dash or a phone number with a plus is ordinary text the forms accept.
    """
    t = text.lstrip()
    if t.startswith(_FORMULA_LEAD):
        return True
    if not t.startswith(_DDE_LEAD):
        return False
    word = t[1:].split("(", 1)[0]
    return "|" in t or (t[0] in "@\uff20" and "(" in t and word.isalpha())


def _text_problem(kind: String, value: Any) -> FieldError | None:
    if not isinstance(value, str):
        return FieldError("", N_("Text is expected."))
    if kind.length is not None and len(value) > kind.length:
        return FieldError("", N_("At most {limit} characters."), {"limit": kind.length})
    if any(not c.isprintable() and c not in _ALLOWED_CONTROLS for c in value):
        return FieldError("", N_("The text holds control characters."))
    if looks_like_formula(value):
        return FieldError("", N_("The text looks like a spreadsheet formula."))
    return None


def _parse_problem(kind: Any, value: Any) -> FieldError | None:
    wrong = FieldError("", N_("The value has the wrong type."))
    try:
        if isinstance(kind, Uuid):
            uuid.UUID(str(value))
        elif isinstance(kind, DateTime):
            datetime.fromisoformat(value)
        elif isinstance(kind, Date):
            date.fromisoformat(value)
        elif isinstance(kind, Boolean):
            return None if isinstance(value, bool) else wrong
        elif isinstance(kind, Integer):
            return None if isinstance(value, int) and not isinstance(value, bool) else wrong
        elif isinstance(kind, Numeric):
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                return wrong
            Decimal(str(value))
        elif isinstance(kind, LargeBinary):
            base64.b64decode(value, validate=True)
        elif isinstance(kind, String | Text):
            return _text_problem(kind, value)
    except (TypeError, ValueError, InvalidOperation, binascii.Error):
        return wrong
    return None


def _column_problem(table: Table, name: str, value: Any) -> FieldError | None:
    if name not in table.c:
        return FieldError("", N_("This PC does not know this field."))
    column = table.c[name]
    if value is None:
        if column.nullable or column.default is not None or name == "updated_by":
            return None
        return FieldError("", N_("This field is required."))
    if isinstance(column.type, JSON):
        return None
    return _parse_problem(column.type, value)


def _person_problems(values: dict[str, Any]) -> list[FieldError]:
    """The people form's own checks (IIN checksum, names, role, dates: P-2, P-3)."""
    try:
        appointed = values.get("first_appointed_on")
        court = values.get("court_id")
        data = PersonInput(
            iin=str(values.get("iin") or ""),
            surname=str(values.get("surname") or ""),
            first_name=str(values.get("first_name") or ""),
            patronymic=str(values.get("patronymic") or ""),
            role=str(values.get("role") or ""),
            court_id=uuid.UUID(court) if court else None,
            position=str(values.get("position") or ""),
            specialisation=str(values.get("specialisation") or ""),
            first_appointed_on=date.fromisoformat(appointed) if appointed else None,
            notes=str(values.get("notes") or ""),
        )
    except (TypeError, ValueError):
        return [FieldError("", N_("The value has the wrong type."))]
    return validate_person(data, utcnow().date())


def validate_body(body: dict[str, Any]) -> None:
    """Refuse the package (RowRefusedError) at its first invalid row; return when all are valid."""
    tables = body.get("tables")
    if not isinstance(tables, dict) or not isinstance(body.get("tombstones"), list):
        raise PackageError(N_("The package is damaged."))
    for name, items in tables.items():
        table = table_named(str(name))
        if table is None or not isinstance(items, list):
            continue  # an unknown table is refused by name by the importer
        for item in items:
            values = item.get("v") if isinstance(item, dict) else None
            if not isinstance(values, dict):
                raise PackageError(N_("The package is damaged."))
            row_id = str(values.get("id"))
            for column, value in values.items():
                problem = _column_problem(table, column, value)
                if problem is not None:
                    raise RowRefusedError(
                        table.name, row_id, FieldError(column, problem.message_id, problem.params)
                    )
            if table.name == "person":
                for problem in _person_problems(values):
                    raise RowRefusedError(table.name, row_id, problem)
