"""Walking the window as a user would: every tab of a page, nested tabs too."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


def every_tab(page: QWidget) -> None:
    """Show each tab of the page in turn (tabs inside tabs included)."""
    seen: set[int] = set()
    stack = ([page] if isinstance(page, QTabWidget) else []) + page.findChildren(QTabWidget)
    while stack:
        tabs = stack.pop(0)
        if id(tabs) in seen:
            continue
        seen.add(id(tabs))
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            stack += [t for t in tabs.widget(i).findChildren(QTabWidget) if id(t) not in seen]
