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
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
from app.core.progress import Progress
from app.core.store import Session
from app.mentoring import council, protocol_queries, queries
from app.mentoring.dto import ProtocolDTO, ProtocolInput
from i18n import N_, _, format_date
from ui.mentoring.pair_tab import PairTab
from ui.mentoring.protocol_form import ProtocolFields
from ui.mentoring.protocol_list import COPY_LABELS, ProtocolList, preview_protocol, state_of
from ui.mentoring.protocol_scan import ProtocolScan


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
        f = self.fields = ProtocolFields(page)
        self.protocol_number, self.held_on, self.place, self.chair = (
            f.protocol_number,
            f.held_on,
            f.place,
            f.chair,
        )
        self.secretary, self.members, self.agenda = f.secretary, f.members, f.agenda
        self.decision, self.decision_text = f.decision, f.decision_text
        self.extend_months, self.new_guide = f.extend_months, f.new_guide
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
        self.scan = ProtocolScan(self._ctx, self._say, page)
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
        layout.addLayout(self._form(page, f.rows()))
        layout.addWidget(self.protocol_button)
        layout.addWidget(self.update_protocol_button)
        layout.addLayout(
            self._form(page, [(N_("Language"), self.lang), (N_("Signed by"), self.signed_by)])
        )
        layout.addWidget(self.print_button)
        layout.addWidget(self.scan)
        layout.addWidget(self.sign_button)
        layout.addWidget(self.copy_centre_button)
        layout.addWidget(self.copy_hr_button)
        layout.addWidget(self.protocol_state)
        scroll.setWidget(page)

    def _protocol_input(self) -> ProtocolInput:
        assert self.pair is not None
        return self.fields.protocol_input(self.pair.region_code)

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
        decision = self.fields.decision_input(self.pair.id)

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
        self.fields.set_guides([r for r in roster or [] if r.person_id != pair.guide_id])
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
        self.fields.clear()
        self.signed_by.clear()
        self.scan.show_protocol(None)
        self.protocol_state.setText(_("New protocol: not drawn up yet."))

    def _load(self, protocol: ProtocolDTO) -> None:
        """The form shows a protocol as stored: its meeting and its decision on this pair."""
        content = self._read(lambda s: protocol_queries.content_of(s, protocol.id))
        if content is None:
            return
        self.protocol_id = protocol.id
        self.fields.load(protocol, content, str(self.pair.id) if self.pair is not None else "")
        self.signed_by.setText(protocol.signed_by)
        self.scan.show_protocol(protocol)
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
        name, scan = self.scan.chosen or ("", None)
        signed = self._run(
            lambda s, actor, _p: council.sign_protocol(
                s, actor, protocol_id, who, scan=scan, scan_name=name
            )
        )
        if signed is not None:
            self._keep_shown(protocol_id)
            self.protocol_state.setText(
                _("Signed. Verification code: {code}").format(code=signed.content_hash[:16].upper())
            )

    def retranslate_ui(self) -> None:
        """Captions and the decisions."""
        super().retranslate_ui()
        self.fields.retranslate()
