"""The audit log for people: filter and page it in SQL, export it (CSV/XLSX), check the chain."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.core.audit import broken_links
from app.core.audit_text import AuditLine, describe
from app.core.context import Actor
from app.core.permissions import AUDIT_READ, require
from db.base import aware
from db.models import AuditEntry
from i18n import _, translator

EXPORT_PAGE = 500


@dataclass(frozen=True)
class AuditFilter:
    """What the audit viewer shows."""

    actor: str = ""
    action: str = ""
    entity: str = ""
    entity_id: str = ""
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditRow:
    """One entry of the log."""

    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    changes: dict[str, Any]


def _filtered(stmt: Select[Any], flt: AuditFilter) -> Select[Any]:
    if flt.actor:
        stmt = stmt.where(AuditEntry.actor == flt.actor)
    if flt.action:
        stmt = stmt.where(AuditEntry.action == flt.action)
    if flt.entity:
        stmt = stmt.where(AuditEntry.entity == flt.entity)
    if flt.entity_id:
        stmt = stmt.where(AuditEntry.entity_id == flt.entity_id)
    if flt.since is not None:
        stmt = stmt.where(AuditEntry.at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(AuditEntry.at < flt.until)
    return stmt


def count_entries(session: Session, actor: Actor, flt: AuditFilter) -> int:
    """How many entries match."""
    require(actor, AUDIT_READ)
    return int(session.scalar(_filtered(select(func.count(AuditEntry.id)), flt)) or 0)


def page_entries(
    session: Session, actor: Actor, flt: AuditFilter, offset: int, limit: int
) -> list[AuditRow]:
    """One page, newest first."""
    require(actor, AUDIT_READ)
    stmt = _filtered(select(AuditEntry), flt).order_by(AuditEntry.seq.desc())
    return [
        AuditRow(e.seq, aware(e.at), e.actor, e.action, e.entity, e.entity_id, e.changes)
        for e in session.scalars(stmt.offset(offset).limit(limit))
    ]


def page_lines(
    session: Session, actor: Actor, flt: AuditFilter, offset: int, limit: int
) -> list[AuditLine]:
    """One page in words of the active language, newest first."""
    rows = page_entries(session, actor, flt, offset, limit)
    return describe(
        session,
        [(r.seq, r.at, r.actor, r.action, r.entity, r.entity_id, r.changes) for r in rows],
    )


def broken_entries(session: Session, actor: Actor) -> list[int]:
    """Sequence numbers where the hash chain is broken (tampering or damage)."""
    require(actor, AUDIT_READ)
    return broken_links(session)


def chain_problems(
    session: Session, actor: Actor, location: str, backup_dir: Path | None
) -> list[str]:
    """What is wrong with the log, in sentences: broken links, and a cut or rewritten chain
    against its anchors outside the store, with the last anchored position (Why #8).
    """
    from app.core.anchors import anchor_problems

    broken = broken_entries(session, actor)
    problems = (
        [
            _("The audit log chain is broken at entries: {seqs}").format(
                seqs=", ".join(str(s) for s in broken[:20])
            )
        ]
        if broken
        else []
    )
    return problems + anchor_problems(location, backup_dir, session)


def export_entries(
    session: Session, actor: Actor, flt: AuditFilter, fmt: str, path: Path, *, lang: str
) -> int:
    """Write the matching entries as XLSX or CSV (formulas neutralised), as the audit tab reads
    them in a language, with each raw entry in the last column; return the count.
    """
    from app.core.spreadsheet.writer import write_csv, write_xlsx

    tr_ = translator(lang)
    total = count_entries(session, actor, flt)
    rows: list[list[object]] = []
    # Names are looked up a page at a time: one IN (…) per page, never one for the whole log.
    for offset in range(0, total, EXPORT_PAGE):
        page = page_entries(session, actor, flt, offset, EXPORT_PAGE)
        lines = describe(
            session,
            [(r.seq, r.at, r.actor, r.action, r.entity, r.entity_id, r.changes) for r in page],
            lang,
        )
        for r, line in zip(page, lines, strict=True):
            raw = json.dumps(
                {"entity": r.entity, "id": r.entity_id, "action": r.action, "changes": r.changes},
                ensure_ascii=False,
            )
            shown = [line.at, line.actor, line.action, line.record, line.changes_text]
            rows.append([r.seq, *shown, raw[:30000]])
    header = [
        tr_("No."),
        tr_("Time (Kazakhstan, UTC+5)"),
        tr_("User"),
        tr_("Action"),
        tr_("Record"),
        tr_("Changes"),
        tr_("Raw record"),
    ]
    if fmt == "csv":
        write_csv(path, header, rows)
    else:
        write_xlsx(path, tr_("Audit log"), header, rows)
    return total
