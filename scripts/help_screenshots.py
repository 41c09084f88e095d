"""Remake the user guide's screenshots from the program itself on a fresh demo store.

    QT_QPA_PLATFORM=offscreen python scripts/help_screenshots.py [OUT_FOLDER]

OUT_FOLDER defaults to resources/help/shots; tests/ui/help runs make() on every suite run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The demo's "today": the guide's pictures do not change with the day they are made.
DEMO_DAY = date(2026, 11, 30)


def make(out: Path, work: Path) -> list[Path]:
    """Fill a demo store in work/, open the window on it and photograph every page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.core.bootstrap import open_store
    from app.core.context import local_actor
    from app.demo.everything import generate_everything
    from ui.context import UiContext
    from ui.help.screenshots import take
    from ui.main_window import MainWindow
    from ui.qt_i18n import LanguageSwitcher

    app = QApplication.instance() or QApplication([])
    store = open_store(work / "demo.db", backup=False, create=True)
    try:
        actor = local_actor()
        with store.write() as session:
            generate_everything(session, actor, today=DEMO_DAY)
        settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        switcher = LanguageSwitcher(app)
        window = MainWindow(UiContext(store=store, actor=actor, settings=settings), switcher.switch)
        window.show()
        try:
            return take(window, switcher.switch, out)
        finally:
            window.close()
            window.deleteLater()
    finally:
        store.dispose()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "help" / "shots"
    with tempfile.TemporaryDirectory() as tmp:
        for path in make(target, Path(tmp)):
            print(path)
