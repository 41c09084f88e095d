"""The mentoring page's lists: the need for mentoring and the region's pairs (M-2, M-6)."""

from __future__ import annotations

from app.mentoring.dto import NeedRow, PairDTO
from app.mentoring.rules import KIND_LABELS, REASONS
from i18n import N_, _, localized
from ui.kit.paged_table_model import Column

STATE_LABELS = {
    "proposed": N_("Proposed"),
    "active": N_("Pair at work"),
    "completed": N_("Completed"),
    "ended_early": N_("Ended early"),
}
NEED_COLUMNS = (
    Column[NeedRow](N_("Full name"), lambda n: n.full_name),
    Column[NeedRow](N_("Court"), lambda n: localized(n.court_name_kk, n.court_name_ru)),
    Column[NeedRow](N_("Why a protégé"), lambda n: "; ".join(_(REASONS[k]) for k, _d in n.reasons)),
    Column[NeedRow](N_("Tutor"), lambda n: n.tutor or "—"),
    Column[NeedRow](N_("Mentor"), lambda n: n.mentor or "—"),
)
PAIR_COLUMNS = (
    Column[PairDTO](N_("Protégé"), lambda p: p.protege_name),
    Column[PairDTO](N_("Guide"), lambda p: p.guide_name),
    Column[PairDTO](N_("Kind"), lambda p: _(KIND_LABELS[p.kind])),
    Column[PairDTO](N_("State"), lambda p: _(STATE_LABELS[p.state])),
    Column[PairDTO](N_("Term"), lambda p: f"{p.starts_on:%d.%m.%Y} – {p.ends_on:%d.%m.%Y}"),
)
