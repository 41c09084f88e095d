"""Closed lists of the CPD module with their labels."""

from __future__ import annotations

from app.core.audit_vocab import register_values
from app.people.vocab import ROLES
from i18n import N_

ACTIVITY_STATES: dict[str, str] = {
    "pending": N_("Awaiting check"),
    "confirmed": N_("Confirmed"),
    "rejected": N_("Rejected"),
}

COMPLIANCE_STATUSES: dict[str, str] = {
    "compliant": N_("Compliant"),
    "at_risk": N_("At risk"),
    "not_compliant": N_("Not compliant"),
    "exempt": N_("Exempt"),
}

REPORT_STATES: dict[str, str] = {
    "draft": N_("Draft"),
    "submitted": N_("Submitted"),
    "returned": N_("Returned with remarks"),
    "corrected": N_("Corrected"),
    "accepted": N_("Accepted"),
}

EVIDENCE_KINDS: dict[str, str] = {
    "certificate": N_("Certificate"),
    "diploma": N_("Diploma"),
    "programme": N_("Programme"),
    "other": N_("Other document"),
}

EXEMPTION_KINDS: dict[str, str] = {
    "maternity": N_("Maternity leave"),
    "childcare_leave": N_("Childcare leave"),
    "suspended": N_("Suspension"),
}

# C-4 settings of a rule set: how a partly exempt year is judged.
PARTIAL_EXEMPTION: dict[str, str] = {
    "prorata": N_("Minimum reduced in proportion to the days not exempt"),
    "full": N_("Full minimum unless the whole year is exempt"),
    "any": N_("Exempt for the whole year if any day is exempt"),
}

# Person statuses (people register) that exempt from CPD (C-4); retirement ends the duty.
EXEMPT_PERSON_STATUSES = frozenset({"childcare_leave", "suspended", "retired"})

# The audit log shows these codes by the same names (app/core/audit_vocab.py).
register_values(["state"], ACTIVITY_STATES, entity="cpd_activity")
register_values(["state"], REPORT_STATES, entity="cpd_report")
register_values(["kind"], EXEMPTION_KINDS, entity="cpd_exemption")
register_values(["evidence"], EVIDENCE_KINDS, entity="cpd_activity")
register_values(["partial_exemption"], PARTIAL_EXEMPTION, entity="cpd_rule_set")
register_values(["roles"], ROLES, entity="cpd_rule_set")  # {role: [minimum, academy years]}
