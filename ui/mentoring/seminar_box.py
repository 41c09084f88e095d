"""The roster tab's orientation seminar: planned, the needs list invited, attendance (M-12)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
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
from app.mentoring import queries, seminars
from i18n import N_, _
from ui.kit.date_field import DateField
from ui.kit.op import Work
from ui.kit.retranslating import Retranslating

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
USER_ROLE = Qt.ItemDataRole.UserRole


class SeminarBox(Retranslating, QGroupBox):
    """Plan a seminar of the chosen region, invite the needs list, tick who came."""

    def __init__(
        self,
        region: QComboBox,
        write: Callable[[Work[Any]], Any],  # the roster view's: refusals on its message line
        say: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._region, self._write, self._say = region, write, say
        self._seminar_id: uuid.UUID | None = None
        self.topic = QLineEdit(self)
        self.held_on = DateField(self, optional=False)
        self.place = QLineEdit(self)
        self.plan_button = QPushButton(self)
        self.invite_button = QPushButton(self)
        self.attendance = QListWidget(self)
        self._labels = [(QLabel(self), msgid) for msgid in (N_("Topic"), N_("Date"), N_("Place"))]
        form = QFormLayout()
        for (label, _msgid), field in zip(
            self._labels, (self.topic, self.held_on, self.place), strict=True
        ):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for w in (self.plan_button, self.invite_button, self.attendance):
            layout.addWidget(w)
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self.invite_button.clicked.connect(self._on_invite_clicked)
        self.attendance.itemChanged.connect(self._on_attendance_item_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setTitle(_("Orientation seminar"))
        for label, msgid in self._labels:
            label.setText(_(msgid))
        self.plan_button.setText(_("Plan seminar"))
        self.plan_button.setToolTip(
            _("Plan an orientation seminar on the date, place and topic above.")
        )
        self.invite_button.setText(_("Invite everyone on the needs list"))
        self.invite_button.setToolTip(
            _("Invite every judge who needs a guide to the planned seminar.")
        )

    def _on_plan_clicked(self) -> None:
        region, on = self._region.currentData() or "", self.held_on.day()
        topic, place = self.topic.text(), self.place.text()
        planned = self._write(
            lambda s, actor, _p: seminars.plan_seminar(s, actor, region, on, topic, place=place)
        )
        if planned is not None:
            self._seminar_id = planned.id
            self.attendance.clear()

    def _on_invite_clicked(self) -> None:
        if self._seminar_id is None:
            self._say(_("Plan the seminar first."))
            return
        region, seminar_id = self._region.currentData() or "", self._seminar_id

        def invite(s: Session, actor: Actor, _p: Progress) -> list[tuple[uuid.UUID, str]]:
            needs = queries.needs_analysis(s, region_code=region)
            seminars.invite(s, actor, seminar_id, [n.person_id for n in needs], date.today())
            return [(n.person_id, n.full_name) for n in needs]

        invited = self._write(invite)
        if invited is not None:
            self.attendance.blockSignals(True)
            self.attendance.clear()
            for pid, name in invited:
                item = QListWidgetItem(name)
                item.setData(USER_ROLE, str(pid))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(UNCHECKED)
                self.attendance.addItem(item)
            self.attendance.blockSignals(False)

    def _on_attendance_item_changed(self, item: QListWidgetItem) -> None:
        if self._seminar_id is None:
            return
        seminar_id = self._seminar_id
        pid, came = uuid.UUID(item.data(USER_ROLE)), item.checkState() == CHECKED
        self._write(lambda s, actor, _p: seminars.mark_attendance(s, actor, seminar_id, pid, came))
