"""Closed lists of the mentoring module with their labels, shared by screens and documents."""

from __future__ import annotations

from app.core.audit_vocab import register_values
from app.mentoring.programme import STATUS_LABELS
from app.mentoring.rules import REASONS
from i18n import N_

# The council's decisions on a pair (M-11), keyed as in council.DECISIONS.
DECISION_LABELS: dict[str, str] = {
    "complete": N_("Complete the mentoring: the goals of the programme are reached"),
    "end_early": N_("End the mentoring early"),
    "extend": N_(
        "Propose to the regional court chairman to extend the mentoring by {months} months"
    ),
    "replace": N_("Replace the guide with {name}"),
}

# Why a pair ended before its term (M-13), keyed as Pair.end_reason.
END_REASONS: dict[str, str] = {
    "petition": N_("On a petition"),
    "replaced": N_("Guide replaced"),
    "goals_reached": N_("Goals reached"),
}

# A pair's states and kinds as the screens name them (ui/mentoring keeps its own wording).
PAIR_STATES: dict[str, str] = {
    "proposed": N_("Proposed"),
    "active": N_("Pair at work"),
    "completed": N_("Completed"),
    "ended_early": N_("Ended early"),
}
PAIR_KINDS: dict[str, str] = {"tutor": N_("Tutor"), "mentor": N_("Mentor")}
REPORT_AUTHORS: dict[str, str] = {"guide": N_("Guide"), "protege": N_("Protégé")}
# The audit log shows these codes by the same names (app/core/audit_vocab.py).
register_values(["state"], PAIR_STATES, entity="mentoring_pair")
register_values(["kind"], PAIR_KINDS, entity="mentoring_pair")
register_values(["end_reason"], END_REASONS, entity="mentoring_pair")
register_values(["entries"], PAIR_KINDS, entity="mentoring_roster_order")
register_values(["kind"], REASONS, entity="mentoring_career_event")
register_values(["decision"], DECISION_LABELS, entity="mentoring_decision")
register_values(["kind"], DECISION_LABELS, entity="mentoring_petition")
register_values(["author", "filed_by"], REPORT_AUTHORS)
register_values(["status"], STATUS_LABELS, entity="mentoring_programme")
