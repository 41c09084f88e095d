"""The Evaluation page: summary tables, rounds with their sheets, templates."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QTreeWidget, QTreeWidgetItem, QWidget

from app.evaluation.templates import list_templates
from i18n import _
from ui.context import UiContext
from ui.evaluation.rounds_view import RoundsView
from ui.evaluation.sampling_view import SamplingView
from ui.evaluation.summary_view import SummaryView
from ui.ops import run_read


class TemplatesView(QTreeWidget):
    """Templates (newest versions) with sections, criteria, scales, weights (read-only)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setColumnCount(4)
        self.setColumnWidth(0, 520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Rebuild in the active language."""
        self.setHeaderLabels([_("Criterion"), _("Scale"), _("Weight, %"), _("Comment required")])
        self.clear()
        for t in run_read(self, self._ctx.store, list_templates) or []:
            top = QTreeWidgetItem(
                [_("{title} (version {version})").format(title=t.title, version=t.version_no)]
            )
            self.addTopLevelItem(top)
            for s in t.sections:
                sec = QTreeWidgetItem([s.title])
                top.addChild(sec)
                for c in s.criteria:
                    sec.addChild(
                        QTreeWidgetItem(
                            [
                                c.title,
                                "1–5" if c.scale == "1-5" else _("yes / no"),
                                f"{c.weight.normalize():f}",
                                _("yes") if c.comment_required else "",
                            ]
                        )
                    )
            top.setExpanded(True)


class EvaluationPage(QTabWidget):
    """Evaluation sheets shared by the modules (E-1…E-3)."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.summary = SummaryView(ctx, self)
        self.rounds = RoundsView(ctx, self)
        self.templates = TemplatesView(ctx, self)
        self.sampling = SamplingView(ctx, self)
        self.addTab(self.summary, "")
        self.addTab(self.rounds, "")
        self.addTab(self.sampling, "")
        self.addTab(self.templates, "")
        self.rounds.changed.connect(self.summary._on_template_current_index_changed)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.templates.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        self.setTabText(0, _("Summary tables"))
        self.setTabText(1, _("Rounds and sheets"))
        self.setTabText(2, _("Random sampling"))
        self.setTabText(3, _("Templates"))
