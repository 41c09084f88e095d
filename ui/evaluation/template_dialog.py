"""Edit a template as a new version: titles, scales, weights, required comments (E-1).

The grid holds one line per criterion; a section starts where its title is filled in.
Saving never touches the old version, so filled sheets keep showing what they used.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.evaluation.dto import CriterionInput, SectionInput, TemplateDTO, TemplateInput
from app.evaluation.templates import save_template_version
from i18n import _
from ui.context import UiContext
from ui.kit.ops import run_write

COLUMNS = ("section_kk", "section_ru", "code", "title_kk", "title_ru", "scale", "weight", "comment")


class TemplateDialog(QDialog):
    """A table of criteria; the weight rule (100% per section) is checked on save."""

    def __init__(
        self, ctx: UiContext, template: TemplateDTO, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.template = template
        self.saved: TemplateDTO | None = None
        self.setWindowTitle(_("New version of {title}").format(title=template.title))
        self.title_kk, self.title_ru = QLineEdit(template.title_kk), QLineEdit(template.title_ru)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setHorizontalHeaderLabels(
            [
                _("Section (kk)"),
                _("Section (ru)"),
                _("Code"),
                _("Criterion (kk)"),
                _("Criterion (ru)"),
                _("Scale: 1-5 or yes_no"),
                _("Weight, %"),
                _("Comment required"),
            ]
        )
        for s in template.sections:
            for n, c in enumerate(s.criteria):
                self._append(
                    [
                        s.title_kk if n == 0 else "",
                        s.title_ru if n == 0 else "",
                        c.code,
                        c.title_kk,
                        c.title_ru,
                        c.scale,
                        f"{c.weight.normalize():f}",
                        _("yes") if c.comment_required else "",
                    ]
                )
        self.table.resizeColumnsToContents()
        self.add_button, self.remove_button = (
            QPushButton(_("Add criterion")),
            QPushButton(_("Remove criterion")),
        )
        self.add_button.clicked.connect(lambda: self._append(["", "", "", "", "", "1-5", "0", ""]))
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.errors = QLabel(self)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
            parent=self,
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        titles = QHBoxLayout()
        titles.addWidget(self.title_kk)
        titles.addWidget(self.title_ru)
        rows = QHBoxLayout()
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(titles)
        layout.addWidget(QLabel(_("Weights total 100% within each section.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(rows)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.resize(1100, 560)

    def _append(self, cells: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for c, text in enumerate(cells):
            self.table.setItem(row, c, QTableWidgetItem(text))

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def value(self) -> TemplateInput:
        """The edited template; a filled section title starts a new section."""
        sections: list[SectionInput] = []
        for row in range(self.table.rowCount()):
            kk, ru = self._cell(row, 0), self._cell(row, 1)
            if kk or ru or not sections:
                sections.append(SectionInput(kk, ru, ()))
            try:
                weight = Decimal(self._cell(row, 6).replace(",", ".") or "0")
            except InvalidOperation:
                weight = Decimal(0)
            criterion = CriterionInput(
                self._cell(row, 2),
                self._cell(row, 3),
                self._cell(row, 4),
                self._cell(row, 5) or "1-5",
                weight,
                bool(self._cell(row, 7)),
            )
            last = sections[-1]
            sections[-1] = SectionInput(last.title_kk, last.title_ru, (*last.criteria, criterion))
        t = self.template
        return TemplateInput(
            t.code,
            self.title_kk.text(),
            self.title_ru.text(),
            t.purpose,
            t.valid_from,
            tuple(sections),
        )

    def save(self) -> None:
        """Save as a new version, or list what is wrong."""
        data = self.value()
        try:
            saved = run_write(
                self,
                self._ctx.store,
                lambda s: save_template_version(s, self._ctx.actor, data),
                reraise_validation=True,
            )
        except ValidationError as exc:
            self.errors.setText(exc.message())
            return
        if saved is not None:
            self.saved = saved
            self.accept()
