"""Data carried between the exchange services and their callers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ExportSummary:
    """What a package carries."""

    package_id: uuid.UUID
    recipient: str
    records: int
    deletions: int
    audit_entries: int
    # M-9, E-2: the peer is entitled to confidential records but the sender was not the
    # coordinator, so they were left out and wait for the coordinator's package.
    confidential_held_back: bool = False


@dataclass(frozen=True)
class ImportSummary:
    """What importing a package changed here."""

    package_id: uuid.UUID
    sender: str
    already_imported: bool = False
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: int = 0
    audit_entries: int = 0
    per_table: dict[str, int] = field(default_factory=dict)
    # Issue 15: packages from the sender that never arrived before this one; their changes
    # came with it (every package carries all the peer has not acknowledged).
    lost_before: int = 0


@dataclass(frozen=True)
class ConflictDTO:
    """A record changed here and at a peer since they last agreed, waiting for a person."""

    id: uuid.UUID
    peer: str
    table_name: str
    row_id: uuid.UUID
    local_values: dict[str, Any] | None
    remote_values: dict[str, Any] | None
    changed_fields: tuple[str, ...]
    status: str
    detected_at: datetime
    # "" both sides changed the record; "identity": its IIN or code is another record's here
    # (local_values is that record); "parent_held": the record it belongs to is in conflict.
    kind: str = ""


@dataclass(frozen=True)
class PeerDTO:
    """A peer as the exchange screen lists it."""

    name: str
    fingerprint: str  # "" until paired
    owns: str
    court_codes: tuple[str, ...]
    confidential_ok: bool
    paired_at: datetime | None
    last_export_at: datetime | None
    last_import_at: datetime | None
