"""A "View scan…" button: attached scans in the viewer, or why there is none to view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from app.core.store import Session
from i18n import _
from ui.context import UiContext
from ui.kit.attachment_viewer import AttachmentViewer
from ui.kit.op import Query
from ui.kit.retranslating import Retranslating


class ScanButton(Retranslating, QPushButton):
    """Enabled only while ``set_scans`` says there is a scan; otherwise its tooltip says why.

    ``read(session)`` gives the files (name, bytes), read and checked when clicked.
    """

    def __init__(
        self,
        ctx: UiContext,
        read: Callable[[Session], list[tuple[str, bytes]]],
        tip: str,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._read, self._tip = ctx, read, tip
        self._why_not = ""  # catalog id; "" while there is a scan
        self.viewer: AttachmentViewer | None = None
        self.clicked.connect(self.view)
        self.set_scans(False, "")
        self.retranslate_ui()

    def set_scans(self, available: bool, why_not: str) -> None:
        """Whether there is a scan to view, and if not, why (a catalog id, N_)."""
        self._why_not = "" if available else why_not
        self.setEnabled(available)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setText(_("View scan…"))
        self.setToolTip(_(self._why_not) if self._why_not else _(self._tip))

    def view(self) -> None:
        """Open the scans in the viewer (images here, PDFs in the system's viewer)."""
        files = Query(self, self._ctx, self._read).run()
        if files:
            self.viewer = AttachmentViewer(files, self)
            self.viewer.open()
