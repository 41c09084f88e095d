"""Training sessions: register people, mark attendance, print the sign-in sheet (T-2)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
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

from app.core.store import Session
from app.people.dto import PersonFilter
from app.people.queries import all_people
from app.people.vocab import ROLES
from app.training.attendance import give_feedback, mark_attendance, record_sign_in_sheet
from app.training.dto import RegistrationRow
from app.training.queries import event_sessions, list_events, registrations
from app.training.service import add_session, create_event
from app.training.service import register as register_people
from app.training.vocab import REGISTRATION_STATES
from i18n import N_, _, localized
from ui.context import UiContext
from ui.documents.printing import pdf_of
from ui.kit.enter_opens import open_on_enter
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.op import Op, Query, show_status
from ui.kit.retranslating import Retranslating
from ui.training.event_form import EventForm

COLUMNS: list[Column[RegistrationRow]] = [
    Column(N_("No."), lambda r: str(r.no), numeric=True),
    Column(N_("Full name"), lambda r: r.full_name),
    Column(N_("Court"), lambda r: localized(r.court_name_kk, r.court_name_ru)),
    Column(N_("Status"), lambda r: _(REGISTRATION_STATES.get(r.state, r.state))),
    Column(N_("Attended"), lambda r: ""),
    Column(N_("Rating"), lambda r: str(r.rating) if r.rating else "", numeric=True),
    Column(N_("Comment"), lambda r: r.feedback),
]
ATTENDED = 4


class TrainingView(Retranslating, QWidget):
    """One year's events and the registrations and attendance of a chosen session."""

    attendance_saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year = QSpinBox(self)
        self.year.setRange(1992, 2100)
        self.year.setValue(date.today().year)
        self.event_box = EventForm(self)
        self._event_of: dict[str, uuid.UUID] = {}
        self.sessions = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.role = QComboBox(self)
        self.role.addItem("", "")
        for key in ROLES:
            self.role.addItem("", key)
        self.register_button = QPushButton(self)
        self.outcome = QLabel(self)
        self.model: ListTableModel[RegistrationRow] = ListTableModel(
            ctx, COLUMNS, self, check_column=ATTENDED, checked=lambda r: r.attended
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.save_attendance = QPushButton(self)
        self.sheet_rows = QLineEdit(self)
        self.sheet_rows.setMinimumWidth(280)
        self.sheet_button = QPushButton(self)
        self.print_sheet_button = QPushButton(self)
        self.feedback_button = QPushButton(self)

        top = QHBoxLayout()
        self.year_label, self.session_label = QLabel(self), QLabel(self)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.session_label)
        top.addWidget(self.sessions, 1)
        reg = QHBoxLayout()
        reg.addWidget(self.search, 1)
        reg.addWidget(self.role)
        reg.addWidget(self.register_button)
        att = QHBoxLayout()
        att.addWidget(self.save_attendance)
        att.addWidget(self.print_sheet_button)
        att.addWidget(self.feedback_button)
        att.addStretch(1)
        att.addWidget(self.sheet_rows)
        att.addWidget(self.sheet_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.event_box)
        layout.addLayout(top)
        layout.addLayout(reg)
        layout.addWidget(self.outcome)
        layout.addWidget(self.table, 1)
        layout.addLayout(att)

        self.event_box.create_button.clicked.connect(self._on_create_button_clicked)
        self.event_box.add_session_button.clicked.connect(self._on_add_session_button_clicked)
        self.register_button.clicked.connect(self._on_register_button_clicked)
        self.save_attendance.clicked.connect(self._on_save_attendance_clicked)
        self.sheet_button.clicked.connect(self._on_sheet_button_clicked)
        self.print_sheet_button.clicked.connect(self._on_print_sheet_button_clicked)
        self.feedback_button.clicked.connect(self._on_feedback_button_clicked)
        # Opening a participant's row is giving their feedback, the one thing a row holds
        # that is not ticked or typed in place.
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        open_on_enter(self.table, lambda index: self._open_participant(index.row()))
        self.sessions.currentIndexChanged.connect(lambda _i: self.refresh_registrations())
        self.year.valueChanged.connect(lambda _v: self.refresh_sessions())
        self.retranslate_ui()
        self.refresh_sessions()

    # -- data -------------------------------------------------------------------------------
    def current_session(self) -> uuid.UUID | None:
        """The chosen session's id."""
        raw = self.sessions.currentData()
        return uuid.UUID(raw) if raw else None

    def refresh_sessions(self, select: uuid.UUID | None = None) -> None:
        """Reload the sessions of the chosen year."""

        def load(session: Session) -> list[tuple[str, str, uuid.UUID]]:
            items = []
            for event in list_events(session, self.year.value()):
                for s in event_sessions(session, event.id):
                    text = f"{event.data.title} — {s.data.starts_on:%d.%m.%Y}"
                    items.append((text, str(s.id), event.id))
            return items

        items = Query(self, self._ctx, load).run() or []
        self.sessions.blockSignals(True)
        self.sessions.clear()
        self._event_of = {sid: event_id for _text, sid, event_id in items}
        for text, sid, _event_id in items:
            self.sessions.addItem(text, sid)
        if select is not None:
            self.sessions.setCurrentIndex(max(self.sessions.findData(str(select)), 0))
        self.sessions.blockSignals(False)
        self.refresh_registrations()

    def refresh_registrations(self) -> None:
        """Reload the chosen session's list."""
        sid = self.current_session()
        rows = Query(self, self._ctx, lambda s: registrations(s, sid)).run() or [] if sid else []
        self.model.set_rows(rows)

    # -- actions ----------------------------------------------------------------------------
    def _on_create_button_clicked(self) -> None:
        form = self.event_box
        event, starts = form.event_input(), form.dates()[0]

        def create(session: Session) -> uuid.UUID:
            created = create_event(session, self._ctx.actor, event)
            return add_session(session, self._ctx.actor, form.session_input(created.id)).id

        sid = Op(self, self._ctx, lambda s, _a, _p: create(s)).run()
        if sid is not None:
            self.year.blockSignals(True)
            self.year.setValue(starts.year)
            self.year.blockSignals(False)
            form.title.clear()
            self.refresh_sessions(select=sid)
            show_status(self, _("The event {title} was created.").format(title=event.title))

    def _on_add_session_button_clicked(self) -> None:
        event_id = self._event_of.get(str(self.sessions.currentData()))
        if event_id is None:
            return
        data = self.event_box.session_input(event_id)
        saved = Op(self, self._ctx, lambda s, actor, _p: add_session(s, actor, data)).run()
        if saved is not None:
            self.refresh_sessions(select=saved.id)

    def _on_register_button_clicked(self) -> None:
        sid = self.current_session()
        if sid is None:
            return

        def reg(session: Session) -> tuple[int, int]:
            flt = PersonFilter(text=self.search.text(), role=str(self.role.currentData() or ""))
            people = all_people(session, flt)
            result = register_people(session, self._ctx.actor, sid, [p.id for p in people])
            return len(result.registered), len(result.waiting)

        done = Op(self, self._ctx, lambda s, _a, _p: reg(s)).run()
        if done is not None:
            self.outcome.setText(
                _("Registered: {registered}; waiting list: {waiting}.").format(
                    registered=done[0], waiting=done[1]
                )
            )
        self.refresh_registrations()

    def _on_save_attendance_clicked(self) -> None:
        sid = self.current_session()
        if sid is None:
            return
        present = [
            r.person_id for r, on in zip(self.model.rows, self.model.checks, strict=True) if on
        ]
        result = Op(
            self,
            self._ctx,
            lambda s, actor, _p: mark_attendance(s, actor, sid, present),
        ).run()
        if result is not None:
            self.outcome.setText(
                _("Ledger lines added: {created}; removed: {removed}.").format(
                    created=result.created, removed=result.removed
                )
            )
            self.attendance_saved.emit()
        self.refresh_registrations()

    def _on_sheet_button_clicked(self) -> None:
        sid = self.current_session()
        if sid is None:
            return
        result = Op(
            self,
            self._ctx,
            lambda s, actor, _p: record_sign_in_sheet(s, actor, sid, self.sheet_rows.text()),
        ).run()
        if result is not None:
            self.attendance_saved.emit()
        self.refresh_registrations()

    def print_sheet(self, path: Path) -> None:
        """The numbered sign-in sheet of the chosen session as PDF (rows are typed back)."""
        sid = self.current_session()
        if sid is None:
            return
        pdf = pdf_of(self, self._ctx, "sign-in-sheet", {"session": str(sid)})
        if pdf is not None:
            path.write_bytes(pdf)

    def _on_print_sheet_button_clicked(self) -> None:
        if self.current_session() is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the sign-in sheet"), "sign-in-sheet.pdf", "PDF (*.pdf)"
        )
        if name:
            self.print_sheet(Path(name))

    def record_feedback(self, row: int, rating: int, comment: str) -> None:
        """A participant's rating and comment on the chosen session (T-2)."""
        sid = self.current_session()
        if sid is None or not 0 <= row < len(self.model.rows):
            return
        person = self.model.rows[row].person_id
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: give_feedback(
                s, actor, sid, person, rating=rating, comment=comment
            ),
        ).run()
        self.refresh_registrations()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.column() == ATTENDED:
            return  # a double click on the tick box ticks it, as in every other list
        self._open_participant(index.row())

    def _open_participant(self, row: int) -> None:
        self.table.selectRow(row)
        self._on_feedback_button_clicked()

    def _on_feedback_button_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.outcome.setText(_("Select a participant first."))
            return
        rating, ok = QInputDialog.getInt(self, _("Feedback"), _("Rating from 1 to 5"), 5, 1, 5)
        if not ok:
            return
        comment, ok = QInputDialog.getMultiLineText(self, _("Feedback"), _("Comment"))
        if ok:
            self.record_feedback(rows[0].row(), rating, comment)

    # -- language ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.year_label.setText(_("Year"))
        self.session_label.setText(_("Session"))
        self.search.setPlaceholderText(_("Name or IIN of the people to register"))
        self.register_button.setText(_("Register matching people"))
        self.register_button.setToolTip(
            _("Register everyone matching the name or IIN typed on the left for the session.")
        )
        self.role.setItemText(0, _("All roles"))
        for i, key in enumerate(ROLES, start=1):
            self.role.setItemText(i, _(ROLES[key]))
        self.save_attendance.setText(_("Save attendance"))
        self.save_attendance.setToolTip(
            _("Save who attended; their CPD points are added to the ledger.")
        )
        self.sheet_rows.setPlaceholderText(_("Rows signed on the sheet, e.g. 1-3, 5"))
        self.sheet_button.setText(_("Record from the sign-in sheet"))
        self.sheet_button.setToolTip(_("Tick as attended the rows signed on the printed sheet."))
        self.print_sheet_button.setText(_("Print the sign-in sheet…"))
        self.print_sheet_button.setToolTip(
            _("Preview the sign-in sheet of the session for the participants to sign.")
        )
        self.feedback_button.setText(_("Feedback…"))
        self.feedback_button.setToolTip(
            _("Record the selected participant's rating and comment on the session.")
        )
        self.model.retranslate()
        if self.model.rows:
            self._resort()

    def _resort(self) -> None:
        # P-2: read again in the new language's order; ticks not yet saved stay on their people.
        ticked = {r.id: on for r, on in zip(self.model.rows, self.model.checks, strict=True)}
        self.refresh_registrations()
        for row, r in enumerate(self.model.rows):
            if r.id in ticked:
                self.model.checks[row] = ticked[r.id]
        self.model.retranslate()
