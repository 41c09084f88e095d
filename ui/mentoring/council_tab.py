"""The council's protocol: drawn up, printed, signed, copies sent (M-11)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
from app.core.progress import Progress
from app.core.store import Session
from app.mentoring import council, protocol_queries, queries
from app.mentoring.dto import (
    DecisionInput,
    ProtocolDTO,
    ProtocolInput,
)
from app.mentoring.vocab import DECISION_LABELS
from i18n import N_, _, format_date
from ui.mentoring.pair_tab import PairTab, date_field
from ui.mentoring.protocol_list import COPY_LABELS, ProtocolList, preview_protocol, state_of


class CouncilTab(PairTab):
    """The council's protocol: drawn up, printed, signed, copies sent (M-11)."""

    protocol_id: uuid.UUID | None = None
    _shown_pair: uuid.UUID | None = None

    def _build(self) -> None:
        # In a scroll area: list, form and buttons together are taller than a 768-pixel screen.
        page = QWidget()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.protocols = ProtocolList(self._ctx, page)
        self.protocols.chosen.connect(self._on_protocols_chosen)
        self.new_button = self._button(
            page,
            N_("New protocol"),
            self._on_new_clicked,
            N_("Empty the form to draw up a new protocol on the selected pair."),
        )
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
            N_("Preview the protocol shown, to print it for signing or save it as a PDF."),
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
        layout.addWidget(self.protocols)
        layout.addWidget(self.new_button)
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
        scroll.setWidget(page)

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

    def _say(self, text: str) -> None:
        """Why a button did nothing, in the page's message line."""
        self._panel.message_shown.emit(text)

    def _need_protocol(self) -> uuid.UUID | None:
        if self.protocol_id is None:
            self._say(_("Select a protocol in the list above, or draw up a new one."))
        return self.protocol_id

    def _on_update_protocol_clicked(self) -> None:
        protocol_id = self._need_protocol()
        if protocol_id is None:
            return
        data = self._protocol_input()
        saved = self._run(lambda s, actor, _p: council.update_protocol(s, actor, protocol_id, data))
        if saved is not None:
            self._keep_shown(protocol_id)
            self.protocol_state.setText(
                _("Protocol No. {number} saved; not signed yet.").format(number=data.number)
            )

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
            self._keep_shown(protocol_id)
            self.protocol_state.setText(
                _("Protocol No. {number} drawn up; not signed yet.").format(number=data.number)
            )

    def refresh(self) -> None:
        """The pair's protocols, the latest loaded (M-11), and the guides that could replace
        its guide (M-10). Another pair's protocol is never carried over into this one's form.
        """
        pair = self.pair
        if pair is None:
            return
        roster = self._read(lambda s: queries.roster(s, pair.region_code, pair.kind))
        guides = [r for r in roster or [] if r.person_id != pair.guide_id]
        self.new_guide.clear()
        self.new_guide.addItem("—", "")
        for r in guides:
            self.new_guide.addItem(r.full_name, str(r.person_id))
        # The same pair again (after an action): keep its protocol; another pair: its latest.
        keep = self.protocol_id if self._shown_pair == pair.id else None
        self._shown_pair = pair.id
        self._clear()
        self.protocols.show_for(pair, select=keep)
        if self.protocols.current() is None:
            latest = self._read(lambda s: protocol_queries.latest_for_pair(s, pair.id))
            if latest is not None:
                self.protocols.select(latest.id)

    def _keep_shown(self, protocol_id: uuid.UUID) -> None:
        """Select a protocol in the list (which loads it into the form)."""
        self.protocols.show_for(self.pair, select=protocol_id)

    def _on_new_clicked(self) -> None:
        self.protocols.table.clearSelection()
        self._clear()
        self.protocol_number.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_protocols_chosen(self, protocol: ProtocolDTO | None) -> None:
        if protocol is None:
            self._clear()
        else:
            self._load(protocol)

    def _clear(self) -> None:
        """An empty form: a new protocol on the pair shown."""
        self.protocol_id = None
        for field in (
            self.protocol_number,
            self.place,
            self.chair,
            self.secretary,
            self.members,
            self.agenda,
            self.decision_text,
            self.signed_by,
        ):
            field.clear()
        self.held_on.set_value(date.today())
        self.decision.setCurrentIndex(0)
        self.extend_months.setValue(0)
        self.new_guide.setCurrentIndex(0)
        self.protocol_state.setText(_("New protocol: not drawn up yet."))

    def _load(self, protocol: ProtocolDTO) -> None:
        """The form shows a protocol as stored: its meeting and its decision on this pair."""
        content = self._read(lambda s: protocol_queries.content_of(s, protocol.id))
        if content is None:
            return
        self.protocol_id = protocol.id
        self.protocol_number.setText(protocol.number)
        self.held_on.set_value(protocol.held_on)
        self.place.setText(content.get("place", ""))
        self.chair.setText(content.get("chair", ""))
        self.secretary.setText(content.get("secretary", ""))
        self.members.setText(", ".join(content.get("members", [])))
        self.agenda.setText(content.get("agenda", ""))
        pair_id = str(self.pair.id) if self.pair is not None else ""
        decision = next((d for d in content["decisions"] if d["pair_id"] == pair_id), None)
        if decision is not None:
            self.decision.setCurrentIndex(max(self.decision.findData(decision["decision"]), 0))
            self.decision_text.setText(decision.get("text", ""))
            self.extend_months.setValue(int(decision.get("extend_months") or 0))
            self.new_guide.setCurrentIndex(max(self.new_guide.findText(decision["new_guide"]), 0))
        else:
            self.decision.setCurrentIndex(0)
            self.decision_text.clear()
            self.extend_months.setValue(0)
            self.new_guide.setCurrentIndex(0)
        self.signed_by.setText(protocol.signed_by)
        self.protocol_state.setText(state_of(protocol))

    def _on_print_clicked(self) -> None:
        protocol_id = self._need_protocol()
        if protocol_id is None:
            return
        preview_protocol(self, self._ctx, protocol_id, self.lang.currentData(), self._say)

    def _record_copy(self, recipient: str) -> None:
        protocol_id = self._need_protocol()
        if protocol_id is None:
            return
        dto = self._run(
            lambda s, actor, _p: council.record_copy(s, actor, protocol_id, recipient, date.today())
        )
        if dto is not None:
            self._keep_shown(protocol_id)
            self.protocol_state.setText(
                "\n".join(f"{_(COPY_LABELS[r])}: {format_date(d)}" for r, d in dto.copies)
            )

    def _on_copy_centre_clicked(self) -> None:
        self._record_copy("training_centre")

    def _on_copy_hr_clicked(self) -> None:
        self._record_copy("hr")

    def _on_sign_clicked(self) -> None:
        protocol_id = self._need_protocol()
        if protocol_id is None:
            return
        who = self.signed_by.text()
        signed = self._run(lambda s, actor, _p: council.sign_protocol(s, actor, protocol_id, who))
        if signed is not None:
            self._keep_shown(protocol_id)
            self.protocol_state.setText(
                _("Signed. Verification code: {code}").format(code=signed.content_hash[:16].upper())
            )

    def retranslate_ui(self) -> None:
        """Captions and the decisions."""
        super().retranslate_ui()
        for i, key in enumerate(council.DECISIONS):
            self.decision.setItemText(i, _(DECISION_LABELS[key]).format(months="…", name="…"))
