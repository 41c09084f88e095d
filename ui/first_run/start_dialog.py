"""First run, last step: start empty with the people register's import, or look at a demo."""

from __future__ import annotations

from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from i18n import _
from ui.kit.retranslating import Retranslating

EMPTY, DEMO = "empty", "demo"


class StartDialog(Retranslating, QDialog):
    """Two ways on; closing the dialog means "start empty"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_start")
        self.setMinimumWidth(560)
        self.choice = EMPTY
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.empty_button = QCommandLinkButton(self)
        self.demo_button = QCommandLinkButton(self)
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty_button)
        layout.addWidget(self.demo_button)
        self.retranslate_ui()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("First run: how to begin"))
        self.intro.setText(_("The database is ready. How would you like to begin?"))
        self.empty_button.setText(_("Start with the real register"))
        self.empty_button.setDescription(
            _(
                "Opens the import of the people register: save the template, fill it in "
                "Excel (one row a person), open it and import."
            )
        )
        self.empty_button.setToolTip(_("Begin with this PC's own, empty database."))
        self.demo_button.setText(_("Look around in a demo database"))
        self.demo_button.setDescription(
            _(
                "A separate database with made-up courts and people opens in a second "
                "window. Your own database stays empty; the two are never mixed."
            )
        )
        self.demo_button.setToolTip(_("Make a demo database in its own file and open it."))
