"""One registry of the main window's QActions, with standard shortcuts and catalog texts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from i18n import N_, _


@dataclass(frozen=True)
class ActionSpec:
    """Key, text (catalog id) and shortcut of an action."""

    key: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None


SPECS = (
    ActionSpec("new_person", N_("&New person…"), QKeySequence.StandardKey.New),
    ActionSpec("find", N_("&Find…"), QKeySequence.StandardKey.Find),
    ActionSpec("print", N_("&Print preview…"), QKeySequence.StandardKey.Print),
    ActionSpec("export", N_("&Export people…"), "Ctrl+E"),
    ActionSpec("backup", N_("&Back up now"), "Ctrl+B"),
    ActionSpec("database", N_("&Database…")),
    ActionSpec("quit", N_("&Quit"), QKeySequence.StandardKey.Quit),
    ActionSpec("lang_kk", N_("Қазақша")),
    ActionSpec("lang_ru", N_("Русский")),
    ActionSpec("guide", N_("&User guide"), QKeySequence.StandardKey.HelpContents),
    ActionSpec("about", N_("&About Tälimger")),
)


class Actions:
    """Creates every action once; retranslate() refreshes their texts."""

    def __init__(self, parent: QWidget) -> None:
        self.by_key: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(parent)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            self.by_key[spec.key] = action
        for key in ("lang_kk", "lang_ru"):
            self.by_key[key].setCheckable(True)
        self.retranslate()

    def __getitem__(self, key: str) -> QAction:
        return self.by_key[key]

    def retranslate(self) -> None:
        """Texts in the active language."""
        for spec in SPECS:
            self.by_key[spec.key].setText(_(spec.text))
