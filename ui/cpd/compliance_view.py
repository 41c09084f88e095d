"""The compliance list of a year: verdicts, counts per court, batch printing (C-2, C-5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
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

from app.core.errors import DomainError
from app.core.progress import CancelledError, Progress
from app.core.store import Session
from app.cpd.compliance import compliance, counts_by_court, status_totals
from app.cpd.dto import ComplianceFilter, ComplianceRow, CourtCount
from app.cpd.exports import export_compliance, export_summary
from app.cpd.printing import print_individual_reports
from app.cpd.vocab import COMPLIANCE_STATUSES
from app.documents.cpd_individual import PrintCancelledError
from i18n import N_, _, current_language, format_date, format_number, localized
from ui.context import UiContext
from ui.cpd.ledger_view import year_box
from ui.cpd.rows_table_model import Column, RowsTableModel
from ui.kit.ops import run_read, show_error
from ui.kit.worker import run_with_progress

COURT_COLUMNS: list[Column[CourtCount]] = [
    Column(N_("Court"), lambda c: localized(c.name_kk, c.name_ru) or "—"),
    Column(N_("People"), lambda c: format_number(c.people), numeric=True),
    Column(N_("Compliant"), lambda c: format_number(c.compliant), numeric=True),
    Column(N_("At risk"), lambda c: format_number(c.at_risk), numeric=True),
    Column(N_("Not compliant"), lambda c: format_number(c.not_compliant), numeric=True),
    Column(N_("Exempt"), lambda c: format_number(c.exempt), numeric=True),
]
COMPLIANCE_COLUMNS: list[Column[ComplianceRow]] = [
    Column(N_("Full name"), lambda r: r.full_name),
    Column(N_("IIN"), lambda r: r.iin),
    Column(N_("Points earned"), lambda r: format_number(r.earned), numeric=True),
    Column(N_("Points required"), lambda r: format_number(r.required), numeric=True),
    Column(N_("Academy course due"), lambda r: format_date(r.academy_due)),
    Column(N_("Status"), lambda r: _(COMPLIANCE_STATUSES[r.status])),
]


class ComplianceView(QWidget):
    """Everyone's verdict for a year with counts per court; filter by status; print the
    individual reports of the people listed (one long PDF, behind a cancellable progress).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year = year_box(self)
        self.status = QComboBox(self)
        self.status.addItem("", "")
        for key in COMPLIANCE_STATUSES:
            self.status.addItem("", key)
        self.show_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.summary_button = QPushButton(self)
        self.totals = QLabel(self)
        self.courts: RowsTableModel[CourtCount] = RowsTableModel(COURT_COLUMNS)
        self.court_table = QTableView(self)
        self.court_table.setModel(self.courts)
        court_header = self.court_table.horizontalHeader()
        court_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        court_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.model: RowsTableModel[ComplianceRow] = RowsTableModel(COMPLIANCE_COLUMNS)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.status)
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
        self.show_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.export_button.clicked.connect(lambda: self._on_save(summary=False))
        self.summary_button.clicked.connect(lambda: self._on_save(summary=True))
        self.retranslate_ui()

    def refresh(self) -> None:
        """Compute the verdicts of the chosen year (one pass for everyone)."""
        flt = ComplianceFilter(year=self.year.value())

        def load(session: Session) -> tuple[list[ComplianceRow], list[CourtCount]]:
            rows = compliance(session, flt)
            return rows, counts_by_court(session, rows)

        rows, courts = run_read(self, self._ctx.store, load) or ([], [])
        self.courts.set_rows(courts)
        totals = status_totals(rows)
        wanted = self.status.currentData()
        self.model.set_rows([r for r in rows if not wanted or r.status == wanted])
        self.totals.setText(
            " · ".join(
                f"{_(label)}: {format_number(totals[key])}"
                for key, label in COMPLIANCE_STATUSES.items()
            )
        )

    def print_reports(self, path: Path) -> bool:
        """Write the individual reports of the listed people to one PDF; False if cancelled."""
        ids = [r.person_id for r in self.model.rows]
        year, lang, store = self.year.value(), current_language(), self._ctx.store

        def work(progress: Progress) -> bytes:
            def tick(done: int, total: int) -> bool:  # the printer still takes a callable
                progress.step(done, total)
                return True

            with store.read() as session:
                return print_individual_reports(session, ids, year, lang=lang, progress=tick)

        pdf, error = run_with_progress(self, _("Printing individual reports…"), work)
        if isinstance(error, (PrintCancelledError, CancelledError)):
            return False
        if isinstance(error, DomainError):
            show_error(self, error)
            return False
        if error is not None:
            raise error
        path.write_bytes(pdf)
        return True

    def save(self, path: Path, *, summary: bool) -> None:
        """The list (csv/xlsx/pdf) or the yearly summary (xlsx/pdf, C-7) by the file's suffix."""
        year, lang = self.year.value(), current_language()
        fmt = path.suffix.lower().lstrip(".") or "pdf"
        status = str(self.status.currentData() or "")
        if summary:
            run_read(
                self,
                self._ctx.store,
                lambda s: export_summary(
                    s, year, "xlsx" if fmt == "xlsx" else "pdf", path, lang=lang
                ),
            )
        else:
            flt = ComplianceFilter(year=year, status=status)
            run_read(
                self,
                self._ctx.store,
                lambda s: export_compliance(
                    s, flt, fmt if fmt in ("csv", "xlsx") else "pdf", path, lang=lang
                ),
            )

    def _on_save(self, *, summary: bool) -> None:
        stem = "cpd-summary" if summary else "cpd-compliance"
        types = "PDF (*.pdf);;Excel (*.xlsx)" + ("" if summary else ";;CSV (*.csv)")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save"), f"{stem}-{self.year.value()}.pdf", types
        )
        if name:
            self.save(Path(name), summary=summary)

    def _on_print_button_clicked(self) -> None:
        if not self.model.rows:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the reports"), f"cpd-reports-{self.year.value()}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.print_reports(Path(name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.print_button.setText(_("Print individual reports"))
        self.export_button.setText(_("Export the list…"))
        self.summary_button.setText(_("Yearly summary…"))
        self.courts.retranslate()
        self.status.setItemText(0, _("All statuses"))
        for i, label in enumerate(COMPLIANCE_STATUSES.values(), start=1):
            self.status.setItemText(i, _(label))
        self.show_button.setText(_("Show"))
        self.model.retranslate()
