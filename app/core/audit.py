"""Record audit entries chained by SHA-256 and verify the chain."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.core.context import Actor
from db.base import aware, utcnow

if TYPE_CHECKING:
    from app.core.store import Store
from db.models import AuditEntry

GENESIS = "0" * 64
AUDIT_LOCK_KEY = 0x7A1_1A6E  # any constant shared by every PC of a PostgreSQL store


def plain(value: Any) -> Any:
    """A JSON-safe form of a column value."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """Changed fields as {name: [old, new]}."""
    keys = sorted(set(old) | set(new))
    return {
        k: [plain(old.get(k)), plain(new.get(k))]
        for k in keys
        if plain(old.get(k)) != plain(new.get(k))
    }


def _digest(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    changes: dict[str, Any],
) -> str:
    # The canonical form is UTC: a server in another time zone (Asia/Almaty) hands the same
    # instant back as 19:00+05:00, which must hash like 14:00+00:00 (issue 16).
    canonical = aware(at).astimezone(UTC).isoformat()
    payload = json.dumps(
        [prev_hash, seq, canonical, actor, action, entity, entity_id, changes],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: uuid.UUID | str,
    changes: dict[str, Any],
) -> AuditEntry:
    """Append an entry to the log inside the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Two PCs saving at once would both read the same last entry and break the chain (or
        # collide on seq); this lock, held until commit, makes appends take turns. SQLite
        # write transactions already take turns (BEGIN IMMEDIATE).
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last.seq + 1, last.hash) if last else (1, GENESIS)
    # Microseconds are dropped so the timestamp survives every backend's round trip unchanged.
    at = utcnow().replace(microsecond=0)
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=actor.name,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        changes=changes,
        prev_hash=prev_hash,
        hash=_digest(prev_hash, seq, at, actor.name, action, entity, str(entity_id), changes),
        updated_by=actor.name,
    )
    session.add(entry)
    session.flush()
    session.info["audited"] = True  # Store.write anchors the new head after commit (Why #8)
    return entry


def audit_refusal(store: Store, actor: Actor, what: str, message_id: str) -> None:
    """Record a permission refusal in its own transaction (the refused one is rolled back):
    issue 10 asks that refusals be audited. Never raises: the refusal is what the user hears.
    """
    try:
        with store.write() as session:
            record(session, actor, "refuse", "command", what, {"refusal": [None, message_id]})
    except Exception:
        from app.core.logs import LOGGER

        LOGGER.warning("refusal not audited", exc_info=True)


def broken_links(session: Session) -> list[int]:
    """Sequence numbers whose entry does not match its hash or its predecessor."""
    broken: list[int] = []
    prev = GENESIS
    expected_seq = 1
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        digest = _digest(
            e.prev_hash, e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, e.changes
        )
        if e.seq != expected_seq or e.prev_hash != prev or digest != e.hash:
            broken.append(e.seq)
        prev, expected_seq = e.hash, e.seq + 1
    return broken


@dataclass(frozen=True)
class AuditAnchor:
    """The head of the audit chain, kept outside the store so a trimmed or rewritten log shows
    (issue 10, Why #8): in the user's data folder, every backup's manifest, every package.
    """

    count: int
    seq: int
    hash: str
    at: str = ""  # when it was taken, ISO 8601 UTC

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (manifests, packages)."""
        return {"count": self.count, "seq": self.seq, "hash": self.hash, "at": self.at}

    @classmethod
    def from_dict(cls, data: Any) -> AuditAnchor | None:
        """Read the JSON form back; None for anything malformed."""
        try:
            return cls(int(data["count"]), int(data["seq"]), str(data["hash"]), str(data["at"]))
        except (KeyError, TypeError, ValueError):
            return None


def anchor(session: Session) -> AuditAnchor:
    """The chain's head now: its count of entries, last sequence number and hash."""
    count = session.scalar(select(func.count(AuditEntry.seq))) or 0
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    at = utcnow().replace(microsecond=0).isoformat()
    return AuditAnchor(count, last.seq, last.hash, at) if last else AuditAnchor(0, 0, GENESIS, at)


def anchor_problem(session: Session, anchored: AuditAnchor) -> str | None:
    """How the chain fails an anchor: "missing" (cut at or before its entry), "rewritten" (its
    entry's hash changed), "fewer" (entries removed before it); None when it holds.
    """
    if anchored.seq == 0:
        return None
    found = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchored.seq))
    if found is None:
        return "missing"
    if found != anchored.hash:
        return "rewritten"
    kept = session.scalar(select(func.count(AuditEntry.seq)).where(AuditEntry.seq <= anchored.seq))
    return "fewer" if (kept or 0) < anchored.count else None
