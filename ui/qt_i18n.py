"""Switch language at runtime: gettext catalogs, Qt's own qtbase translations, LanguageChange."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import i18n


class LanguageSwitcher:
    """Holds the installed Qt translator; switching posts LanguageChange to every widget."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._qt: QTranslator | None = None

    def switch(self, lang: str) -> None:
        """Activate a language for our catalogs and for Qt's standard dialogs."""
        i18n.set_language(lang)
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Kazakh if lang == "kk" else QLocale.Language.Russian,
                QLocale.Country.Kazakhstan,
            )
        )
        if self._qt is not None:
            self._app.removeTranslator(self._qt)
        qt = QTranslator(self._app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{lang}", folder):
            self._app.installTranslator(qt)
            self._qt = qt
        else:
            # No Qt catalog (a trimmed bundle): post the event ourselves so windows retranslate.
            self._qt = None
            from PySide6.QtCore import QEvent
            from PySide6.QtWidgets import QApplication

            for widget in QApplication.allWidgets():
                QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))
