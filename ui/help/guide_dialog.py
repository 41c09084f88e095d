"""The user guide window: the guide of the active language, scrolled to one page's section."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.core.paths import resources_dir
from i18n import _, current_language
from ui.kit.retranslating import Retranslating
from ui.kit.screen_fit import fit_to_screen


def guide_folder() -> Path:
    """resources/help: guide.<lang>.html and the screenshots in shots/."""
    return resources_dir() / "help"


def guide_file(lang: str) -> Path:
    """The guide of one language."""
    return guide_folder() / f"guide.{lang}.html"


class GuideDialog(Retranslating, QDialog):
    """Non-modal, so the guide stays open beside the page it explains."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.section = ""
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(guide_folder())])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self._lang = ""
        fit_to_screen(self, 900, 700)
        self.retranslate_ui()

    def show_section(self, key: str) -> None:
        """Show the guide at the section of the page with this key (its anchor)."""
        self.section = key
        self.show()
        self.raise_()
        self.activateWindow()
        self.browser.scrollToAnchor(key)

    def retranslate_ui(self) -> None:
        """Title and the guide itself in the active language, at the same section."""
        self.setWindowTitle(_("User guide"))
        lang = current_language()
        if lang != self._lang:
            self._lang = lang
            self.browser.setSource(QUrl.fromLocalFile(str(guide_file(lang))))
            if self.section:
                self.browser.scrollToAnchor(self.section)
