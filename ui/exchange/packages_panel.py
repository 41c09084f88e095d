"""Send a package to a peer and receive one from a peer, with the passphrase and the result."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.exchange.dto import ExportSummary, ImportSummary
from app.exchange.files import export_to_file, import_from_file
from app.exchange.summary import export_lines, import_lines
from i18n import _
from ui.context import UiContext
from ui.kit.op import Op
from ui.kit.retranslating import Retranslating

PACKAGE_SUFFIX = ".tlx"


def packages_folder() -> str:
    """Where the file dialogs open: the user's documents, never the data folder (a Qt file
    dialog that reads the store's -wal/-shm files drops SQLite's locks: STYLE.md).
    """
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PackagesPanel(Retranslating, QWidget):
    """Export and import; the result of the last one stays on show."""

    conflicts_requested = Signal()
    exchanged = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.peer = QComboBox(self)
        self.export_passphrase = _password_field(self)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.choose_export_file)
        self.import_passphrase = _password_field(self)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.choose_import_file)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        self.conflicts_button.hide()

        self.send_box, self.receive_box = QGroupBox(self), QGroupBox(self)
        self.labels = [QLabel(self) for _i in range(3)]
        send = QFormLayout(self.send_box)
        send.addRow(self.labels[0], self.peer)
        send.addRow(self.labels[1], self.export_passphrase)
        send.addRow("", self.export_button)
        receive = QFormLayout(self.receive_box)
        receive.addRow(self.labels[2], self.import_passphrase)
        receive.addRow("", self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.send_box)
        layout.addWidget(self.receive_box)
        layout.addWidget(self.result)
        layout.addWidget(self.conflicts_button)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.send_box.setTitle(_("Send a package"))
        self.receive_box.setTitle(_("Receive a package"))
        self.labels[0].setText(_("Send to"))
        self.labels[1].setText(_("Passphrase"))
        self.labels[2].setText(_("Passphrase"))
        self.export_button.setText(_("Export a package…"))
        self.export_button.setToolTip(
            _("Write the changes since the last exchange with this PC into an encrypted file.")
        )
        self.import_button.setText(_("Import a package…"))
        self.import_button.setToolTip(
            _("Read a package file from a paired PC and apply its changes here.")
        )
        self.conflicts_button.setText(_("Show the conflicts"))
        self.conflicts_button.setToolTip(
            _("Records changed on both PCs wait on the Exchange conflicts tab for a decision.")
        )

    def set_peers(self, names: list[str]) -> None:
        """The paired PCs a package may go to."""
        chosen = self.peer.currentText()
        self.peer.clear()
        self.peer.addItems(names)
        self.peer.setCurrentIndex(max(self.peer.findText(chosen), 0))

    # -- export -----------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        """Ask where to write the package, then write it."""
        if not self._ready(self.peer.currentText(), self.export_passphrase):
            return
        name = f"{self.peer.currentText()}-{date.today().isoformat()}"
        suggested = str(Path(packages_folder()) / (name.replace(" ", "_") + PACKAGE_SUFFIX))
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export a package"),
            suggested,
            _("Exchange packages (*{suffix})").format(suffix=PACKAGE_SUFFIX),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> ExportSummary | None:
        """Write the package for the chosen peer into `out`."""
        peer, passphrase = self.peer.currentText(), self.export_passphrase.text()
        if not self._ready(peer, self.export_passphrase):
            return None
        summary = (
            Op(
                self,
                self._ctx,
                lambda s, actor, progress: export_to_file(
                    s, actor, peer, passphrase, out, progress=progress
                ),
            )
            .with_progress(_("Writing the package…"))
            .success_message(_("Package written."))
            .refusals_to(self.result.setText)
            .run()
        )
        if summary is not None:
            self.export_passphrase.clear()
            self._show_export(summary, out)
            self.exchanged.emit()
        return summary

    def _show_export(self, s: ExportSummary, out: Path) -> None:
        self.result.setText("\n".join(export_lines(s, out)))
        self.conflicts_button.hide()

    # -- import -----------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        """Ask for the package file, then import it."""
        if not self._ready("-", self.import_passphrase):
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import a package"),
            packages_folder(),
            _("Exchange packages (*{suffix})").format(suffix=PACKAGE_SUFFIX)
            + ";;"
            + _("All files (*)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> ImportSummary | None:
        """Apply the package in `path`."""
        passphrase = self.import_passphrase.text()
        if not self._ready("-", self.import_passphrase):
            return None
        summary = (
            Op(
                self,
                self._ctx,
                lambda s, actor, progress: import_from_file(
                    s, actor, path, passphrase, progress=progress
                ),
            )
            .with_progress(_("Importing the package…"))
            .success_message(_("Package imported."))
            .refusals_to(self.result.setText)
            .run()
        )
        if summary is not None:
            self.import_passphrase.clear()
            self._show_import(summary)
            self.exchanged.emit()
        return summary

    def _show_import(self, s: ImportSummary) -> None:
        self.result.setText("\n".join(import_lines(s)))
        # A package imported before changed nothing, so it has no conflicts to show.
        self.conflicts_button.setVisible(s.conflicts > 0 and not s.already_imported)

    def _ready(self, peer: str, passphrase: QLineEdit) -> bool:
        if not peer:
            self.result.setText(_("Pair with a PC first: a package goes only to a paired PC."))
            return False
        if not passphrase.text():
            self.result.setText(_("Type the passphrase agreed with the other PC."))
            passphrase.setFocus()
            return False
        return True
