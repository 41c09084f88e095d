"""The "Data & security" page: imports, exchange, its conflicts, the audit log, users in tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.core.permissions import AUDIT_READ, EXCHANGE, IMPORT, USERS_MANAGE, can
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
            from ui.exchange.exchange_view import ExchangeView

            self.exchange = ExchangeView(ctx, self)
            self._tabs.append((self.exchange, "Exchange"))
            self.conflicts = ConflictsView(ctx, self)
            self._tabs.append((self.conflicts, "Exchange conflicts"))
            self.exchange.conflicts_requested.connect(self._on_exchange_conflicts_requested)
        if can(ctx.actor, AUDIT_READ):
            self.audit = AuditView(ctx, self)
            self._tabs.append((self.audit, "Audit log"))
        if can(ctx.actor, USERS_MANAGE):
            from ui.users.users_view import UsersView

            self.users = UsersView(ctx, self)
            self._tabs.append((self.users, "Users and roles"))
        for widget, _title in self._tabs:
            self.addTab(widget, "")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        titles = {
            "Import": _("Import"),
            "Exchange": _("Exchange"),
            "Exchange conflicts": _("Exchange conflicts"),
            "Audit log": _("Audit log"),
            "Users and roles": _("Users and roles"),
        }
        for i, (_widget, title) in enumerate(self._tabs):
            self.setTabText(i, titles[title])

    def _on_exchange_conflicts_requested(self) -> None:
        self.conflicts.reload()
        self.setCurrentWidget(self.conflicts)
