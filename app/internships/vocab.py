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
# The rules a saved internship breaks (conflicts.py), named shortly for the audit log.
CONFLICTS: dict[str, str] = {
    "host_closed": N_("Host court closed"),
    "over_capacity": N_("More interns than places"),
    "too_short": N_("Too short"),
    "not_higher_court": N_("Not a higher court"),
    "no_candidate_place": N_("No place for a candidate"),
    "on_leave": N_("On leave or suspended"),
    "overlap": N_("Overlaps another internship"),
    "busy": N_("Busy in that period"),
}

# The audit log shows these codes by these names (app/core/audit_vocab.py).
register_values(["kind"], KINDS, entity="internship")
register_values(["kind"], KINDS, entity="internship_host_offer")
register_values(["status"], STATUSES, entity="internship")
register_values(["source"], SOURCES, entity="person_busy_period")
register_values(["conflicts"], CONFLICTS, entity="internship")
