"""Start the GUI: QApplication, translators, the store (with a way out if damaged), the window."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.core.context import local_actor
from i18n import DEFAULT_LANGUAGE, LANGUAGES, _
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from app.core.store import Store
    from ui.data.unlock_dialog import Unlocked
    from ui.single_instance import SingleInstance


def make_settings() -> QSettings:
    """Per-user settings (language, window state)."""
    return QSettings("Talimger", "Talimger")


def ask_restore(message: str, path: Path) -> Path | None:
    """Tell why the store cannot open; offer the newest backup. None means quit."""
    from app.core.backup import last_good, list_backups
    from app.core.paths import backup_folder

    backups = list_backups(backup_folder(path))
    box = QMessageBox(QMessageBox.Icon.Critical, _("Tälimger"), message)
    restore_button = box.addButton(_("Restore a backup…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not restore_button:
        return None
    good = last_good(backup_folder(path))
    start = str(backups[0].path if backups else good or path.parent)
    chosen, _f = QFileDialog.getOpenFileName(None, _("Restore a backup…"), start, "SQLite (*.db)")
    return Path(chosen) if chosen else None


def open_or_recover(
    db: str | None,
    kept: int | None,
    choose: Callable[[str, Path], Path | None] = ask_restore,
    *,
    deferred_backup: bool = False,
    unlock: Callable[[Path], Unlocked | None] | None = None,
) -> Store | None:
    """Open the store; if damaged or foreign, let the user restore a backup and try again.

    An encrypted store is opened with the key that `unlock` (a login) gives; None: quit.
    """
    from app.core.backup import last_good, list_backups, restore
    from app.core.bootstrap import open_store, store_file
    from app.core.cipher import LockedStoreError
    from app.core.errors import DomainError, StoreError
    from app.core.paths import backup_folder
    from ui.data.unlock_dialog import ask_unlock

    key: bytes | None = None

    while True:
        path = store_file(db)
        # First run: a store is created only where none ever was (no backups beside it either).
        first_run = (
            path is not None
            and not path.exists()
            and not list_backups(backup_folder(path))
            and last_good(backup_folder(path)) is None
        )
        try:
            return open_store(
                db, backups_kept=kept, deferred_backup=deferred_backup, create=first_run, key=key
            )
        except LockedStoreError:
            assert path is not None
            unlocked = (unlock or ask_unlock)(path)
            if unlocked is None:
                return None
            key = unlocked.key
            continue
        except StoreError as exc:
            if path is None:  # a server database: nothing to restore on this PC
                QMessageBox.critical(None, _("Tälimger"), exc.message())
                return None
            chosen = choose(exc.message(), path)
            if chosen is None:
                return None
            try:
                restore(chosen, path)
            except DomainError as err:
                QMessageBox.critical(None, _("Tälimger"), err.message())


class HealthCheck(QObject):
    """SQLite's quick_check and the start backup, in a thread after the first page is painted."""

    damaged = Signal(str)

    def start(self, store: Store, kept: int | None) -> None:
        """Run check_and_back_up off the GUI thread; `damaged` carries the message if it fails."""
        threading.Thread(target=self._run, args=(store, kept), daemon=True).start()

    def _run(self, store: Store, kept: int | None) -> None:
        from app.core.bootstrap import check_and_back_up
        from app.core.errors import StoreError
        from app.core.logs import LOGGER

        try:
            check_and_back_up(store, kept)
        except StoreError as exc:
            LOGGER.error("store check after start: %s", exc.message_id)
            self.damaged.emit(exc.message())
        except Exception:
            LOGGER.exception("store check or backup after start failed")


def _when_idle(start: Callable[[], None], waited_ms: int = 0) -> None:
    """Call start once no background query runs (the first page's), at most 30 s later: the
    check and the backup read the whole file and would slow the page's first data (issue 17).
    """
    from ui.kit.background import running

    if running() and waited_ms < 30_000:
        QTimer.singleShot(50, lambda: _when_idle(start, waited_ms + 50))
    else:
        start()


def _safe_file_dialogs() -> None:
    from ui.kit.file_dialog import install

    install()  # no dialog may open the store's files and drop its locks (issue 15, 5)


