"""One registry of the main window's QActions, with standard shortcuts and catalog texts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from i18n import N_, _


@dataclass(frozen=True)
class ActionSpec:
    """Key, text, tooltip (catalog ids) and shortcut of an action."""

    key: str
    text: str
    tip: str
    shortcut: QKeySequence.StandardKey | str | None = None


SPECS = (
    ActionSpec(
        "new_person",
        N_("&New person…"),
        N_("Add a person to the register."),
        QKeySequence.StandardKey.New,
    ),
    ActionSpec(
        "find",
        N_("&Find…"),
        N_("Go to the search of the people register."),
        QKeySequence.StandardKey.Find,
    ),
    ActionSpec(
        "print",
        N_("&Print preview…"),
        N_("Preview and print the document of the page you are on."),
        QKeySequence.StandardKey.Print,
    ),
    ActionSpec(
        "export",
        N_("&Export people…"),
        N_("Save the people register to Excel, CSV or PDF."),
        "Ctrl+E",
    ),
    ActionSpec(
        "backup", N_("&Back up now"), N_("Make a backup copy of the database now."), "Ctrl+B"
    ),
    ActionSpec(
        "database",
        N_("&Database…"),
        N_("Choose the database file or server used from the next start."),
    ),
    ActionSpec("quit", N_("&Quit"), N_("Close Tälimger."), QKeySequence.StandardKey.Quit),
    ActionSpec("lang_kk", N_("Қазақша"), N_("Show the program in Kazakh.")),
    ActionSpec("lang_ru", N_("Русский"), N_("Show the program in Russian.")),
    ActionSpec(
        "guide",
        N_("&User guide"),
        N_("Open the user guide at the section of this page."),
        QKeySequence.StandardKey.HelpContents,
    ),
    ActionSpec(
        "about",
        N_("&About Tälimger"),
        N_("Version, database location and the components Tälimger is built from."),
    ),
)


class Actions:
    """Creates every action once; retranslate() refreshes their texts."""

    def __init__(self, parent: QWidget) -> None:
        self.by_key: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(parent)
            # setShortcuts, not setShortcut: resolving setShortcut's overloads builds all of
            # PySide6's `Qt` enum classes, tens of ms before the first paint (issue 17). A
            # standard key gets the platform's bindings of it.
            if isinstance(spec.shortcut, str):
                action.setShortcuts([QKeySequence(spec.shortcut)])
            elif spec.shortcut is not None:
                action.setShortcuts(spec.shortcut)
            self.by_key[spec.key] = action
        for key in ("lang_kk", "lang_ru"):
            self.by_key[key].setCheckable(True)
        self.retranslate()

    def __getitem__(self, key: str) -> QAction:
        return self.by_key[key]

    def retranslate(self) -> None:
        """Texts in the active language."""
        for spec in SPECS:
            action = self.by_key[spec.key]
            action.setText(_(spec.text))
            action.setToolTip(_(spec.tip))
            action.setStatusTip(_(spec.tip))
