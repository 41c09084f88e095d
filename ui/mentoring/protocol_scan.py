"""The council protocol's signed scan: chosen before marking signed, viewed after (M-11)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton, QVBoxLayout, QWidget

from app.core.store import Session
from app.mentoring import scans
from app.mentoring.dto import ProtocolDTO
from i18n import N_, _
from ui.context import UiContext
from ui.kit.retranslating import Retranslating
from ui.mentoring.scan_button import ScanButton


class ProtocolScan(Retranslating, QWidget):
    """Attach the signed scan to a protocol not yet signed, view the scan of one signed with
    it; each button says why when it cannot act.
    """

    def __init__(self, ctx: UiContext, say: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._say = say
        self.protocol: ProtocolDTO | None = None
        self.chosen: tuple[str, bytes] | None = None  # stored when the protocol is marked signed
        self.attach_button = QPushButton(self)
        self.attach_button.clicked.connect(self._on_attach_clicked)
        self.view_button = ScanButton(
            ctx, self._read, N_("Show the scan of the signed protocol."), self
        )
        row = QVBoxLayout(self)  # side by side they would widen the tab past 1366 pixels
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attach_button)
        row.addWidget(self.view_button)
        self.show_protocol(None)

    def show_protocol(self, protocol: ProtocolDTO | None) -> None:
        """The protocol in the form (None: a new one); a scan chosen for another is dropped."""
        self.protocol, self.chosen = protocol, None
        signed = protocol is not None and protocol.signed_at is not None
        if protocol is not None and protocol.scan_name:
            self.view_button.set_scans(True, "")
        elif signed:
            self.view_button.set_scans(False, N_("The protocol was signed without a scan."))
        else:
            self.view_button.set_scans(
                False, N_("A scan is attached when the protocol is marked signed.")
            )
        self.retranslate_ui()

    def attach(self, path: Path) -> None:
        """Choose the signed protocol's scan; it is stored when the protocol is marked signed."""
        self.chosen = (path.name, path.read_bytes())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.attach_button.setText(self.chosen[0] if self.chosen else _("Attach the signed scan…"))
        self.attach_button.setToolTip(
            _("Choose the scan of the signed protocol (PDF or image); kept when marked signed.")
        )

    def _on_attach_clicked(self) -> None:
        if self.protocol is None or self.protocol.signed_at is not None:
            self._say(_("Select a protocol not yet signed; its scan is kept when marked signed."))
            return
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Attach the signed scan…"), "", "PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)"
        )
        if name:
            self.attach(Path(name))

    def _read(self, s: Session) -> list[tuple[str, bytes]]:
        protocol_id: uuid.UUID | None = self.protocol.id if self.protocol else None
        return [scans.protocol_scan(s, protocol_id)] if protocol_id else []
