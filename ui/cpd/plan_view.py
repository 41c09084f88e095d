"""Needs survey per court and the yearly plan built from it (T-2, T-3), with the T-4 check."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.store import Session
from app.courts.service import list_courts
from app.training.dto import NeedInput, RegionalCheck
from app.training.plan import (
    NeedRow,
    PlanStatus,
    add_need,
    build_plan,
    mark_plan_sent,
    needs_by_topic,
    plan_status,
)
from app.training.queries import regional_check
from app.training.vocab import AUDIENCES
from i18n import N_, _, format_date, format_number
from ui.context import UiContext
from ui.cpd.ledger_view import year_box
from ui.documents.printing import save_to
from ui.kit.collated import courts_in_order, set_items
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating

COLUMNS: list[Column[NeedRow]] = [
    Column(N_("Topic"), lambda n: n.topic),
    Column(N_("Audience"), lambda n: _(AUDIENCES.get(n.audience, n.audience))),
    Column(N_("People in need"), lambda n: format_number(n.people), numeric=True),
    Column(N_("Courts"), lambda n: format_number(n.courts), numeric=True),
]


class PlanView(Retranslating, QWidget):
    """Courts' answers by topic; build the plan; send it by 1 December; print it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year = year_box(self)
        self.year.setValue(date.today().year + 1)
        self.court = QComboBox(self)
        self.court.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.court.setMinimumContentsLength(24)
        self._courts = Query(self, ctx, list_courts).run() or []
        self.topic = QLineEdit(self)
        self.topic.setMinimumWidth(260)
        self.people = QSpinBox(self)
        self.people.setRange(0, 100000)
        self.audience = QComboBox(self)
        for key in AUDIENCES:
            self.audience.addItem("", key)
        self.add_button = QPushButton(self)
        self.build_button = QPushButton(self)
        self.sent_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.held_button = QPushButton(self)
        self.status = QLabel(self)
        self.model: ListTableModel[NeedRow] = ListTableModel(ctx, COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        need = QHBoxLayout()
        for field in (self.court, self.topic, self.people, self.audience, self.add_button):
            need.addWidget(field)
        need.setStretch(1, 1)
        actions = QHBoxLayout()
        self.year_label = QLabel(self)
        for w in (
            self.year_label,
            self.year,
            self.build_button,
            self.sent_button,
            self.print_button,
            self.held_button,
        ):
            actions.addWidget(w)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addLayout(need)
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.build_button.clicked.connect(self._on_build_button_clicked)
        self.sent_button.clicked.connect(self._on_sent_button_clicked)
        self.print_button.clicked.connect(lambda: self._on_print(held=False))
        self.held_button.clicked.connect(lambda: self._on_print(held=True))
        self.retranslate_ui()

    def refresh(self) -> None:
        """Reload the survey and the plan's standing for the chosen year."""
        year = self.year.value()

        def load(session: Session) -> tuple[list[NeedRow], PlanStatus, RegionalCheck]:
            return (
                needs_by_topic(session, year),
                plan_status(session, year),
                regional_check(session, year),
            )

        loaded = Query(self, self._ctx, load).run()
        if loaded is None:
            return
        needs, plan, check = loaded
        self.model.set_rows(needs)
        text = _("Plan: {events} events; due to the coordinators by {due}").format(
            events=plan.events, due=format_date(plan.due_on)
        )
        if plan.sent_on:
            text += "; " + _("sent {date}").format(date=format_date(plan.sent_on))
        if plan.overdue(date.today()):
            text += "; " + _("overdue")
        text += " · " + _("Regional conferences and seminars held: {held} of {required}").format(
            held=check.held, required=check.required
        )
        self.status.setText(text)

    def _on_add_button_clicked(self) -> None:
        court = self.court.currentData()
        if court is None:
            return
        data = NeedInput(
            self.year.value(),
            uuid.UUID(str(court)),
            self.topic.text(),
            self.people.value(),
            audience=str(self.audience.currentData()),
        )
        if Op(self, self._ctx, lambda s, actor, _p: add_need(s, actor, data)).run():
            self.topic.clear()
        self.refresh()

    def _on_build_button_clicked(self) -> None:
        year = self.year.value()
        Op(self, self._ctx, lambda s, actor, _p: build_plan(s, actor, year)).run()
        self.refresh()

    def _on_sent_button_clicked(self) -> None:
        year = self.year.value()
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: mark_plan_sent(s, actor, year, date.today()),
        ).run()
        self.refresh()

    def save(self, path: Path, *, held: bool) -> None:
        """The plan (or the report of events held) as PDF, XLSX or CSV by the file's suffix."""
        fmt = path.suffix.lower().lstrip(".") or "pdf"
        params = {"year": self.year.value(), "held": held}
        save_to(self, self._ctx, "training-plan", params, path, fmt)

    def _on_print(self, *, held: bool) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save"),
            f"training-{'held' if held else 'plan'}-{self.year.value()}.pdf",
            "PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)",
        )
        if name:
            self.save(Path(name), held=held)

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.year_label.setText(_("Plan year"))
        self.topic.setPlaceholderText(_("Topic the court needs"))
        for i, key in enumerate(AUDIENCES):
            self.audience.setItemText(i, _(AUDIENCES[key]))
        self.add_button.setText(_("Add to the survey"))
        self.add_button.setToolTip(_("Add the topic a court needs to this year's survey."))
        self.build_button.setText(_("Build the plan from the survey"))
        self.build_button.setToolTip(
            _("Make the next year's training plan from the topics in the survey.")
        )
        self.sent_button.setText(_("Mark the plan sent today"))
        self.sent_button.setToolTip(
            _("Record that the plan went to the regional coordinators today (due by 1 December).")
        )
        self.print_button.setText(_("Plan…"))
        self.print_button.setToolTip(_("Preview the training plan of the chosen year."))
        self.held_button.setText(_("Events held…"))
        self.held_button.setToolTip(_("Preview the report of the events held in the chosen year."))
        self._courts = courts_in_order(self._courts)  # P-2: in the alphabet of the language
        set_items(self.court, 0, [(c.name, str(c.id)) for c in self._courts])
        self.model.retranslate()
        self.refresh()
