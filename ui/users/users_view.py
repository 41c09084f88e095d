"""Users and roles (administrator): the accounts, their state, and what may be done to them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.permissions import ROLE_LABELS
from app.security.accounts import list_accounts, recovery_status
from app.security.dto import AccountDTO, RecoveryStatus
from app.security.service import lock_user, login_mode, unlock_user
from i18n import _, format_datetime, ngettext
from ui.context import UiContext
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating

if TYPE_CHECKING:  # SQLAlchemy stays off the start path (ui/kit/op.py)
    from app.core.context import Actor
    from app.core.store import Session


class UsersView(Retranslating, QWidget):
    """The accounts in a table; each button acts on the selected one."""

    help_section = "users"  # F1 opens the guide here

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._accounts: list[AccountDTO] = []
        self._recovery = RecoveryStatus(encrypted=False, has_code=False)
        self._mode = ""
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.change_roles())
        self.add_button = QPushButton(self)
        self.roles_button = QPushButton(self)
        self.password_button = QPushButton(self)
        self.lock_button = QPushButton(self)
        self.unlock_button = QPushButton(self)
        self.logins_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_user)
        self.roles_button.clicked.connect(self.change_roles)
        self.password_button.clicked.connect(self.reset_password)
        self.lock_button.clicked.connect(self.lock)
        self.unlock_button.clicked.connect(self.unlock)
        self.logins_button.clicked.connect(self.switch_logins_on)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.roles_button,
            self.password_button,
            self.lock_button,
            self.unlock_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.logins_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.table.setHorizontalHeaderLabels(
            [
                _("User name"),
                _("Full name"),
                _("Roles"),
                _("Person"),
                _("State"),
                _("Opens the file"),
                _("Last login"),
            ]
        )
        self.add_button.setText(_("Add a user…"))
        self.add_button.setToolTip(_("Create an account with its roles and first password."))
        self.roles_button.setText(_("Change roles…"))
        self.roles_button.setToolTip(_("Choose what the selected user may do."))
        self.password_button.setText(_("Reset the password…"))
        self.password_button.setToolTip(
            _("Give the selected user a new password; it also lifts the wait after failures.")
        )
        self.lock_button.setText(_("Lock"))
        self.lock_button.setToolTip(_("The selected user cannot log in until unlocked."))
        self.unlock_button.setText(_("Unlock"))
        self.unlock_button.setToolTip(
            _("Lift the lock and the wait after failed logins of the selected user.")
        )
        self.logins_button.setText(_("Switch logins on…"))
        self.logins_button.setToolTip(
            _("Create the administrator; the database file is then encrypted (a backup first).")
        )
        self._fill()

    def reload(self) -> None:
        """Read the accounts, the recovery code's state and the login mode."""

        def work(s: Session) -> tuple[list[AccountDTO], RecoveryStatus, str]:
            actor = self._ctx.actor
            return list_accounts(s, actor), recovery_status(s, actor), login_mode(s)

        found = Query(self, self._ctx, work).run()
        if found is not None:
            self._accounts, self._recovery, self._mode = found
        self._fill()

    def _state(self, a: AccountDTO) -> str:
        if not a.user.active:
            return _("inactive")
        if a.user.locked:
            return _("locked")
        if a.wait_seconds:
            return ngettext(
                "waits {count} second after failed logins",
                "waits {count} seconds after failed logins",
                a.wait_seconds,
            ).format(count=a.wait_seconds)
        return _("active")

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self._accounts))
        for row, a in enumerate(self._accounts):
            opens = {None: "—", True: _("yes"), False: _("no: reset the password")}
            cells = (
                a.user.username,
                a.user.full_name,
                ", ".join(_(ROLE_LABELS[r]) for r in sorted(a.user.roles) if r in ROLE_LABELS),
                a.person_name or "—",
                self._state(a),
                opens[a.opens_file],
                format_datetime(a.user.last_login_at.astimezone()) if a.user.last_login_at else "—",
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
            if chosen is not None and a.user.id == chosen.user.id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.status.setText(self._status_text())
        self.logins_button.setVisible(self._mode == "none")
        self._on_table_item_selection_changed()

    def _status_text(self) -> str:
        if self._mode != "login":  # "none", or "" before the first run
            return _("Logins are off: anyone who starts Tälimger on this PC works as you.")
        if not self._recovery.encrypted:
            text = _("Logins are on. The database is not an encrypted file here.")
        elif self._recovery.has_code:
            text = _("Logins are on; the database file is encrypted; a recovery code opens it.")
        else:
            text = _("Logins are on; the database file is encrypted; it has no recovery code.")
        missing = sum(1 for a in self._accounts if a.opens_file is False and a.user.active)
        if missing:
            text += " " + ngettext(
                "{count} user cannot open the encrypted file until you reset their password.",
                "{count} users cannot open the encrypted file until you reset their passwords.",
                missing,
            ).format(count=missing)
        return text

    def selected(self) -> AccountDTO | None:
        """The account selected in the table."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self._accounts):
            return None
        return self._accounts[rows[0].row()]

    def select_user(self, username: str) -> None:
        """Select an account by its user name."""
        for row, a in enumerate(self._accounts):
            if a.user.username == username:
                self.table.selectRow(row)

    def _on_table_item_selection_changed(self) -> None:
        a = self.selected()
        for button in (self.roles_button, self.password_button):
            button.setEnabled(a is not None)
        self.lock_button.setEnabled(a is not None and not a.user.locked)
        self.unlock_button.setEnabled(a is not None and (a.user.locked or a.wait_seconds > 0))

    def add_user(self) -> None:
        """Create an account and select it."""
        from ui.users.user_dialogs import AddUserDialog

        dialog = AddUserDialog(self._ctx, self)
        if dialog.exec() and dialog.saved is not None:
            self.reload()
            self.select_user(dialog.saved.username)
            self._confirm(_("User {name} added.").format(name=dialog.saved.username))

    def change_roles(self) -> None:
        """Change the selected account's roles."""
        from ui.users.user_dialogs import RolesDialog

        a = self.selected()
        if a is not None and RolesDialog(self._ctx, a, self).exec():
            self.reload()
            self._confirm(_("Saved."))

    def reset_password(self) -> None:
        """Give the selected account a new password."""
        from ui.users.user_dialogs import PasswordDialog

        a = self.selected()
        if a is not None and PasswordDialog(self._ctx, a, self).exec():
            self.reload()
            self._confirm(_("The password of {name} was reset.").format(name=a.user.username))

    def lock(self) -> None:
        """Lock the selected account."""
        self._act_on_selected(lock_user, _("{name} is locked."))

    def unlock(self) -> None:
        """Unlock the selected account."""
        self._act_on_selected(unlock_user, _("{name} is unlocked."))

    def _act_on_selected(
        self, act: Callable[[Session, Actor, uuid.UUID], object], done: str
    ) -> None:
        """Run a service on the selected account; `done` names it in the status bar."""
        a = self.selected()
        if a is None:
            return
        user_id = a.user.id
        Op(self, self._ctx, lambda s, actor, _p: act(s, actor, user_id)).success_message(
            done.format(name=a.user.username)
        ).run()
        self.reload()

    def _confirm(self, text: str) -> None:
        from ui.kit.op import show_status

        show_status(self, text)

    def switch_logins_on(self) -> None:
        """The Settings page's way: create the administrator, encrypt, then restart."""
        from ui.settings.logins_dialog import ask_and_switch_logins_on

        if ask_and_switch_logins_on(self, self._ctx):
            self.window().close()  # the store was replaced on disk, as by a restore
