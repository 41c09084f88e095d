"""Under the needs list: the guides ranked for the selected protégé and "Form pair" (M-3, M-6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from app.mentoring import queries, service
from app.mentoring.dto import NeedRow, PairDTO, Suggestion
from i18n import _
from ui.context import UiContext
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating
from ui.mentoring.wishes_dialog import WishesButton


class GuideChooser(Retranslating, QWidget):
    """Tutor or mentor, the ranked guide, "Form pair" and the protégé's wishes in one row."""

    formed = Signal(object)  # the PairDTO proposed

    def __init__(
        self,
        ctx: UiContext,
        selected: Callable[[], NeedRow | None],
        say: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._selected, self._say = ctx, selected, say
        self._suggestions: list[Suggestion] = []
        self.kind = QComboBox(self)
        self.kind.addItem("", "tutor")
        self.kind.addItem("", "mentor")
        self.kind.setMinimumWidth(120)
        self.guide = QComboBox(self)
        # A few letters at least; the row's stretch gives it the rest. More would keep the page
        # from fitting 1366 pixels in Russian.
        self.guide.setMinimumContentsLength(6)
        self.guide.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.form_pair_button = QPushButton(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.guide, 1)
        row.addWidget(self.form_pair_button)
        row.addWidget(WishesButton(ctx, selected, self.show_suggestions, self))
        self.kind.currentIndexChanged.connect(self.show_suggestions)
        self.form_pair_button.clicked.connect(self._on_form_pair_clicked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.kind.setItemText(0, _("Tutor"))
        self.kind.setItemText(1, _("Mentor"))
        self.form_pair_button.setText(_("Form pair"))
        self.form_pair_button.setToolTip(
            _("Propose a pair of the selected protégé and the chosen guide.")
        )

    def show_suggestions(self) -> None:
        """The guides ranked for the selected protégé, with the reasons."""
        need = self._selected()
        self.guide.clear()
        if need is None:
            return
        kind = self.kind.currentData()
        self._suggestions = (
            Query(self, self._ctx, lambda s: queries.suggestions(s, need.person_id, kind))
            .refusals_to(self._say)
            .run()
            or []
        )
        for sug in self._suggestions:
            why = ", ".join(_(r) for r in sug.reasons)
            self.guide.addItem(f"{sug.full_name} ({why})", str(sug.person_id))

    def _on_form_pair_clicked(self) -> None:
        need = self._selected()
        if need is None or self.guide.currentIndex() < 0:
            self._say(_("Choose a protégé and a guide."))
            return
        guide_id = self._suggestions[self.guide.currentIndex()].person_id
        kind = self.kind.currentData()
        pair: PairDTO | None = (
            Op(
                self,
                self._ctx,
                lambda s, actor, _p: service.propose_pair(
                    s, actor, need.person_id, guide_id, kind=kind, starts_on=date.today()
                ),
            )
            .refusals_to(self._say)
            .run()
        )
        if pair is not None:
            self.formed.emit(pair)
