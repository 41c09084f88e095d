"""E-4 monitoring data (seed 001 §7.2.1, §7.2.3): a template, a file's preview, its import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.evaluation.monitoring import (
    CATEGORIES,
    KINDS,
    MonitoringPreview,
    import_monitoring,
    preview_monitoring,
)
from app.evaluation.monitoring_file import write_template
from i18n import _, current_language, format_date, ngettext
from ui.context import UiContext
from ui.kit.op import Op, Query, Task
from ui.kit.retranslating import Retranslating
from ui.kit.wrapping_header import wrap_headers

if TYPE_CHECKING:
    from app.core.context import Actor
    from app.core.progress import Progress
    from app.core.store import Session


class MonitoringView(Retranslating, QWidget):
    """Choose a file, see every line and every wrong row, then import all of it or nothing."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._path: Path | None = None
        self.preview: MonitoringPreview | None = None
        self.template_button, self.open_button = QPushButton(self), QPushButton(self)
        self.import_button = QPushButton(self)
        self.import_button.setEnabled(False)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.import_button.clicked.connect(self.import_previewed)
        self.lines = QTreeWidget(self)
        self.lines.setRootIsDecorated(False)
        self.lines.setColumnCount(8)
        self.lines.setColumnWidth(0, 260)
        wrap_headers(self.lines)  # "Оставлено без изменения" and the like wrap, not cut
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.template_button, self.open_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.status)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.template_button.setText(_("Template…"))
        self.template_button.setToolTip(_("Save an empty file to fill (XLSX or CSV)."))
        self.open_button.setText(_("Preview a file…"))
        self.open_button.setToolTip(
            _("Read an XLSX or CSV file and show what it would import; nothing is saved yet.")
        )
        self.import_button.setText(_("Import"))
        self.import_button.setToolTip(_("Save every line shown; a file with a wrong row is not."))
        self.lines.setHeaderLabels(
            [
                _("Judge"),
                _("Period"),
                _("Kind"),
                _("Specialisation or category of cases"),
                _("Cases"),
                _("Left unchanged"),
                _("Changed"),
                _("Cancelled on review"),
            ]
        )
        self._show()

    def _on_template_button_clicked(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Template…"), "monitoring.xlsx", "XLSX (*.xlsx);;CSV (*.csv)"
        )
        if name:
            self.save_template(Path(name))

    def save_template(self, path: Path) -> None:
        """Write the empty template in the active language."""
        lang = current_language()
        Task(self, lambda _p: write_template(path, lang)).success_message(
            _("Written to {path}").format(path=path)
        ).run()

    def _on_open_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Preview a file…"), "", "XLSX, CSV (*.xlsx *.csv)"
        )
        if name:
            self.preview_file(Path(name))

    def preview_file(self, path: Path) -> None:
        """Show a file's lines and wrong rows; Import is offered only when every row is right."""
        found = Query(self, self._ctx, lambda s: preview_monitoring(s, path)).run()
        self._path, self.preview = (path, found) if found is not None else (None, None)
        self._show()

    def _show(self) -> None:
        self.lines.clear()
        found = self.preview
        if found is None:
            self.status.clear()
            self.import_button.setEnabled(False)
            return
        for name, m in found.lines:
            period = f"{format_date(m.period_start)} – {format_date(m.period_end)}"
            cells = [name, period, _(KINDS[m.kind]), _(CATEGORIES[m.category])]
            cells += [str(n) for n in (m.cases, m.upheld, m.changed, m.reversed)]
            self.lines.addTopLevelItem(QTreeWidgetItem(cells))
        summary = ngettext("{n} line to import", "{n} lines to import", len(found.lines)).format(
            n=len(found.lines)
        )
        if found.replaces:
            summary += "; " + _("{n} of them replace lines already stored").format(n=found.replaces)
        wrong = [e.message() for e in found.errors]
        if wrong:
            summary = "\n".join([_("Nothing can be imported until these rows are right:"), *wrong])
        self.status.setText(summary)
        self.import_button.setEnabled(bool(found.lines) and not found.errors)

    def import_previewed(self) -> None:
        """Import the previewed file (read again: it is saved as it is now, all or nothing)."""
        path = self._path
        if path is None:
            return

        def work(s: Session, actor: Actor, progress: Progress) -> tuple[int, int]:
            return import_monitoring(s, actor, path, progress)

        done = Op(self, self._ctx, work).refusals_to(self.status.setText).run()
        if done is not None:
            self._path, self.preview = None, None
            self._show()
            self.status.setText(
                _("Added: {added}; replaced: {replaced}.").format(added=done[0], replaced=done[1])
            )
