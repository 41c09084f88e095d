"""Reports page: every printable report, previewed before printing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from i18n import N_, _
from ui.context import UiContext


@dataclass(frozen=True)
class ReportEntry:
    """A report: its title, what it shows, and how to open its preview."""

    title: str
    description: str
    open: Callable[[UiContext, QWidget], None]


def _people_register(ctx: UiContext, parent: QWidget) -> None:
    from ui.people.people_view import PeopleView

    view = PeopleView(ctx, parent)
    view.hide()
    view.print_preview()
    view.deleteLater()


def _internship_report(name: str) -> Callable[[UiContext, QWidget], None]:
    def open_report(ctx: UiContext, parent: QWidget) -> None:
        from ui.internships import reports

        getattr(reports, name)(ctx, parent)

    return open_report


REPORTS: list[ReportEntry] = [
    ReportEntry(
        N_("Register of people"),
        N_("Everyone in the register with court, position, role and status."),
        _people_register,
    ),
    ReportEntry(
        N_("Judges due for an internship"),
        N_("Next year's list with due dates and priority inputs (rule I-1)."),
        _internship_report("open_due"),
    ),
    ReportEntry(
        N_("Schedule of internships"),
        N_("Next year's internships by host court (rule I-1)."),
        _internship_report("open_schedule"),
    ),
    ReportEntry(
        N_("Quality before and after internships"),
        N_("This year's internships compared per judge and per court (rule I-2)."),
        _internship_report("open_quality"),
    ),
    ReportEntry(
        N_("Summary table by criterion"),
        N_("The latest evaluation of judges with the change from the previous period (E-3)."),
        _internship_report("open_summary"),
    ),
]


class ReportsView(QWidget):
    """Pick a report, preview it, print or save it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.list = QListWidget(self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_current)
        self.list.itemDoubleClicked.connect(self.open_current)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.description)
        layout.addWidget(self.open_button)
        for _entry in REPORTS:
            self.list.addItem("")
        self.list.setCurrentRow(0)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        for i, entry in enumerate(REPORTS):
            item = self.list.item(i)
            if item is not None:
                item.setText(_(entry.title))
        self.open_button.setText(_("Preview…"))
        self._on_list_current_row_changed(self.list.currentRow())

    def _on_list_current_row_changed(self, row: int) -> None:
        self.description.setText(_(REPORTS[row].description) if 0 <= row < len(REPORTS) else "")

    def open_current(self) -> None:
        """Open the chosen report's preview."""
        row = self.list.currentRow()
        if 0 <= row < len(REPORTS):
            REPORTS[row].open(self._ctx, self)
