"""Open an encrypted store: the login comes first, its password unwraps the store key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from app.security.encryption import recovery_sheet
from app.security.unlock_attempts import unlock_store_key
from i18n import _
from ui.data.credentials_dialog import CredentialsDialog
from ui.kit.op import Task


@dataclass(frozen=True)
class Unlocked:
    """The store key and the login that unwrapped it (used once more to log in)."""

    key: bytes
    username: str
    password: str


class UnlockDialog(CredentialsDialog):
    """User name and password of an encrypted store, asked before it can be opened."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self.unlocked: Unlocked | None = None
        self.retranslate_ui()

    def intro_text(self) -> str:
        return _("The database {path} is encrypted: log in to open it.").format(path=self._path)

    def _on_buttons_accepted(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        key = (
            Task(self, lambda _p: unlock_store_key(self._path, username, password))
            .refusals_to(self.error.setText)
            .run()
        )
        if key is None:
            self.password.clear()
            return
        self.unlocked = Unlocked(key, username, password)
        self.accept()


def ask_unlock(path: Path) -> Unlocked | None:
    """Ask for the login that opens an encrypted store; None when the user gives up."""
    dialog = UnlockDialog(path)
    return dialog.unlocked if dialog.exec() else None


def show_recovery_sheet(parent: QWidget | None, code: str, username: str, location: str) -> None:
    """Show the recovery code once, to print or copy onto paper kept in a safe."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _("Tälimger — recovery code"),
        recovery_sheet(code, username, location),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("recovery-sheet")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
