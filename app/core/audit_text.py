"""The audit log as people read it: translated actions and fields, names for ids, local time."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit_fields import FIELDS, SETTINGS
from app.core.audit_names import UUID, Names, target
from app.core.audit_vocab import ACTIONS, ENTITIES, value_names
from app.core.context import SYSTEM
from db.models import AuditEntry
from i18n import N_, current_language, format_date, format_number, translator

# Kazakhstan keeps one time zone, UTC+5, since 1 March 2024; the log stores UTC.
KAZAKHSTAN = timezone(timedelta(hours=5))
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_DIGEST = re.compile(r"^[0-9a-f]{40,128}$")
_FILE_DIGEST = re.compile(r"sha256:([0-9a-f]{12})[0-9a-f]*")  # "scan.pdf sha256:…"
_TEMPLATE = re.compile(r"^(\S+) v(\d+)$")  # an evaluation sheet's "judge_activity v2"
YES, NO, DELETED = N_("yes"), N_("no"), N_("(a record deleted since)")
# What the program does by itself (a failed sign-in, the first run) is logged as "system".
PROGRAM = N_("the program")


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


def _tr(lang: str | None) -> Callable[[str], str]:
    return translator(lang or current_language())


def actor_label(actor: str, lang: str | None = None) -> str:
    """Who acted: a user's name, or the program itself in words."""
    return _tr(lang)(PROGRAM) if actor == SYSTEM.name else actor


def actor_name(shown: str) -> str:
    """The stored name of an actor as shown (for a filter typed by what people read)."""
    return SYSTEM.name if shown == _tr(None)(PROGRAM) else shown


def action_label(action: str, lang: str | None = None) -> str:
    """A translated action (the active language by default); an unknown one as stored."""
    return _tr(lang)(ACTIONS[action]) if action in ACTIONS else action


def entity_label(entity: str, lang: str | None = None) -> str:
    """A translated kind of record; an unknown one made readable."""
    return _tr(lang)(ENTITIES[entity]) if entity in ENTITIES else entity.replace("_", " ")


def field_label(field: str, lang: str | None = None) -> str:
    """A translated field or setting name; an unknown one made readable."""
    if field in FIELDS:
        return _tr(lang)(FIELDS[field])
    if field in SETTINGS:
        return _tr(lang)(SETTINGS[field])
    return field.replace("_", " ").replace(".", " ")


def _named(msgid: str, lang: str) -> str:
    # A label with a placeholder ("extend by {months} months") reads with the gap shown.
    text = translator(lang)(msgid)
    return re.sub(r"\{\w+\}", "…", text) if "{" in text else text


def _empty(value: Any) -> bool:
    return value in (None, "") or (isinstance(value, list) and all(_empty(v) for v in value))


class _Render:
    """Values of one field of one kind of record as people read them."""

    def __init__(self, names: Names, entity: str, field: str) -> None:
        self.names, self.entity, self.field, self.lang = names, entity, field, names.lang
        self.codes: Mapping[str, str] = value_names(entity, field) or {}
        self.tr = translator(self.lang)

    def value(self, value: Any) -> str:
        if _empty(value):
            return "—"
        if isinstance(value, bool):
            return self.tr(YES) if value else self.tr(NO)
        if isinstance(value, int) and ("year" in self.field or self.field == "period"):
            return str(value)  # 2026, not "2 026"
        if isinstance(value, int | float | Decimal):
            return format_number(value, self.lang)
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            if all(isinstance(v, list) for v in value):  # rows: "Name Tutor; Name Mentor"
                return "; ".join(self.row(v) for v in value)
            return ", ".join(self.value(v) for v in value if not _empty(v))
        if isinstance(value, dict):
            return ", ".join(f"{self.key(k)}: {self.value(v)}" for k, v in value.items())
        return str(value)

    def row(self, parts: list[Any]) -> str:
        # A roster entry [person, kind, reason] reads "Name (Tutor, reason)".
        first, *rest = [self.value(p) for p in parts if not _empty(p)] or ["—"]
        return f"{first} ({', '.join(rest)})" if rest else first

    def key(self, key: str) -> str:
        if key in self.codes:
            return _named(self.codes[key], self.lang)
        if UUID.match(key):  # a rule set's points by form: {form id: points}
            return self.names.label(key) or self.tr(DELETED)
        return self.label(key)

    def label(self, key: str) -> str:
        return field_label(key, self.lang)

    def text(self, value: str) -> str:
        if value in self.codes:
            return _named(self.codes[value], self.lang)
        if self.field == "refusal":  # the refusal's message, kept as its msgid
            return _named(value, self.lang)
        if self.field == "region_code":
            return self.names.region(value)
        if self.field == "template" and (m := _TEMPLATE.match(value)):
            return f"{self.names.template(m[1])} ({m[2]})"
        if UUID.match(value):
            return self.names.label(value) or self.tr(DELETED)
        if _DATE.match(value):
            return format_date(date.fromisoformat(value), self.lang)
        if _DATETIME.match(value):
            return local_time(datetime.fromisoformat(value))
        if _DECIMAL.match(value):
            return format_number(Decimal(value), self.lang)
        if _DIGEST.match(value):  # a file's checksum: enough of it to compare by eye
            return f"SHA-256 {value[:12]}…"
        return _FILE_DIGEST.sub(r"(SHA-256 \1…)", value)


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if UUID.match(value) else []
    if isinstance(value, list):
        return [i for v in value for i in _ids(v)]
    if isinstance(value, dict):
        return [i for k, v in value.items() for i in _ids(k) + _ids(v)]
    return []


