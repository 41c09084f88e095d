"""The user name and password dialog that the login and the encrypted store's unlock share."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from i18n import _
from ui.kit.retranslating import Retranslating


class CredentialsDialog(Retranslating, QDialog):
    """User name, password, a line for the refusal, OK and Cancel; subclasses decide on OK
    (``_on_buttons_accepted``) and may say more above the fields (``intro_text``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(420)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.username, self.password = QLineEdit(self), QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.name_label, self.password_label = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.name_label, self.username)
        form.addRow(self.password_label, self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def intro_text(self) -> str:
        """What the dialog is for, above the fields; empty: nothing is shown there."""
        return ""

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Log in to Tälimger"))
        self.intro.setText(self.intro_text())
        self.intro.setVisible(bool(self.intro.text()))
        self.name_label.setText(_("User name"))
        self.password_label.setText(_("Password"))

    def _on_buttons_accepted(self) -> None:
        raise NotImplementedError
