"""The window and an encrypted store: the first run encrypts, the login comes before opening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.core import backup as backups
from app.core.bootstrap import open_store
from app.core.cipher import is_encrypted
from app.core.keys import KeyFile
from app.security.authentication import login
from db.models import User
from ui.application import open_or_recover
from ui.context import UiContext
from ui.data.login_dialog import FirstRunDialog
from ui.data.unlock_dialog import UnlockDialog, Unlocked

PASSWORD = "long-password"


def _first_run(qtbot: object, db_path: Path) -> FirstRunDialog:
    store = open_store(db_path, backup=False)
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.username, "chief")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.password, PASSWORD)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.repeat, PASSWORD)  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    return dialog


def test_first_run_administrator_encrypts_the_store(qtbot: object, db_path: Path) -> None:
    dialog = _first_run(qtbot, db_path)
    try:
        assert dialog.actor is not None and dialog.actor.name == "chief"
        assert dialog.store.encrypted and dialog.recovery_code
        assert is_encrypted(db_path) and not backups.is_sqlite_file(db_path)
        with dialog.store.read() as s:  # the new store works: the administrator is in it
            assert s.scalar(select(func.count(User.id))) == 1
    finally:
        dialog.store.dispose()


def test_unlock_dialog_refuses_a_wrong_password_then_opens(qtbot: object, db_path: Path) -> None:
    _first_run(qtbot, db_path).store.dispose()
    dialog = UnlockDialog(db_path)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.username, "chief")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.password, "wrong-password")  # type: ignore[attr-defined]
    dialog.buttons.accepted.emit()
    assert dialog.unlocked is None and dialog.error.text()
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)  # type: ignore[attr-defined]
    dialog.buttons.accepted.emit()
    assert dialog.unlocked is not None
    assert dialog.unlocked.key == KeyFile.load(db_path).unlock("chief", PASSWORD)


def test_the_window_opens_an_encrypted_store_after_the_login(qtbot: object, db_path: Path) -> None:
    _first_run(qtbot, db_path).store.dispose()
    asked: list[Path] = []

    def unlock(path: Path) -> Unlocked | None:
        asked.append(path)
        key = KeyFile.load(path).unlock("chief", PASSWORD)
        return Unlocked(key, "chief", PASSWORD)

    store = open_or_recover(str(db_path), 3, unlock=unlock)
    assert store is not None and asked == [db_path]
    try:
        assert store.encrypted
        assert login(store, "chief", PASSWORD).name == "chief"
    finally:
        store.dispose()
    assert open_or_recover(str(db_path), 3, unlock=lambda path: None) is None


def test_settings_switches_logins_on_and_encrypts(
    qtbot: object, db_path: Path, ui_ctx: UiContext
) -> None:
    from app.security.service import choose_no_login, login_mode
    from ui.settings.logins_dialog import LoginsOnDialog
    from ui.settings.settings_view import SettingsView

    with ui_ctx.store.write() as s:
        choose_no_login(s)
    view = SettingsView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    assert not view.logins_button.isHidden()  # shown in "no login" mode only
    dialog = LoginsOnDialog(ui_ctx)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.username, "chief")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.password, PASSWORD)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.repeat, "another-password")  # type: ignore[attr-defined]
    dialog.buttons.accepted.emit()
    assert not dialog.recovery_code and dialog.error.text()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, PASSWORD)  # type: ignore[attr-defined]
    dialog.buttons.accepted.emit()
    assert dialog.recovery_code and is_encrypted(db_path)
    reopened = open_store(db_path, key=KeyFile.load(db_path).unlock("chief", PASSWORD))
    try:
        with reopened.read() as s:
            assert login_mode(s) == "login"
        assert login(reopened, "chief", PASSWORD).name == "chief"
        logged_in = SettingsView(UiContext(reopened, ui_ctx.actor, ui_ctx.settings))
        qtbot.addWidget(logged_in)  # type: ignore[attr-defined]
        assert logged_in.logins_button.isHidden()
    finally:
        reopened.dispose()
