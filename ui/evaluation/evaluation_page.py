"""The Evaluation page: summary tables, rounds with their sheets, templates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.evaluation.dto import TemplateDTO
from app.evaluation.templates import list_templates
from i18n import _
from ui.context import UiContext
from ui.evaluation.monitoring_view import MonitoringView
from ui.evaluation.rounds_view import RoundsView
from ui.evaluation.sampling_view import SamplingView
from ui.evaluation.summary_view import SummaryView
from ui.evaluation.template_dialog import TemplateDialog
from ui.kit.op import Query
from ui.kit.retranslating import Retranslating


class TemplatesView(Retranslating, QWidget):
    """Templates (newest versions) with sections, criteria, scales, weights; new versions."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setColumnWidth(0, 520)
        self.templates: list[TemplateDTO] = []
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.new_version)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate_ui()

    def new_version(self) -> None:
        """Edit the selected template as a new version."""
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return
        template = self.templates[self.tree.indexOfTopLevelItem(item)]
        if TemplateDialog(self._ctx, template, self).exec():
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Rebuild in the active language."""
        self.edit_button.setText(_("New version…"))
        self.edit_button.setToolTip(
            _("Make a new version of the selected template; sheets already made keep theirs.")
        )
        self.tree.setHeaderLabels(
            [_("Criterion"), _("Scale"), _("Weight, %"), _("Comment required")]
        )
        self.tree.clear()
        self.templates = Query(self, self._ctx, list_templates).run() or []
        for t in self.templates:
            top = QTreeWidgetItem(
                [_("{title} (version {version})").format(title=t.title, version=t.version_no)]
            )
            self.tree.addTopLevelItem(top)
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
        self.tree.expandAll()


class EvaluationPage(Retranslating, QTabWidget):
    """Evaluation sheets shared by the modules (E-1…E-3) and the monitoring data (E-4)."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.summary = SummaryView(ctx, self)
        self.rounds = RoundsView(ctx, self)
        self.templates = TemplatesView(ctx, self)
        self.sampling = SamplingView(ctx, self)
        self.monitoring = MonitoringView(ctx, self)
        self.addTab(self.summary, "")
        self.addTab(self.rounds, "")
        self.addTab(self.sampling, "")
        self.addTab(self.templates, "")
        self.addTab(self.monitoring, "")
        self.rounds.changed.connect(self.summary._on_template_current_index_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        self.setTabText(0, _("Summary tables"))
        self.setTabText(1, _("Rounds and sheets"))
        self.setTabText(2, _("Random sampling"))
        self.setTabText(3, _("Templates"))
        self.setTabText(4, _("Monitoring data"))
