"""The council's protocol: drawn up, printed, signed, copies sent (M-11)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.core.context import Actor
from app.core.progress import Progress
from app.core.store import Session
from app.mentoring import council, protocol_queries, queries
from app.mentoring.dto import (
    DecisionInput,
    ProtocolInput,
)
from app.mentoring.vocab import DECISION_LABELS
from i18n import N_, _
from ui.documents.printing import save_to
from ui.mentoring.pair_tab import PairTab, date_field

COPY_LABELS = {"training_centre": N_("Training centre"), "hr": N_("HR service")}


class CouncilTab(PairTab):
    """The council's protocol: drawn up, printed, signed, copies sent (M-11)."""

    protocol_id: uuid.UUID | None = None

    def _build(self) -> None:
        page = self
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
        self.protocol_button = self._button(
            page,
            N_("Draw up protocol"),
            self._on_protocol_clicked,
            N_("Draw up the council's protocol decision on the selected pair."),
        )
        self.update_protocol_button = self._button(
            page,
            N_("Save protocol changes"),
            self._on_update_protocol_clicked,
            N_("Save the changes to the protocol not yet signed."),
        )
        self.print_button = self._button(
            page,
            N_("Print protocol…"),
            self._on_print_clicked,
            N_("Save the protocol as a PDF for signing."),
        )
        self.lang = QComboBox(page)
        self.lang.addItem("Қазақша", "kk")
        self.lang.addItem("Русский", "ru")
        self.signed_by = QLineEdit(page)
        self.sign_button = self._button(
            page,
            N_("Mark signed"),
            self._on_sign_clicked,
            N_("Record that the protocol is signed; its decision then takes effect."),
        )
        self.copy_centre_button = self._button(
            page,
            N_("Copy sent to the training centre"),
            self._on_copy_centre_clicked,
            N_("Record that a copy of the protocol went to the training centre."),
        )
        self.copy_hr_button = self._button(
            page,
            N_("Copy sent to HR for the personal file"),
            self._on_copy_hr_clicked,
            N_("Record that a copy went to the HR service for the judge's personal file."),
        )
        self.protocol_state = QLabel(page)
        self.protocol_state.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(
            self._form(
                page,
                [
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
                ],
            )
        )
        layout.addWidget(self.protocol_button)
        layout.addWidget(self.update_protocol_button)
        layout.addLayout(
            self._form(page, [(N_("Language"), self.lang), (N_("Signed by"), self.signed_by)])
        )
        layout.addWidget(self.print_button)
        layout.addWidget(self.sign_button)
        layout.addWidget(self.copy_centre_button)
        layout.addWidget(self.copy_hr_button)
        layout.addWidget(self.protocol_state)

    def _protocol_input(self) -> ProtocolInput:
        assert self.pair is not None
        return ProtocolInput(
            region_code=self.pair.region_code,
            number=self.protocol_number.text(),
            held_on=self.held_on.day(),
            place=self.place.text(),
            chair=self.chair.text(),
            secretary=self.secretary.text(),
            members=tuple(m.strip() for m in self.members.text().split(",")),
            agenda=self.agenda.text(),
        )

    def _on_update_protocol_clicked(self) -> None:
        if self.protocol_id is None:
            return
        protocol_id, data = self.protocol_id, self._protocol_input()
        self._run(lambda s, actor, _p: council.update_protocol(s, actor, protocol_id, data))

    def _on_protocol_clicked(self) -> None:
        assert self.pair is not None
        data = self._protocol_input()
        decision = DecisionInput(
            pair_id=self.pair.id,
            decision=self.decision.currentData(),
            text=self.decision_text.text(),
            extend_months=self.extend_months.value(),
            new_guide_id=uuid.UUID(self.new_guide.currentData())
            if self.new_guide.currentData()
            else None,
        )

        def action(s: Session, actor: Actor, _p: Progress) -> uuid.UUID:
            created = council.create_protocol(s, actor, data)
            council.add_decision(s, actor, created.id, decision)
            return created.id

        protocol_id = self._run(action)
        if protocol_id is not None:
            self.protocol_id = protocol_id
            self.protocol_state.setText(
                _("Protocol No. {number} drawn up; not signed yet.").format(number=data.number)
            )

    def refresh(self) -> None:
        """The pair's latest protocol, and the guides that could replace its guide (M-10)."""
        pair = self.pair
        if pair is None:
            return
        found = self._read(
            lambda s: (
                protocol_queries.latest_for_pair(s, pair.id),
                queries.roster(s, pair.region_code, pair.kind),
            )
        )
        if found is None:
            return
        latest, roster = found
        guides = [r for r in roster if r.person_id != pair.guide_id]
        self.protocol_id = latest.id if latest is not None else None
        self.protocol_state.setText(
            ""
            if latest is None
            else _("Protocol No. {number} of {date}").format(
                number=latest.number, date=f"{latest.held_on:%d.%m.%Y}"
            )
        )
        self.new_guide.clear()
        self.new_guide.addItem("—", "")
        for r in guides:
            self.new_guide.addItem(r.full_name, str(r.person_id))

    def print_protocol(self, path: Path) -> None:
        """Write the protocol PDF in the chosen language (a draft has no code)."""
        if self.protocol_id is None:
            return
        # The catalogue's protocol, named by id: the tab prints the very protocol it shows.
        params = {"number": str(self.protocol_id)}
        written = save_to(
            self,
            self._ctx,
            "protocol",
            params,
            path,
            "pdf",
            lang=self.lang.currentData(),
            refusals_to=self._panel.message_shown.emit,  # as every read of the tab
        )
        if written is not None:
            self.protocol_state.setText(_("Written to {path}").format(path=path))

    def _on_print_clicked(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Print protocol…"), "protocol.pdf", "PDF (*.pdf)"
        )
        if name:
            self.print_protocol(Path(name))

    def _record_copy(self, recipient: str) -> None:
        if self.protocol_id is None:
            return
        protocol_id = self.protocol_id
        dto = self._run(
            lambda s, actor, _p: council.record_copy(s, actor, protocol_id, recipient, date.today())
        )
        if dto is not None:
            self.protocol_state.setText(
                "\n".join(f"{_(COPY_LABELS[r])}: {d:%d.%m.%Y}" for r, d in dto.copies)
            )

    def _on_copy_centre_clicked(self) -> None:
        self._record_copy("training_centre")

    def _on_copy_hr_clicked(self) -> None:
        self._record_copy("hr")

    def _on_sign_clicked(self) -> None:
        if self.protocol_id is None:
            return
        protocol_id, who = self.protocol_id, self.signed_by.text()
        signed = self._run(lambda s, actor, _p: council.sign_protocol(s, actor, protocol_id, who))
        if signed is not None:
            self.protocol_state.setText(
                _("Signed. Verification code: {code}").format(code=signed.content_hash[:16].upper())
            )

    def retranslate_ui(self) -> None:
        """Captions and the decisions."""
        super().retranslate_ui()
        for i, key in enumerate(council.DECISIONS):
            self.decision.setItemText(i, _(DECISION_LABELS[key]).format(months="…", name="…"))
