"""The audit log as people read it: translated actions and fields, names for ids, local time."""

from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.core.audit_vocab import ACTIONS, ENTITIES, FIELDS
from db.base import Base
from i18n import _, current_language, format_date

# Kazakhstan keeps one time zone, UTC+5, since 1 March 2024; the log stores UTC.
KAZAKHSTAN = timezone(timedelta(hours=5))
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@dataclass(frozen=True)
class AuditLine:
    """One entry in words, with the raw entry beside it for the administrator."""

    seq: int
    at: str
    actor: str
    action: str
    record: str
    changes: tuple[tuple[str, str, str], ...]  # field, old, new as shown
    raw: str

    @property
    def changes_text(self) -> str:
        """Each change as field: old → new, separated by semicolons."""
        return "; ".join(f"{f}: {old} → {new}" for f, old, new in self.changes)

    @property
    def sentence(self) -> str:
        """The entry read aloud: time, who, did what, to what, and how it changed."""
        # Actions read as nouns ("Құру", "Создание"): no verb to agree with the user's gender.
        head = f"{self.at}, {self.actor}: {self.action} — {self.record}"
        return f"{head}. {self.changes_text}" if self.changes else head


def local_time(at: datetime) -> str:
    """A UTC moment as a clock in Kazakhstan shows it."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone(KAZAKHSTAN).strftime("%d.%m.%Y %H:%M")


def action_label(action: str) -> str:
    """A translated action; an unknown one as stored."""
    return _(ACTIONS[action]) if action in ACTIONS else action


def field_label(field: str) -> str:
    """A translated field name; an unknown one made readable."""
    return _(FIELDS[field]) if field in FIELDS else field.replace("_", " ")


class _Names:
    """Names of records by id, looked up in a few queries per page of the log."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.names: dict[str, str] = {}

    def _table(self, entity: str) -> Table | None:
        table = Base.metadata.tables.get(entity)
        return table if table is not None and "id" in table.c else None

    def people(self, ids: Iterable[uuid.UUID]) -> None:
        person = Base.metadata.tables["person"]
        wanted = [i for i in set(ids) if str(i) not in self.names]
        for r in self._session.execute(
            select(person.c.id, person.c.surname, person.c.first_name).where(
                person.c.id.in_(wanted)
            )
        ):
            self.names[str(r.id)] = f"{r.surname} {r.first_name}"

    def gather(self, entities: dict[str, set[str]]) -> None:
        lang = current_language()
        linked: dict[str, list[tuple[str, uuid.UUID, uuid.UUID | None]]] = defaultdict(list)
        for entity, raw_ids in entities.items():
            table = self._table(entity)
            ids = [uuid.UUID(i) for i in raw_ids if _UUID.match(i)]
            if table is None or not ids:
                continue
            c = table.c
            if entity == "person":
                self.people(ids)
            elif "name_kk" in c:
                name = c.name_kk if lang == "kk" else c.name_ru
                for r in self._session.execute(select(c.id, name).where(c.id.in_(ids))):
                    self.names[str(r[0])] = str(r[1])
            elif "guide_id" in c and "protege_id" in c:
                pairs = select(c.id, c.guide_id, c.protege_id).where(c.id.in_(ids))
                linked["pair"] += [(str(r[0]), r[1], r[2]) for r in self._session.execute(pairs)]
            elif "number" in c or "order_number" in c:
                number = c.number if "number" in c else c.order_number
                for r in self._session.execute(select(c.id, number).where(c.id.in_(ids))):
                    self.names[str(r[0])] = f"№ {r[1]}"
            elif "person_id" in c:
                owners = select(c.id, c.person_id).where(c.id.in_(ids))
                linked["person"] += [(str(r[0]), r[1], None) for r in self._session.execute(owners)]
        self.people(p for _i, a, b in linked["pair"] + linked["person"] for p in (a, b) if p)
        for key, a, b in linked["pair"]:
            self.names[key] = f"{self.names.get(str(a), '')} — {self.names.get(str(b), '')}"
        for key, a, _b in linked["person"]:
            self.names[key] = self.names.get(str(a), "")


# Fields holding an id whose table is not the field's name without "_id".
_TARGETS = {
    "guide_id": "person",
    "protege_id": "person",
    "form_id": "cpd_form",
    "pair_id": "mentoring_pair",
    "protocol_id": "mentoring_protocol",
}


def _target(field: str) -> str:
    if field in _TARGETS:
        return _TARGETS[field]
    table = field.removesuffix("_id")
    return table if table in Base.metadata.tables else "person"


def _value(value: Any, names: dict[str, str]) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str):
        if _UUID.match(value):
            # Not found (deleted since): a short mark, never the whole id.
            return names.get(value) or f"#{value[:8]}"
        if _DATE.match(value):
            return format_date(date.fromisoformat(value))
        if _DATETIME.match(value):
            return local_time(datetime.fromisoformat(value))
        return value
    if isinstance(value, list):
        return ", ".join(_value(v, names) for v in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{field_label(k)}: {_value(v, names)}" for k, v in value.items())
    return str(value)


def describe(
    session: Session, entries: list[tuple[int, datetime, str, str, str, str, dict[str, Any]]]
) -> list[AuditLine]:
    """Entries (seq, at, actor, action, entity, entity_id, changes) in the active language."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for _seq, _at, _actor, _action, entity, entity_id, changes in entries:
        wanted[entity].add(entity_id)
        for field, pair in changes.items():
            for v in pair if isinstance(pair, list) else [pair]:
                if isinstance(v, str) and _UUID.match(v):
                    wanted[_target(field)].add(v)
    names = _Names(session)
    names.gather(wanted)
    lines = []
    for seq, at, actor, action, entity, entity_id, changes in entries:
        kind = _(ENTITIES[entity]) if entity in ENTITIES else entity.replace("_", " ")
        label = names.names.get(entity_id, "")
        shown = []
        for field, pair in sorted(changes.items()):
            old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            before, after = _value(old, names.names), _value(new, names.names)
            if before != after:  # "" → None on creation reads as nothing changed
                shown.append((field_label(field), before, after))
        raw = {"entity": entity, "id": entity_id, "action": action, "changes": changes}
        lines.append(
            AuditLine(
                seq=seq,
                at=local_time(at),
                actor=actor,
                action=action_label(action),
                record=f"{kind} {label}".strip(),
                changes=tuple(shown),
                raw=json.dumps(raw, ensure_ascii=False, indent=2),
            )
        )
    return lines
