"""Adaptation of newly hired court staff (S-1): tutor, term, plan and result."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from app.staff.dto import AdaptationDTO
from app.staff.queries import AdaptationRow, list_adaptations
from app.staff.service import get_adaptation
from app.staff.vocab import RESULT_LABELS, label
from i18n import _
from ui.context import UiContext
from ui.kit.op import Query
from ui.staff.adaptation_dialog import AdaptationDialog
from ui.staff.plan_dialog import PlanDialog, ResultDialog
from ui.staff.staff_list import StaffList


class StaffView(StaffList):
    """The list of adaptations with assign, plan and result."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, (300, 300, 190, 120), parent)
        self._rows: list[AdaptationRow] = []
        self.assign_button, self.plan_button, self.result_button = self.add_buttons(
            self.assign, self.edit_plan, self.record_result
        )
        self.open_only = QCheckBox(self)
        self.open_only.toggled.connect(self.reload)
        self.button_row.addWidget(self.open_only)
        self.reload()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.tree.setHeaderLabels(
            [_("Staff member"), _("Tutor"), _("Term"), _("Plan"), _("Result")]
        )
        self.assign_button.setText(_("Assign a tutor…"))
        self.assign_button.setToolTip(
            _(
                "Give a newly hired staff member a tutor from the same court's apparatus and "
                "an adaptation term (S-1)."
            )
        )
        self.plan_button.setText(_("Plan…"))
        self.plan_button.setToolTip(_("The adaptation plan: items with their dates (S-1)."))
        self.result_button.setText(_("Result…"))
        self.result_button.setToolTip(_("Record whether the staff member adapted (S-1)."))
        self.open_only.setText(_("Only without a result"))
        self.gate()
        self._fill()

    def reload(self) -> None:
        """Read the list from the store."""
        only = self.open_only.isChecked()
        today = date.today()
        self._rows = (
            Query(self, self._ctx, lambda s: list_adaptations(s, today, open_only=only)).run() or []
        )
        self._fill()

    def _fill(self) -> None:
        rows = []
        for r in self._rows:
            plan = str(r.items) if r.items else "—"
            if r.plan_overdue:
                plan = _("overdue")
            result = label(RESULT_LABELS, r.result)
            if r.decided_on is not None:
                result = f"{result}, {r.decided_on.strftime('%d.%m.%Y')}"
            term = f"{r.starts_on.strftime('%d.%m.%Y')} – {r.ends_on.strftime('%d.%m.%Y')}"
            rows.append((r.id, [r.person_name, r.tutor_name, term, plan, result]))
        for r, item in zip(self._rows, self.put_rows(rows), strict=True):
            if r.plan_overdue:
                item.setToolTip(3, _("No plan yet, and its due day has passed (S-1)."))

    def _selected(self) -> AdaptationDTO | None:
        chosen = self.selected_id()
        if chosen is None:
            QMessageBox.information(self, _("Staff adaptation"), _("Choose an adaptation."))
            return None
        return Query(self, self._ctx, lambda s: get_adaptation(s, chosen)).run()  # type: ignore[arg-type]

    def document_request(self) -> tuple[str, dict[str, str]] | None:
        """Ctrl+P: the selected adaptation's plan (S-1)."""
        chosen = self.selected_id()
        return ("adaptation-plan", {"adaptation": str(chosen)}) if chosen is not None else None

    def open_selected(self) -> None:
        """Enter and a double click open the plan."""
        self.edit_plan()

    def assign(self) -> None:
        """Open a new adaptation."""
        dialog = AdaptationDialog(self._ctx, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after(dialog.saved)

    def edit_plan(self) -> None:
        """The selected adaptation's plan."""
        adaptation = self._selected()
        if adaptation is None:
            return
        dialog = PlanDialog(self._ctx, adaptation, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after(dialog.saved)

    def record_result(self) -> None:
        """The selected adaptation's result."""
        adaptation = self._selected()
        if adaptation is None:
            return
        dialog = ResultDialog(self._ctx, adaptation, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after(dialog.saved)

    def _after(self, saved: AdaptationDTO) -> None:
        self.reload()
        self.select_and_confirm(saved.id, _("{name} was saved.").format(name=saved.person_name))
