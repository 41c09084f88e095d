"""First run, step 1: which training centre this PC serves and the program's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.courts.service import list_centres
from i18n import LANGUAGES, _, current_language
from ui.kit.op import Query
from ui.kit.retranslating import Retranslating

if TYPE_CHECKING:
    from ui.data.login_dialog import StartContext

LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский"}  # each in its own language, never translated


class CentreDialog(Retranslating, QDialog):
    """The language applies at once, so the next steps read in it."""

    def __init__(
        self,
        ctx: StartContext,
        switch_language: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_centre")
        self.setMinimumWidth(520)
        self._switch = switch_language
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.language = QComboBox(self)
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        self.centre = QComboBox(self)
        # Long court names must not squeeze the labels: the combo elides instead.
        self.centre.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.centre.setMinimumContentsLength(30)
        self._centres = Query(self, ctx, list_centres).run() or []
        self.centre.addItem("", None)
        for c in self._centres:
            self.centre.addItem("", str(c.id))
        self.language_label, self.centre_label = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.centre_label, self.centre)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def centre_id(self) -> str:
        """The chosen centre's id, or "" when none was chosen (Settings can set it later)."""
        return str(self.centre.currentData() or "")

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("First run: the training centre"))
        self.intro.setText(
            _(
                "Welcome to Tälimger. Choose the language of the program and the regional "
                "court whose training centre works on this PC; its name is printed on every "
                "document. Both can be changed later in Settings."
            )
        )
        self.language_label.setText(_("Language"))
        self.centre_label.setText(_("Training centre (regional court)"))
        self.centre.setItemText(0, _("— not chosen —"))
        lang = current_language()
        for i, c in enumerate(self._centres, start=1):
            self.centre.setItemText(i, c.name_kk if lang == "kk" else c.name_ru)

    def _on_language_current_index_changed(self, _index: int) -> None:
        self._switch(str(self.language.currentData()))
