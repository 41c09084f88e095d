"""Import people: write the template, preview a file row by row (old → new), then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.people.importer import (
    PeoplePreview,
    PreviewRow,
    apply_people,
    field_title,
    preview_file,
    write_template,
)
from i18n import N_, _, current_language
from ui.context import UiContext
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating

ACTIONS = {
    "new": N_("new"),
    "update": N_("update"),
    "error": N_("error"),
    "same": N_("unchanged"),
    "conflict": N_("identity conflict"),
}
ERROR_COLOUR = QColor("#fde2e2")
CONFLICT_COLOUR = QColor("#fff1c2")


class ImportView(Retranslating, QWidget):
    """Nothing is written until the user presses Import."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.preview: PeoplePreview | None = None
        self._path: Path | None = None
        self.template_button, self.open_button = QPushButton(self), QPushButton(self)
        self.import_button = QPushButton(self)
        self.skip_errors = QCheckBox(self)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.import_button.clicked.connect(self.import_now)
        self.skip_errors.toggled.connect(self._update_buttons)
        self._showing = False
        self.table = QTableWidget(0, 5, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.template_button, self.open_button):
            top.addWidget(w)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.skip_errors)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.template_button.setText(_("Save the template…"))
        self.template_button.setToolTip(
            _("Save an empty Excel file with the columns the import expects.")
        )
        self.open_button.setText(_("Open a file to import…"))
        self.open_button.setToolTip(
            _("Read a filled template and show what each row would do, before anything is saved.")
        )
        self.import_button.setText(_("Import"))
        self.import_button.setToolTip(_("Save the rows shown above into the people register."))
        self.skip_errors.setText(_("Leave rows with errors out"))
        self.table.setHorizontalHeaderLabels(
            [_("Line"), _("Result"), _("IIN"), _("Full name"), _("Problems or changes")]
        )
        if self.preview is not None and self._path is not None:
            ticked = self.confirmed_lines()
            self.load(self._path)  # the reasons are worded in the active language
            self._tick(ticked)
        else:
            self._show()

    def load(self, path: Path) -> None:
        """Preview a file: every row as new, update (each field old → new), unchanged,
        identity conflict (both names, confirmed row by row) or error.
        """
        actor = self._ctx.actor
        self._path = path
        self.preview = Query(self, self._ctx, lambda s: preview_file(s, actor, path)).run()
        self._show()

    def _show(self) -> None:
        p = self.preview
        rows = p.rows if p else ()
        self._showing = True
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [str(r.line), _(ACTIONS[r.action]), r.iin, r.name, _details(r)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if r.action == "error":
                    item.setBackground(ERROR_COLOUR)
                elif r.action == "conflict":
                    item.setBackground(CONFLICT_COLOUR)
                self.table.setItem(i, j, item)
            result = self.table.item(i, 1)
            if r.action == "conflict" and result is not None:  # imported only when ticked
                result.setFlags(result.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                result.setCheckState(Qt.CheckState.Unchecked)
                result.setToolTip(_("Tick to confirm that this row is the same person."))
        self._showing = False
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        if p is not None:
            self.summary.setText(
                _("New: {new}, updates: {update}, errors: {error}").format(
                    new=p.count("new"), update=p.count("update"), error=p.count("error")
                )
                + "\n"
                + _("Unchanged: {same}, identity conflicts: {conflict}").format(
                    same=p.count("same"), conflict=p.count("conflict")
                )
            )
        self._update_buttons()

    def confirmed_lines(self) -> set[int]:
        """Lines of the identity conflicts the user ticked."""
        p = self.preview
        if p is None:
            return set()
        return {
            r.line
            for i, r in enumerate(p.rows)
            if r.action == "conflict"
            and (item := self.table.item(i, 1)) is not None
            and item.checkState() == Qt.CheckState.Checked
        }

    def _tick(self, lines: set[int]) -> None:
        p = self.preview
        for i, r in enumerate(p.rows if p else ()):
            item = self.table.item(i, 1)
            if r.action == "conflict" and r.line in lines and item is not None:
                item.setCheckState(Qt.CheckState.Checked)

    def _on_table_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._showing:
            self._update_buttons()

    def _update_buttons(self) -> None:
        p = self.preview
        if p is None:
            self.import_button.setEnabled(False)
            return
        confirmed = self.confirmed_lines()
        doubtful = sum(1 for r in p.rows if r.action == "conflict" and r.line not in confirmed)
        writes = p.count("new") + p.count("update") + len(confirmed)
        clean = p.count("error") == 0 and doubtful == 0
        self.import_button.setEnabled(writes > 0 and (clean or self.skip_errors.isChecked()))

    def import_now(self) -> None:
        """Write the previewed rows in one transaction."""
        p = self.preview
        if p is None:
            return
        skip = self.skip_errors.isChecked()
        confirmed = self.confirmed_lines()
        counts = Op(
            self,
            self._ctx,
            lambda s, actor, _p: apply_people(s, actor, p, skip_errors=skip, confirmed=confirmed),
        ).run()
        if counts is not None:
            self.preview = None
            self.table.setRowCount(0)
            self.summary.setText(_("Imported: {new} added, {update} updated.").format(**counts))
            self._update_buttons()

    def _on_template_button_clicked(self) -> None:
        chosen, _f = QFileDialog.getSaveFileName(
            self, _("Save the template…"), "people.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if chosen:
            write_template(Path(chosen), current_language())

    def _on_open_button_clicked(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(
            self, _("Open a file to import…"), "", "Excel, CSV (*.xlsx *.csv)"
        )
        if chosen:
            self.load(Path(chosen))


def _details(row: PreviewRow) -> str:
    """Problems of an error row; both names of a conflict; each field an update changes."""
    if row.errors:
        return "; ".join(row.errors)
    lines = []
    if row.action == "conflict":
        lines.append(
            _("in the register: {old}; in the file: {new}").format(old=row.old_name, new=row.name)
        )
    lines += [f"{field_title(c.field)}: {c.old} \u2192 {c.new}" for c in row.changes]
    return "\n".join(lines)
