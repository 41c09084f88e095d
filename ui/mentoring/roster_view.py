"""The region's roster approved by order (M-1, M-3) and orientation seminars (M-12)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
from app.core.progress import Progress
from app.core.store import Session
from app.mentoring import queries, roster, scans
from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.rules import EVENT_KINDS, KIND_LABELS, REASONS
from app.people.dto import PersonFilter
from app.people.queries import page_people
from i18n import N_, _, localized
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.op import Op, Query, Work
from ui.kit.retranslating import Retranslating
from ui.mentoring.scan_button import ScanButton
from ui.mentoring.seminar_box import SeminarBox

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
USER_ROLE = Qt.ItemDataRole.UserRole
CANDIDATES_SHOWN = 200
T = TypeVar("T")


class RosterView(Retranslating, QWidget):
    """Approve or amend the roster by the chairman's order; plan seminars, invite, mark."""

    roster_changed = Signal()

    def __init__(self, ctx: UiContext, region: QComboBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._region = region
        self._attachment: tuple[str, bytes] | None = None
        self.roster_box, self.order_box = QGroupBox(self), QGroupBox(self)
        self.roster = QListWidget(self.roster_box)
        self.search = QLineEdit(self.order_box)
        self.candidates = QListWidget(self.order_box)
        self.kind = QComboBox(self.order_box)
        self.kind.addItem("", "tutor")
        self.kind.addItem("", "mentor")
        self.override = QLineEdit(self.order_box)
        self.number = QLineEdit(self.order_box)
        self.signed_on = DateField(self.order_box, optional=False)
        self.attach_button = QPushButton(self.order_box)
        self.approve_button = QPushButton(self.order_box)
        self.event_kind = QComboBox(self.order_box)
        for key in EVENT_KINDS:
            self.event_kind.addItem("", key)
        # Career events read as sentences: sized by them, the page would not fit 1366 pixels.
        self.event_kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.event_kind.setMinimumContentsLength(20)
        self.event_date = DateField(self.order_box, optional=False)
        self.event_button = QPushButton(self.order_box)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000;")
        self.seminar_box = SeminarBox(region, self._write, self.message.setText, self)
        sem = self.seminar_box
        self.topic, self.held_on, self.place = sem.topic, sem.held_on, sem.place
        self.plan_button, self.invite_button = sem.plan_button, sem.invite_button
        self.attendance = sem.attendance
        self._form_labels: list[tuple[QLabel, str]] = []

        self.roster.setWordWrap(True)
        self.roster_hint = QLabel(self.roster_box)
        self.roster_hint.setWordWrap(True)
        roster_layout = QVBoxLayout(self.roster_box)
        roster_layout.addWidget(self.roster)
        roster_layout.addWidget(self.roster_hint)
        # The signed orders' scans, newest first (M-3)
        self.scan_button = ScanButton(
            ctx, self._order_scans, N_("Show the scans of the region's signed orders."), self
        )
        roster_layout.addWidget(self.scan_button)
        order = QVBoxLayout(self.order_box)
        order.addWidget(self.search)
        order.addWidget(self.candidates)
        order.addLayout(
            self._form(
                [
                    (N_("Kind"), self.kind),
                    (N_("Override reason"), self.override),
                    (N_("Order number"), self.number),
                    (N_("Order date"), self.signed_on),
                ]
            )
        )
        order.addWidget(self.attach_button)
        order.addWidget(self.approve_button)
        order.addLayout(
            self._form([(N_("Career event"), self.event_kind), (N_("Since"), self.event_date)])
        )
        order.addWidget(self.event_button)
        row = QHBoxLayout()
        for box in (self.roster_box, self.order_box, self.seminar_box):
            row.addWidget(box)
        outer = QVBoxLayout(self)
        outer.addLayout(row)
        outer.addWidget(self.message)

        self.search.textChanged.connect(self._fill_candidates)
        self.attach_button.clicked.connect(self._on_attach_clicked)
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.event_button.clicked.connect(self._on_event_clicked)
        self._region.currentIndexChanged.connect(self.reload)
        self.retranslate_ui()  # also fills the lists

    def _form(self, rows: list[tuple[str, QWidget]]) -> QFormLayout:
        form = QFormLayout()
        for msgid, widget in rows:
            label = QLabel(self)
            self._form_labels.append((label, msgid))
            form.addRow(label, widget)
        return form

    def retranslate_ui(self) -> None:
        """Captions in the active language; the lists are refilled for their kind names."""
        self.roster_box.setTitle(_("Roster of tutors and mentors"))
        self.order_box.setTitle(_("Chairman's order approving or amending the roster"))
        self.search.setPlaceholderText(_("Search judges of the region"))
        self.roster_hint.setText(
            _("Tick guides to remove them, or judges to add them, then approve the order.")
        )
        self.kind.setItemText(0, _("Tutor"))
        self.kind.setItemText(1, _("Mentor"))
        self.attach_button.setText(_("Attach the scanned order…"))
        self.attach_button.setToolTip(_("Attach the scan of the chairman's order (PDF or image)."))
        self.approve_button.setText(_("Approve the order"))
        self.approve_button.setToolTip(
            _(
                "Record the chairman's order: the ticked guides leave the roster, "
                "the ticked judges join it."
            )
        )
        self.event_button.setText(_("Record the event for the ticked judges"))
        self.event_button.setToolTip(
            _("Record the career event for the ticked judges; it may make them protégés.")
        )
        for i, key in enumerate(EVENT_KINDS):
            self.event_kind.setItemText(i, _(REASONS[key]))
        for label, msgid in self._form_labels:
            label.setText(_(msgid))
        self.reload()

    # data -------------------------------------------------------------------------------
    def reload(self) -> None:
        """The effective roster and the candidate judges of the region."""
        region = self._region.currentData() or ""
        rows = Query(self, self._ctx, lambda s: queries.roster(s, region)).run()
        self.roster.clear()
        for r in rows or []:
            mark = " *" if r.override_reason else ""
            item = QListWidgetItem(
                f"{r.full_name} — {_(KIND_LABELS[r.kind])}{mark} "
                f"(№ {r.order_number}, {r.order_date:%d.%m.%Y})"
            )
            item.setData(USER_ROLE, str(r.entry_id))
            # a checked guide is removed by the next order (an amendment, M-3)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(UNCHECKED)
            self.roster.addItem(item)
        found = Query(self, self._ctx, lambda s: scans.roster_order_scans(s, region)).run()
        self.scan_button.set_scans(bool(found), N_("No order of the region has a scan attached."))
        self._fill_candidates()

    def _order_scans(self, s: Session) -> list[tuple[str, bytes]]:
        return scans.roster_order_files(s, self._region.currentData() or "")

    def _fill_candidates(self) -> None:
        region = self._region.currentData() or ""
        flt = PersonFilter(text=self.search.text(), region_code=region, role="judge")
        people = Query(self, self._ctx, lambda s: page_people(s, flt, 0, CANDIDATES_SHOWN)).run()
        self.candidates.clear()
        for p in people or []:
            item = QListWidgetItem(f"{p.full_name} · {localized(p.court_name_kk, p.court_name_ru)}")
            item.setData(USER_ROLE, str(p.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(UNCHECKED)
            self.candidates.addItem(item)

    def _checked(self, widget: QListWidget) -> list[uuid.UUID]:
        return [
            uuid.UUID(widget.item(i).data(USER_ROLE))
            for i in range(widget.count())
            if widget.item(i).checkState() == CHECKED
        ]

    def _write(self, work: Work[T]) -> T | None:
        return (
            Op(self, self._ctx, work)
            .refusals_to(self.message.setText)
            .success(lambda _result: self.message.setText(""))
            .run()
        )

    # slots ------------------------------------------------------------------------------
    def attach(self, path: Path) -> None:
        """Attach the scanned order (its SHA-256 is kept beside it)."""
        self._attachment = (path.name, path.read_bytes())
        self.attach_button.setText(path.name)

    def _on_attach_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Attach the scanned order…"), "", "PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)"
        )
        if name:
            self.attach(Path(name))

    def _on_approve_clicked(self) -> None:
        kind, reason = self.kind.currentData(), self.override.text()
        entries = tuple(
            RosterEntryInput(pid, kind, reason) for pid in self._checked(self.candidates)
        )
        name, data = self._attachment or ("", None)
        order = RosterOrderInput(
            region_code=self._region.currentData() or "",
            number=self.number.text(),
            signed_on=self.signed_on.day(),
            entries=entries,
            removals=tuple(self._checked(self.roster)),
            attachment_name=name,
            attachment=data,
        )
        if self._write(lambda s, actor, _p: roster.approve_roster(s, actor, order)) is not None:
            self.override.clear()
            self.reload()
            self.roster_changed.emit()

    def _on_event_clicked(self) -> None:
        """M-2: a changed specialisation or region, a return from leave, a need for help."""
        kind, on = self.event_kind.currentData(), self.event_date.day()
        people = self._checked(self.candidates)
        if not people:
            self.message.setText(_("Tick the judges first."))
            return

        def record(s: Session, actor: Actor, _p: Progress) -> int:
            for pid in people:
                roster.add_career_event(s, actor, pid, kind, on)
            return len(people)

        if self._write(record) is not None:
            self.roster_changed.emit()
