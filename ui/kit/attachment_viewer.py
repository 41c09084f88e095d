"""A viewer of attached scans: images fitted or zoomed; PDFs and others in the system's viewer."""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from i18n import _
from ui.kit.retranslating import Retranslating
from ui.kit.screen_fit import fit_to_screen

ZOOM_STEP = 1.25


def read_image(content: bytes) -> QImage | None:
    """The image in the bytes, or None when Qt cannot read them as one (a PDF, say)."""
    data = QByteArray(content)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone's photo of a page stands the way it was taken
    image = reader.read()
    return None if image.isNull() else image


class AttachmentViewer(Retranslating, QDialog):
    """One or more attached files (name, bytes): an image is shown here, fitted to the window
    or zoomed; anything else (PDFs: QtPdf is not part of PySide6-Essentials) opens in the
    system's viewer from a temporary copy.
    """

    def __init__(self, files: list[tuple[str, bytes]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._files = files
        self._image: QImage | None = None
        self._zoom: float | None = None  # None: fit to the window
        self._folder: Path | None = None  # made on the first copy for the system viewer
        self.choice = QComboBox(self)
        for name, _content in files:
            self.choice.addItem(name)
        self.choice.setVisible(len(files) > 1)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea(self)
        self.area.setWidget(self.picture)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.viewport().installEventFilter(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.fit_button, self.zoom_in_button, self.zoom_out_button, self.actual_button = (
            QPushButton(self) for _ in "abcd"
        )
        self.external_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        for b in (self.fit_button, self.zoom_in_button, self.zoom_out_button, self.actual_button):
            tools.addWidget(b)
        tools.addStretch(1)
        tools.addWidget(self.external_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addLayout(tools)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.fit_button.clicked.connect(lambda: self._set_zoom(None))
        self.zoom_in_button.clicked.connect(lambda: self._set_zoom(self._scale() * ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self._set_zoom(self._scale() / ZOOM_STEP))
        self.actual_button.clicked.connect(lambda: self._set_zoom(1.0))
        self.external_button.clicked.connect(self.open_externally)
        self.choice.currentIndexChanged.connect(self._show)
        fit_to_screen(self, 900, 680)
        self._show(0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Attached document"))
        self.fit_button.setText(_("Fit"))
        self.fit_button.setToolTip(_("Fit the whole page into the window."))
        self.zoom_in_button.setText(_("Zoom in"))
        self.zoom_in_button.setToolTip(_("Show the page larger."))
        self.zoom_out_button.setText(_("Zoom out"))
        self.zoom_out_button.setToolTip(_("Show the page smaller."))
        self.actual_button.setText(_("100 %"))
        self.actual_button.setToolTip(_("Show the page at its own size, pixel for pixel."))
        self.external_button.setText(_("Open in the system viewer"))
        self.external_button.setToolTip(
            _("Open a copy of the file in the program the computer uses for it.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(
            _("Close the viewer.")
        )
        self._say()

    def _say(self) -> None:
        if not self._files:
            self.note.setText(_("No document is attached."))
        elif self._image is None:
            self.note.setText(
                _("{name} cannot be shown here; open it in the system viewer.").format(
                    name=self._files[self.choice.currentIndex()][0]
                )
            )
        else:
            self.note.setText(
                _("{width} × {height} pixels").format(
                    width=self._image.width(), height=self._image.height()
                )
            )

    def _show(self, index: int) -> None:
        self._image = read_image(self._files[index][1]) if 0 <= index < len(self._files) else None
        for b in (self.fit_button, self.zoom_in_button, self.zoom_out_button, self.actual_button):
            b.setEnabled(self._image is not None)
        self.external_button.setEnabled(bool(self._files))
        self._zoom = None
        self._paint()
        self._say()

    def _scale(self) -> float:
        if self._image is None:
            return 1.0
        if self._zoom is not None:
            return self._zoom
        room = self.area.viewport().size()
        return max(
            0.05,
            min(room.width() / self._image.width(), room.height() / self._image.height(), 8.0),
        )

    def _set_zoom(self, zoom: float | None) -> None:
        self._zoom = None if zoom is None else max(0.05, min(zoom, 8.0))
        self._paint()

    def _paint(self) -> None:
        if self._image is None:
            self.picture.clear()
            self.picture.resize(1, 1)
            return
        scale = self._scale()
        shown = self._image.scaled(
            max(1, int(self._image.width() * scale)),
            max(1, int(self._image.height() * scale)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.picture.setPixmap(QPixmap.fromImage(shown))
        self.picture.resize(shown.size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A fitted page follows the size of the room it is shown in."""
        if (
            watched is self.area.viewport()
            and event.type() == QEvent.Type.Resize
            and self._zoom is None
        ):
            self._paint()
        return super().eventFilter(watched, event)

    def temp_copy(self) -> Path | None:
        """The shown file copied to a temporary folder, removed when the viewer is deleted (not
        when it closes: the system's viewer may still be reading it).
        """
        if not self._files:
            return None
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="talimger-scan-"))
            # The folder, not self, is bound: the slot runs after the Python wrapper is gone.
            self.destroyed.connect(partial(shutil.rmtree, str(self._folder), True))
        name, content = self._files[self.choice.currentIndex()]
        path = self._folder / (Path(name).name or "document")
        path.write_bytes(content)
        return path

    def open_externally(self) -> None:
        """Open the shown file in the program the system uses for its type."""
        path = self.temp_copy()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
