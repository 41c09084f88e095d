"""Closed lists of the training module with their labels."""

from __future__ import annotations

from app.core.audit_vocab import register_values
from i18n import N_

KINDS: dict[str, str] = {
    "seminar": N_("Seminar"),
    "conference": N_("Conference"),
    "round_table": N_("Round table"),
    "webinar": N_("Webinar"),
    "course": N_("Course"),
    "annual_week": N_("Mandatory annual one-week programme"),
    "language_course": N_("Language course"),
    "computer_course": N_("Computer course"),
}

# The CPD form each kind of event usually earns (catalogue codes of seed 004).
KIND_FORMS: dict[str, str] = {
    "seminar": "F02",
    "conference": "F02",
    "round_table": "F02",
    "webinar": "F02",
    "course": "F03",
    "annual_week": "F03",
    "language_course": "F01",
    "computer_course": "F01",
}

# T-4: regional conferences, seminars and round tables, at least twice a year.
REGIONAL_KINDS = frozenset({"seminar", "conference", "round_table"})

LEVELS: dict[str, str] = {"regional": N_("Regional"), "national": N_("National")}

AUDIENCES: dict[str, str] = {
    "judges": N_("Judges"),
    "staff": N_("Staff of the courts"),
    "all": N_("Judges and court staff"),
}

EVENT_STATUSES: dict[str, str] = {
    "planned": N_("Planned"),
    "held": N_("Held"),
    "cancelled": N_("Cancelled"),
}

REGISTRATION_STATES: dict[str, str] = {
    "registered": N_("Registered"),
    "waiting": N_("Waiting list"),
}

# The audit log shows these codes by the same names (app/core/audit_vocab.py).
register_values(["kind"], KINDS, entity="training_event")
register_values(["level"], LEVELS, entity="training_event")
register_values(["audience"], AUDIENCES)
register_values(["status"], EVENT_STATUSES, entity="training_event")
register_values(["state"], REGISTRATION_STATES, entity="training_registration")
