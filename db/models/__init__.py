"""All mapped classes, imported here so Base.metadata is complete for Alembic."""

from db.models.audit import AuditEntry
from db.models.courts import Court, TrainingCentre
from db.models.people import Person, PersonStatusPeriod
from db.models.security import (
    ExchangeConflict,
    ExchangePackage,
    ExchangePeer,
    ExchangeRowState,
    LoginAttempt,
    RemoteAuditEntry,
    Tombstone,
    User,
)
from db.models.settings import Setting

__all__ = [
    "AuditEntry",
    "Court",
    "ExchangeConflict",
    "ExchangePackage",
    "ExchangePeer",
    "ExchangeRowState",
    "LoginAttempt",
    "Person",
    "PersonStatusPeriod",
    "RemoteAuditEntry",
    "Setting",
    "Tombstone",
    "TrainingCentre",
    "User",
]
