"""Import a package: idempotent, order-tolerant, conflicts kept for a person to resolve.

For each record the package carries its content R and the sender's sync base P (what the
sender last knew this PC held). This PC has its content L and its own base B with the sender:
  L == R            nothing to do (the base is noted);
  R == B or R == P (the sender did not change it), or R older than what was already taken
                    from the sender   ours is newer or the same: skip;
  L is B or P, or L is missing   only the sender changed it: take R;
  otherwise         both changed it: an ExchangeConflict for a person, nothing overwritten.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.permissions import EXCHANGE, require
from app.core.progress import Progress
from app.exchange import state
from app.exchange.crypto import PackageError
from app.exchange.dto import ImportSummary
from app.exchange.identity import Identities, refers_to
from app.exchange.import_run import IDENTITY, PARENT_HELD, ImportRun
from app.exchange.local_rows import _deleted_here, _local_rows, write_rows
from app.exchange.rows import (
    digest,
    encode_row,
    exchanged_tables,
    parents_first,
    table_named,
)
from app.exchange.sequence import note_sequence
from app.exchange.signing import check_signature
from app.exchange.unpack import open_package
from app.exchange.validate import validate_body
from db.base import aware, utcnow
from db.migrate import head_revisions
from db.models import (
    ExchangePackage,
    RemoteAuditEntry,
    Tombstone,
)
from i18n import N_


def _apply_table(run: ImportRun, table: Table, items: list[dict[str, Any]]) -> None:
    session = run.session
    parsed = {i["v"]["id"]: uuid.UUID(i["v"]["id"]) for i in items}  # each id parsed once
    items_by_id = {parsed[i["v"]["id"]]: i for i in items}
    ids = list(items_by_id)
    local = _local_rows(session, table, ids)
    gone = _deleted_here(session, table, ids)
    known = state.bases(session, run.sender, table.name, ids)
    writer = state.BaseWriter(session, run.sender, table.name)
    to_write: list[tuple[uuid.UUID, dict[str, Any], bool]] = []
    received = parents_first(table, [i["v"] for i in items])
    identities = Identities(session, table, received)
    for item in received:
        row_id = parsed[item["id"]]
        sender_base = items_by_id[row_id].get("base")
        remote_at = aware(datetime.fromisoformat(item["updated_at"]))
        mine, theirs = local.get(row_id), digest(item)
        base = known.get(row_id)
        mine_digest = digest(mine)
        assert theirs is not None
        if mine_digest == theirs:
            run.counts["unchanged"] += 1
        elif theirs == sender_base or (
            base is not None
            and (
                theirs == base.digest
                or (
                    base.remote_updated_at is not None and remote_at < aware(base.remote_updated_at)
                )
            )
        ):
            run.counts["unchanged"] += 1  # old news: this PC already has something newer
            continue
        elif not run.owners.may_change(table, mine, item):
            run.conflict(table, row_id, mine, item, remote_at)  # not the sender's to change
            continue
        elif refers_to(table, item, run.missing):
            run.conflict(table, row_id, mine, item, remote_at, PARENT_HELD)
            run.missing.add(row_id)
            continue
        elif (holder := identities.holder(item)) is not None:
            # Another record here has this IIN (or code): a person decides who is who.
            run.conflict(table, row_id, holder, item, remote_at, IDENTITY)
            run.missing.add(row_id)
            continue
        elif (mine is None and row_id not in gone) or mine_digest in (
            base.digest if base else None,
            sender_base,
        ):
            to_write.append((row_id, item, mine is not None))
            run.counts["updated" if mine is not None else "inserted"] += 1
            run.per_table[table.name] = run.per_table.get(table.name, 0) + 1
        else:
            run.conflict(table, row_id, mine, item, remote_at)
            continue
        writer.set(known, row_id, digest=theirs, remote_at=remote_at)
    # The tombstones among these ids were read above (`gone`): an IN list of every written id
    # only to delete none cost ~0.5 s of a national first import.
    write_rows(session, table, to_write, run.now, tombstoned=gone)
    writer.flush()


def _apply_tombstones(run: ImportRun, tombs: list[dict[str, Any]], allowed: set[str]) -> None:
    session = run.session
    rank = {t.name: i for i, t in enumerate(exchanged_tables(True))}
    # Children before parents, so a RESTRICT reference never blocks a deletion both sides made.
    for t in sorted(tombs, key=lambda t: -rank.get(t["table"], -1)):
        table = table_named(t["table"])
        if table is None or table.name not in allowed:
            continue
        row_id = uuid.UUID(t["row_id"])
        row = session.execute(select(table).where(table.c.id == row_id)).first()
        known = state.bases(session, run.sender, table.name, [row_id])
        if row is None:
            run.counts["unchanged"] += 1
            continue
        mine = encode_row(table, row._mapping)
        base = known.get(row_id)
        if not run.owners.may_change(table, mine) or digest(mine) not in (
            base.digest if base else None,
            t.get("base"),
        ):
            run.conflict(table, row_id, mine, None, None)
            continue
        try:
            with session.begin_nested():
                session.execute(delete(table).where(table.c.id == row_id))
        except IntegrityError:  # still referred to here: a person decides
            run.conflict(table, row_id, mine, None, None)
            continue
        session.add(
            Tombstone(
                table_name=table.name,
                row_id=row_id,
                deleted_at=aware(datetime.fromisoformat(t["deleted_at"])),
            )
        )
        run.counts["deleted"] += 1


def _store_audit(session: Session, origin: str, entries: list[dict[str, Any]]) -> int:
    have = set(
        session.scalars(select(RemoteAuditEntry.seq).where(RemoteAuditEntry.origin == origin))
    )
    added = 0
    for e in entries:
        if e["seq"] in have:
            continue
        session.add(
            RemoteAuditEntry(
                origin=origin,
                seq=e["seq"],
                at=aware(datetime.fromisoformat(e["at"])),
                actor=e["actor"],
                action=e["action"],
                entity=e["entity"],
                entity_id=e["entity_id"],
                changes=e["changes"],
                hash=e["hash"],
            )
        )
        added += 1
    return added


def apply_body(
    session: Session, actor: Actor, body: dict[str, Any], *, progress: Progress | None = None
) -> ImportSummary:
    """Apply an unpacked package in the caller's transaction (all or nothing)."""
    require(actor, EXCHANGE)
    me = state.node_name(session)
    package_id = uuid.UUID(body["package_id"])
    sender = str(body["sender"])
    if body.get("recipient") != me:
        raise PackageError(
            N_("This package is addressed to {recipient}, not to this PC ({me})."),
            recipient=body.get("recipient"),
            me=me or "?",
        )
    if list(head_revisions()) != body.get("schema"):
        raise PackageError(
            N_(
                "The package was made by another version of Tälimger; update "
                "both PCs to the same version."
            )
        )
    if (
        session.scalar(select(ExchangePackage.id).where(ExchangePackage.package_id == package_id))
        is not None
    ):
        return ImportSummary(package_id, sender, already_imported=True)
    validate_body(body)
    peer = state.peer(session, sender)
    assert peer is not None
    lost = note_sequence(peer, body)
    run = ImportRun(session, peer, utcnow())
    tables = exchanged_tables(True)  # what the sender chose to send, if this PC knows it
    allowed = {t.name for t in tables}
    unknown = set(body["tables"]) - allowed
    if unknown:
        raise PackageError(
            N_("The package holds tables this PC does not know: {names}."),
            names=", ".join(sorted(unknown)),
        )
    try:
        for done, table in enumerate(tables, start=1):
            items = body["tables"].get(table.name)
            if items:
                _apply_table(run, table, items)
            if progress is not None:
                progress.step(done, len(tables))
        session.flush()
    except IntegrityError as exc:
        raise PackageError(
            N_(
                "The package refers to records this PC does not have yet. "
                "Import the earlier packages from {sender} first; nothing was "
                "changed."
            ),
            sender=peer.name,
        ) from exc
    _apply_tombstones(run, body["tombstones"], allowed)
    audits = _store_audit(session, peer.name, body["audit"])
    peer.last_import_at = run.now
    c = run.counts
    summary = ImportSummary(
        package_id,
        peer.name,
        inserted=c["inserted"],
        updated=c["updated"],
        deleted=c["deleted"],
        unchanged=c["unchanged"],
        conflicts=c["conflicts"],
        audit_entries=audits,
        per_table=run.per_table,
        lost_before=lost,
    )
    session.add(
        ExchangePackage(
            package_id=package_id,
            sender=peer.name,
            created_at_sender=aware(datetime.fromisoformat(body["created_at"])),
            imported_at=run.now,
            # The sender's audit chain head, kept here outside its store (issue 10 #8).
            summary=dict(run.counts) | {"audit_anchor": body.get("audit_anchor")},
        )
    )
    session.flush()
    record(
        session,
        actor,
        "import",
        "exchange_package",
        package_id,
        {"sender": [None, peer.name], **{k: [None, v] for k, v in run.counts.items()}},
    )
    return summary


def import_package(
    session: Session,
    actor: Actor,
    data: bytes,
    passphrase: str,
    *,
    progress: Progress | None = None,
) -> ImportSummary:
    """Decrypt, check the sender's signature, and apply a package file's bytes."""
    require(actor, EXCHANGE)
    opened = open_package(data, passphrase)
    check_signature(
        session, str(opened.body.get("sender")), opened.signer, opened.signature, opened.checksum
    )
    return apply_body(session, actor, opened.body, progress=progress)
