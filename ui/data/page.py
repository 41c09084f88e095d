"""The "Data & security" page: imports, exchange conflicts and the audit log in tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.core.permissions import AUDIT_READ, EXCHANGE, IMPORT, can
from i18n import _
from ui.context import UiContext
from ui.kit.retranslating import Retranslating


class SecurityPage(Retranslating, QTabWidget):
    """Tabs the user's roles allow (the services check again)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.data.audit_view import AuditView
        from ui.data.conflicts_view import ConflictsView
        from ui.data.import_view import ImportView

        self._tabs: list[tuple[QWidget, str]] = []
        if can(ctx.actor, IMPORT):
            self.imports = ImportView(ctx, self)
            self._tabs.append((self.imports, "Import"))
        if can(ctx.actor, EXCHANGE):
            self.conflicts = ConflictsView(ctx, self)
            self._tabs.append((self.conflicts, "Exchange conflicts"))
        if can(ctx.actor, AUDIT_READ):
            self.audit = AuditView(ctx, self)
            self._tabs.append((self.audit, "Audit log"))
        for widget, _title in self._tabs:
            self.addTab(widget, "")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        titles = {
            "Import": _("Import"),
            "Exchange conflicts": _("Exchange conflicts"),
            "Audit log": _("Audit log"),
        }
        for i, (_widget, title) in enumerate(self._tabs):
            self.setTabText(i, titles[title])
