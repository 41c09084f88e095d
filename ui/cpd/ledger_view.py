"""A person's CPD ledger for a year with their verdict, and the compliance list (C-2, C-3)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
from app.core.errors import DomainError
from app.core.progress import CancelledError, Progress
from app.core.store import Session
from app.cpd.compliance import person_compliance
from app.cpd.dto import ActivityDTO, ComplianceRow
from app.cpd.evidence import attach_evidence
from app.cpd.importer import ImportResult, import_activities
from app.cpd.ledger import person_ledger, review_activity
from app.cpd.vocab import ACTIVITY_STATES, COMPLIANCE_STATUSES
from app.people.dto import PersonFilter
from app.people.queries import page_people
from i18n import N_, _, format_date, format_number
from ui.context import UiContext
from ui.cpd.activity_dialog import ActivityDialog
from ui.cpd.evidence_button import EvidenceButton
from ui.cpd.exemption_dialog import ExemptionDialog
from ui.cpd.report_panel import ReportPanel
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating

LEDGER_COLUMNS: list[Column[ActivityDTO]] = [
    Column(N_("Date"), lambda a: format_date(a.data.ends_on)),
    Column(N_("Form of participation"), lambda a: a.form_name),
    Column(N_("Title of the event"), lambda a: a.data.event),
    Column(N_("Organiser"), lambda a: a.data.organiser),
    Column(N_("Points"), lambda a: format_number(a.points), numeric=True),
    Column(N_("Status"), lambda a: _(ACTIVITY_STATES.get(a.state, a.state))),
    Column(N_("Documents"), lambda a: ", ".join(e.filename for e in a.evidence)),
]
PICKER_LIMIT = 50


def year_box(parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(1992, 2100)
    box.setValue(date.today().year)
    return box


class LedgerView(Retranslating, QWidget):
    """Find a person, see their lines of a year and whether they meet the minimum."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.people = QComboBox(self)
        self.people.setMinimumContentsLength(30)
        self.year = year_box(self)
        self.verdict = QLabel(self)
        self.add_button = QPushButton(self)
        self.confirm_button = QPushButton(self)
        self.reject_button = QPushButton(self)
        self.attach_button = QPushButton(self)
        self.report = ReportPanel(ctx, self)
        self.import_button = QPushButton(self)
        self.exempt_button = QPushButton(self)
        self.model: ListTableModel[ActivityDTO] = ListTableModel(ctx, LEDGER_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for stretch in (1, 2, 3):
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.people, 2)
        top.addWidget(self.year)
        top.addWidget(self.import_button)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        actions = QHBoxLayout()
        actions.addWidget(self.verdict, 1)
        for button in (
            self.add_button,
            self.confirm_button,
            self.reject_button,
            self.attach_button,
            self.exempt_button,
        ):
            actions.addWidget(button)
        actions.insertWidget(actions.count() - 1, EvidenceButton(ctx, self.selected, self))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.report)
        self.report.changed.connect(self.refresh)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.exempt_button.clicked.connect(self._on_exempt_button_clicked)
        self.confirm_button.clicked.connect(lambda: self.review_selected(confirm=True))
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self.search.textChanged.connect(lambda _t: self._find())
        self.people.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.retranslate_ui()

    def _find(self) -> None:
        text = self.search.text().strip()
        found = (
            (
                Query(
                    self,
                    self._ctx,
                    lambda s: page_people(s, PersonFilter(text=text), 0, PICKER_LIMIT),
                ).run()
                or []
            )
            if text
            else []
        )
        self.people.blockSignals(True)
        self.people.clear()
        for p in found:
            self.people.addItem(f"{p.full_name} · {p.iin}", str(p.id))
        self.people.blockSignals(False)
        self.refresh()

    def show_person(self, iin: str, year: int) -> None:
        """Show one person's ledger for a year (what a compliance row opens)."""
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        self.search.setText(iin)  # finds by IIN, then refreshes

    def current_person(self) -> uuid.UUID | None:
        """The chosen person's id."""
        raw = self.people.currentData()
        return uuid.UUID(raw) if raw else None

    def refresh(self) -> None:
        """Reload the ledger and the verdict of the chosen person and year."""
        pid, year = self.current_person(), self.year.value()
        self.report.show_report(pid, year)
        if pid is None:
            self.model.set_rows([])
            self.verdict.setText("")
            return

        def load(session: Session) -> tuple[list[ActivityDTO], ComplianceRow]:
            return person_ledger(session, pid, year), person_compliance(session, pid, year)

        loaded = Query(self, self._ctx, load).run()
        if loaded is None:
            return
        lines, row = loaded
        self.model.set_rows(lines)
        self.verdict.setText(
            _("Points earned: {earned} of {required} · {status}").format(
                earned=format_number(row.earned),
                required=format_number(row.required),
                status=_(COMPLIANCE_STATUSES[row.status]),
            )
        )

    def selected(self) -> ActivityDTO | None:
        """The chosen ledger line."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _on_add_button_clicked(self) -> None:
        pid = self.current_person()
        if pid is None:
            return
        dialog = ActivityDialog(self._ctx, pid, self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()

    def _on_exempt_button_clicked(self) -> None:
        pid = self.current_person()
        if pid is None:
            return
        dialog = ExemptionDialog(self._ctx, pid, self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()

    def review_selected(self, *, confirm: bool, note: str = "") -> None:
        """The officer confirms or rejects the chosen line (C-3)."""
        line = self.selected()
        if line is None:
            return
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: review_activity(
                s,
                actor,
                line.id,
                confirm=confirm,
                note=note,
                expected_version=line.version,
            ),
        ).run()
        self.refresh()

    def _on_reject_button_clicked(self) -> None:
        if self.selected() is None:
            return
        note, ok = QInputDialog.getText(self, _("Reject"), _("Reason for rejecting"))
        if ok:
            self.review_selected(confirm=False, note=note)

    def attach_file(self, path: Path, kind: str = "certificate") -> None:
        """Keep a confirming document with the chosen line (C-3)."""
        line = self.selected()
        if line is None:
            return
        content = path.read_bytes()
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: attach_evidence(
                s, actor, line.id, kind=kind, filename=path.name, content=content
            ),
        ).run()
        self.refresh()

    def _on_attach_button_clicked(self) -> None:
        if self.selected() is None:
            return
        name, _filter = QFileDialog.getOpenFileName(self, _("Attach a document"))
        if name:
            self.attach_file(Path(name))

    def import_file(self, path: Path) -> tuple[ImportResult | None, DomainError | None]:
        """Import ledger lines from XLSX/CSV off the GUI thread; all rows or none (C-3).

        Returns the result, or the refusal the user was shown (None for both if cancelled).
        """
        refused: list[DomainError] = []

        def work(session: Session, actor: Actor, progress: Progress) -> ImportResult:
            # progress.step raises CancelledError once Cancel was pressed
            return import_activities(session, actor, path, progress=progress)

        result = (
            Op(self, self._ctx, work)
            .with_progress(_("Importing…"))
            .success_message(
                lambda r: _("{imported} lines imported, {skipped} already present.").format(
                    imported=r.imported, skipped=r.skipped
                )
            )
            .failure(refused.append)
            .run()
        )
        self.refresh()
        cancelled = refused and isinstance(refused[0], CancelledError)
        return result, None if not refused or cancelled else refused[0]

    def _on_import_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import CPD lines"), "", "Excel, CSV (*.xlsx *.csv)"
        )
        if name:
            self.import_file(Path(name))

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.search.setPlaceholderText(_("Find a person by name or IIN"))
        self.add_button.setText(_("Add activity…"))
        self.add_button.setToolTip(
            _("Add an activity with its points to the selected person's ledger.")
        )
        self.import_button.setText(_("Import from a file…"))
        self.import_button.setToolTip(
            _("Add CPD lines from an Excel or CSV file; lines already present are skipped.")
        )
        self.exempt_button.setText(_("Exempt period…"))
        self.exempt_button.setToolTip(
            _("Record a period of exemption (maternity or childcare leave, suspension).")
        )
        self.confirm_button.setText(_("Confirm"))
        self.confirm_button.setToolTip(
            _("Confirm the selected line: the document proves the participation.")
        )
        self.reject_button.setText(_("Reject…"))
        self.reject_button.setToolTip(_("Reject the selected line and say why."))
        self.attach_button.setText(_("Attach a document…"))
        self.attach_button.setToolTip(
            _("Attach a certificate, diploma or programme to the selected line.")
        )
        self.model.retranslate()
        self.refresh()
