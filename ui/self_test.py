"""`python -m app self-test`: main window off-screen, kk↔ru, a PDF, the store; 0 if all hold."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.core.bootstrap import open_store
from app.core.context import Actor, local_actor
from app.core.integrity import check_store
from i18n import _


def _fail(message: str) -> int:
    print(f"self-test FAILED: {message}", file=sys.stderr)
    return 1


def _settle(app: QApplication, window: QWidget, limit_s: float = 30) -> None:
    """Process events until the start page's background computation is over."""
    start_page = window.page(window.pages[0].key)  # type: ignore[attr-defined]
    deadline = time.monotonic() + limit_s
    app.processEvents()
    while getattr(start_page, "busy", False) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def run_self_test(db: str | None, lang: str, actor: Actor | None = None) -> int:
    """Exercise the real window and the printing path without touching the user's data."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="talimger-self-test-") as tmp:
        app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
        assert isinstance(app, QApplication)
        from ui.main_window import MainWindow
        from ui.qt_i18n import LanguageSwitcher

        store = open_store(db or Path(tmp) / "self-test.db", backup=False, create=db is None)
        # An error in a page (a query that fails on this backend) reaches sys.excepthook,
        # often from a worker thread: it is a failed self-test, not a traceback and exit 0.
        caught: list[str] = []
        previous_hook = sys.excepthook
        sys.excepthook = lambda kind, exc, _tb: caught.append(
            f"{kind.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        )
        try:
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            switcher = LanguageSwitcher(app)
            switcher.switch("kk")
            from ui.context import UiContext

            ctx = UiContext(store, actor or local_actor(), settings)
            window = MainWindow(ctx, switcher.switch)
            window.show()
            _settle(app, window)
            titles = {}
            for code in ("ru", "kk"):
                window.set_language(code)
                app.processEvents()
                titles[code] = window.windowTitle()
            if titles["ru"] == titles["kk"]:
                return _fail("the window title did not change language")
            window.page("people")
            app.processEvents()
            from pypdf import PdfReader

            from ui.documents.printing import pdf_of

            # Printed as the window prints it; the search text (it finds nobody) is printed
            # under the title, so every Kazakh letter must come back out of the PDF.
            search = {"search": "әғқңөұүһі"}
            pdf = pdf_of(window, ctx, "people-register", search, lang="kk")
            if pdf is None:
                return _fail("the register of people could not be printed")
            text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
            if "әғқңөұүһі" not in text:
                return _fail("Kazakh letters were lost in the PDF")
            problems = check_store(store)
            if problems:
                return _fail("; ".join(problems))
            _settle(app, window)
            window.close()
            if caught:
                return _fail("; ".join(caught))
        finally:
            sys.excepthook = previous_hook
            store.dispose()
            switcher.switch(lang)
    print(_("Self-test passed."))
    return 0
