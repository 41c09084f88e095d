"""Edit a template as a new version: titles, scales, weights, required comments (E-1).

The grid holds one line per criterion; a section starts where its title is filled in.
Saving never touches the old version, so filled sheets keep showing what they used.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.evaluation.dto import CriterionInput, SectionInput, TemplateDTO, TemplateInput
from app.evaluation.templates import save_template_version
from i18n import _
from ui.context import UiContext
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Work
from ui.kit.screen_fit import fit_to_screen

COLUMNS = ("section_kk", "section_ru", "code", "title_kk", "title_ru", "scale", "weight", "comment")


class TemplateDialog(FormDialog[TemplateDTO]):
    """A table of criteria; the weight rule (100% per section) is checked on save."""

    def __init__(
        self, ctx: UiContext, template: TemplateDTO, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.template = template
        self.title_kk, self.title_ru = QLineEdit(template.title_kk), QLineEdit(template.title_ru)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
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
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(lambda: self._append(["", "", "", "", "", "1-5", "0", ""]))
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.errors = self.message  # reasons the service gives about the whole grid
        self.rule = QLabel(self)
        titles = QHBoxLayout()
        titles.addWidget(self.title_kk)
        titles.addWidget(self.title_ru)
        rows = QHBoxLayout()
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        self.body.addLayout(titles)
        self.body.addWidget(self.rule)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(rows)
        fit_to_screen(self, 1100, 560)
        self.retranslate_ui()
        self.table.resizeColumnsToContents()  # after the headers have their words

    def retranslate_ui(self) -> None:
        """Texts in the active language (cells keep what was typed)."""
        self.setWindowTitle(_("New version of {title}").format(title=self.template.title))
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
        self.add_button.setText(_("Add criterion"))
        self.remove_button.setText(_("Remove criterion"))
        self.rule.setText(_("Weights total 100% within each section."))

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

    def save_work(self) -> Work[TemplateDTO]:
        """Save as a new version; what is wrong is listed above the buttons."""
        data = self.value()
        return lambda s, actor, _p: save_template_version(s, actor, data)

    def save(self) -> None:
        """What the Save button does."""
        self.buttons.accepted.emit()
