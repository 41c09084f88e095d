"""The users and roles screen driven like an administrator: add, roles, lock, unlock, reset."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.core.context import ADMINISTRATOR, COORDINATOR, MENTOR, VIEWER, Actor
from app.security.authentication import LoginError, login
from app.security.dto import UserInput
from app.security.service import create_first_administrator
from tests.app.security.helpers import add_judge
from ui.context import UiContext
from ui.data.page import SecurityPage
from ui.qt_i18n import LanguageSwitcher
from ui.users.user_dialogs import AddUserDialog, PasswordDialog, RolesDialog
from ui.users.users_view import UsersView


@pytest.fixture
def admin_ctx(ui_ctx: UiContext) -> UiContext:
    """Logins on, with one administrator who is the acting user."""
    with ui_ctx.store.write() as s:
        create_first_administrator(s, UserInput("admin", "Әкімші", frozenset(), "admin-password"))
    return replace(ui_ctx, actor=login(ui_ctx.store, "admin", "admin-password"))


def _column(view: UsersView, col: int) -> list[str]:
    return [view.table.item(r, col).text() for r in range(view.table.rowCount())]


def _row_of(view: UsersView, name: str) -> int:
    return _column(view, 0).index(name)


def test_the_screen_is_the_administrators_only(qtbot: QtBot, admin_ctx: UiContext) -> None:
    page = SecurityPage(admin_ctx)
    qtbot.addWidget(page)
    assert isinstance(page.users, UsersView)
    viewer = SecurityPage(replace(admin_ctx, actor=Actor("v", frozenset({VIEWER}))))
    qtbot.addWidget(viewer)
    assert not hasattr(viewer, "users")


def test_add_change_roles_lock_unlock_and_reset(
    qtbot: QtBot, admin_ctx: UiContext, switcher: LanguageSwitcher
) -> None:
    with admin_ctx.store.write() as s:
        judge = add_judge(s, admin_ctx.actor, 7)
    view = UsersView(admin_ctx)
    qtbot.addWidget(view)
    assert _column(view, 0) == ["admin"]

    dialog = AddUserDialog(admin_ctx, view)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.form.username, "mentor1")
    qtbot.keyClicks(dialog.form.password, "first-password")
    qtbot.keyClicks(dialog.form.repeat, "other-password")
    dialog.buttons.accepted.emit()
    assert dialog.saved is None and dialog.form.rows["repeat"].error.isVisibleTo(dialog)
    dialog.form.repeat.clear()
    qtbot.keyClicks(dialog.form.repeat, "first-password")
    dialog.buttons.accepted.emit()
    assert dialog.saved is None, "no role ticked"
    assert dialog.form.rows["roles"].error.text() == "Кемінде бір рөлді таңдаңыз."
    dialog.form.roles.boxes[MENTOR].setChecked(True)
    qtbot.keyClicks(dialog.iin, "111111111111")
    dialog.buttons.accepted.emit()
    assert dialog.saved is None
    assert dialog.person_row.error.text() == "Тізілімде ЖСН 111111111111 болатын ешкім жоқ."
    dialog.iin.clear()
    qtbot.keyClicks(dialog.iin, judge.data.iin)
    dialog.buttons.accepted.emit()
    assert dialog.saved is not None and dialog.saved.person_id == judge.id
    view.reload()
    row = _row_of(view, "mentor1")
    assert view.table.item(row, 2).text() == "Ментор немесе тәлімгер"
    assert view.table.item(row, 3).text() == "Әбілова Айгүл Серікқызы"
    assert login(admin_ctx.store, "mentor1", "first-password").name == "mentor1"

    view.select_user("mentor1")
    roles = RolesDialog(admin_ctx, view.selected(), view)  # type: ignore[arg-type]
    qtbot.addWidget(roles)
    roles.roles.boxes[COORDINATOR].setChecked(True)
    roles.buttons.accepted.emit()
    view.reload()
    assert COORDINATOR in view._accounts[_row_of(view, "mentor1")].user.roles

    view.select_user("mentor1")
    qtbot.mouseClick(view.lock_button, Qt.MouseButton.LeftButton)
    assert view.table.item(_row_of(view, "mentor1"), 4).text() == "бұғатталған"
    with pytest.raises(LoginError):
        login(admin_ctx.store, "mentor1", "first-password")
    view.select_user("mentor1")
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    assert view.table.item(_row_of(view, "mentor1"), 4).text() == "белсенді"

    view.select_user("mentor1")
    reset = PasswordDialog(admin_ctx, view.selected(), view)  # type: ignore[arg-type]
    qtbot.addWidget(reset)
    qtbot.keyClicks(reset.password, "second-password")
    qtbot.keyClicks(reset.repeat, "second-password")
    reset.buttons.accepted.emit()
    assert reset.saved is not None
    assert login(admin_ctx.store, "mentor1", "second-password").name == "mentor1"

    switcher.switch("ru")
    qtbot.waitUntil(lambda: view.add_button.text() == "Добавить пользователя…", timeout=2000)
    assert view.table.item(_row_of(view, "mentor1"), 4).text() == "активен"


def test_the_only_administrator_keeps_the_role_refused_in_the_users_language(
    qtbot: QtBot, admin_ctx: UiContext, switcher: LanguageSwitcher
) -> None:
    switcher.switch("ru")
    view = UsersView(admin_ctx)
    qtbot.addWidget(view)
    view.select_user("admin")
    roles = RolesDialog(admin_ctx, view.selected(), view)  # type: ignore[arg-type]
    qtbot.addWidget(roles)
    roles.roles.boxes[ADMINISTRATOR].setChecked(False)
    roles.roles.boxes[VIEWER].setChecked(True)
    roles.buttons.accepted.emit()
    assert roles.saved is None
    box = roles.findChild(QMessageBox, "refusal")
    assert box is not None
    assert box.text().startswith("admin — единственный администратор")