def _own_label(changes: dict[str, Any], lang: str) -> str:
    # A record deleted since is named by what its own entry says of it (a deletion keeps the
    # old values): a person's name, a court's, a title, a number.
    def last(field: str) -> str:
        value = changes.get(field)
        values = value if isinstance(value, list) else [value]
        return next((str(v) for v in reversed(values) if isinstance(v, str | int) and v), "")

    name = " ".join(p for p in (last("surname"), last("first_name")) if p)
    number = last("number")
    own = last("name_kk" if lang == "kk" else "name_ru") or last("title") or last("topic")
    return name or own or (f"№ {number}" if number else "")


def _labels_of_the_gone(
    session: Session,
    entries: list[tuple[int, datetime, str, str, str, str, dict[str, Any]]],
    names: Names,
    lang: str,
) -> dict[str, str]:
    # A change of a record deleted since says nothing of its name: its creation and deletion
    # entries do (one query per page, only for what is gone).
    missing = {e[5] for e in entries if UUID.match(e[5]) and names.label(e[5]) is None}
    if not missing:
        return {}
    found: dict[str, str] = {}
    told = select(AuditEntry.entity_id, AuditEntry.changes).where(
        AuditEntry.entity_id.in_(missing), AuditEntry.action.in_(("create", "delete"))
    )
    for entity_id, changes in session.execute(told):
        found[entity_id] = found.get(entity_id) or _own_label(changes, lang)
    return found


def describe(
    session: Session,
    entries: list[tuple[int, datetime, str, str, str, str, dict[str, Any]]],
    lang: str | None = None,
) -> list[AuditLine]:
    """Entries (seq, at, actor, action, entity, entity_id, changes) in a language (by default
    the active one).
    """
    lang = lang or current_language()
    names = Names(session, lang)
    for _seq, _at, _actor, _action, entity, entity_id, changes in entries:
        names.want(entity, entity_id)
        for field, pair in changes.items():
            for raw_id in _ids(pair):
                names.want(target(entity, field), raw_id)
            for code in pair if isinstance(pair, list) else [pair]:
                if field == "region_code" and isinstance(code, str) and code:
                    names.want_region(code)
                if field == "template" and isinstance(code, str) and (m := _TEMPLATE.match(code)):
                    names.want_template(m[1])
    names.gather()
    gone = _labels_of_the_gone(session, entries, names, lang)
    lines = []
    for seq, at, actor, action, entity, entity_id, changes in entries:
        label = names.label(entity_id) or _own_label(changes, lang) or gone.get(entity_id, "")
        if entity == "command":  # the command as typed ("exchange export"), not a record
            label = f"«{entity_id}»"
        shown = []
        for field, pair in sorted(changes.items()):
            old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            render = _Render(names, entity, field)
            before, after = render.value(old), render.value(new)
            if before != after:  # "" → None on creation reads as nothing changed
                shown.append((field_label(field, lang), before, after))
        raw = {"entity": entity, "id": entity_id, "action": action, "changes": changes}
        lines.append(
            AuditLine(
                seq=seq,
                at=local_time(at),
                actor=actor_label(actor, lang),
                action=action_label(action, lang),
                record=f"{entity_label(entity, lang)} {label}".strip(),
                changes=tuple(shown),
                raw=json.dumps(raw, ensure_ascii=False, indent=2),
            )
        )
    return lines
