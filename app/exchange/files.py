"""Packages as files: write one for a peer, read one from a peer (the window and the CLI's way)."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.errors import DomainError
from app.core.owner_only import write_private
from app.core.permissions import EXCHANGE, require
from app.core.progress import Progress
from app.exchange.dto import ExportSummary, ImportSummary, PeerDTO
from app.exchange.signing import fingerprint
from db.models import Court, ExchangePeer
from i18n import N_


def list_peers(session: Session, actor: Actor) -> list[PeerDTO]:
    """The PCs this one exchanges with, by name, with their fingerprints."""
    require(actor, EXCHANGE)
    peers = list(session.scalars(select(ExchangePeer).order_by(ExchangePeer.name)))
    ids = {cid for p in peers for cid in (p.court_ids or [])}
    codes: dict[str, str] = {}
    if ids:
        wanted = [uuid.UUID(c) for c in ids]
        for court_id, code in session.execute(
            select(Court.id, Court.code).where(Court.id.in_(wanted))
        ):
            codes[str(court_id)] = code
    return [
        PeerDTO(
            name=p.name,
            fingerprint=fingerprint(p.public_key) if p.public_key else "",
            owns=p.owns,
            court_codes=tuple(sorted(codes.get(c, c) for c in p.court_ids or [])),
            confidential_ok=p.confidential_ok,
            paired_at=p.paired_at,
            last_export_at=p.last_export_at,
            last_import_at=p.last_import_at,
        )
        for p in peers
    ]


def export_to_file(
    session: Session,
    actor: Actor,
    peer_name: str,
    passphrase: str,
    out: Path,
    *,
    progress: Progress | None = None,
) -> ExportSummary:
    """Write the package for a peer into `out` (owner-only); the caller's transaction.

    The file is written before the transaction commits: if writing fails, the export is not
    marked done and the next package still carries these changes.
    """
    from app.exchange.export import export_package

    partial = out.with_name(out.name + ".partial")
    try:
        data, summary = export_package(session, actor, peer_name, passphrase, progress=progress)
        write_private(partial, data)  # a package holds personal data: owner only
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DomainError(
            N_("The file {path} cannot be written: {reason}"),
            path=str(out),
            reason=exc.strerror or str(exc),
        ) from exc
    return summary


def import_from_file(
    session: Session,
    actor: Actor,
    path: Path,
    passphrase: str,
    *,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read a package file from a peer and apply it; the caller's transaction."""
    from app.exchange.apply import import_package

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(
            N_("The file {path} cannot be read: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    return import_package(session, actor, data, passphrase, progress=progress)
