"""All mapped classes, imported here so Base.metadata is complete for Alembic."""

from db.models.audit import AuditEntry
from db.models.courts import Court, TrainingCentre
from db.models.mentoring import (
    CareerEvent,
    CaseloadOrder,
    HearingReview,
    Meeting,
    Pair,
    PairExtension,
    PairReport,
    Petition,
    Programme,
    ProgrammeVersion,
    ProtegeWish,
    Protocol,
    ProtocolCopy,
    ProtocolDecision,
    RosterEntry,
    RosterOrder,
    Seminar,
    SeminarInvitation,
)
from db.models.people import Person, PersonStatusPeriod
from db.models.settings import Setting

__all__ = [
    "AuditEntry",
    "CareerEvent",
    "CaseloadOrder",
    "Court",
    "HearingReview",
    "Meeting",
    "Pair",
    "PairExtension",
    "PairReport",
    "Person",
    "PersonStatusPeriod",
    "Petition",
    "Programme",
    "ProgrammeVersion",
    "ProtegeWish",
    "Protocol",
    "ProtocolCopy",
    "ProtocolDecision",
    "RosterEntry",
    "RosterOrder",
    "Seminar",
    "SeminarInvitation",
    "Setting",
    "TrainingCentre",
]
