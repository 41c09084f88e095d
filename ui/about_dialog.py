"""About: version, database location, licences."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__
from i18n import _


class AboutDialog(QDialog):
    """Who we are and where the data is."""

    def __init__(self, db_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Tälimger"))
        text = QLabel(self)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        text.setText(
            "<h2>Tälimger / Тәлімгер {v}</h2><p>{what}</p><p>{db}</p><p>{lic}</p>".format(
                v=__version__,
                what=_(
                    "Mentoring, internships, evaluation and professional "
                    "development for the training centres of the courts."
                ),
                db=_("Database: {location}").format(location=db_location),
                lic=_("Qt for Python {qt}; DejaVu fonts (free licence).").format(qt=pyside_version),
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
