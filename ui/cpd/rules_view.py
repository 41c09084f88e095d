"""The rules in force for a year and the open catalogue of forms (C-1, C-2, C-4, C-9, T-1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.store import Session
from app.cpd.dto import RoleRule, RuleSetDTO, RuleSetInput
from app.cpd.rules import add_form, amend_rules, list_forms, rule_set_for
from app.cpd.vocab import PARTIAL_EXEMPTION
from app.people.vocab import ROLES
from i18n import N_, _, format_number, localized
from ui.context import UiContext
from ui.cpd.ledger_view import year_box
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating


@dataclass(frozen=True)
class FormPoints:
    """A catalogue line as shown: code, names, points in the chosen year (None: not yet)."""

    code: str
    name_kk: str
    name_ru: str
    points: Decimal | None


COLUMNS: list[Column[FormPoints]] = [
    Column(N_("Code"), lambda f: f.code),
    Column(N_("Form of participation"), lambda f: localized(f.name_kk, f.name_ru)),
    Column(
        N_("Points"),
        lambda f: format_number(f.points) if f.points is not None else "—",
        numeric=True,
    ),
]


class RulesView(Retranslating, QWidget):
    """Which rules judge a year, and adding a form to the catalogue."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year = year_box(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model: ListTableModel[FormPoints] = ListTableModel(ctx, COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.code = QLineEdit(self)
        self.name_kk = QLineEdit(self)
        self.name_ru = QLineEdit(self)
        self.points = QDoubleSpinBox(self)
        self.points.setRange(0, 100)
        self.points.setDecimals(1)
        self.add_button = QPushButton(self)
        self.change_box = QGroupBox(self)
        self.new_points = QDoubleSpinBox(self)
        self.new_points.setRange(0, 100)
        self.new_points.setDecimals(1)
        # C scope: a council switches a minimum on per role; seed 004's binds consultants
        self.new_role = QComboBox(self)
        for role in ROLES:
            self.new_role.addItem("", role)
        self.new_role.setCurrentIndex(list(ROLES).index("consultant"))
        self.new_minimum = QDoubleSpinBox(self)
        self.new_minimum.setRange(0, 100)
        self.new_minimum.setDecimals(1)
        self.new_minimum.setValue(10)
        self.decision = QLineEdit(self)
        self.change_button = QPushButton(self)
        self._change_labels = [QLabel(self) for _ in range(4)]
        change = QFormLayout(self.change_box)
        fields = (self.new_points, self.new_role, self.new_minimum, self.decision)
        for label, field in zip(self._change_labels, fields, strict=True):
            change.addRow(label, field)
        change.addRow(self.change_button)
        self.add_box = QGroupBox(self)
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout(self.add_box)
        for label, field in zip(
            self._labels, (self.code, self.name_kk, self.name_ru, self.points), strict=True
        ):
            form.addRow(label, field)
        form.addRow(self.add_button)
        top = QHBoxLayout()
        self.year_label = QLabel(self)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        boxes = QHBoxLayout()
        boxes.addWidget(self.change_box)
        boxes.addWidget(self.add_box)
        layout.addLayout(boxes)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.retranslate_ui()

    def refresh(self) -> None:
        """Reload the rule set in force for the chosen year."""
        year = self.year.value()

        def load(session: Session) -> tuple[RuleSetDTO, list[FormPoints]]:
            rules = rule_set_for(session, year)
            return rules, [
                FormPoints(f.code, f.name_kk, f.name_ru, rules.points.get(f.id))
                for f in list_forms(session)
            ]

        loaded = Query(self, self._ctx, load).run()
        if loaded is None:
            return
        rules, forms = loaded
        self.model.set_rows(forms)
        judge = rules.role_rule("judge")
        minimums = [
            f"{_(label)} — {format_number(rules.role_rule(role).min_points)}"
            for role, label in ROLES.items()
            if rules.role_rule(role).min_points > 0
        ]
        self.summary.setText(
            _(
                "Rules in force since {year}: minimum points a year: {minimums}; judges take an "
                "Academy of Justice course every {every} years; partly exempt years: {mode}."
            ).format(
                year=rules.effective_year,
                minimums=", ".join(minimums) or _("no role has a minimum"),
                every=judge.academy_every_years,
                mode=_(PARTIAL_EXEMPTION.get(rules.partial_exemption, rules.partial_exemption)),
            )
        )

    def _on_add_button_clicked(self) -> None:
        saved = Op(
            self,
            self._ctx,
            lambda s, actor, _p: add_form(
                s,
                actor,
                code=self.code.text(),
                name_kk=self.name_kk.text(),
                name_ru=self.name_ru.text(),
                points=Decimal(str(self.points.value())),
                decided_on=date.today(),
            ),
        ).run()
        if saved is not None:
            for field in (self.code, self.name_kk, self.name_ru):
                field.clear()
            self.year.setValue(date.today().year + 1)
            self.refresh()

    def amend(
        self, code: str | None, points: Decimal | None, minimum: Decimal | None, decision: str
    ) -> None:
        """Record a decision taken today; it applies from 1 January next year (C-9)."""

        def run(session: Session) -> RuleSetDTO:
            forms = {f.code: f.id for f in list_forms(session)}
            role = self.new_role.currentData()
            every = rule_set_for(session, date.today().year + 1).role_rule(role)
            data = RuleSetInput(
                decided_on=date.today(),
                decision=decision,
                points={forms[code]: points} if code and points is not None else {},
                roles=(
                    {role: RoleRule(minimum, every.academy_every_years)}
                    if minimum is not None
                    else {}
                ),
            )
            return amend_rules(session, self._ctx.actor, data)

        if Op(self, self._ctx, lambda s, _a, _p: run(s)).run() is not None:
            self.year.setValue(date.today().year + 1)
            self.refresh()

    def _on_change_button_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        code = self.model.rows[rows[0].row()].code if rows else None
        self.amend(
            code,
            Decimal(str(self.new_points.value())) if code else None,
            Decimal(str(self.new_minimum.value())),
            self.decision.text(),
        )

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.year_label.setText(_("Year"))
        self.add_box.setTitle(_("New form of activity (counts from 1 January next year)"))
        for label, text in zip(
            self._labels,
            (_("Code"), _("Name in Kazakh"), _("Name in Russian"), _("Points")),
            strict=True,
        ):
            label.setText(text)
        self.add_button.setText(_("Add the form"))
        self.add_button.setToolTip(
            _("Add a new form of activity with its points; it counts from 1 January next year.")
        )
        self.change_box.setTitle(_("Council decision of today (applies from 1 January next year)"))
        for label, text in zip(
            self._change_labels,
            (
                _("Points of the selected form"),
                _("Role"),
                _("Minimum points a year for the role"),
                _("Decision (number, date)"),
            ),
            strict=True,
        ):
            label.setText(text)
        for i, role_label in enumerate(ROLES.values()):
            self.new_role.setItemText(i, _(role_label))
        self.change_button.setText(_("Record the decision"))
        self.change_button.setToolTip(
            _("Record the council's decision on points; it applies from 1 January next year.")
        )
        self.model.retranslate()
        self.refresh()
