"""Lists in the shown language's alphabetical order, re-sorted when the language changes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QComboBox

from app.courts.dto import CourtDTO
from i18n.collation import collation_key

LEVELS = {"supreme": 0, "regional": 1, "district": 2}


def courts_in_order(courts: Iterable[CourtDTO]) -> list[CourtDTO]:
    """Supreme, regional, district courts, each level by name in the language shown.

    The stored key follows the Kazakh names; in Russian the Russian names order the list.
    """
    return sorted(courts, key=lambda c: (LEVELS.get(c.level, 3), collation_key(c.name)))


def set_items(combo: QComboBox, first: int, items: Sequence[tuple[str, object]]) -> None:
    """Put (text, data) items from row `first` on, keeping the chosen entry chosen.

    The rows keep their number, so only texts and data change: no row is added or removed and
    no signal fires unless the chosen entry itself is gone.
    """
    chosen = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > first + len(items):
        combo.removeItem(combo.count() - 1)
    for offset, (text, data) in enumerate(items):
        row = first + offset
        if row < combo.count():
            combo.setItemText(row, text)
            combo.setItemData(row, data)
        else:
            combo.addItem(text, data)
    found = combo.findData(chosen) if chosen not in (None, "") else 0
    combo.setCurrentIndex(found if found >= 0 else 0)
    combo.blockSignals(False)
    if found < 0 and combo.count():
        combo.currentIndexChanged.emit(combo.currentIndex())
