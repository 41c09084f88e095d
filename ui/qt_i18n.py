"""Switch language at runtime: gettext catalogs, Qt's own qtbase translations, LanguageChange."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import i18n

# Texts Qt's own catalogs miss for the classes we use: qtbase_ru still has "Look in:" where the
# file dialog now asks for "&Look in:", so the Russian dialog showed English labels.
QT_GAPS = {
    "ru": {
        ("QFileDialog", "&Look in:"): "&Папка:",
        ("QFileDialog", "Files of &type:"): "&Тип файлов:",
    },
}


class QtGaps(QTranslator):
    """Answers only the (context, text) pairs of QT_GAPS for one language."""

    def __init__(self, lang: str, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._texts = QT_GAPS.get(lang, {})

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._texts.get((context, source), "")

    def isEmpty(self) -> bool:
        return not self._texts


class LanguageSwitcher:
    """Holds the installed Qt translator; switching posts LanguageChange to every widget."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._qt: QTranslator | None = None
        self._gaps: QtGaps | None = None

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
        if self._gaps is not None:
            self._app.removeTranslator(self._gaps)
            self._gaps = None
        if QT_GAPS.get(lang):  # installed first, consulted after qtbase (the last installed)
            self._gaps = QtGaps(lang, self._app)
            self._app.installTranslator(self._gaps)
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
