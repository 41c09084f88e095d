"""Log in, or on the first run create the administrator or choose "no login"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.context import SYSTEM, Actor
from app.core.errors import FieldError
from app.core.permissions import USERS_MANAGE, can
from app.security.authentication import LoginError, try_login
from app.security.encryption import POSTPONED, encrypt_store
from app.security.lockout import pending_alerts
from app.security.service import (
    choose_no_login,
    create_first_administrator,
    needs_first_run,
    startup_actor,
)
from i18n import _
from ui.data.credentials_dialog import CredentialsDialog
from ui.data.unlock_dialog import show_recovery_sheet
from ui.kit.op import Op, Query, Task
from ui.kit.retranslating import Retranslating
from ui.users.account_form import AccountForm

if TYPE_CHECKING:
    from app.core.progress import Progress
    from app.core.store import Session, Store


@dataclass(frozen=True)
class StartContext:
    """What the Op runner needs before anyone has logged in: the store, acting as the system."""

    store: Store
    actor: Actor = SYSTEM


def _attempt(
    parent: QWidget | None, ctx: StartContext, username: str, password: str
) -> Actor | str:
    """Log in as one unit of work; a failed attempt is saved too (lock-out counts it)."""
    outcome = Op(parent, ctx, lambda s, _a, _p: try_login(s, username, password)).run()
    if isinstance(outcome, LoginError):
        return outcome.message()
    return outcome if outcome is not None else ""


class LoginDialog(CredentialsDialog):
    """User name and password; the service decides (argon2, lock-out)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = StartContext(store)
        self.actor: Actor | None = None
        self.retranslate_ui()

    def _on_buttons_accepted(self) -> None:
        outcome = _attempt(self, self._ctx, self.username.text(), self.password.text())
        if isinstance(outcome, str):
            self.error.setText(outcome)
            self.password.clear()
            return
        self.actor = outcome
        self._show_alerts(outcome)
        self.accept()

    def _show_alerts(self, actor: Actor) -> None:
        """Issue 10, Why #9: administrators hear of repeated failed logins at their next login."""
        if not can(actor, USERS_MANAGE):
            return
        alerts = Query(self, self._ctx, lambda s: pending_alerts(s, actor)).run()
        if not alerts:
            return
        QMessageBox.warning(
            self,
            _("Failed logins"),
            "\n".join(
                _("{count} failed logins in a row as {name} (by {at} UTC).").format(
                    count=a.failures, name=a.username, at=f"{a.at:%Y-%m-%d %H:%M}"
                )
                for a in alerts
            ),
        )


class FirstRunDialog(Retranslating, QDialog):
    """Create the administrator (the file is then encrypted), or run without logins."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = StartContext(store)
        self.store = store  # replaced by the encrypted store once the administrator exists
        self.recovery_code = ""
        self.postponed = ""  # why the file could not be encrypted now, if it could not
        self.actor: Actor | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.setMinimumWidth(520)
        self.form = AccountForm(self)  # the one account form (logins on, users, this)
        self.username, self.full_name = self.form.username, self.form.full_name
        self.password, self.repeat = self.form.password, self.form.repeat
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.create_button, self.no_login_button = QPushButton(self), QPushButton(self)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.no_login_button.clicked.connect(self._on_no_login_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.create_button)
        layout.addWidget(self.no_login_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("First run"))
        self.intro.setText(
            _(
                "Several people will use this database: create the administrator account. The"
                " database file and its backups are then encrypted: without a password nobody"
                " reads them, not even with the file copied. One person on an offline PC: run"
                " without logins; the file then stays readable to anyone who can copy it."
            )
        )
        self.create_button.setText(_("Create the administrator"))
        self.no_login_button.setText(_("Run without logins"))

    def _on_create_button_clicked(self) -> None:
        if mismatch := self.form.mismatch():
            self.error.setText(mismatch)
            return
        data = self.form.value()
        created = (
            Op(self, self._ctx, lambda s, _a, _p: create_first_administrator(s, data))
            .fields(self)
            .run()
        )
        if created is None:
            return
        outcome = _attempt(self, self._ctx, data.username, data.password)
        if isinstance(outcome, str):
            self.error.setText(outcome)
            return
        done = (
            Task(self, lambda _p: encrypt_store(self.store, data.username, data.password))
            .with_progress(_("Encrypting the database…"))
            .refusals_to(self.error.setText)
            .run()
        )
        if done is None:
            return
        self.store, self.recovery_code = done.store, done.recovery_code
        if done.postponed is not None:
            # Logins are on; the file stays plain until `user encrypt-store` (check says so).
            self.postponed = _(POSTPONED).format(reason=done.postponed.message())
        self.actor = outcome
        self.accept()

    def show_errors(self, errors: list[FieldError]) -> None:
        """Reasons beside their fields; any other reasons above the buttons."""
        self.error.setText("\n".join(self.form.show_errors(errors)))

    def _on_no_login_button_clicked(self) -> None:
        def choose(s: Session, _a: Actor, _p: Progress) -> Actor | None:
            choose_no_login(s)
            return startup_actor(s)

        actor = Op(self, self._ctx, choose).run()
        if actor is None:
            return
        self.actor = actor
        self.accept()


def who_is_acting(
    store: Store,
    parent: QWidget | None = None,
    login_as: tuple[str, str] | None = None,
    first_run: Callable[[Store, QWidget | None], tuple[Store, Actor] | None] | None = None,
) -> tuple[Store, Actor] | None:
    """The store and actor of this session: first run, "no login", or a login. None: quit.

    login_as is the login that already opened an encrypted store: it is not asked twice.
    The first run encrypts the store, so the store returned may be a new one. first_run, when
    given, replaces the bare FirstRunDialog (ui/first_run: centre, language, login mode, where
    to begin).
    """
    ctx = StartContext(store)

    def acting(s: Session) -> tuple[bool, Actor | None]:
        first = needs_first_run(s)
        return first, None if first else startup_actor(s)

    found = Query(parent, ctx, acting).run()
    if found is None:  # refused (shown): the store cannot be used
        return None
    first, actor = found
    if actor is not None:
        return store, actor
    if login_as is not None and not first:
        outcome = _attempt(parent, ctx, *login_as)
        if not isinstance(outcome, str):
            return store, outcome
    if first:
        return (
            first_run(store, parent) if first_run is not None else choose_login_mode(store, parent)
        )
    dialog = LoginDialog(store, parent)
    return (store, dialog.actor) if dialog.exec() and dialog.actor is not None else None


def choose_login_mode(store: Store, parent: QWidget | None) -> tuple[Store, Actor] | None:
    """The first run's login step: an administrator (the file is then encrypted and the
    recovery code shown once) or no logins; the store it leaves open, and who acts.
    """
    first_run = FirstRunDialog(store, parent)
    if not first_run.exec() or first_run.actor is None:
        return None
    if first_run.recovery_code:
        name = first_run.actor.name
        show_recovery_sheet(parent, first_run.recovery_code, name, first_run.store.location)
    if first_run.postponed:
        QMessageBox.warning(parent, _("Tälimger"), first_run.postponed)
    return first_run.store, first_run.actor