def _window_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    from app.core.paths import resources_dir

    return QIcon(str(resources_dir() / "icons" / "talimger.png"))


def run_gui(db: str | None = None, lang: str | None = None) -> int:
    """Run the application until the main window closes."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Tälimger")
    app.setOrganizationName("Talimger")
    settings = make_settings()
    from app.core.logs import LOGGER, start_logging
    from ui.error_dialog import install_error_handlers

    start_logging(str(settings.value("log/level", "")) or None)
    install_error_handlers()
    from ui.database_target import remembered_target

    # --db (a shortcut's or the command line's) first, then this user's choice in the window.
    db = db or remembered_target(settings)
    LOGGER.info("window started (db=%s)", "chosen" if db else "default")
    chosen = lang or str(settings.value("language", DEFAULT_LANGUAGE))
    switcher = LanguageSwitcher(app)
    switcher.switch(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)
    # The window paints first; opening, checking and backing up the store follow at once.
    window = MainWindow(None, switcher.switch, actor=local_actor(), settings=settings)
    window.show()
    opened: list[Store] = []

    kept = None  # the store's own backups.kept setting, as in the CLI (app.core.settings)
    health = HealthCheck(app)
    owned: list[SingleInstance] = []

    def claim_the_file() -> bool:
        # One window per store file (issue 15): a second one is refused and calls the first.
        from app.core.bootstrap import store_file
        from ui.single_instance import SingleInstance

        path = store_file(db)
        if path is None or owned:
            return True  # PostgreSQL serves many windows; a store reopened after damage is ours
        claim = SingleInstance(path, app)
        if not claim.claim():
            QMessageBox.information(
                window,
                _("Tälimger"),
                _("This database is already open in another Tälimger window:\n{path}").format(
                    path=path
                ),
            )
            return False
        claim.called.connect(lambda: _bring_forward(window))
        owned.append(claim)
        return True

    def open_the_store(deferred: bool = True) -> None:
        # The integrity check and the backup wait until the page is painted (deferred_backup);
        # a store found damaged then is closed and opened again the careful way.
        from ui.data.unlock_dialog import ask_unlock

        if not claim_the_file():
            window.close()
            app.exit(1)
            return
        logins: list[Unlocked] = []

        def unlock(path: Path) -> Unlocked | None:
            found = ask_unlock(path)
            logins.extend([found] if found else [])
            return found

        store = open_or_recover(db, kept, deferred_backup=deferred, unlock=unlock)
        if store is None:
            window.close()
            app.exit(1)
            return
        opened.append(store)
        from ui.data.login_dialog import who_is_acting
        from ui.first_run.flow import FirstRun

        # First run, "no login", or a login (not asked again when it opened the encrypted file).
        first_run = FirstRun(window.set_language)
        login_as = (logins[-1].username, logins[-1].password) if logins else None
        acting = who_is_acting(store, window, login_as, first_run)
        if acting is None:
            window.close()
            app.exit(1)
            return
        store, actor = acting
        opened.append(store)  # the first run may have encrypted it: a new store
        window.attach_store(store, actor)
        first_run.lead_on(window)  # nothing unless this was the first run
        if deferred:
            QTimer.singleShot(0, lambda: _when_idle(lambda: health.start(store, kept)))

    def on_damaged(message: str) -> None:
        QMessageBox.critical(window, _("Tälimger"), message)
        for store in opened:
            store.dispose()
        opened.clear()
        open_the_store(deferred=False)

    health.damaged.connect(on_damaged)
    # After the first paint, before anything can open a file dialog (the store opens next, the
    # menus take clicks only once painted): the safe dialogs' module costs ~5 ms of start-up.
    window.first_painted.connect(_safe_file_dialogs)
    # The icon after the first paint: a QIcon builds QIcon.ThemeIcon, a large Python enum.
    window.first_painted.connect(lambda: app.setWindowIcon(_window_icon()))
    window.first_painted.connect(open_the_store)
    try:
        return app.exec()
    finally:
        for store in opened:
            store.dispose()
        for claim in owned:
            claim.release()


def _bring_forward(window: MainWindow) -> None:
    """Show the window on top where the platform allows (some refuse to steal the focus)."""
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
