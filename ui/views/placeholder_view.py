"""A page for a module still being built: says so plainly."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from i18n import _


class PlaceholderView(QWidget):
    """Names the module and that it is not ready yet."""

    def __init__(self, title_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_id = title_id
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.body):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(w)
        layout.addStretch(2)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.title.setText(_(self._title_id))
        self.body.setText(
            _(
                "This module is being prepared and will appear in a coming "
                "version. Your data in the other modules is not affected."
            )
        )
