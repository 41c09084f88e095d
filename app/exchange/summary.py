"""What an exported or imported package did, as the translated lines the CLI and window show."""

from __future__ import annotations

from pathlib import Path

from app.exchange.dto import ExportSummary, ImportSummary
from i18n import _, ngettext


def export_lines(s: ExportSummary, path: Path) -> list[str]:
    """The package written: where, how much, and what was held back for the coordinator."""
    lines = [
        _(
            "Package for {peer} written to {path}: {records} records, {deletions} deletions, "
            "{audit} audit entries."
        ).format(
            peer=s.recipient,
            path=path,
            records=s.records,
            deletions=s.deletions,
            audit=s.audit_entries,
        )
    ]
    if s.confidential_held_back:
        lines.append(
            _(
                "Confidential mentoring records and the sampling key were left out: only the "
                "coordinator sends them to {peer}."
            ).format(peer=s.recipient)
        )
    return lines


def import_lines(s: ImportSummary) -> list[str]:
    """The package applied: what changed here and which earlier packages never arrived."""
    if s.already_imported:
        return [_("This package was imported before; nothing changed.")]
    lines = [
        _(
            "Package from {sender}: {inserted} added, {updated} updated, {deleted} deleted, "
            "{conflicts} conflicts to resolve."
        ).format(
            sender=s.sender,
            inserted=s.inserted,
            updated=s.updated,
            deleted=s.deleted,
            conflicts=s.conflicts,
        )
    ]
    if s.lost_before:
        lines.append(
            ngettext(
                "{count} earlier package from {sender} never arrived; its changes came with "
                "this one.",
                "{count} earlier packages from {sender} never arrived; their changes came with "
                "this one.",
                s.lost_before,
            ).format(count=s.lost_before, sender=s.sender)
        )
    return lines
