"""Candidate judges' paid internships (I-3): places per court and the allocation of candidates."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.courts.service import list_courts
from app.internships.candidates import candidates, places_rows
from app.internships.dto import CandidatePlacesRow, InternshipDTO, InternshipInput
from app.internships.hosts import set_candidate_places
from app.internships.queries import schedule
from app.internships.service import InternshipConflictError, save_internship, set_status
from i18n import N_, _, format_date
from ui.context import UiContext
from ui.internships.internship_dialog import STATUS_LABELS, InternshipDialog
from ui.kit.collated import courts_in_order, set_items
from ui.kit.date_field import DateField
from ui.kit.enter_opens import open_on_enter
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.op import Op, Query, rules_tip
from ui.kit.retranslating import Retranslating

PLACES_COLUMNS = (
    Column[CandidatePlacesRow](N_("Court"), lambda r: r.court_name),
    Column[CandidatePlacesRow](N_("Places"), lambda r: str(r.places), True),
    Column[CandidatePlacesRow](N_("Taken"), lambda r: str(r.taken), True),
)
ALLOCATION_COLUMNS = (
    Column[InternshipDTO](N_("Candidate"), lambda i: i.person_name),
    Column[InternshipDTO](N_("Court"), lambda i: i.host_name),
    Column[InternshipDTO](N_("From"), lambda i: format_date(i.starts_on)),
    Column[InternshipDTO](N_("To"), lambda i: format_date(i.ends_on)),
    Column[InternshipDTO](N_("Status"), lambda i: _(dict(STATUS_LABELS).get(i.status, i.status))),
)


def _table(parent: QWidget, model: ListTableModel[object]) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setColumnWidth(0, 320)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    # Court names run long in Kazakh: the combo must not widen the window past the screen.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(22)
    return combo


class CandidatesView(Retranslating, QWidget):
    """HR sets each court's places for a year, then allocates candidates to them (I-3)."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year_label = QLabel(self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.places_box, self.allocation_box = QGroupBox(self), QGroupBox(self)
        self.places_rows = ListTableModel[CandidatePlacesRow](ctx, PLACES_COLUMNS, self)
        self.places = _table(self, self.places_rows)  # type: ignore[arg-type]
        self.places_court, self.host = _combo(self), _combo(self)
        self.place_count = QSpinBox(self)
        self.place_count.setRange(0, 500)
        self.set_places_button = QPushButton(self)
        self.allocation_rows = ListTableModel[InternshipDTO](ctx, ALLOCATION_COLUMNS, self)
        self.allocations = _table(self, self.allocation_rows)  # type: ignore[arg-type]
        self.candidate = _combo(self)
        self.starts_on = DateField(self, optional=False)
        self.ends_on = DateField(self, optional=False)
        self.allocate_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b00020;")
        self._courts = courts_in_order(Query(self, ctx, list_courts).run() or [])
        for combo in (self.places_court, self.host):
            set_items(combo, 0, [(c.name, str(c.id)) for c in self._courts])
        self.reload_candidates()

        places_row = QHBoxLayout()
        for w in (self.places_court, self.place_count, self.set_places_button):
            places_row.addWidget(w)
        places_row.addStretch(1)
        box = QVBoxLayout(self.places_box)
        box.addWidget(self.places, 1)
        box.addLayout(places_row)
        pick = QHBoxLayout()
        for w in (self.candidate, self.host, self.starts_on, self.ends_on):  # type: ignore[assignment]
            pick.addWidget(w)
        acts = QHBoxLayout()
        for w in (self.allocate_button, self.open_button, self.cancel_button):
            acts.addWidget(w)
        acts.addStretch(1)
        box = QVBoxLayout(self.allocation_box)
        box.addWidget(self.allocations, 1)
        box.addLayout(pick)
        box.addLayout(acts)
        box.addWidget(self.refusal)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.places_box)
        split.addWidget(self.allocation_box)
        split.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.set_places_button.clicked.connect(self.set_places)
        self.allocate_button.clicked.connect(self.allocate)
        self.open_button.clicked.connect(self.open_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.places.clicked.connect(self._on_places_clicked)
        self.allocations.doubleClicked.connect(lambda _i: self.open_selected())
        open_on_enter(self.allocations, lambda _i: self.open_selected())
        self.year.valueChanged.connect(self._on_year_value_changed)
        self._on_year_value_changed(self.year.value())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.year_label.setText(_("Year:"))
        self.places_box.setToolTip(_("Rules: {rules}").format(rules="I-3"))
        self.places_box.setTitle(_("Places for candidates' paid internships, per court"))
        self.allocation_box.setTitle(_("Candidates allocated to places"))
        self.place_count.setToolTip(_("Places at the court for the year; 0 takes them away."))
        self.set_places_button.setText(_("Set places"))
        self.set_places_button.setToolTip(_("Give the chosen court this many places for the year."))
        self.allocate_button.setText(_("Allocate"))
        self.allocate_button.setToolTip(
            _("Place the chosen candidate at the chosen court for these dates.")
        )
        self.open_button.setText(_("Open…"))
        self.open_button.setToolTip(_("Open the selected internship: tutor, status, report."))
        self.cancel_button.setText(_("Cancel allocation"))
        self.cancel_button.setToolTip(_("Cancel the selected internship; its place is freed."))
        self._courts = courts_in_order(self._courts)  # P-2: in the alphabet of the language
        for combo in (self.places_court, self.host):  # Qt compares strings, not UUIDs
            set_items(combo, 0, [(c.name, str(c.id)) for c in self._courts])
        if self.candidate.count():
            self.reload_candidates()
        self.reload()

    def reload_candidates(self) -> None:
        """The candidate judges of the register, alphabetically."""
        chosen = self.candidate.currentData()
        self.candidate.clear()
        for pid, name in Query(self, self._ctx, candidates).run() or []:
            self.candidate.addItem(name, str(pid))
        self.candidate.setCurrentIndex(max(self.candidate.findData(chosen), 0))

    def reload(self) -> None:
        """Refill both tables for the year."""
        year = self.year.value()
        data = Query(
            self,
            self._ctx,
            lambda s: (places_rows(s, year), schedule(s, year, kind="candidate")),
        ).run()
        if data is None:
            return
        self.places_rows.set_rows(data[0])
        self.allocation_rows.set_rows(data[1])

    def _on_year_value_changed(self, year: int) -> None:
        self.starts_on.set_value(date(year, 3, 1))
        self.ends_on.set_value(date(year, 3, 31))
        self.reload()

    def _on_places_clicked(self) -> None:
        # The chosen court's row fills the form, so changing its places is one edit.
        row = self.places_rows.row_at(self.places.currentIndex().row())
        if row is not None:
            self.places_court.setCurrentIndex(max(self.places_court.findData(str(row.court_id)), 0))
            self.host.setCurrentIndex(max(self.host.findData(str(row.court_id)), 0))
            self.place_count.setValue(row.places)

    def _done(self, _result: object) -> None:
        self.refusal.clear()
        self.refusal.setToolTip("")
        self.reload()
        self.changed.emit()

    def set_places(self) -> None:
        """Give the chosen court the chosen number of places for the year."""
        raw = self.places_court.currentData()
        if raw is None:
            return
        court, year, places = uuid.UUID(str(raw)), self.year.value(), self.place_count.value()
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: set_candidate_places(s, actor, court, year, places),
        ).success(self._done).success_message(_("Places saved.")).refusals_to(
            self.refusal.setText
        ).run()

    def allocate(self) -> None:
        """Place the chosen candidate; a broken rule (no place left, overlap) is refused."""
        person, host = self.candidate.currentData(), self.host.currentData()
        start, end = self.starts_on.value(), self.ends_on.value()
        if person is None or host is None or start is None or end is None:
            self.refusal.setText(_("Choose the candidate, the court and the dates."))
            return
        data = InternshipInput(
            uuid.UUID(str(person)), uuid.UUID(str(host)), start, end, kind="candidate", paid=True
        )
        op = Op(self, self._ctx, lambda s, actor, _p: save_internship(s, actor, data))
        op.success(self._allocated).success_message(_("The candidate is allocated."))
        op.refusals_to(self.refusal.setText).failure(self._on_allocate_failed).run()

    def _on_allocate_failed(self, exc: DomainError) -> None:
        if isinstance(exc, InternshipConflictError):
            # Each broken rule as a sentence; its ID ("I-3: …") only in the tooltip.
            conflicts = exc.conflicts
            self.refusal.setText(
                "\n".join(c.message().removeprefix(f"{c.rule}: ") for c in conflicts)
            )
            self.refusal.setToolTip(rules_tip(tuple(dict.fromkeys(c.rule for c in conflicts))))

    def _allocated(self, result: object) -> None:
        self._done(result)
        saved = getattr(result, "internship", None)
        for row, item in enumerate(self.allocation_rows.rows):
            if saved is not None and item.id == saved.id:
                self.allocations.selectRow(row)

    def _selected(self) -> InternshipDTO | None:
        return self.allocation_rows.row_at(self.allocations.currentIndex().row())

    def open_selected(self) -> None:
        """Open the selected internship (tutor, status, the intern's report)."""
        item = self._selected()
        if item is None:
            self.refusal.setText(_("Select an internship in the list first."))
            return
        if InternshipDialog(self._ctx, item, self).exec():
            self._done(None)

    def cancel_selected(self) -> None:
        """Cancel the selected internship: it leaves the list and frees its place."""
        item = self._selected()
        if item is None:
            self.refusal.setText(_("Select an internship in the list first."))
            return
        item_id = item.id
        Op(
            self, self._ctx, lambda s, actor, _p: set_status(s, actor, item_id, "cancelled")
        ).success(self._done).success_message(_("The internship is cancelled.")).refusals_to(
            self.refusal.setText
        ).run()
