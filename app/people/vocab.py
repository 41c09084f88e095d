"""Closed lists of the people register: roles, statuses, specialisations, with their labels."""

from __future__ import annotations

from app.core.audit_vocab import register_values
from i18n import N_, _

ROLES: dict[str, str] = {
    "judge": N_("Judge"),
    "staff": N_("Court staff"),
    "candidate": N_("Candidate judge"),
    "consultant": N_("Legal consultant"),
}

STATUSES: dict[str, str] = {
    "active": N_("Active"),
    "childcare_leave": N_("Childcare leave"),
    "suspended": N_("Suspended"),
    "retired": N_("Retired"),
}

SPECIALISATIONS: dict[str, str] = {
    "": N_("Not set"),
    "civil": N_("Civil cases"),
    "criminal": N_("Criminal cases"),
    "administrative": N_("Administrative cases"),
    "economic": N_("Economic cases"),
    "juvenile": N_("Juvenile cases"),
    "investigative": N_("Investigating judge"),
    "general": N_("General jurisdiction"),
}

COURT_LEVELS: dict[str, str] = {
    "supreme": N_("Supreme Court"),
    "regional": N_("Regional court"),
    "district": N_("District court"),
}

# The audit log shows these codes by the same names (app/core/audit_vocab.py).
register_values(["role"], ROLES, entity="person")
register_values(["status_periods"], STATUSES)
register_values(["specialisation"], SPECIALISATIONS)


def label(vocabulary: dict[str, str], key: str) -> str:
    """Translated label of a key, or the key itself when unknown."""
    text = vocabulary.get(key)
    return _(text) if text is not None else key
