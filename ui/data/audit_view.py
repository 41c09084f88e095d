"""The audit log: filter by user and action, read an entry (or its raw JSON), export, check."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.audit_log import AuditFilter, chain_problems, export_entries
from app.core.audit_text import action_label, actor_name
from app.core.audit_vocab import ACTIONS
from i18n import _, current_language
from i18n.collation import collation_key
from ui.context import UiContext
from ui.data.audit_table_model import AuditTableModel
from ui.kit.op import Query
from ui.kit.retranslating import Retranslating


class AuditView(Retranslating, QWidget):
    """The newest entries first; the filter runs in SQL."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.user_filter, self.action_filter = QLineEdit(self), QComboBox(self)
        self.user_filter.editingFinished.connect(self.reload)
        self.action_filter.addItem("", "")
        self.action_filter.currentIndexChanged.connect(self.reload)
        self.model = AuditTableModel(ctx, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        # The "No." column numbers the rows already; the record's label needs the room.
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        # The entry in words below the list; the raw JSON is one click away for an admin.
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.raw_button = QPushButton(self)
        self.raw_button.setCheckable(True)
        self.raw_button.toggled.connect(self._on_raw_button_toggled)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.summary, self.chain = QLabel(self), QLabel(self)
        self.chain.setWordWrap(True)
        self.export_button, self.check_button = QPushButton(self), QPushButton(self)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.check_button.clicked.connect(self.check_chain)
        top = QHBoxLayout()
        top.addWidget(self.user_filter)
        top.addWidget(self.action_filter)
        top.addWidget(self.raw_button)
        top.addWidget(self.export_button)
        top.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.chain)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.user_filter.setPlaceholderText(_("User"))
        self._fill_actions()
        self.raw_button.setText(_("Raw record"))
        self.raw_button.setToolTip(
            _("Show the selected entry exactly as stored (for the administrator).")
        )
        self.export_button.setText(_("Export…"))
        self.export_button.setToolTip(_("Save the audit log as filtered to an Excel or CSV file."))
        self.check_button.setText(_("Check the chain"))
        self.check_button.setToolTip(
            _("Check that no entry of the log was changed or removed outside the program.")
        )
        self.model.retranslate()
        self._size_columns()
        self._show_total()
        self._show_details()

    def _fill_actions(self) -> None:
        # The actions in the alphabetical order of the language shown; the choice is kept.
        chosen = self.action_filter.currentData() or ""
        blocked = self.action_filter.blockSignals(True)
        self.action_filter.clear()
        self.action_filter.addItem(_("All actions"), "")
        for label, code in sorted(
            ((action_label(code), code) for code in ACTIONS), key=lambda p: collation_key(p[0])
        ):
            self.action_filter.addItem(label, code)
        self.action_filter.setCurrentIndex(max(self.action_filter.findData(chosen), 0))
        self.action_filter.blockSignals(blocked)

    def _size_columns(self) -> None:
        # Fixed widths from the font, not ResizeToContents: that would read every page. Long
        # actions and records wrap to two lines; the changes take the rest.
        width = self.table.fontMetrics().horizontalAdvance
        header = self.table.horizontalHeader()
        titles = header.fontMetrics().horizontalAdvance
        samples = ("000000", "00.00.0000 00:00", "administrator", "Демо-деректермен", "")
        for column, sample in enumerate(samples):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(width(sample), titles(title)) + 16)
        header.resizeSection(4, width("Мемлекеттік қызметшінің тағылым") + 16)

    def _filter(self) -> AuditFilter:
        return AuditFilter(
            actor=actor_name(self.user_filter.text().strip()),
            action=self.action_filter.currentData() or "",
        )

    def reload(self) -> None:
        """Show the matching entries, newest first (pages read as they are scrolled to)."""
        self.model.set_filter(self._filter())
        self._show_total()

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_details()

    def _on_raw_button_toggled(self, _checked: bool) -> None:
        self._show_details()

    def _show_details(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        line = self.model.row_at(rows[0].row()) if rows else None
        if line is None:
            self.details.clear()
        elif self.raw_button.isChecked():
            self.details.setPlainText(line.raw)
        else:
            changes = "\n".join(f"{f}: {old} → {new}" for f, old, new in line.changes)
            head = f"{line.at}, {line.actor}: {line.action} — {line.record}"
            self.details.setPlainText(f"{head}\n{changes}" if changes else head)

    def _show_total(self) -> None:
        self.summary.setText(_("Total: {count}").format(count=self.model.rowCount()))

    def check_chain(self) -> None:
        """Tell whether any entry was altered or removed."""
        actor, store = self._ctx.actor, self._ctx.store
        # Broken links, and a cut or rewritten chain against its anchors (issue 10, Why #8).
        problems = Query(
            self, self._ctx, lambda s: chain_problems(s, actor, store.location, store.backup_dir)
        ).run()
        if problems is None:
            return
        self.chain.setText("\n".join(problems) if problems else _("The audit log chain is whole."))

    def export_to(self, path: Path) -> None:
        """Write the filtered log to an XLSX or CSV file."""
        flt, actor, lang = self._filter(), self._ctx.actor, current_language()
        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        Query(self, self._ctx, lambda s: export_entries(s, actor, flt, fmt, path, lang=lang)).run()

    def _on_export_button_clicked(self) -> None:
        chosen, _f = QFileDialog.getSaveFileName(
            self, _("Export…"), "audit.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if chosen:
            self.export_to(Path(chosen))
