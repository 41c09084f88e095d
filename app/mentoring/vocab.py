"""Closed lists of the mentoring module with their labels, shared by screens and documents."""

from __future__ import annotations

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
