"""Closed lists of the internships module with their labels."""

from __future__ import annotations

from app.core.audit_vocab import register_values
from app.internships.busy import SOURCES
from i18n import N_

KINDS: dict[str, str] = {
    "judge": N_("Judge's internship"),
    "candidate": N_("Candidate's internship"),
}
STATUSES: dict[str, str] = {
    "planned": N_("Planned"),
    "done": N_("Done"),
    "cancelled": N_("Cancelled"),
}

# The audit log shows these codes by these names (app/core/audit_vocab.py).
register_values(["kind"], KINDS, entity="internship")
register_values(["kind"], KINDS, entity="internship_host_offer")
register_values(["status"], STATUSES, entity="internship")
register_values(["source"], SOURCES, entity="person_busy_period")
