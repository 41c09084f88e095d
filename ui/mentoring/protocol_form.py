"""The council protocol's fields: the meeting and its decision on the pair shown (M-11)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from app.mentoring import council
from app.mentoring.dto import DecisionInput, ProtocolDTO, ProtocolInput, RosterRow
from app.mentoring.vocab import DECISION_LABELS
from i18n import N_, _
from ui.mentoring.pair_tab import date_field


class ProtocolFields:
    """The form's widgets on the council tab's page: read into inputs, cleared, or filled from a
    stored protocol (the decision on this pair only).
    """

    def __init__(self, page: QWidget) -> None:
        self.protocol_number = QLineEdit(page)
        self.held_on = date_field(page)
        self.place = QLineEdit(page)
        self.chair = QLineEdit(page)
        self.secretary = QLineEdit(page)
        self.members = QLineEdit(page)
        self.agenda = QLineEdit(page)
        self.decision = QComboBox(page)
        for key in council.DECISIONS:
            self.decision.addItem("", key)
        self.decision_text = QLineEdit(page)
        self.extend_months = QSpinBox(page)
        self.extend_months.setRange(0, 24)
        self.new_guide = QComboBox(page)
        for combo in (self.decision, self.new_guide):
            # Decisions read as sentences: sized by them, the tab would not fit 1366 pixels.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)

    def rows(self) -> list[tuple[str, QWidget]]:
        """(caption catalog id, field) in the order of the form."""
        return [
            (N_("Protocol number"), self.protocol_number),
            (N_("Meeting date"), self.held_on),
            (N_("Place"), self.place),
            (N_("Chair"), self.chair),
            (N_("Secretary"), self.secretary),
            (N_("Members present (comma-separated)"), self.members),
            (N_("Agenda"), self.agenda),
            (N_("New guide (replacement)"), self.new_guide),
            (N_("Decision"), self.decision),
            (N_("Decision text"), self.decision_text),
            (N_("Extend by months"), self.extend_months),
        ]

    def protocol_input(self, region_code: str) -> ProtocolInput:
        """The meeting as typed."""
        return ProtocolInput(
            region_code=region_code,
            number=self.protocol_number.text(),
            held_on=self.held_on.day(),
            place=self.place.text(),
            chair=self.chair.text(),
            secretary=self.secretary.text(),
            members=tuple(m.strip() for m in self.members.text().split(",")),
            agenda=self.agenda.text(),
        )

    def decision_input(self, pair_id: uuid.UUID) -> DecisionInput:
        """The decision on the pair as chosen."""
        guide = self.new_guide.currentData()
        return DecisionInput(
            pair_id=pair_id,
            decision=self.decision.currentData(),
            text=self.decision_text.text(),
            extend_months=self.extend_months.value(),
            new_guide_id=uuid.UUID(guide) if guide else None,
        )

    def set_guides(self, guides: list[RosterRow]) -> None:
        """The guides that could replace the pair's guide (M-10), after "—"."""
        self.new_guide.clear()
        self.new_guide.addItem("—", "")
        for r in guides:
            self.new_guide.addItem(r.full_name, str(r.person_id))

    def clear(self) -> None:
        """Empty fields for a new protocol, held today."""
        for field in (
            self.protocol_number,
            self.place,
            self.chair,
            self.secretary,
            self.members,
            self.agenda,
            self.decision_text,
        ):
            field.clear()
        self.held_on.set_value(date.today())
        self._decide(None)

    def load(self, protocol: ProtocolDTO, content: dict[str, Any], pair_id: str) -> None:
        """A protocol as stored: its meeting, and its decision on the pair with this id."""
        self.protocol_number.setText(protocol.number)
        self.held_on.set_value(protocol.held_on)
        self.place.setText(content.get("place", ""))
        self.chair.setText(content.get("chair", ""))
        self.secretary.setText(content.get("secretary", ""))
        self.members.setText(", ".join(content.get("members", [])))
        self.agenda.setText(content.get("agenda", ""))
        self._decide(next((d for d in content["decisions"] if d["pair_id"] == pair_id), None))

    def _decide(self, decision: dict[str, Any] | None) -> None:
        if decision is None:
            self.decision.setCurrentIndex(0)
            self.decision_text.clear()
            self.extend_months.setValue(0)
            self.new_guide.setCurrentIndex(0)
            return
        self.decision.setCurrentIndex(max(self.decision.findData(decision["decision"]), 0))
        self.decision_text.setText(decision.get("text", ""))
        self.extend_months.setValue(int(decision.get("extend_months") or 0))
        self.new_guide.setCurrentIndex(max(self.new_guide.findText(decision["new_guide"]), 0))

    def retranslate(self) -> None:
        """The decisions in the active language."""
        for i, key in enumerate(council.DECISIONS):
            self.decision.setItemText(i, _(DECISION_LABELS[key]).format(months="…", name="…"))
