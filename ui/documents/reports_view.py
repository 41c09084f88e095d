"""Reports page: every document of the catalogue with its parameters, previewed or saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents.catalogue import CATALOGUE, find
from app.documents.spec import Document
from i18n import _
from i18n.rule_ids import split_rules
from ui.context import UiContext
from ui.documents.param_form import ParamForm
from ui.documents.printing import Request, preview, save_to
from ui.kit.enter_opens import open_on_enter
from ui.kit.op import rules_tip
from ui.kit.print_preview_dialog import PrintPreviewDialog

DOC_ID = Qt.ItemDataRole.UserRole


class ReportsView(QWidget):
    """Pick a document, set its parameters, preview it (then print) or save it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.list = QListWidget(self)
        for doc in CATALOGUE:
            item = QListWidgetItem()
            item.setData(DOC_ID, doc.id)
            self.list.addItem(item)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.form_box = QVBoxLayout()
        self.form: ParamForm | None = None
        self.format = QComboBox(self)
        self.open_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.last_preview: PrintPreviewDialog | None = None
        self.open_button.clicked.connect(self.open_current)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.list.itemDoubleClicked.connect(self.open_current)
        open_on_enter(self.list, lambda _index: self.open_current())
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        right = QVBoxLayout()
        right.addWidget(self.description)
        right.addLayout(self.form_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.format)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 2)
        self.retranslate_ui()
        self.list.setCurrentRow(0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts in the active language (the parameter form is rebuilt in it)."""
        for i, doc in enumerate(CATALOGUE):
            item = self.list.item(i)
            if item is not None:
                item.setText(_(doc.title))
        self.open_button.setText(_("Preview…"))
        self.open_button.setToolTip(
            _("Open the chosen document page by page; print it or save it as PDF from there.")
        )
        self.save_button.setText(_("Save…"))
        self.save_button.setToolTip(_("Save the chosen document to a PDF, Excel or CSV file."))
        self._on_list_current_row_changed(self.list.currentRow())

    def current(self) -> Document | None:
        """The chosen document."""
        item = self.list.currentItem()
        return find(str(item.data(DOC_ID))) if item is not None else None

    def select(self, doc_id: str) -> None:
        """Choose a document by id."""
        row = next(i for i, d in enumerate(CATALOGUE) if d.id == doc_id)
        self.list.setCurrentRow(row)

    def _on_list_current_row_changed(self, _row: int) -> None:
        doc = self.current()
        if self.form is not None:
            self.form_box.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None
        self.format.clear()
        if doc is None:
            self.description.setText("")
            self.description.setToolTip("")
            return
        # Issue 11: the description reads as a sentence; the rule it follows is in the tooltip.
        plain, rules = split_rules(_(doc.description))
        self.description.setText(plain)
        self.description.setToolTip(rules_tip(rules))
        self.form = ParamForm(self._ctx, doc, self)
        self.form_box.addWidget(self.form)
        for fmt in doc.formats:
            self.format.addItem(fmt.upper(), fmt)

    def document_request(self) -> Request | None:
        """The chosen document with its parameters: what Ctrl+P prints on this page."""
        doc = self.current()
        if doc is None or self.form is None or doc.pdf is None:
            return None
        return doc.id, self.form.value()

    def open_current(self) -> None:
        """Open the chosen document's preview."""
        request = self.document_request()
        if request is not None:
            self.last_preview = preview(self, self._ctx, *request)

    def save_current(self, path: Path) -> None:
        """Write the chosen document in the chosen format."""
        doc = self.current()
        if doc is not None and self.form is not None:
            fmt = str(self.format.currentData() or doc.formats[0])
            save_to(self, self._ctx, doc.id, self.form.value(), path, fmt)

    def _on_save_button_clicked(self) -> None:
        doc = self.current()
        if doc is None or self.form is None:
            return
        fmt = str(self.format.currentData() or doc.formats[0])
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save…"), doc.file_name(self.form.value(), fmt), f"{fmt.upper()} (*.{fmt})"
        )
        if name:
            self.save_current(Path(name))
