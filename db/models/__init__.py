"""All mapped classes, imported here so Base.metadata is complete for Alembic."""

from db.models.audit import AuditEntry
from db.models.courts import Court, TrainingCentre
from db.models.evaluation import (
    EvalCriterion,
    EvalRating,
    EvalRound,
    EvalSection,
    EvalSheet,
    EvalTemplate,
    SampleDraw,
    SampleItem,
    SampleKey,
)
from db.models.internships import (
    BusyPeriod,
    CandidatePlaces,
    Holiday,
    HostBlackout,
    HostOffer,
    Internship,
    InternshipRuleSet,
    QualityIndicator,
)
from db.models.people import Person, PersonStatusPeriod
from db.models.settings import Setting

__all__ = [
    "AuditEntry",
    "BusyPeriod",
    "CandidatePlaces",
    "Court",
    "EvalCriterion",
    "EvalRating",
    "EvalRound",
    "EvalSection",
    "EvalSheet",
    "EvalTemplate",
    "Holiday",
    "HostBlackout",
    "HostOffer",
    "Internship",
    "InternshipRuleSet",
    "Person",
    "PersonStatusPeriod",
    "QualityIndicator",
    "SampleDraw",
    "SampleItem",
    "SampleKey",
    "Setting",
    "TrainingCentre",
]
