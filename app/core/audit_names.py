"""The human label of a record the audit log names by id: a person, a pair, a protocol's number."""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import LargeBinary, select
from sqlalchemy.orm import Session

from app.core.audit_fields import SETTINGS
from db.base import Base
from i18n import format_date, translator

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

# Columns that point at another record: its label is built from theirs (a sheet is its judge).
_REFERENCES = {
    "person_id": "person",
    "guide_id": "person",
    "protege_id": "person",
    "subject_id": "person",
    "pair_id": "mentoring_pair",
    "court_id": "court",
    "event_id": "training_event",
    "protocol_id": "mentoring_protocol",
}
# Fields of an entry holding an id whose table is not the field's name without "_id".
_TARGETS = {
    **_REFERENCES,
    "form_id": "cpd_form",
    "points": "cpd_form",  # a rule set's {form id: points}
    "host_court_id": "court",
    "parent_id": "court",
    "tutor_id": "person",
    "new_guide_id": "person",
    "locked_by_id": "mentoring_protocol",
    "centre_id": "training_centre",
}
# An amendment points at a record of its own kind.
_SELF = frozenset({"amends_id", "replaces_id"})
_DATES = ("held_on", "signed_on", "order_date")
# Kinds of record the log names differently from their table.
TABLES = {"user": "app_user"}


def target(entity: str, field: str) -> str:
    """The table an id found in an entry's field belongs to."""
    if field in _SELF:
        return entity
    if field in _TARGETS:
        return _TARGETS[field]
    table = field.removesuffix("_id")
    return table if table in Base.metadata.tables else "person"


class Names:
    """Labels of records by id, read in a few queries per page of the log."""

    def __init__(self, session: Session, lang: str) -> None:
        self._session, self.lang = session, lang
        self._rows: dict[str, tuple[str, Any]] = {}
        self._wanted: dict[str, set[str]] = defaultdict(set)
        self._regions: dict[str, str] = {}
        self._templates: dict[str, str] = {}

    def want(self, table: str, raw_id: str) -> None:
        """Ask for a record's label (read at the next `gather`)."""
        if UUID.match(raw_id) and raw_id not in self._rows:
            self._wanted[TABLES.get(table, table)].add(raw_id)

    def want_template(self, code: str) -> None:
        """Ask for an evaluation template's title by its code."""
        self._templates.setdefault(code, code)

    def template(self, code: str) -> str:
        """An evaluation template's title in the active language; the code when unknown."""
        return self._templates.get(code, code)

    def want_region(self, code: str) -> None:
        """Ask for a region's name (its regional court's) by its code."""
        self._regions.setdefault(code, code)

    def region(self, code: str) -> str:
        """A region's name in the active language; the code when no court has it."""
        return self._regions.get(code, code)

    def gather(self) -> None:
        """Read the records asked for, and those their labels are made of (a pair's people)."""
        court = Base.metadata.tables["court"]
        court_name = court.c.name_kk if self.lang == "kk" else court.c.name_ru
        regional = select(court.c.region_code, court_name).where(
            court.c.level == "regional", court.c.region_code.in_(list(self._regions))
        )
        for code, region in self._session.execute(regional) if self._regions else ():
            self._regions[code] = str(region)
        template = Base.metadata.tables["eval_template"]
        title = template.c.title_kk if self.lang == "kk" else template.c.title_ru
        titled = select(template.c.code, title).where(template.c.code.in_(list(self._templates)))
        for code, text in self._session.execute(titled) if self._templates else ():
            self._templates[code] = str(text)
        for _depth in range(4):  # a decision → its pair → its people; never deeper
            wanted, self._wanted = self._wanted, defaultdict(set)
            for name, ids in wanted.items():
                table = Base.metadata.tables.get(name)
                if table is None or "id" not in table.c:
                    continue
                keys = [uuid.UUID(i) for i in ids]
                # Never the scans and attachments: a label needs words, not megabytes.
                columns = [c for c in table.c if not isinstance(c.type, LargeBinary)]
                for row in self._session.execute(select(*columns).where(table.c.id.in_(keys))):
                    self._rows[str(row.id)] = (name, row)
                    for column, other in _REFERENCES.items():
                        value = getattr(row, column, None)
                        if value is not None and column in table.c:
                            self.want(other, str(value))
            if not self._wanted:
                return

    def label(self, raw_id: str) -> str | None:
        """The record's label; None when it is not in the store (deleted since)."""
        found = self._rows.get(raw_id)
        if found is None:
            return None
        table, row = found
        return _label(table, row._mapping, self)


def _date(value: Any, lang: str) -> str:
    return format_date(value, lang) if isinstance(value, date) else ""


def _label(table: str, row: Any, names: Names) -> str:
    def of(column: str) -> str:
        return names.label(str(row[column])) or "" if row.get(column) else ""

    if table == "person":
        return f"{row['surname']} {row['first_name']}"
    if table == "setting":
        key = row["key"]
        return translator(names.lang)(SETTINGS[key]) if key in SETTINGS else ""
    if "name_kk" in row:
        return str(row["name_kk"] if names.lang == "kk" else row["name_ru"])
    if "protege_id" in row and "guide_id" in row:
        return f"{of('protege_id')} — {of('guide_id')}"
    number = row.get("number") or row.get("order_number")
    if number:
        when = next((_date(row[c], names.lang) for c in _DATES if row.get(c)), "")
        return ", ".join(p for p in (f"№ {number}", of("pair_id") or of("person_id"), when) if p)
    if table == "app_user":
        return str(row["full_name"] or row["username"])
    if table == "exchange_peer":
        return str(row["name"])
    if table == "cpd_rule_set":
        return str(row["effective_year"])
    if table == "eval_round":
        return " ".join(str(p) for p in (row["title"], row["period"]) if p)
    if "title" in row:
        return str(row["title"])
    if "topic" in row and "held_on" in row:  # a seminar
        return f"{row['topic']}, {_date(row['held_on'], names.lang)}"
    if "event_id" in row:
        return f"{of('event_id')}, {_date(row['starts_on'], names.lang)}"
    for column in ("subject_id", "pair_id", "person_id", "court_id"):
        if row.get(column):
            year = f", {row['year']}" if row.get("year") else ""
            return of(column) + year
    return ""
