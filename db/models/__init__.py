"""All mapped classes, imported here so Base.metadata is complete for Alembic."""

from db.models.audit import AuditEntry
from db.models.courts import Court, TrainingCentre
from db.models.cpd import (
    CpdActivity,
    CpdEvidence,
    CpdExemption,
    CpdForm,
    CpdFormPoints,
    CpdReport,
    CpdRoleRule,
    CpdRuleSet,
)
from db.models.people import Person, PersonStatusPeriod
from db.models.settings import Setting
from db.models.training import (
    TrainingEvent,
    TrainingNeed,
    TrainingPlan,
    TrainingRegistration,
    TrainingSession,
)

__all__ = [
    "AuditEntry",
    "Court",
    "CpdActivity",
    "CpdEvidence",
    "CpdExemption",
    "CpdForm",
    "CpdFormPoints",
    "CpdReport",
    "CpdRoleRule",
    "CpdRuleSet",
    "Person",
    "PersonStatusPeriod",
    "Setting",
    "TrainingCentre",
    "TrainingEvent",
    "TrainingNeed",
    "TrainingPlan",
    "TrainingRegistration",
    "TrainingSession",
]
