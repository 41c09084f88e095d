"""Summary tables by criterion (E-3) on screen, printed and exported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.spreadsheet.writer import write_xlsx
from app.evaluation.queries import periods
from app.evaluation.rounds import list_rounds
from app.evaluation.summary import SummaryTable, summary_table
from app.evaluation.summary_table import summary_rows
from app.evaluation.templates import list_templates
from i18n import _, current_language
from ui.context import UiContext
from ui.evaluation.sheet_table_models import SummaryTableModel
from ui.kit.op import ProgressQuery, Query
from ui.kit.region_box import RegionBox
from ui.kit.retranslating import Retranslating
from ui.kit.wrapping_header import wrap_headers


class SummaryView(Retranslating, QWidget):
    """Template and period on top; judges court by court with values and changes."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.table_data: SummaryTable | None = None
        self.template = QComboBox(self)
        # Template titles are long sentences: the box keeps room for the region beside it.
        self.template.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template.setMinimumContentsLength(36)
        self.period = QComboBox(self)
        self.region = RegionBox(ctx, self)  # the centre's region first (issue 11)
        self.template_label, self.period_label = QLabel(self), QLabel(self)
        self.region_label = QLabel(self)
        self.lines = SummaryTableModel(ctx, (), self)
        self.table = QTableView(self)
        self.table.setModel(self.lines)
        wrap_headers(self.table)  # criterion titles wrap within their columns (issue 11)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()  # the table has its own No. column
        self.note = QLabel(self)
        self.print_button, self.export_button = QPushButton(self), QPushButton(self)
        self.print_button.clicked.connect(self.print_preview)
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        for w in (
            self.template_label,
            self.template,
            self.period_label,
            self.period,
            self.region_label,
            self.region,
        ):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        for t in Query(self, ctx, list_templates).run() or []:
            self.template.addItem("", t.code)
        # Open on what there is to read: the first template with signed sheets, at its newest
        # period with signed sheets (issue 11: it opened on a template without any and said
        # there were none while 149 signed sheets waited under another).
        self._signed = self._signed_periods()
        codes = [self.template.itemData(i) for i in range(self.template.count())]
        first = next((i for i, c in enumerate(codes) if any(c == k for k, _p in self._signed)), 0)
        self.template.setCurrentIndex(first)
        self.template.currentIndexChanged.connect(
            lambda _index: self._on_template_current_index_changed(in_worker=True)
        )
        self.period.currentIndexChanged.connect(self._on_choice_changed)
        self.region.currentIndexChanged.connect(self._on_choice_changed)
        self.retranslate_ui()
        self._on_template_current_index_changed()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.template_label.setText(_("Template:"))
        self.period_label.setText(_("Period:"))
        self.region_label.setText(_("Region:"))
        self.region.retranslate_ui()
        self.print_button.setText(_("Print…"))
        self.print_button.setToolTip(
            _("Preview the summary table of the chosen template and period.")
        )
        self.export_button.setText(_("Export XLSX…"))
        self.export_button.setToolTip(_("Save the summary table to an Excel file."))
        templates = {t.code: t for t in Query(self, self._ctx, list_templates).run() or []}
        for i in range(self.template.count()):
            t = templates.get(self.template.itemData(i))
            if t is not None:
                self.template.setItemText(i, t.title)
        self.reload()

    def _signed_periods(self) -> set[tuple[str, str]]:
        rounds = Query(self, self._ctx, list_rounds).run() or []
        return {(r.template_code, r.period) for r in rounds if r.signed}

    def _on_template_current_index_changed(self, *, in_worker: bool = False) -> None:
        self._fill_periods(str(self.template.currentData() or ""))
        self.reload(in_worker=in_worker)

    def _fill_periods(self, code: str, chosen: str | None = None) -> None:
        """The template's periods, on `chosen` or the newest with signed sheets."""
        self._signed = self._signed_periods()  # a round signed since the page opened counts
        found = Query(self, self._ctx, lambda s: periods(s, code)).run() or []
        self.period.blockSignals(True)
        self.period.clear()
        for p in found:
            self.period.addItem(p, p)
        signed = next((i for i, p in enumerate(found) if (code, p) in self._signed), 0)
        self.period.setCurrentIndex(found.index(chosen) if chosen in found else signed)
        self.period.blockSignals(False)
        self.template.setToolTip(self.template.currentText())  # a long title is cut in the box

    def _on_choice_changed(self) -> None:
        self.reload(in_worker=True)

    def reload(self, *, in_worker: bool = False) -> None:
        """Compute and show the table; in a worker thread behind the progress dialog when the
        user chose. The table the page opens with is computed at once (a nested event loop
        inside the widget's construction crashed Qt), and so is a language change's (deferred
        into the worker, it ran into the window's teardown).
        """
        code, period = self.template.currentData(), self.period.currentData()
        region = self.region.code()
        if not code or not period:
            self.table_data = None
            self.lines.set_rows([], [])
            self.note.setText(_("No evaluation round with signed sheets yet."))
            return
        # Off the window's thread behind a progress dialog with Cancel: the country's table
        # ("All regions") takes seconds on the national demo (issue 11); a region's ends
        # before the dialog would show.
        query = ProgressQuery(
            self,
            self._ctx,
            lambda s, progress: summary_table(s, str(code), str(period), region, progress),
        ).failure(lambda _error: self._back_to_shown())
        if in_worker:
            query.with_progress(_("Computing the summary table…"))
        data = query.run()
        if data is None:
            return
        self.table_data = data
        self.lines.show_table(data, current_language())
        self.table.setColumnWidth(0, 44)  # the row number
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 240)
        for column in range(3, self.lines.columnCount()):
            self.table.setColumnWidth(column, 124)  # "Апелляциялық" whole on a wrapped line
        if data.previous_period:
            self.note.setText(
                _("Period {period}; in brackets the change from {previous}.").format(
                    period=data.period, previous=data.previous_period
                )
            )
        else:
            self.note.setText(
                _("Period {period}; no earlier period to compare.").format(period=data.period)
            )

    def _back_to_shown(self) -> None:
        """After Cancel the choices go back to the table still shown (nothing else changed)."""
        shown = self.table_data
        if shown is None:
            return
        for box, value in ((self.template, shown.template_code), (self.region, shown.region_code)):
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(value), 0))
            box.blockSignals(False)
        self._fill_periods(shown.template_code, shown.period)

    def document_request(self) -> tuple[str, dict[str, object]] | None:
        """The summary table of the template and period chosen."""
        code, period = self.template.currentData(), self.period.currentData()
        if not code or not period:
            return None
        return "evaluation-summary", {
            "template": code,
            "period": period,
            "region": self.region.code(),
        }

    def print_preview(self) -> None:
        """The table as it will print (landscape, header on every page)."""
        from ui.documents.printing import preview

        request = self.document_request()
        if request is not None:
            preview(self, self._ctx, *request)

    def export(self, path: Path | None = None) -> Path | None:
        """Save the table as XLSX."""
        if self.table_data is None:
            return None
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, _("Export XLSX…"), "summary.xlsx", "XLSX (*.xlsx)"
            )
            if not name:
                return None
            path = Path(name)
        header, body = summary_rows(self.table_data, current_language(), typed=True)
        write_xlsx(path, self.table_data.period, header, body)
        return path
