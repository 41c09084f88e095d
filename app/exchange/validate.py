"""Every row of a package passes the checks of the forms and imports before anything is written.

Issue 10 #7: a crafted package carried IIN 123456789012 and the surname `=cmd|' /C calc'!A0`,
and both were stored. Now one bad row refuses the whole package with a message naming it.
"""

from __future__ import annotations

import base64
import binascii
import functools
import uuid
from collections.abc import Callable
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
    Text,
    Uuid,
)

from app.core.errors import FieldError
from app.exchange.crypto import PackageError
from app.exchange.rows import CANONICAL_UUID, table_named
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


_WRONG = FieldError("", N_("The value has the wrong type."))
_NOT_TEXT = FieldError("", N_("Text is expected."))
_CONTROLS = FieldError("", N_("The text holds control characters."))
_FORMULA = FieldError("", N_("The text looks like a spreadsheet formula."))
_REQUIRED = FieldError("", N_("This field is required."))
_UNKNOWN = FieldError("", N_("This PC does not know this field."))
_WITHOUT_LINE_BREAKS = str.maketrans("", "", "".join(_ALLOWED_CONTROLS))
_LEADS = frozenset(_FORMULA_LEAD + _DDE_LEAD)
Check = Callable[[Any], FieldError | None]


def _text_check(limit: int | None) -> Check:
    def check(value: Any) -> FieldError | None:
        if not isinstance(value, str):
            return _NOT_TEXT
        if limit is not None and len(value) > limit:
            return FieldError("", N_("At most {limit} characters."), {"limit": limit})
        if not value.isprintable() and not value.translate(_WITHOUT_LINE_BREAKS).isprintable():
            return _CONTROLS
        head = value[:1]
        if (head in _LEADS or head.isspace()) and looks_like_formula(value):
            return _FORMULA
        return None

    return check


def _parsed_by(parse: Callable[[Any], object]) -> Check:
    def check(value: Any) -> FieldError | None:
        try:
            parse(value)
        except (TypeError, ValueError, InvalidOperation, binascii.Error):
            return _WRONG
        return None

    return check


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TypeError(value)
    return Decimal(str(value))


_parsed_uuid = _parsed_by(lambda v: uuid.UUID(str(v)))


def _integer(value: Any) -> FieldError | None:
    return None if isinstance(value, int) and not isinstance(value, bool) else _WRONG


def _boolean(value: Any) -> FieldError | None:
    return None if isinstance(value, bool) else _WRONG


def _uuid(value: Any) -> FieldError | None:
    # The form every exporter writes (str(uuid)) is matched; anything else is parsed as before.
    if isinstance(value, str) and CANONICAL_UUID.fullmatch(value):
        return None
    return _parsed_uuid(value)


def _check_of(kind: Any) -> Check | None:
    """The check of one column type's JSON form (the same forms rows.decode_value reads)."""
    if isinstance(kind, JSON):
        return None
    if isinstance(kind, Uuid):
        return _uuid
    if isinstance(kind, DateTime):
        return _parsed_by(datetime.fromisoformat)
    if isinstance(kind, Date):
        return _parsed_by(date.fromisoformat)
    if isinstance(kind, Boolean):
        return _boolean
    if isinstance(kind, Integer):
        return _integer
    if isinstance(kind, Numeric):
        return _parsed_by(_decimal)
    if isinstance(kind, LargeBinary):
        return _parsed_by(lambda v: base64.b64decode(v, validate=True))
    if isinstance(kind, String | Text):
        return _text_check(kind.length)
    return None


_UUID = _uuid
_WHEN = _parsed_by(datetime.fromisoformat)
_TEXT = _text_check(80)


@functools.cache
def _checks(table_name: str) -> tuple[dict[str, Check | None], frozenset[str]]:
    """Per column of a table: its check, and which columns may not be empty (built once)."""
    table = table_named(table_name)
    assert table is not None
    checks = {c.name: _check_of(c.type) for c in table.c}
    required = frozenset(
        c.name for c in table.c if not c.nullable and c.default is None and c.name != "updated_by"
    )
    return checks, required


def _person_problems(values: dict[str, Any], today: date) -> list[FieldError]:
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
    return validate_person(data, today)


def validate_body(body: dict[str, Any]) -> None:
    """Refuse the package (RowRefusedError) at its first invalid row; return when all are valid."""
    tables = body.get("tables")
    if not isinstance(tables, dict) or not isinstance(body.get("tombstones"), list):
        raise PackageError(N_("The package is damaged."))
    for tomb in body["tombstones"]:
        if not isinstance(tomb, dict) or (
            _UUID(tomb.get("row_id")) or _WHEN(tomb.get("deleted_at")) or _TEXT(tomb.get("table"))
        ):
            raise PackageError(N_("The package is damaged."))
    for name, items in tables.items():
        table = table_named(str(name))
        if table is None or not isinstance(items, list):
            continue  # an unknown table is refused by name by the importer
        checks, required = _checks(table.name)  # once per table: ~a million values follow
        today = utcnow().date()
        for item in items:
            values = item.get("v") if isinstance(item, dict) else None
            if not isinstance(values, dict):
                raise PackageError(N_("The package is damaged."))
            row_id = str(values.get("id"))
            for column, value in values.items():
                # Inline: this loop runs about a million times for a national package.
                if column not in checks:
                    problem: FieldError | None = _UNKNOWN
                elif value is None:
                    problem = _REQUIRED if column in required else None
                else:
                    check = checks[column]
                    problem = None if check is None else check(value)
                if problem is not None:
                    raise RowRefusedError(
                        table.name, row_id, FieldError(column, problem.message_id, problem.params)
                    )
            if table.name == "person":
                for problem in _person_problems(values, today):
                    raise RowRefusedError(table.name, row_id, problem)
