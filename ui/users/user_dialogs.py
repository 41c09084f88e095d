"""The administrator's dialogs: a new user, an account's roles, a new password."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.security.accounts import create_account, reset_password, set_roles
from app.security.dto import AccountDTO, UserDTO
from i18n import _
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Work
from ui.users.account_form import AccountForm, RolesBox, password_field

if TYPE_CHECKING:
    from ui.context import UiContext


class AddUserDialog(FormDialog[UserDTO]):
    """A new account: its name, roles and first password."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setMinimumWidth(680)
        self.form = AccountForm(self, with_roles=True)
        self.iin = QLineEdit(self)
        self.iin.setMaxLength(12)
        self.person_row = FieldWithError(self.iin, self)
        self.person_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.person_label, self.person_row)
        self.body.addWidget(self.form)
        self.body.addLayout(form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Add a user"))
        self.person_label.setText(_("IIN of the person (if any)"))
        self.iin.setToolTip(
            _("Ties the account to the register: a mentor then sees their own pairs.")
        )

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return {**self.form.rows, "person": self.person_row}

    def check(self) -> bool:
        reason = self.form.mismatch()
        self.form.rows["repeat"].show_error(reason)
        return not reason

    def save_work(self) -> Work[UserDTO]:
        data, iin = self.form.value(), self.iin.text()
        return lambda s, actor, _p: create_account(s, actor, data, iin)


class RolesDialog(FormDialog[AccountDTO]):
    """Change the roles of one account."""

    def __init__(self, ctx: UiContext, account: AccountDTO, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._user_id: uuid.UUID = account.user.id
        self._name = account.user.username
        self.roles = RolesBox(self)
        self.roles.set_roles(account.user.roles)
        self.row = FieldWithError(self.roles, self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        self.body.addWidget(self.row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Change roles"))
        self.intro.setText(_("Roles of {name}:").format(name=self._name))

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return {"roles": self.row}

    def save_work(self) -> Work[AccountDTO]:
        user_id, roles = self._user_id, self.roles.roles()
        return lambda s, actor, _p: set_roles(s, actor, user_id, roles)


class PasswordDialog(FormDialog[AccountDTO]):
    """A new password for one account, to tell its user in person."""

    def __init__(self, ctx: UiContext, account: AccountDTO, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setMinimumWidth(480)
        self._user_id: uuid.UUID = account.user.id
        self._name = account.user.username
        self.password, self.repeat = password_field(self), password_field(self)
        self.rows = {
            "password": FieldWithError(self.password, self),
            "repeat": FieldWithError(self.repeat, self),
        }
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.labels = [QLabel(self), QLabel(self)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.rows["password"])
        form.addRow(self.labels[1], self.rows["repeat"])
        self.body.addWidget(self.intro)
        self.body.addLayout(form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Reset the password"))
        self.intro.setText(
            _(
                "A new password for {name}. Tell it to them in person; it also opens the "
                "encrypted database file."
            ).format(name=self._name)
        )
        self.labels[0].setText(_("New password"))
        self.labels[1].setText(_("Repeat the password"))

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def check(self) -> bool:
        differ = self.password.text() != self.repeat.text()
        self.rows["repeat"].show_error(_("The passwords differ.") if differ else "")
        return not differ

    def save_work(self) -> Work[AccountDTO]:
        user_id, password = self._user_id, self.password.text()
        return lambda s, actor, _p: reset_password(s, actor, user_id, password)


__all__ = ["AddUserDialog", "PasswordDialog", "RolesDialog"]
