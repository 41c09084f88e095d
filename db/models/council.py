"""The branch council's protocols, their decisions and the copies sent (M-11)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Record
from db.models.mentoring import _PERSON


class Protocol(Record):
    """A branch-council meeting and its protocol (M-11); immutable once signed."""

    __tablename__ = "mentoring_protocol"

    region_code: Mapped[str] = mapped_column(String(20), index=True)
    number: Mapped[str] = mapped_column(String(40), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300))
    chair: Mapped[str] = mapped_column(String(200))
    secretary: Mapped[str] = mapped_column(String(200))
    members: Mapped[list[Any]] = mapped_column(JSON, default=list)
    agenda: Mapped[str] = mapped_column(Text, default="")
    amends_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("mentoring_protocol.id", ondelete="RESTRICT")
    )
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    signed_by: Mapped[str] = mapped_column(String(120), default="")
    scan_name: Mapped[str] = mapped_column(String(200), default="")
    scan: Mapped[bytes | None] = mapped_column(LargeBinary)
    scan_sha256: Mapped[str] = mapped_column(String(64), default="")
    content: Mapped[str] = mapped_column(Text, default="")  # canonical JSON, fixed at sign-off
    content_hash: Mapped[str] = mapped_column(String(64), default="", index=True)


class ProtocolDecision(Record):
    """The council's decision on one pair (M-11)."""

    __tablename__ = "mentoring_decision"

    protocol_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_protocol.id", ondelete="CASCADE"), index=True
    )
    pair_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_pair.id", ondelete="RESTRICT"), index=True
    )
    decision: Mapped[str] = mapped_column(String(20))  # complete | end_early | extend | replace
    text: Mapped[str] = mapped_column(Text, default="")
    extend_months: Mapped[int] = mapped_column(Integer, default=0)
    new_guide_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_PERSON, ondelete="RESTRICT"))


class ProtocolCopy(Record):
    """A copy of a protocol sent to the training centre or to HR (M-11)."""

    __tablename__ = "mentoring_protocol_copy"

    protocol_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("mentoring_protocol.id", ondelete="CASCADE"), index=True
    )
    recipient: Mapped[str] = mapped_column(String(20))  # training_centre | hr
    sent_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
