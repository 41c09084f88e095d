"""The ledger's "View documents…" button: the selected line's attached scans in the viewer (C-3)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from app.core.store import Session
from app.cpd.dto import ActivityDTO
from app.cpd.evidence import evidence_content
from i18n import _
from ui.context import UiContext
from ui.kit.attachment_viewer import AttachmentViewer
from ui.kit.op import Query, show_status
from ui.kit.retranslating import Retranslating


class EvidenceButton(Retranslating, QPushButton):
    """Opens the documents attached to the selected ledger line, checked against their SHA-256."""

    def __init__(
        self, ctx: UiContext, selected: Callable[[], ActivityDTO | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ctx, self._selected = ctx, selected
        self.viewer: AttachmentViewer | None = None
        self.clicked.connect(self.view)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setText(_("View documents…"))
        self.setToolTip(_("Show the documents attached to the selected line."))

    def view(self) -> None:
        """Open the selected line's documents; say so when there are none."""
        line = self._selected()
        if line is None or not line.evidence:
            show_status(self, _("The selected line has no attached documents."))
            return
        ids = [e.id for e in line.evidence]

        def read(s: Session) -> list[tuple[str, bytes]]:
            return [evidence_content(s, i) for i in ids]

        files = Query(self, self._ctx, read).run()
        if files:
            self.viewer = AttachmentViewer(files, self)
            self.viewer.open()
