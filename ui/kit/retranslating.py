"""The one language-change handler: widgets mix it in and define retranslate_ui()."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix in before the Qt class (``class View(Retranslating, QWidget)``).

    Qt sends LanguageChange to every widget when the language switches; this calls
    ``retranslate_ui()`` then, so a widget only says what its texts are. Call
    ``retranslate_ui()`` once at the end of ``__init__`` for the first texts.
    """

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        parent: Any = super()
        parent.changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every text in the active language."""
        raise NotImplementedError
