"""The confidential journal: meetings and hearing reviews (M-8, M-9)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.core.context import Actor
from app.core.store import Session
from app.mentoring import journal
from app.mentoring.dto import MeetingDTO, ReviewDTO
from app.mentoring.journal import ETHICS_CRITERIA
from i18n import N_, _
from ui.kit.op import Op
from ui.mentoring.pair_tab import PairTab, date_field


class JournalTab(PairTab):
    """The confidential journal: meetings and hearing reviews (M-8, M-9)."""

    def _build(self) -> None:
        page = self
        self.meeting_date = date_field(page)
        self.meeting_topic = QLineEdit(page)
        self.meeting_notes = QPlainTextEdit(page)
        self.meeting_notes.setMaximumHeight(60)
        self.log_meeting_button = self._button(
            page,
            N_("Log meeting"),
            self._on_log_meeting_clicked,
            N_("Add the meeting of mentor and protégé to the confidential journal."),
        )
        self.case_number = QLineEdit(page)
        self.heard_on = date_field(page)
        self.criteria = {key: QCheckBox(page) for key in ETHICS_CRITERIA}
        self.remarks = QLineEdit(page)
        self.review_button = self._button(
            page,
            N_("Save hearing review"),
            self._on_review_clicked,
            N_("Save the mentor's review of a hearing the protégé conducted."),
        )
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

    def _on_log_meeting_clicked(self) -> None:
        assert self.pair is not None
        pair_id, on = self.pair.id, self.meeting_date.day()
        topic, notes = self.meeting_topic.text(), self.meeting_notes.toPlainText()
        if self._run(
            lambda s, actor, _p: journal.log_meeting(s, actor, pair_id, on, topic, notes=notes)
        ):
            self.meeting_topic.clear()
            self.meeting_notes.clear()

    def _on_review_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        criteria = {k: box.isChecked() for k, box in self.criteria.items()}
        number, on, remarks = (
            self.case_number.text(),
            self.heard_on.day(),
            self.remarks.text(),
        )
        self._run(
            lambda s, actor, _p: journal.review_hearing(
                s,
                actor,
                pair_id,
                case_number=number,
                heard_on=on,
                criteria=criteria,
                remarks=remarks,
            )
        )

    def refresh(self) -> None:
        """Meetings and reviews, if the actor may see them (M-9)."""
        pair = self.pair
        if pair is None:
            return
        # M-9: a refusal to read the journal is the journal's text, not a page-wide message.
        found = (
            Op(self, self._ctx, lambda s, actor, _p: _journal(s, actor, pair.id), write=False)
            .refusals_to(self.journal_list.setText)
            .run()
        )
        if found is None:
            return
        meetings, reviews = found
        self.journal_list.setText(
            "\n".join(
                [f"{m.held_on:%d.%m.%Y} · {m.topic}" for m in meetings]
                + [f"{r.heard_on:%d.%m.%Y} · {r.case_number}" for r in reviews]
            )
        )

    def retranslate_ui(self) -> None:
        """Captions and the ethics criteria."""
        super().retranslate_ui()
        for key, box in self.criteria.items():
            box.setText(_(ETHICS_CRITERIA[key]))


def _journal(
    s: Session, actor: Actor, pair_id: uuid.UUID
) -> tuple[list[MeetingDTO], list[ReviewDTO]]:
    return journal.meetings(s, actor, pair_id), journal.reviews(s, actor, pair_id)
