"""The one account form: user name, full name, roles, password twice (first run, logins on,
a new user); the administrator's forms leave the roles out (the role is given).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QWidget

from app.core.context import ROLES
from app.core.errors import FieldError
from app.core.permissions import ROLE_LABELS
from app.security.dto import UserInput
from i18n import _
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import show_field_errors
from ui.kit.retranslating import Retranslating


def password_field(parent: QWidget) -> QLineEdit:
    """A line edit that hides what is typed."""
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class RolesBox(Retranslating, QWidget):
    """One check box a role, two columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = {role: QCheckBox(self) for role in ROLES}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.boxes.values()):
            grid.addWidget(box, i // 2, i % 2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Role names in the active language."""
        for role, box in self.boxes.items():
            box.setText(_(ROLE_LABELS[role]))

    def roles(self) -> frozenset[str]:
        """The roles ticked."""
        return frozenset(r for r, box in self.boxes.items() if box.isChecked())

    def set_roles(self, roles: frozenset[str]) -> None:
        """Tick exactly these roles."""
        for role, box in self.boxes.items():
            box.setChecked(role in roles)


class AccountForm(Retranslating, QWidget):
    """Fields of a new account with their reasons beside them; ``value()`` is the input."""

    def __init__(self, parent: QWidget | None = None, *, with_roles: bool = False) -> None:
        super().__init__(parent)
        self.username, self.full_name = QLineEdit(self), QLineEdit(self)
        self.password, self.repeat = password_field(self), password_field(self)
        self.roles = RolesBox(self) if with_roles else None
        self.rows = {
            "username": FieldWithError(self.username, self),
            "full_name": FieldWithError(self.full_name, self),
            "password": FieldWithError(self.password, self),
            "repeat": FieldWithError(self.repeat, self),
        }
        if self.roles is not None:
            self.rows["roles"] = FieldWithError(self.roles, self)
        self.labels = {key: QLabel(self) for key in self.rows}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for key, row in self.rows.items():
            form.addRow(self.labels[key], row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Labels in the active language."""
        texts = {
            "username": _("User name"),
            "full_name": _("Full name"),
            "password": _("Password"),
            "repeat": _("Repeat the password"),
            "roles": _("Roles"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])

    def mismatch(self) -> str:
        """The check that needs no database: why the two passwords are refused, or ""."""
        return _("The passwords differ.") if self.password.text() != self.repeat.text() else ""

    def value(self) -> UserInput:
        """What was typed."""
        roles = self.roles.roles() if self.roles is not None else frozenset()
        return UserInput(self.username.text(), self.full_name.text(), roles, self.password.text())

    def show_errors(self, errors: list[FieldError]) -> list[str]:
        """Reasons beside their fields; those of no field are returned."""
        return show_field_errors(self.rows, errors)
