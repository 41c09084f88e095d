"""People & courts register: search as you type, filters, the paged list, add/edit/print."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.courts.service import list_courts
from app.people.dto import PersonFilter
from app.people.service import delete_person, get_person
from app.people.vocab import ROLES, STATUSES
from i18n import _, ngettext
from ui.context import UiContext
from ui.documents.printing import Request, pdf_of, save_to
from ui.kit.collated import courts_in_order, set_items
from ui.kit.enter_opens import open_on_enter
from ui.kit.op import Op, Query, show_status
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.kit.retranslating import Retranslating
from ui.people.people_table_model import PeopleTableModel
from ui.people.person_dialog import PersonDialog

SEARCH_DELAY_MS = 120


class PeopleView(Retranslating, QWidget):
    """The register of people; filtering and sorting run in SQL."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.court_filter = QComboBox(self)
        self.role_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        self._courts = Query(self, ctx, list_courts).run() or []
        self.court_filter.addItem("", None)
        for c in self._courts:
            self.court_filter.addItem("", str(c.id))
        self.court_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.court_filter.setMinimumContentsLength(20)
        self.role_filter.addItem("", "")
        for key in ROLES:
            self.role_filter.addItem("", key)
        self.status_filter.addItem("", "")
        for key in STATUSES:
            self.status_filter.addItem("", key)

        self.model = PeopleTableModel(ctx, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((260, 110, 300, 150, 120, 160, 110, 130)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        open_on_enter(self.table, self._on_table_double_clicked)

        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.count_label = QLabel(self)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.print_button.clicked.connect(self.print_preview)
        self.export_button.clicked.connect(self.export)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._on_search_text_changed)
        for combo in (self.court_filter, self.role_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filter)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.court_filter, 2)
        filters.addWidget(self.role_filter, 1)
        filters.addWidget(self.status_filter, 1)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.apply_filter()

    # -- language -------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text in the active language."""
        self.search.setPlaceholderText(_("Search by name or IIN…"))
        self.court_filter.setItemText(0, _("All courts"))
        self._courts = courts_in_order(self._courts)
        set_items(
            self.court_filter,
            1,
            [(("    " if c.level == "district" else "") + c.name, str(c.id)) for c in self._courts],
        )
        self.role_filter.setItemText(0, _("All roles"))
        for i, key in enumerate(ROLES, start=1):
            self.role_filter.setItemText(i, _(ROLES[key]))
        self.status_filter.setItemText(0, _("Any status"))
        for i, key in enumerate(STATUSES, start=1):
            self.status_filter.setItemText(i, _(STATUSES[key]))
        self.add_button.setText(_("Add…"))
        self.add_button.setToolTip(_("Add a person to the register."))
        self.edit_button.setText(_("Edit…"))
        self.edit_button.setToolTip(
            _("Open the selected person (Enter or a double click does the same).")
        )
        self.delete_button.setText(_("Delete"))
        self.delete_button.setToolTip(
            _("Delete the selected person, unless pairs, internships or sheets refer to them.")
        )
        self.print_button.setText(_("Print register…"))
        self.print_button.setToolTip(_("Preview the register as filtered now."))
        self.export_button.setText(_("Export…"))
        self.export_button.setToolTip(_("Save the register as filtered to Excel, CSV or PDF."))
        self.model.retranslate()
        self._update_count()

    # -- filtering ------------------------------------------------------------------------
    def current_filter(self) -> PersonFilter:
        """The filter the controls describe."""
        court = self.court_filter.currentData()
        return replace(
            self.model.filter,
            text=self.search.text(),
            court_id=uuid.UUID(court) if court else None,
            role=self.role_filter.currentData() or "",
            status=self.status_filter.currentData() or "",
        )

    def _on_search_text_changed(self, _text: str) -> None:
        self._timer.start()

    def apply_filter(self) -> None:
        """Re-query with the current controls."""
        self._timer.stop()
        self.model.set_filter(self.current_filter())
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(ngettext("{count} person", "{count} people", n).format(count=n))

    # -- actions --------------------------------------------------------------------------
    def _current_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return self.model.person_id(index.row()) if index.isValid() else None

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.edit_current()

    def add_person(self) -> None:
        """Open the form for a new person."""
        dialog = PersonDialog(self._ctx, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.model.refresh()
            self._update_count()
            self.changed.emit()
            # Issue 11: say what was created, and select it wherever it falls in the list.
            show_status(self, _("{name} was added.").format(name=dialog.saved.full_name))
            self.select_person(dialog.saved.id)

    def select_person(self, person_id: uuid.UUID) -> bool:
        """Select a person's row, scrolled into view; when the filters hide them, clear the
        filters first (a new person outside the filter would otherwise seem lost).
        """
        row = self.model.row_of(person_id)
        if row is None:
            self.search.clear()
            for combo in (self.court_filter, self.role_filter, self.status_filter):
                combo.setCurrentIndex(0)
            self.apply_filter()
            row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def edit_current(self) -> None:
        """Open the selected person."""
        person_id = self._current_id()
        if person_id is None:
            return
        dialog = PersonDialog(self._ctx, person_id, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.model.refresh()
            self.changed.emit()
            show_status(self, _("{name} was saved.").format(name=dialog.saved.full_name))

    def delete_current(self) -> None:
        """Delete the selected person after confirmation."""
        person_id = self._current_id()
        if person_id is None:
            return
        person = Query(self, self._ctx, lambda s: get_person(s, person_id)).run()
        if person is None:
            return
        answer = QMessageBox.question(
            self, _("Delete"), _("Delete {name} from the register?").format(name=person.full_name)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        (
            Op(
                self,
                self._ctx,
                lambda s, actor, _p: delete_person(s, actor, person.id, person.version),
            )
            .success_message(_("{name} was deleted.").format(name=person.full_name))
            .success(lambda _r: self._on_deleted())
            .run()
        )

    def _on_deleted(self) -> None:
        self.model.refresh()
        self._update_count()
        self.changed.emit()

    def document_request(self) -> Request:
        """The register as filtered now: what Ctrl+P prints on this page."""
        flt = self.model.filter
        court = str(flt.court_id) if flt.court_id else ""
        params = {"search": flt.text, "court": court, "role": flt.role, "status": flt.status}
        return "people-register", params

    def register_pdf(self) -> bytes | None:
        """The register of the filtered list, in the active language."""
        return pdf_of(self, self._ctx, *self.document_request())

    def print_preview(self) -> None:
        """Show the register as it will print."""
        pdf = self.register_pdf()
        if pdf is not None:
            PrintPreviewDialog(pdf, _("people-register") + ".pdf", self).exec()

    def export(self) -> None:
        """Save the filtered list as XLSX, CSV or PDF."""
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Export…"), _("people") + ".xlsx", "Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"
        )
        if not path:
            return
        fmt = Path(path).suffix.lstrip(".").lower() or "xlsx"
        if fmt not in ("xlsx", "csv", "pdf"):
            fmt = "xlsx"
        output = save_to(self, self._ctx, *self.document_request(), Path(path), fmt)
        count = output.count if output is not None else None
        if count is not None:
            QMessageBox.information(
                self,
                _("Export…"),
                _("{count} people exported to {path}").format(count=count, path=path),
            )
