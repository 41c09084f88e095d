"""What the runner tells the user: a refusal in a box beside the action, a status-bar line."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMessageBox, QStatusBar, QWidget

from app.core.errors import DomainError, StoreError, ValidationError
from i18n import _
from i18n.rule_ids import split_rules

STATUS_TIMEOUT_MS = 6000


def show_refusal(parent: QWidget | None, exc: DomainError) -> QMessageBox:
    """The translated reason in a warning box next to the action; it does not block."""
    title = _("Not saved") if isinstance(exc, ValidationError) else _("Tälimger")
    plain, rules = split_rules(exc.message())
    if isinstance(exc, StoreError):
        # A lost server fails every read of a page at once: the box already open says it.
        same = _open_box(parent, plain)
        if same is not None:
            return same
    box = QMessageBox(QMessageBox.Icon.Warning, title, plain, QMessageBox.StandardButton.Ok)
    if rules:  # issue 11: the rule's ID is a detail, one click away
        box.setDetailedText(rules_tip(rules))
    box.setObjectName("refusal")
    details = getattr(exc, "details", "")  # a driver's text (StoreError): one click away
    if details:
        box.setDetailedText(details)
    box.setParent(parent, box.windowFlags())
    from PySide6.QtCore import Qt  # not at import: see SCROLL_BAR_ALWAYS_OFF in main_window

    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _open_box(parent: QWidget | None, text: str) -> QMessageBox | None:
    if parent is None:
        return None
    for box in parent.window().findChildren(QMessageBox, "refusal"):
        if box.isVisible() and box.text() == text:
            return box
    return None


def rules_tip(rules: tuple[str, ...]) -> str:
    """The rule IDs a refusal rests on, for a tooltip or the details ("" when none)."""
    return _("Rules: {rules}").format(rules=", ".join(rules)) if rules else ""


def status_bar(widget: QWidget | None) -> QStatusBar | None:
    """The main window's status bar above a widget, through any dialogs in between."""
    while widget is not None:
        top = widget.window()
        if isinstance(top, QMainWindow):
            return top.statusBar()
        widget = top.parentWidget()
    return None


def show_status(widget: QWidget | None, text: str) -> None:
    """A short confirmation in the main window's status bar (nothing when there is none)."""
    bar = status_bar(widget)
    if bar is not None:
        bar.showMessage(text, STATUS_TIMEOUT_MS)
