"""File → Print: every catalogue document of the open page, each previewed from the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QVBoxLayout, QWidget

from i18n import _
from ui.pages import Request, page_document

if TYPE_CHECKING:
    from app.documents.spec import Document
    from ui.context import UiContext
    from ui.kit.print_preview_dialog import PrintPreviewDialog


def page_requests(page: QWidget | None) -> dict[str, Request]:
    """What the page and its views would print now, by document id (the shown view first)."""
    if page is None:
        return {}
    found: dict[str, Request] = {}
    for widget in [page, *page.findChildren(QWidget)]:
        ask = getattr(widget, "document_request", None)
        if callable(ask):
            request: Request | None = ask()
            if request is not None:
                found.setdefault(request[0], request)
    return found


class DocumentChoiceDialog(QDialog):
    """The choices of a document the page does not show (which protocol, which year)."""

    def __init__(self, ctx: UiContext, doc: Document, parent: QWidget | None = None) -> None:
        from ui.documents.param_form import ParamForm  # the store's modules load on first print

        super().__init__(parent)
        self.setWindowTitle(_(doc.title))
        self.form = ParamForm(ctx, doc, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Print preview"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_(doc.description), self))
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)


class PrintMenu(QMenu):
    """One entry per document of the open page: previewed with the page's own choices when it
    shows that document (the filter on screen, the open tab), else a small dialog asks for them.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx: UiContext | None = None
        self._page: QWidget | None = None
        self._key = ""
        self._docs: list[Document] = []
        self.last_preview: PrintPreviewDialog | None = None
        self.chooser: DocumentChoiceDialog | None = None
        self.setEnabled(False)  # until a store is open and a page shown
        self.retranslate_ui()

    def show_page(self, ctx: UiContext | None, page: QWidget | None, key: str) -> None:
        """List the documents of the page now open."""
        from app.documents.catalogue import for_page

        self._ctx, self._page, self._key = ctx, page, key
        self._docs = [d for d in for_page(key) if d.pdf is not None]
        self.clear()
        for doc in self._docs:
            action = QAction(_(doc.title), self)
            action.setObjectName(doc.id)
            action.triggered.connect(lambda _checked=False, d=doc: self.print_document(d.id))
            self.addAction(action)
        self.setEnabled(bool(self._docs) and ctx is not None)

    def print_document(self, doc_id: str) -> PrintPreviewDialog | None:
        """Preview a document of the page with the page's choices, asking for what is missing."""
        if self._ctx is None:
            return None
        doc = next(d for d in self._docs if d.id == doc_id)
        requests = page_requests(self._page)
        shown = page_document(self._page, self._key)  # what Ctrl+P prints here
        if shown is not None:
            requests.setdefault(shown[0], shown)
        request = requests.get(doc_id)
        if request is None:  # not what the page shows: its choices, set to their defaults
            self.chooser = DocumentChoiceDialog(self._ctx, doc, self.parentWidget())
            self.chooser.accepted.connect(lambda: self._preview((doc.id, self._chosen())))
            self.chooser.open()
            return None
        return self._preview(request)

    def _chosen(self) -> dict[str, object]:
        assert self.chooser is not None
        return self.chooser.form.value()

    def _preview(self, request: Request) -> PrintPreviewDialog | None:
        from ui.documents.printing import preview

        assert self._ctx is not None
        self.last_preview = preview(self.parentWidget() or self, self._ctx, *request)
        return self.last_preview

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """The title and each document's title in the active language."""
        self.setTitle(_("P&rint a document of this page"))
        for action, doc in zip(self.actions(), self._docs, strict=True):
            action.setText(_(doc.title))
