"""Adaptation of newly hired court staff (S-1): tutor, term, plan and result."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.staff.dto import AdaptationDTO
from app.staff.queries import AdaptationRow, list_adaptations
from app.staff.service import get_adaptation
from app.staff.vocab import RESULT_LABELS, label
from i18n import _
from ui.context import UiContext
from ui.kit.enter_opens import open_on_enter
from ui.kit.op import Query, show_status
from ui.kit.retranslating import Retranslating
from ui.staff.adaptation_dialog import AdaptationDialog
from ui.staff.plan_dialog import PlanDialog, ResultDialog
from ui.staff.staff_form import gate

ROW_ROLE = Qt.ItemDataRole.UserRole


class StaffView(Retranslating, QWidget):
    """The list of adaptations with assign, plan and result."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[AdaptationRow] = []
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 300)
        self.tree.setColumnWidth(2, 190)
        self.open_only = QCheckBox(self)
        self.open_only.toggled.connect(self.reload)
        self.assign_button, self.plan_button = QPushButton(self), QPushButton(self)
        self.result_button = QPushButton(self)
        self.assign_button.clicked.connect(self.assign)
        self.plan_button.clicked.connect(self.edit_plan)
        self.result_button.clicked.connect(self.record_result)
        self.tree.itemDoubleClicked.connect(lambda *_a: self.edit_plan())
        open_on_enter(self.tree, self._on_tree_entered)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.assign_button, self.plan_button, self.result_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.open_only)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
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
        gate(self._ctx, (self.assign_button, self.plan_button, self.result_button), self.note)
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
        current = self._selected_id()
        self.tree.clear()
        for r in self._rows:
            plan = str(r.items) if r.items else "—"
            if r.plan_overdue:
                plan = _("overdue")
            result = label(RESULT_LABELS, r.result)
            if r.decided_on is not None:
                result = f"{result}, {r.decided_on.strftime('%d.%m.%Y')}"
            term = f"{r.starts_on.strftime('%d.%m.%Y')} – {r.ends_on.strftime('%d.%m.%Y')}"
            item = QTreeWidgetItem([r.person_name, r.tutor_name, term, plan, result])
            item.setData(0, ROW_ROLE, r.id)
            if r.plan_overdue:
                item.setToolTip(3, _("No plan yet, and its due day has passed (S-1)."))
            self.tree.addTopLevelItem(item)
            if r.id == current:
                self.tree.setCurrentItem(item)

    def _selected_id(self) -> object:
        item = self.tree.currentItem()
        return item.data(0, ROW_ROLE) if item is not None else None

    def _select(self, adaptation_id: object) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ROW_ROLE) == adaptation_id:
                self.tree.setCurrentItem(item)

    def _selected(self) -> AdaptationDTO | None:
        chosen = self._selected_id()
        if chosen is None:
            QMessageBox.information(self, _("Staff adaptation"), _("Choose an adaptation."))
            return None
        return Query(self, self._ctx, lambda s: get_adaptation(s, chosen)).run()  # type: ignore[arg-type]

    def document_request(self) -> tuple[str, dict[str, str]] | None:
        """Ctrl+P: the selected adaptation's plan (S-1)."""
        chosen = self._selected_id()
        return ("adaptation-plan", {"adaptation": str(chosen)}) if chosen is not None else None

    def _on_tree_entered(self, _index: QModelIndex) -> None:
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
        self._select(saved.id)
        show_status(self, _("{name} was saved.").format(name=saved.person_name))
