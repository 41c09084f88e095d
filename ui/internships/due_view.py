"""Who is due for an internship (I-1): sortable, filterable, printable; propose and apply a plan."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
from app.core.progress import Progress
from app.core.store import Session
from app.internships.dto import DueFilter, DueRow, PlanResult
from app.internships.due import due_judges
from app.internships.planner import REASONS, apply_plan, plan_year
from i18n import _, ngettext
from ui.context import UiContext
from ui.documents.printing import Request, preview
from ui.internships.internship_table_models import DUE_COLUMNS, DUE_SORT_KEYS, PRIORITY_COLUMN
from ui.kit.list_table_model import ListTableModel
from ui.kit.op import Op, Query
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.kit.region_box import RegionBox
from ui.kit.retranslating import Retranslating


class DueView(Retranslating, QWidget):
    """The due list of a year with plan proposal and printing."""

    planned = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year + 1)
        self.region = RegionBox(ctx, self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.unscheduled = QCheckBox(self)
        self.year_label, self.region_label = QLabel(self), QLabel(self)
        self.due_rows = ListTableModel(ctx, DUE_COLUMNS, self, sort_keys=DUE_SORT_KEYS)
        self.table = QTableView(self)
        self.table.setModel(self.due_rows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for col in range(2, len(DUE_COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 320)
        # Highest priority first, as the planner takes them.
        header.setSortIndicator(PRIORITY_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.plan_button, self.print_button = QPushButton(self), QPushButton(self)
        self.plan_button.clicked.connect(self.propose_plan)
        self.print_button.clicked.connect(self.print_preview)
        self.count = QLabel(self)
        top = QHBoxLayout()
        for w in (
            self.year_label,
            self.year,
            self.region_label,
            self.region,
            self.search,
            self.unscheduled,
        ):
            top.addWidget(w)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.plan_button)
        bottom.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.year.valueChanged.connect(self.reload)
        self.region.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.unscheduled.toggled.connect(self.reload)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language; the list is refilled for court names."""
        self.year_label.setText(_("Year:"))
        self.region_label.setText(_("Region:"))
        self.search.setPlaceholderText(_("Search by name…"))
        self.unscheduled.setText(_("Not yet scheduled only"))
        self.region.retranslate_ui()
        self.due_rows.retranslate()
        self.plan_button.setText(_("Propose a plan…"))
        self.plan_button.setToolTip(
            _("Place the judges due this year in free host places, avoiding days off.")
        )
        self.print_button.setText(_("Print…"))
        self.print_button.setToolTip(_("Preview the list of judges due for an internship."))
        self.reload()

    def _filter(self) -> DueFilter:
        return DueFilter(
            region_code=str(self.region.currentData() or ""),
            text=self.search.text(),
            only_unscheduled=self.unscheduled.isChecked(),
        )

    def reload(self) -> None:
        """Read the due list into the table (sorted as the header says)."""
        year, flt = self.year.value(), self._filter()
        self.due_rows.show(lambda s: due_judges(s, year, flt))
        n = self.due_rows.rowCount()
        self.count.setText(ngettext("{n} judge due", "{n} judges due", n).format(n=n))

    @property
    def rows(self) -> list[DueRow]:
        """The judges listed, in the order shown."""
        return self.due_rows.rows

    def propose_plan(self) -> None:
        """Propose a schedule; the user applies it or not. Who cannot be placed is listed."""
        year, region = self.year.value(), str(self.region.currentData() or "")
        result = Query(self, self._ctx, lambda s: plan_year(s, year, region_code=region)).run()
        if result is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, _("Plan of internships"), plan_summary(result), parent=self
        )
        if result.unplaced:
            box.setDetailedText(
                "\n".join(f"{u.full_name}: {_(REASONS[u.reason])}" for u in result.unplaced)
            )
        apply = box.addButton(_("Save the plan"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is apply and result.placements:
            self.apply(year, region)

    def apply(self, year: int, region: str) -> PlanResult | None:
        """Plan again and save, in one transaction, off the GUI thread; cancel saves nothing."""

        def work(s: Session, actor: Actor, progress: Progress) -> PlanResult:
            # progress.step raises CancelledError once the user cancelled
            return apply_plan(s, actor, year, region_code=region, progress=progress)

        saved = Op(self, self._ctx, work).with_progress(_("Planning internships…")).run()
        self.reload()
        if saved is not None:
            self.planned.emit()
        return saved

    def document_request(self) -> Request:
        """The due list as filtered here, through the catalogue (Ctrl+P and the print button)."""
        flt = self._filter()
        return "internships-due", {
            "year": self.year.value(),
            "region": flt.region_code,
            "search": flt.text,
            "unscheduled": flt.only_unscheduled,
        }

    def print_preview(self) -> PrintPreviewDialog | None:
        """The due list as it will print."""
        return preview(self, self._ctx, *self.document_request())


def plan_summary(result: PlanResult) -> str:
    """One paragraph about a proposed plan."""
    return _(
        "Placed: {placed}; could not be placed: {unplaced}; already scheduled: {scheduled}."
    ).format(
        placed=len(result.placements),
        unplaced=len(result.unplaced),
        scheduled=result.already_scheduled,
    )
