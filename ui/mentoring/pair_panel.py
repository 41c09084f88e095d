"""The selected pair: programme, confidential journal, reports and the council's protocol."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.mentoring import council, journal, programme, service
from app.mentoring.dto import (
    DecisionInput,
    PairDTO,
    PetitionInput,
    ProgrammeItem,
    ProtocolInput,
    ReportInput,
)
from app.mentoring.journal import ETHICS_CRITERIA
from app.mentoring.programme import ITEM_STATUSES, STATUS_LABELS
from app.reports.protocol import build_protocol
from app.store import Session
from i18n import N_, _
from ui.context import UiContext

FIELD_LABELS = {
    "goal": N_("Goal"),
    "activity": N_("Activity"),
    "due_on": N_("Due"),
    "status": N_("Status"),
    "evidence": N_("Evidence"),
}
COPY_LABELS = {"training_centre": N_("Training centre"), "hr": N_("HR service")}


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setDate(QDate.currentDate())
    return edit


def _py(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


class PairPanel(QTabWidget):
    """Works on one pair; every action is one service call in one transaction."""

    changed = Signal()
    message_shown = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.pair: PairDTO | None = None
        self.protocol_id: uuid.UUID | None = None
        self._labels: list[tuple[Any, str]] = []
        self._buttons: list[tuple[QPushButton, str]] = []
        self.addTab(self._programme_tab(), "")
        self.addTab(self._journal_tab(), "")
        self.addTab(self._reports_tab(), "")
        self.addTab(self._council_tab(), "")
        self.retranslate_ui()
        self.setEnabled(False)

    # building ---------------------------------------------------------------------------
    def _button(self, parent: QWidget, msgid: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(parent)
        button.clicked.connect(slot)
        self._buttons.append((button, msgid))
        return button

    def _form(self, page: QWidget, rows: list[tuple[str, QWidget]]) -> QFormLayout:
        form = QFormLayout()
        for msgid, widget in rows:
            label = QLabel(page)
            self._labels.append((label, msgid))
            form.addRow(label, widget)
        return form

    def _programme_tab(self) -> QWidget:
        page = QWidget(self)
        self.items = QTableWidget(0, 3, page)
        self.add_item_button = self._button(page, N_("Add item"), self._on_add_item_clicked)
        self.save_programme_button = self._button(
            page, N_("Save programme"), self._on_save_programme_clicked
        )
        self.chairman = QLineEdit(page)
        self.approved_on = _date_edit(page)
        self.approve_button = self._button(page, N_("Approve"), self._on_approve_clicked)
        self.programme_state = QLabel(page)
        layout = QVBoxLayout(page)
        for w in (self.items, self.add_item_button, self.save_programme_button):
            layout.addWidget(w)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Chairman of the court"), self.chairman),
                    (N_("Approved on"), self.approved_on),
                ],
            )
        )
        layout.addWidget(self.approve_button)
        layout.addWidget(self.programme_state)
        self.compare_button = self._button(
            page, N_("Compare with the previous version"), self._on_compare_clicked
        )
        self.changes = QLabel(page)
        self.changes.setWordWrap(True)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.changes)
        return page

    def _journal_tab(self) -> QWidget:
        page = QWidget(self)
        self.meeting_date = _date_edit(page)
        self.meeting_topic = QLineEdit(page)
        self.meeting_notes = QPlainTextEdit(page)
        self.meeting_notes.setMaximumHeight(60)
        self.log_meeting_button = self._button(
            page, N_("Log meeting"), self._on_log_meeting_clicked
        )
        self.case_number = QLineEdit(page)
        self.heard_on = _date_edit(page)
        self.criteria = {key: QCheckBox(page) for key in ETHICS_CRITERIA}
        self.remarks = QLineEdit(page)
        self.review_button = self._button(page, N_("Save hearing review"), self._on_review_clicked)
        self.journal_list = QLabel(page)
        self.journal_list.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Meeting date"), self.meeting_date),
                    (N_("Topic"), self.meeting_topic),
                    (N_("Notes"), self.meeting_notes),
                ],
            )
        )
        layout.addWidget(self.log_meeting_button)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Case number"), self.case_number),
                    (N_("Hearing date"), self.heard_on),
                    (N_("Remarks"), self.remarks),
                ],
            )
        )
        for box in self.criteria.values():
            layout.addWidget(box)
        layout.addWidget(self.review_button)
        layout.addWidget(self.journal_list)
        return page

    def _reports_tab(self) -> QWidget:
        page = QWidget(self)
        self.report_author = QComboBox(page)
        self.report_author.addItem("", "guide")
        self.report_author.addItem("", "protege")
        self.work_done = QPlainTextEdit(page)
        self.knowledge = QLineEdit(page)
        self.effectiveness = QLineEdit(page)
        self.proposals = QLineEdit(page)
        self.score = QSpinBox(page)
        self.score.setRange(0, 5)
        self.submit_report_button = self._button(page, N_("Submit report"), self._on_report_clicked)
        layout = QVBoxLayout(page)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Written by"), self.report_author),
                    (N_("Work done"), self.work_done),
                    (N_("Knowledge and skills gained"), self.knowledge),
                    (N_("Effectiveness"), self.effectiveness),
                    (N_("Proposals"), self.proposals),
                    (N_("Feedback score"), self.score),
                ],
            )
        )
        layout.addWidget(self.submit_report_button)
        self.petition_kind = QComboBox(page)
        for key in ("end_early", "replace"):
            self.petition_kind.addItem("", key)
        self.petition_reasons = QLineEdit(page)
        self.petition_button = self._button(page, N_("File petition"), self._on_petition_clicked)
        self.order_number = QLineEdit(page)
        self.order_date = _date_edit(page)
        self.order_months = QSpinBox(page)
        self.order_months.setRange(1, 36)
        self.extend_button = self._button(page, N_("Extend by order"), self._on_extend_clicked)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Petition"), self.petition_kind),
                    (N_("Reasons"), self.petition_reasons),
                ],
            )
        )
        layout.addWidget(self.petition_button)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Chairman's order No."), self.order_number),
                    (N_("Order date"), self.order_date),
                    (N_("Extend by months"), self.order_months),
                ],
            )
        )
        layout.addWidget(self.extend_button)
        return page

    def _council_tab(self) -> QWidget:
        page = QWidget(self)
        self.protocol_number = QLineEdit(page)
        self.held_on = _date_edit(page)
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
        self.protocol_button = self._button(page, N_("Draw up protocol"), self._on_protocol_clicked)
        self.update_protocol_button = self._button(
            page, N_("Save protocol changes"), self._on_update_protocol_clicked
        )
        self.print_button = self._button(page, N_("Print protocol…"), self._on_print_clicked)
        self.lang = QComboBox(page)
        self.lang.addItem("Қазақша", "kk")
        self.lang.addItem("Русский", "ru")
        self.signed_by = QLineEdit(page)
        self.sign_button = self._button(page, N_("Mark signed"), self._on_sign_clicked)
        self.copy_centre_button = self._button(
            page, N_("Copy sent to the training centre"), self._on_copy_centre_clicked
        )
        self.copy_hr_button = self._button(
            page, N_("Copy sent to HR for the personal file"), self._on_copy_hr_clicked
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
        return page

    # translation --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every caption in the active language."""
        for i, title in enumerate(
            (_("Programme"), _("Journal (confidential)"), _("Reports"), _("Council protocol"))
        ):
            self.setTabText(i, title)
        for label, msgid in self._labels:
            label.setText(_(msgid))
        for button, msgid in self._buttons:
            button.setText(_(msgid))
        self.items.setHorizontalHeaderLabels([_("Goal"), _("Activity"), _("Status")])
        for key, box in self.criteria.items():
            box.setText(_(ETHICS_CRITERIA[key]))
        self.petition_kind.setItemText(0, _("End early"))
        self.petition_kind.setItemText(1, _("Replace the guide"))
        self.report_author.setItemText(0, _("Guide"))
        self.report_author.setItemText(1, _("Protégé"))
        from app.reports.protocol import DECISION_LABELS

        for i, key in enumerate(council.DECISIONS):
            self.decision.setItemText(i, _(DECISION_LABELS[key]).format(months="…", name="…"))

    # actions ----------------------------------------------------------------------------
    def show_pair(self, pair: PairDTO | None) -> None:
        """Show a pair (None: nothing selected)."""
        self.pair = pair
        self.setEnabled(pair is not None)
        self._refresh()

    def _run(self, action: Callable[[Session], Any]) -> Any:
        """One action, one transaction; a refusal is shown in words, nothing is saved."""
        try:
            with self._ctx.store.write() as session:
                result = action(session)
        except DomainError as exc:
            self.message_shown.emit(exc.message())
            return None
        self.message_shown.emit("")
        self.changed.emit()
        return result

    def _refresh(self) -> None:
        if self.pair is None:
            return
        pair_id, actor = self.pair.id, self._ctx.actor
        try:
            with self._ctx.store.read() as s:
                meetings = journal.meetings(s, actor, pair_id)
                reviews = journal.reviews(s, actor, pair_id)
                prog = (
                    programme.get_programme(s, pair_id) if self.pair.progress is not None else None
                )
        except DomainError as exc:
            self.journal_list.setText(exc.message())
            return
        self.journal_list.setText(
            "\n".join(
                [f"{m.held_on:%d.%m.%Y} · {m.topic}" for m in meetings]
                + [f"{r.heard_on:%d.%m.%Y} · {r.case_number}" for r in reviews]
            )
        )
        self.items.setRowCount(0)
        for item in prog.items if prog is not None else ():
            self._on_add_item_clicked()
            row = self.items.rowCount() - 1
            for col, text in enumerate((item.goal, item.activity)):
                cell = self.items.item(row, col)
                if cell is not None:
                    cell.setText(text)
            self.status_box(row).setCurrentIndex(ITEM_STATUSES.index(item.status))
        if prog is not None:
            self.chairman.setText(prog.approved_by)
            self.programme_state.setText(
                _("Version {n}; completed {percent}%").format(n=prog.version, percent=prog.progress)
            )

    def _items(self) -> tuple[ProgrammeItem, ...]:
        out = []
        for row in range(self.items.rowCount()):
            cells = [self.items.item(row, c) for c in range(2)]
            goal, activity = (c.text().strip() if c else "" for c in cells)
            out.append(ProgrammeItem(goal, activity, status=self.status_box(row).currentData()))
        return tuple(out)

    def _on_add_item_clicked(self) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        for col in range(2):
            self.items.setItem(row, col, QTableWidgetItem(""))
        box = QComboBox(self.items)
        for key in ITEM_STATUSES:
            box.addItem(_(STATUS_LABELS[key]), key)
        self.items.setCellWidget(row, 2, box)

    def status_box(self, row: int) -> QComboBox:
        """The status picker of a programme item."""
        box = self.items.cellWidget(row, 2)
        assert isinstance(box, QComboBox)
        return box

    def _on_save_programme_clicked(self) -> None:
        assert self.pair is not None
        pair_id, actor, items = self.pair.id, self._ctx.actor, self._items()
        if self.pair.progress is None:
            self._run(lambda s: programme.draw_up(s, actor, pair_id, items))
        else:
            self._run(
                lambda s: programme.correct(
                    s, actor, pair_id, items, _("Corrected during execution")
                )
            )

    def _on_compare_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        try:
            with self._ctx.store.read() as s:
                current = programme.get_programme(s, pair_id).version
                if current < 2:
                    self.changes.setText(_("There is only one version."))
                    return
                old = programme.version_items(s, pair_id, current - 1)
                new = programme.version_items(s, pair_id, current)
        except DomainError as exc:
            self.message_shown.emit(exc.message())
            return
        lines = []
        for n, field, before, after in programme.compare(old, new):
            shown = (before, after)
            if field == "status":
                shown = (_(STATUS_LABELS[before]), _(STATUS_LABELS[after]))
            lines.append(
                _("Item {n}, {field}: «{old}» → «{new}»").format(
                    n=n, field=_(FIELD_LABELS[field]), old=shown[0], new=shown[1]
                )
            )
        self.changes.setText("\n".join(lines))

    def _on_petition_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        data = PetitionInput(
            kind=self.petition_kind.currentData(),
            filed_by=self.report_author.currentData(),
            filed_on=date.today(),
            reasons=self.petition_reasons.text(),
        )
        if self._run(lambda s: journal.file_petition(s, self._ctx.actor, pair_id, data)):
            self.petition_reasons.clear()

    def _on_extend_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        number, on, months = (
            self.order_number.text(),
            _py(self.order_date),
            self.order_months.value(),
        )
        self._run(
            lambda s: service.extend_pair(
                s, self._ctx.actor, pair_id, order_number=number, order_date=on, months=months
            )
        )

    def _on_approve_clicked(self) -> None:
        assert self.pair is not None
        pair_id, name, on = self.pair.id, self.chairman.text(), _py(self.approved_on)
        self._run(lambda s: programme.approve(s, self._ctx.actor, pair_id, name, on))

    def _on_log_meeting_clicked(self) -> None:
        assert self.pair is not None
        pair_id, on = self.pair.id, _py(self.meeting_date)
        topic, notes = self.meeting_topic.text(), self.meeting_notes.toPlainText()
        if self._run(
            lambda s: journal.log_meeting(s, self._ctx.actor, pair_id, on, topic, notes=notes)
        ):
            self.meeting_topic.clear()
            self.meeting_notes.clear()

    def _on_review_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        criteria = {k: box.isChecked() for k, box in self.criteria.items()}
        self._run(
            lambda s: journal.review_hearing(
                s,
                self._ctx.actor,
                pair_id,
                case_number=self.case_number.text(),
                heard_on=_py(self.heard_on),
                criteria=criteria,
                remarks=self.remarks.text(),
            )
        )

    def _on_report_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        data = ReportInput(
            author=self.report_author.currentData(),
            submitted_on=date.today(),
            work_done=self.work_done.toPlainText(),
            knowledge_gained=self.knowledge.text(),
            effectiveness=self.effectiveness.text(),
            proposals=self.proposals.text(),
            feedback_score=self.score.value() or None,
        )
        self._run(lambda s: journal.submit_report(s, self._ctx.actor, pair_id, data))

    def _protocol_input(self) -> ProtocolInput:
        assert self.pair is not None
        return ProtocolInput(
            region_code=self.pair.region_code,
            number=self.protocol_number.text(),
            held_on=_py(self.held_on),
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
        self._run(lambda s: council.update_protocol(s, self._ctx.actor, protocol_id, data))

    def _on_protocol_clicked(self) -> None:
        assert self.pair is not None
        data = self._protocol_input()
        decision = DecisionInput(
            pair_id=self.pair.id,
            decision=self.decision.currentData(),
            text=self.decision_text.text(),
            extend_months=self.extend_months.value(),
        )

        def action(s: Session) -> uuid.UUID:
            created = council.create_protocol(s, self._ctx.actor, data)
            council.add_decision(s, self._ctx.actor, created.id, decision)
            return created.id

        protocol_id = self._run(action)
        if protocol_id is not None:
            self.protocol_id = protocol_id
            self.protocol_state.setText(
                _("Protocol No. {number} drawn up; not signed yet.").format(number=data.number)
            )

    def print_protocol(self, path: Path) -> None:
        """Write the protocol PDF in the chosen language (a draft has no code)."""
        if self.protocol_id is None:
            return
        protocol_id = self.protocol_id
        with self._ctx.store.read() as s:
            content = council.content_of(s, protocol_id)
            found = council.get_protocol(s, protocol_id)
        code = found.content_hash if found.signed_at else None
        path.write_bytes(build_protocol(content, lang=self.lang.currentData(), code=code))
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
            lambda s: council.record_copy(s, self._ctx.actor, protocol_id, recipient, date.today())
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
        signed = self._run(lambda s: council.sign_protocol(s, self._ctx.actor, protocol_id, who))
        if signed is not None:
            self.protocol_state.setText(
                _("Signed. Verification code: {code}").format(code=signed.content_hash[:16].upper())
            )
