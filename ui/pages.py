"""The page registry of the main window: a module adds its page here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QTabWidget, QWidget

from i18n import N_, _
from ui.context import UiContext

# (document id, parameters) of the catalogue: what a page prints with Ctrl+P.
Request = tuple[str, Any]


@dataclass(frozen=True)
class PageSpec:
    """A navigation entry: key, title (catalog id) and a factory called on first show."""

    key: str
    title: str
    factory: Callable[[UiContext], QWidget]


class PeopleAndCourtsPage(QTabWidget):
    """People and courts side by side in tabs."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        from ui.courts.courts_view import CourtsView
        from ui.people.people_view import PeopleView
        from ui.staff.internships_view import StaffInternshipsView
        from ui.staff.staff_view import StaffView

        self.people = PeopleView(ctx, self)
        self.courts = CourtsView(ctx, self)
        self.staff = StaffView(ctx, self)
        self.staff_internships = StaffInternshipsView(ctx, self)
        self.addTab(self.people, "")
        self.addTab(self.courts, "")
        self.addTab(self.staff, "")
        self.addTab(self.staff_internships, "")
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        self.setTabText(0, _("People"))
        self.setTabText(1, _("Courts"))
        self.setTabText(2, _("Staff adaptation"))
        self.setTabText(3, _("Civil servants' internships"))

    def document_request(self) -> Request | None:
        """The selected adaptation's plan on the staff tab, the year's schedule on the
        internships tab, else the people register as filtered on the People tab.
        """
        if self.currentWidget() is self.staff:
            return self.staff.document_request()
        if self.currentWidget() is self.staff_internships:
            return self.staff_internships.document_request()
        return self.people.document_request()


def page_document(widget: QWidget | None, key: str) -> Request | None:
    """What a page prints now: the widget's (or its current tab's) own choice, else the first
    printable catalogue document of the page with default parameters; None when it has none.
    """
    while widget is not None:
        ask = getattr(widget, "document_request", None)
        if callable(ask):
            request: Request | None = ask()
            if request is not None:
                return request
            break
        widget = widget.currentWidget() if isinstance(widget, QTabWidget) else None
    from app.documents.catalogue import for_page

    docs = [d for d in for_page(key) if d.pdf is not None]
    return (docs[0].id, {}) if docs else None


def open_filtered(page: QWidget, tab: str, filters: tuple[tuple[str, object], ...]) -> QWidget:
    """Bring a page's tab (the page's attribute of that name) forward and set its filter
    controls of the same names (a year box, a combo by item data, a check box); the agenda
    opens the page that resolves an item this way. Returns the view shown.
    """
    view = getattr(page, tab, None) if tab else None
    if not isinstance(view, QWidget):
        view = page
    if isinstance(page, QTabWidget) and view is not page:
        page.setCurrentWidget(view)
    for name, value in filters:
        control = getattr(view, name, None)
        if isinstance(control, QSpinBox) and isinstance(value, int):
            control.setValue(value)
        elif isinstance(control, QCheckBox):
            control.setChecked(bool(value))
        elif isinstance(control, QComboBox):
            index = control.findData(value)
            if index >= 0:
                control.setCurrentIndex(index)
    refresh = getattr(view, "refresh", None)
    if callable(refresh):  # views with a Show button do not reload on their own
        refresh()
    return view


def _dashboard(ctx: UiContext) -> QWidget:
    from ui.dashboard.dashboard_view import DashboardView

    return DashboardView(ctx)


def _mentoring(ctx: UiContext) -> QWidget:
    from ui.mentoring.mentoring_page import MentoringPage

    return MentoringPage(ctx)


def _internships(ctx: UiContext) -> QWidget:
    from ui.internships.internships_page import InternshipsPage

    return InternshipsPage(ctx)


def _evaluation(ctx: UiContext) -> QWidget:
    from ui.evaluation.evaluation_page import EvaluationPage

    return EvaluationPage(ctx)


def _reports(ctx: UiContext) -> QWidget:
    from ui.documents.reports_view import ReportsView

    return ReportsView(ctx)


def _cpd(ctx: UiContext) -> QWidget:
    from ui.cpd.cpd_page import CpdPage

    return CpdPage(ctx)


def _security(ctx: UiContext) -> QWidget:
    from ui.data.page import SecurityPage

    return SecurityPage(ctx)


def _settings(ctx: UiContext) -> QWidget:
    from ui.settings.settings_view import SettingsView

    return SettingsView(ctx)


PAGES: list[PageSpec] = [
    PageSpec("dashboard", N_("Dashboard"), _dashboard),
    PageSpec("people", N_("People & Courts"), PeopleAndCourtsPage),
    PageSpec("mentoring", N_("Mentoring"), _mentoring),
    PageSpec("internships", N_("Internships"), _internships),
    PageSpec("evaluation", N_("Evaluation"), _evaluation),
    PageSpec("cpd", N_("CPD & Training"), _cpd),
    PageSpec("reports", N_("Reports"), _reports),
    PageSpec("security", N_("Data & security"), _security),
    PageSpec("settings", N_("Settings"), _settings),
]
