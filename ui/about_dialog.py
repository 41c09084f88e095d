"""About: version, database location, every shipped component with its version and licence."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.components import licenses_dir, shipped
from i18n import _


class AboutDialog(QDialog):
    """Who we are, where the data is, and what the program is built from."""

    def __init__(self, db_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Tälimger"))
        text = QLabel(self)
        text.setWordWrap(True)
        text.setText(
            "<h2>Tälimger / Тәлімгер {v}</h2><p>{what}</p><p>{db}</p><p>{lic}</p>".format(
                v=__version__,
                what=_(
                    "Mentoring, internships, evaluation and professional "
                    "development for the training centres of the courts."
                ),
                db=_("Database: {location}").format(location=db_location),
                lic=_(
                    "Built with the components below; their licence texts are in {folder}."
                ).format(folder=licenses_dir()),
            )
        )
        rows = shipped()
        self.components = QTableWidget(len(rows), 3, self)
        self.components.setHorizontalHeaderLabels([_("Component"), _("Version"), _("Licence")])
        self.components.verticalHeader().hide()
        self.components.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (component, version) in enumerate(rows):
            for column, value in enumerate((component.name, version, component.licence)):
                self.components.setItem(row, column, QTableWidgetItem(value))
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_licences = buttons.addButton(
            _("Licence texts…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_licences.clicked.connect(self._on_open_licences_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.components, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(620, 480)

    def _on_open_licences_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(licenses_dir())))
