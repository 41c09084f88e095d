"""Switch logins on from "no login" mode: create the administrator, encrypt the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import FieldError
from app.security.encryption import encrypt_and_close, switch_logins_on
from i18n import _
from ui.kit.op import Op, Task
from ui.kit.retranslating import Retranslating
from ui.users.account_form import AccountForm

if TYPE_CHECKING:
    from ui.context import UiContext


class LoginsOnDialog(Retranslating, QDialog):
    """The administrator's name and password; on OK the file and its backups are encrypted."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.recovery_code = ""  # set once the file is encrypted (and closed)
        self.location = ctx.store.location
        self.setMinimumWidth(520)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = AccountForm(self)  # the one account form (first run, users, this)
        self.username, self.full_name = self.form.username, self.form.full_name
        self.password, self.repeat = self.form.password, self.form.repeat
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Switch logins on"))
        self.intro.setText(
            _(
                "Create the administrator. The database file and its backups are then"
                " encrypted, and everyone logs in. Tälimger closes afterwards; start it again"
                " and log in."
            )
        )

    def show_errors(self, errors: list[FieldError]) -> None:
        """Reasons beside their fields; any other reasons above the buttons."""
        self.error.setText("\n".join(self.form.show_errors(errors)))

    def _on_buttons_accepted(self) -> None:
        if mismatch := self.form.mismatch():
            self.error.setText(mismatch)
            return
        data = self.form.value()
        created = (
            Op(self, self._ctx, lambda s, actor, _p: switch_logins_on(s, actor, data))
            .fields(self)
            .refusals_to(self.error.setText)
            .run()
        )
        if created is None:
            return
        store = self._ctx.store
        code = (
            Task(self, lambda _p: encrypt_and_close(store, created.username, data.password))
            .with_progress(_("Encrypting the database…"))
            .refusals_to(self.error.setText)
            .run()
        )
        if code is None:
            return
        self.recovery_code = code
        self.accept()


def ask_and_switch_logins_on(parent: QWidget, ctx: UiContext) -> bool:
    """The dialog, then the recovery sheet to print; True once the store was encrypted, so it
    was replaced on disk (as by a restore) and the caller closes its window.
    """
    from ui.data.unlock_dialog import show_recovery_sheet

    dialog = LoginsOnDialog(ctx, parent)
    if not dialog.exec():
        return False
    if dialog.recovery_code:
        name = dialog.username.text().strip()
        show_recovery_sheet(parent, dialog.recovery_code, name, dialog.location)
    return True
