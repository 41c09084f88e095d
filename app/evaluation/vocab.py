"""Closed lists of the evaluation module with their labels."""

from __future__ import annotations

from app.core.audit_vocab import register_values
from app.evaluation.commission import DECISIONS
from i18n import N_

SHEET_STATUSES: dict[str, str] = {"draft": N_("Draft"), "signed": N_("Signed")}

# The audit log shows these codes by these names (app/core/audit_vocab.py).
register_values(["status"], SHEET_STATUSES, entity="eval_sheet")
register_values(["decision"], DECISIONS, entity="eval_protocol_decision")
