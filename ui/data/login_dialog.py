"""Log in, or on the first run create the administrator or choose "no login"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.context import SYSTEM, Actor
from app.core.errors import FieldError
from app.security.dto import UserInput
from app.security.service import (
    LoginError,
    choose_no_login,
    create_first_administrator,
    needs_first_run,
    startup_actor,
    try_login,
)
from i18n import _
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating

if TYPE_CHECKING:
    from app.core.progress import Progress
    from app.core.store import Session, Store


@dataclass(frozen=True)
class StartContext:
    """What the Op runner needs before anyone has logged in: the store, acting as the system."""

    store: Store
    actor: Actor = SYSTEM


def _attempt(parent: QWidget, ctx: StartContext, username: str, password: str) -> Actor | str:
    """Log in as one unit of work; a failed attempt is saved too (lock-out counts it)."""
    outcome = Op(parent, ctx, lambda s, _a, _p: try_login(s, username, password)).run()
    if isinstance(outcome, LoginError):
        return outcome.message()
    return outcome if outcome is not None else ""


class LoginDialog(Retranslating, QDialog):
    """User name and password; the service decides (argon2, lock-out)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = StartContext(store)
        self.actor: Actor | None = None
        self.setMinimumWidth(420)
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
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Log in to Tälimger"))
        self.name_label.setText(_("User name"))
        self.password_label.setText(_("Password"))

    def _on_buttons_accepted(self) -> None:
        outcome = _attempt(self, self._ctx, self.username.text(), self.password.text())
        if isinstance(outcome, str):
            self.error.setText(outcome)
            self.password.clear()
            return
        self.actor = outcome
        self.accept()


class FirstRunDialog(Retranslating, QDialog):
    """Create the administrator, or run without logins on a single-user PC."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = StartContext(store)
        self.actor: Actor | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.setMinimumWidth(520)
        self.username, self.full_name = QLineEdit(self), QLineEdit(self)
        self.password, self.repeat = QLineEdit(self), QLineEdit(self)
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _i in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.username, self.full_name, self.password, self.repeat), strict=True
        ):
            form.addRow(label, field)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.create_button, self.no_login_button = QPushButton(self), QPushButton(self)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.no_login_button.clicked.connect(self._on_no_login_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.create_button)
        layout.addWidget(self.no_login_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("First run"))
        self.intro.setText(
            _(
                "Several people will use this database: create the administrator account. "
                "One person on an offline PC: run without logins."
            )
        )
        for label, text in zip(
            self.labels,
            (_("User name"), _("Full name"), _("Password"), _("Repeat the password")),
            strict=True,
        ):
            label.setText(text)
        self.create_button.setText(_("Create the administrator"))
        self.no_login_button.setText(_("Run without logins"))

    def _on_create_button_clicked(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(_("The passwords differ."))
            return
        data = UserInput(
            self.username.text(), self.full_name.text(), frozenset(), self.password.text()
        )
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
        self.actor = outcome
        self.accept()

    def show_errors(self, errors: list[FieldError]) -> None:
        """The reasons the administrator was not created, above the buttons."""
        self.error.setText("\n".join(e.message() for e in errors))

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
    first_run: Callable[[Store, QWidget | None], Actor | None] | None = None,
) -> Actor | None:
    """The actor of this session: first run, "no login", or a login. None means quit.

    first_run, when given, replaces the bare FirstRunDialog (ui/first_run: centre, language,
    login mode, where to begin).
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
        return actor
    if first and first_run is not None:
        return first_run(store, parent)
    dialog: LoginDialog | FirstRunDialog = (
        FirstRunDialog(store, parent) if first else LoginDialog(store, parent)
    )
    return dialog.actor if dialog.exec() else None
