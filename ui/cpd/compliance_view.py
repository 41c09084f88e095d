"""The compliance list of a year: verdicts, counts per court, batch printing (C-2, C-5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.progress import Progress
from app.core.store import Session
from app.cpd.dto import ComplianceFilter, CourtCount
from app.cpd.vocab import COMPLIANCE_STATUSES
from app.documents.cpd_individual import print_individual_reports
from i18n import N_, _, current_language, format_number, localized
from ui.context import UiContext
from ui.cpd.compliance_table_model import ComplianceTableModel
from ui.cpd.ledger_view import year_box
from ui.documents.printing import Request, save_to
from ui.kit.enter_opens import open_on_enter
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.op import ProgressQuery, show_status
from ui.kit.region_box import RegionBox
from ui.kit.retranslating import Retranslating

COURT_COLUMNS: list[Column[CourtCount]] = [
    Column(N_("Court"), lambda c: localized(c.name_kk, c.name_ru) or "—"),
    Column(N_("People"), lambda c: format_number(c.people), numeric=True),
    Column(N_("Compliant"), lambda c: format_number(c.compliant), numeric=True),
    Column(N_("At risk"), lambda c: format_number(c.at_risk), numeric=True),
    Column(N_("Not compliant"), lambda c: format_number(c.not_compliant), numeric=True),
    Column(N_("Exempt"), lambda c: format_number(c.exempt), numeric=True),
]


class ComplianceView(Retranslating, QWidget):
    """Everyone's verdict for a year with counts per court; filter by status; print the
    individual reports of the people listed (one long PDF, behind a cancellable progress).
    """

    person_opened = Signal(str, int)  # IIN and year of the row double-clicked or entered

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year = year_box(self)
        self.status = QComboBox(self)
        self.status.addItem("", "")
        for key in COMPLIANCE_STATUSES:
            self.status.addItem("", key)
        self.region = RegionBox(ctx, self)  # the centre's region first (issue 11)
        self.show_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.summary_button = QPushButton(self)
        self.totals = QLabel(self)
        self.courts: ListTableModel[CourtCount] = ListTableModel(ctx, COURT_COLUMNS, self)
        self.court_table = QTableView(self)
        self.court_table.setModel(self.courts)
        court_header = self.court_table.horizontalHeader()
        court_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        court_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.model = ComplianceTableModel(ctx, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Measure the rows on screen only: by default Qt reads 1,000 rows, ten pages, per resize.
        header.setResizeContentsPrecision(0)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        open_on_enter(self.table, self._on_table_double_clicked)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.status)
        top.addWidget(self.region)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.summary_button)
        top.addWidget(self.print_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.court_table)
        split.addWidget(self.table)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(split, 1)
        self._first_load_queued = False
        self.show_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.export_button.clicked.connect(lambda: self._on_save(summary=False))
        self.summary_button.clicked.connect(lambda: self._on_save(summary=True))
        self.retranslate_ui()

    def showEvent(self, event: QShowEvent) -> None:
        # Issue 11: a list loads when its tab opens. The year's verdicts are computed the first
        # time the tab is shown (after it has painted); "Show" recomputes with the filters.
        super().showEvent(event)
        if not self.model.filter.year and not self._first_load_queued:
            self._first_load_queued = True
            QTimer.singleShot(0, self, self.refresh)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.person_opened.emit(row.iin, row.year)

    def refresh(self) -> None:
        """Compute the verdicts of the chosen year (one pass for everyone)."""
        status = str(self.status.currentData() or "")
        flt = ComplianceFilter(
            year=self.year.value(), status=status, region_code=self.region.code()
        )
        self.model.set_filter(flt)
        self.courts.set_rows(self.model.courts)
        self._show_totals()

    def _show_totals(self) -> None:
        if not self.model.filter.year:  # not computed yet: no row of zeros that reads as fact
            self.totals.setText(_("Computing the year's verdicts…"))
            return
        totals = self.model.totals
        self.totals.setText(
            " · ".join(
                f"{_(label)}: {format_number(totals[key])}"
                for key, label in COMPLIANCE_STATUSES.items()
            )
        )

    def print_reports(self, path: Path) -> bool:
        """Write the individual reports of the listed people to one PDF; False if not done."""
        ids = self.model.all_ids
        year, lang = self.model.filter.year, current_language()

        def work(session: Session, progress: Progress) -> bytes:
            return print_individual_reports(session, ids, year, lang=lang, progress=progress)

        pdf = (
            ProgressQuery(self, self._ctx, work)
            .with_progress(_("Printing individual reports…"))
            .run()
        )
        if pdf is None:
            return False
        path.write_bytes(pdf)
        show_status(self, _("Saved."))
        return True

    def save(self, path: Path, *, summary: bool) -> None:
        """The list (csv/xlsx/pdf) or the yearly summary (xlsx/pdf, C-7) by the file's suffix."""
        year = self.year.value()
        fmt = path.suffix.lower().lstrip(".") or "pdf"
        status, region = str(self.status.currentData() or ""), self.region.code()
        if summary:
            fmt = "xlsx" if fmt == "xlsx" else "pdf"
            save_to(self, self._ctx, "cpd-summary", {"year": year, "region": region}, path, fmt)
        else:
            fmt = fmt if fmt in ("csv", "xlsx") else "pdf"
            params = {"year": year, "status": status, "region": region}
            save_to(self, self._ctx, "cpd-compliance", params, path, fmt)

    def document_request(self) -> Request:
        """Ctrl+P: the compliance list of the year, status and region chosen here."""
        return "cpd-compliance", {
            "year": self.year.value(),
            "status": str(self.status.currentData() or ""),
            "region": self.region.code(),
        }

    def _on_save(self, *, summary: bool) -> None:
        stem = "cpd-summary" if summary else "cpd-compliance"
        types = "PDF (*.pdf);;Excel (*.xlsx)" + ("" if summary else ";;CSV (*.csv)")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save"), f"{stem}-{self.year.value()}.pdf", types
        )
        if name:
            self.save(Path(name), summary=summary)

    def _on_print_button_clicked(self) -> None:
        if not self.model.rowCount():
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the reports"), f"cpd-reports-{self.year.value()}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.print_reports(Path(name))

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.print_button.setText(_("Print individual reports"))
        self.print_button.setToolTip(
            _("Save the individual CPD reports of the people in the list as one PDF.")
        )
        self.export_button.setText(_("Export the list…"))
        self.export_button.setToolTip(_("Save the list as shown to an Excel or CSV file."))
        self.summary_button.setText(_("Yearly summary…"))
        self.summary_button.setToolTip(
            _("Preview the centre's yearly CPD summary (due by 1 March).")
        )
        self.courts.retranslate()
        self.status.setItemText(0, _("All statuses"))
        for i, label in enumerate(COMPLIANCE_STATUSES.values(), start=1):
            self.status.setItemText(i, _(label))
        self.show_button.setText(_("Show"))
        self.show_button.setToolTip(
            _("Show who has met the year's requirements, with the chosen court and status.")
        )
        self.model.retranslate()
        self._show_totals()
        if self.model.filter.year:
            self.refresh()  # P-2: people and courts in the new language's alphabet
