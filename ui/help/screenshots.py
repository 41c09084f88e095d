"""Screenshots of every page for the user guide, taken from the running window itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer

from i18n import LANGUAGES
from ui.main_window import MainWindow

# The office screen the guide is written for (1366×768 less the taskbar), shrunk to fit a page
# of the guide window.
WINDOW = QSize(1366, 728)
WIDTH = 820


def _settle(ms: int = 300) -> None:
    # Lists load through Query/Op on opening; let their results arrive before the grab.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def take(
    window: MainWindow,
    switch: Callable[[str], None],
    folder: Path,
    langs: Iterable[str] = LANGUAGES,
) -> list[Path]:
    """Visit every page in each language and save <lang>-<page key>.png into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(WINDOW)
    saved = []
    for lang in langs:
        switch(lang)
        _settle()
        for spec in window.pages:
            window.page(spec.key)
            _settle()
            image = window.grab().toImage()
            image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
            path = folder / f"{lang}-{spec.key}.png"
            if not image.save(str(path), "PNG"):
                raise OSError(f"cannot write {path}")
            saved.append(path)
    return saved
