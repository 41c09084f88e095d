"""Quality before and after internships (I-2): import indicators from XLSX, compare, print."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.progress import Progress
from app.core.store import Session
from app.internships.quality import Comparison, add_indicators, compare, read_indicators_xlsx
from app.internships.quality_table import quality_rows
from i18n import _, current_language, ngettext
from ui.context import UiContext
from ui.internships.internship_table_models import quality_columns
from ui.kit.list_table_model import ListTableModel
from ui.kit.op import Op, Query
from ui.kit.region_box import RegionBox
from ui.kit.retranslating import Retranslating
from ui.kit.wrapping_header import wrap_headers


class QualityView(Retranslating, QWidget):
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
        self.region = RegionBox(ctx, self)  # the centre's region first (issue 11)
        self.region_label = QLabel(self)
        self.import_button, self.print_button = QPushButton(self), QPushButton(self)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.print_button.clicked.connect(self.print_preview)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.lines = ListTableModel[list[Any]](ctx, (), self)
        self.table = QTableView(self)
        self.table.setModel(self.lines)
        wrap_headers(self.table)  # indicator names are longer than their columns
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        for w in (self.year_label, self.year, self.region_label, self.region):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.year.valueChanged.connect(self.reload)
        self.region.currentIndexChanged.connect(self.reload)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.year_label.setText(_("Internships done in:"))
        self.region_label.setText(_("Region:"))
        self.region.retranslate_ui()
        self.import_button.setText(_("Import indicators (XLSX)…"))
        self.print_button.setText(_("Print…"))
        self.print_button.setToolTip(
            _("Preview the before-and-after comparison of the internships.")
        )
        self.import_button.setToolTip(
            _(
                "Columns: IIN, period start, period end, cases, decisions overturned on appeal, "
                "% of procedural time limits kept, complaints; a header row first."
            )
        )
        self.reload()

    def reload(self) -> None:
        """Compare the year's internships."""
        year, region = self.year.value(), self.region.code()
        self.items = Query(self, self._ctx, lambda s: compare(s, year, region)).run() or []
        header, body = quality_rows(self.items, current_language())
        self.lines.set_rows(body, quality_columns(header))
        self.table.setColumnWidth(0, 44)  # the row number
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

        def work(s: Session, actor: Actor, _p: Progress) -> int:
            return add_indicators(s, actor, read_indicators_xlsx(s, path))

        count = Op(self, self._ctx, work).fields(self).run()
        if count is not None:
            self.status.setText(
                ngettext("{n} row imported.", "{n} rows imported.", count).format(n=count)
            )
            self.reload()
            self.imported.emit()
        return count

    def show_errors(self, errors: list[FieldError]) -> None:
        """The rows that are wrong, under the table (nothing was saved)."""
        self.status.setText(ValidationError(errors).message())

    def print_preview(self) -> None:
        """The comparison as it will print."""
        from ui.documents.printing import preview

        preview(self, self._ctx, *self.document_request())

    def document_request(self) -> tuple[str, dict[str, object]]:
        """The comparison of the year shown."""
        return "internship-quality", {"year": self.year.value(), "region": self.region.code()}
