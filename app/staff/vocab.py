"""Closed lists of staff adaptation and internships with their labels (S-1, S-2)."""

from __future__ import annotations

from app.core.audit_vocab import register_values
from i18n import N_, _

RESULT_LABELS: dict[str, str] = {
    "": N_("In progress"),
    "adapted": N_("Adapted"),
    "not_adapted": N_("Not adapted"),
}

INTERNSHIP_LABELS: dict[str, str] = {
    "planned": N_("Planned"),
    "held": N_("Held"),
    "not_held": N_("Not held"),
    "cancelled": N_("Cancelled"),
}

# The audit log shows these codes by the same names (app/core/audit_vocab.py).
register_values(["result"], RESULT_LABELS, entity="staff_adaptation")
register_values(["status"], INTERNSHIP_LABELS, entity="staff_internship")


def label(vocabulary: dict[str, str], key: str) -> str:
    """Translated label of a key, or the key itself when unknown."""
    text = vocabulary.get(key)
    return _(text) if text is not None else key
