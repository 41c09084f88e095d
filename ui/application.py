"""Start the GUI: QApplication, translators, the store (with a way out if damaged), the window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.backup import list_backups, restore
from app.bootstrap import open_store, store_file
from app.context import local_actor
from app.errors import DomainError, StoreError
from app.store import Store
from i18n import DEFAULT_LANGUAGE, LANGUAGES, _
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher


def make_settings() -> QSettings:
    """Per-user settings (language, window state)."""
    return QSettings("Talimger", "Talimger")


def _open_or_recover(db: str | None, kept: int) -> Store | None:
    """Open the store; if damaged or foreign, offer to restore the newest backup."""
    while True:
        try:
            return open_store(db, backups_kept=kept)
        except StoreError as exc:
            path = store_file(db)
            backups = list_backups(path.parent / "backups") if path else []
            box = QMessageBox(QMessageBox.Icon.Critical, _("Tälimger"), exc.message())
            restore_button = (
                box.addButton(_("Restore a backup…"), QMessageBox.ButtonRole.AcceptRole)
                if path
                else None
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if restore_button is None or box.clickedButton() is not restore_button:
                return None
            start = str(backups[0].path) if backups else str(path.parent if path else "")
            chosen, _f = QFileDialog.getOpenFileName(
                None, _("Restore a backup…"), start, "SQLite (*.db)"
            )
            if not chosen or path is None:
                return None
            from pathlib import Path

            try:
                restore(Path(chosen), path)
            except DomainError as err:
                QMessageBox.critical(None, _("Tälimger"), err.message())


def run_gui(db: str | None = None, lang: str | None = None) -> int:
    """Run the application until the main window closes."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Tälimger")
    app.setOrganizationName("Talimger")
    settings = make_settings()
    chosen = lang or str(settings.value("language", DEFAULT_LANGUAGE))
    switcher = LanguageSwitcher(app)
    switcher.switch(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)
    store = _open_or_recover(db, int(str(settings.value("backups/kept", 10))))
    if store is None:
        return 1
    ctx = UiContext(store=store, actor=local_actor(), settings=settings)
    window = MainWindow(ctx, switcher.switch)
    window.show()
    try:
        return app.exec()
    finally:
        store.dispose()
