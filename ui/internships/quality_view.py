"""Quality before and after internships (I-2): import indicators from XLSX, compare, print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.core.store import Session
from app.documents.internship_quality import quality_rows
from app.internships.quality import Comparison, add_indicators, compare, read_indicators_xlsx
from i18n import _, current_language, ngettext
from ui.context import UiContext
from ui.kit.ops import run_read, run_write


class QualityView(QWidget):
    """Internships done in a year, each with the indicators just before and just after."""

    imported = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.items: list[Comparison] = []
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year_label = QLabel(self)
        self.import_button, self.print_button = QPushButton(self), QPushButton(self)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.print_button.clicked.connect(self.print_preview)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        for w in (self.year_label, self.year):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.year.valueChanged.connect(self.reload)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.year_label.setText(_("Internships done in:"))
        self.import_button.setText(_("Import indicators (XLSX)…"))
        self.print_button.setText(_("Print…"))
        self.import_button.setToolTip(
            _(
                "Columns: IIN, period start, period end, cases, decisions overturned on appeal, "
                "% of procedural time limits kept, complaints; a header row first."
            )
        )
        self.reload()

    def reload(self) -> None:
        """Compare the year's internships."""
        year = self.year.value()
        self.items = run_read(self, self._ctx.store, lambda s: compare(s, year)) or []
        header, body = quality_rows(self.items, current_language())
        self.table.setColumnCount(len(header))
        self.table.setHorizontalHeaderLabels(header)
        self.table.setRowCount(len(body))
        for r, row in enumerate(body):
            for c, value in enumerate(row):
                text = value.strftime("%d.%m.%Y") if isinstance(value, date) else str(value)
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 260)

    def _on_import_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import indicators (XLSX)…"), "", "XLSX (*.xlsx)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> int | None:
        """Read and save every row, or none of them when a row is wrong."""

        def action(s: Session) -> int:
            return add_indicators(s, self._ctx.actor, read_indicators_xlsx(s, path))

        try:
            count = run_write(self, self._ctx.store, action, reraise_validation=True)
        except ValidationError as exc:
            self.status.setText(exc.message())
            return None
        if count is not None:
            self.status.setText(
                ngettext("{n} row imported.", "{n} rows imported.", count).format(n=count)
            )
            self.reload()
            self.imported.emit()
        return count

    def print_preview(self) -> None:
        """The comparison as it will print."""
        from ui.documents.printing import preview

        preview(self, self._ctx, *self.document_request())

    def document_request(self) -> tuple[str, dict[str, object]]:
        """The comparison of the year shown."""
        return "internship-quality", {"year": self.year.value()}
