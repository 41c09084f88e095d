"""Choose the database: an SQLite file on this PC or a PostgreSQL server, tried before saving."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.paths import default_db_path
from i18n import _
from ui.database_target import SETTING, remembered_target
from ui.kit.op import Task

__all__ = ["SETTING", "DatabaseDialog", "remembered_target"]


class DatabaseDialog(QDialog):
    """SQLite file or PostgreSQL server; "Test connection" says what is there before saving."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(_("Database"))
        self.sqlite = QRadioButton(_("A database file on this computer (SQLite)"), self)
        self.server = QRadioButton(_("A shared database on a server (PostgreSQL)"), self)
        self.path = QLineEdit(self)
        self.browse = QPushButton(_("Choose…"), self)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.name = QLineEdit("talimger", self)
        self.user = QLineEdit("talimger", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test = QPushButton(_("Test connection"), self)
        self.test.clicked.connect(self._on_test_clicked)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        server_form = QFormLayout()
        server_form.addRow(_("Server"), self.host)
        server_form.addRow(_("Port"), self.port)
        server_form.addRow(_("Database name"), self.name)
        server_form.addRow(_("User"), self.user)
        server_form.addRow(_("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sqlite)
        layout.addLayout(file_row)
        layout.addWidget(self.server)
        layout.addLayout(server_form)
        layout.addWidget(self.test)
        layout.addWidget(self.outcome)
        layout.addWidget(_hint(self))
        layout.addWidget(buttons)
        self.sqlite.toggled.connect(self._on_kind_toggled)
        self._load(remembered_target(settings))
        self.setMinimumWidth(560)

    def _load(self, target: str | None) -> None:
        # SQLAlchemy stays off the start path: run_gui imports this module before first paint.
        from app.core.bootstrap import store_file

        path = store_file(target)
        if path is not None:
            self.sqlite.setChecked(True)
            self.path.setText(str(path))
            return
        from urllib.parse import urlsplit

        parts = urlsplit(str(target))
        self.server.setChecked(True)
        self.path.setText(str(default_db_path()))
        self.host.setText(parts.hostname or "")
        self.port.setValue(parts.port or 5432)
        self.name.setText(parts.path.lstrip("/"))
        self.user.setText(parts.username or "")
        self.password.setText(parts.password or "")
        self._on_kind_toggled(False)

    def target(self) -> str:
        """The chosen database as a path or an SQLAlchemy URL."""
        if self.sqlite.isChecked():
            return self.path.text().strip()
        from urllib.parse import quote

        credentials = quote(self.user.text().strip(), safe="")
        if self.password.text():
            credentials += ":" + quote(self.password.text(), safe="")
        return (
            f"postgresql+psycopg://{credentials}@{self.host.text().strip()}:"
            f"{self.port.value()}/{quote(self.name.text().strip(), safe='')}"
        )

    def _on_kind_toggled(self, file_chosen: bool) -> None:
        self.path.setEnabled(file_chosen)
        self.browse.setEnabled(file_chosen)
        for field in (self.host, self.port, self.name, self.user, self.password):
            field.setEnabled(not file_chosen)
        self.outcome.clear()

    def _on_browse_clicked(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Database file"),
            self.path.text(),
            "SQLite (*.db)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.path.setText(name)

    def _on_test_clicked(self) -> bool:
        from app.core.connection import try_database

        target = self.target()
        answer = (
            Task(self, lambda _progress: try_database(target))
            # Off the GUI thread: a server that never answers must not freeze the dialog.
            .with_progress(_("Trying the connection…"))
            .refusals_to(self.outcome.setText)
            .run()
        )
        if answer is None:  # refused: the runner put the reason beside the button
            return False
        self.outcome.setText(answer)
        return True

    def _on_save_clicked(self) -> None:
        if not self.target() or not self._on_test_clicked():
            return
        self._settings.setValue(SETTING, self.target())
        self.accept()


def _hint(parent: QWidget) -> QLabel:
    label = QLabel(
        _("The choice is remembered for this Windows user and used from the next start."), parent
    )
    label.setWordWrap(True)
    return label
