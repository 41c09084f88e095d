"""The internship calendar: a timeline per host court or per judge, moves checked at once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.courts.centre import centre_region_code
from app.courts.service import list_courts
from app.internships.conflicts import check_internship
from app.internships.dto import Conflict, InternshipDTO, InternshipInput
from app.internships.queries import schedule
from app.internships.service import save_internship
from i18n import _, format_date
from i18n.collation import collation_key
from ui.context import UiContext
from ui.internships.timeline_widget import Row, TimelineWidget
from ui.kit.collated import courts_in_order, set_items
from ui.kit.op import Op, Query, rules_tip
from ui.kit.retranslating import Retranslating


@dataclass(frozen=True)
class PendingMove:
    """A dropped move that breaks rules, waiting for the user's decision."""

    item: InternshipDTO
    data: InternshipInput
    conflicts: tuple[Conflict, ...]


class TimelineView(Retranslating, QWidget):
    """Year, region and grouping on top; the timeline; a warning banner for conflicts."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.pending: PendingMove | None = None
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year + 1)
        self.region = QComboBox(self)
        self.group = QComboBox(self)
        self._courts = Query(self, ctx, list_courts).run() or []
        self.region.addItem("", "")
        for c in self._courts:
            if c.level == "regional":
                self.region.addItem(c.name, c.region_code)
        home = Query(self, ctx, centre_region_code).run() or ""
        self.region.setCurrentIndex(max(self.region.findData(home), 0))
        self.group.addItem("", "host")
        self.group.addItem("", "judge")
        self.year_label, self.region_label, self.group_label = QLabel(), QLabel(), QLabel()
        top = QHBoxLayout()
        for w in (
            self.year_label,
            self.year,
            self.region_label,
            self.region,
            self.group_label,
            self.group,
        ):
            top.addWidget(w)
        top.addStretch(1)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_preview)
        top.addWidget(self.print_button)
        self.timeline = TimelineWidget()
        self.timeline.moved.connect(self._on_timeline_moved)
        self.timeline.activated.connect(self._on_timeline_activated)
        scroll = QScrollArea(self)
        scroll.setWidget(self.timeline)
        self.timeline.current_changed.connect(lambda item: self._show_bar(scroll, item))
        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet("QFrame { background: #fdecea; }")
        self.warning = QLabel(self.banner)
        self.warning.setWordWrap(True)
        self.keep_button, self.undo_button = QPushButton(self.banner), QPushButton(self.banner)
        self.keep_button.clicked.connect(self.keep_pending)
        self.undo_button.clicked.connect(self.put_back)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.warning, 1)
        banner_layout.addWidget(self.keep_button)
        banner_layout.addWidget(self.undo_button)
        self.banner.hide()
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        for signal in (
            self.year.valueChanged,
            self.region.currentIndexChanged,
            self.group.currentIndexChanged,
        ):
            signal.connect(self.reload)
        self.retranslate_ui()  # also loads the year

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.year_label.setText(_("Year:"))
        self.region_label.setText(_("Region:"))
        self.group_label.setText(_("Rows:"))
        self.region.setItemText(0, _("All regions"))
        self._courts = courts_in_order(self._courts)
        regions = [(c.name, c.region_code) for c in self._courts if c.level == "regional"]
        set_items(self.region, 1, regions)
        self.group.setItemText(0, _("By host court"))
        self.group.setItemText(1, _("By judge"))
        self.print_button.setText(_("Print…"))
        self.print_button.setToolTip(_("Preview the internship schedule of the year as shown."))
        self.keep_button.setText(_("Keep anyway"))
        self.keep_button.setToolTip(
            _("Keep the moved internship although it breaks the rules listed.")
        )
        self.undo_button.setText(_("Put back"))
        self.undo_button.setToolTip(_("Return the moved internship to its former dates."))
        if self.pending is not None:
            self._show_conflicts(self.pending.conflicts)
        self.reload()

    def reload(self) -> None:
        """Read the year's internships and lay out the rows."""
        year, region = self.year.value(), str(self.region.currentData() or "")
        items = Query(self, self._ctx, lambda s: schedule(s, year, region_code=region)).run() or []
        by_host = self.group.currentData() != "judge"
        if by_host:
            hosts = [
                c
                for c in self._courts
                if c.level == "supreme"
                or (c.level == "regional" and (not region or c.region_code == region))
            ]
            rows = [Row(c.id, c.name) for c in hosts]
        else:
            seen: dict[uuid.UUID, str] = {}
            for i in sorted(items, key=lambda i: collation_key(i.person_name)):
                seen.setdefault(i.person_id, i.person_name)
            rows = [Row(pid, name) for pid, name in seen.items()]
        if self.pending is not None:
            moved = self._moved(self.pending)
            items = [moved if i.id == moved.id else i for i in items]
        self.timeline.set_data(year, rows, items, by_host=by_host)
        self.status.setText(_("Internships: {count}").format(count=len(items)))

    def _show_bar(self, scroll: QScrollArea, item: InternshipDTO | None) -> None:
        """Scroll the bar the arrows reached into view, and say whose it is."""
        if item is None:
            return
        rect = self.timeline.bar_rect(item)
        scroll.ensureVisible(rect.center().x(), rect.center().y(), rect.width() // 2 + 20, 30)
        self.status.setText(
            f"{item.person_name} — {item.host_name}: "
            f"{format_date(item.starts_on)} – {format_date(item.ends_on)}"
        )

    def _on_timeline_activated(self, item: InternshipDTO) -> None:
        from ui.internships.internship_dialog import InternshipDialog

        if InternshipDialog(self._ctx, item, self).exec():
            self.reload()
            self.changed.emit()

    def _on_timeline_moved(self, item: InternshipDTO, host: uuid.UUID, start: date) -> None:
        data = InternshipInput(
            item.person_id,
            host,
            start,
            start + (item.ends_on - item.starts_on),
            kind=item.kind,
            tutor_id=item.tutor_id if host == item.host_court_id else None,
            paid=item.paid,
        )
        self.try_move(item, data)

    def try_move(self, item: InternshipDTO, data: InternshipInput) -> None:
        """Check a move at once; save it when it breaks nothing, else show which rule breaks."""
        conflicts = Query(
            self, self._ctx, lambda s: check_internship(s, data, exclude=item.id)
        ).run()
        if conflicts is None:
            return
        if conflicts:
            self.pending = PendingMove(item, data, tuple(conflicts))
            self.timeline.flagged = {item.id}
            moved = self._moved(self.pending)
            self.timeline.items = [moved if i.id == item.id else i for i in self.timeline.items]
            self.timeline.relayout()
            self._show_conflicts(tuple(conflicts))
            return
        self._save(item, data, accept=False)

    @staticmethod
    def _moved(pending: PendingMove) -> InternshipDTO:
        """The internship drawn where the user dropped it, until they decide."""
        d = pending.data
        return replace(
            pending.item, host_court_id=d.host_court_id, starts_on=d.starts_on, ends_on=d.ends_on
        )

    def _show_conflicts(self, conflicts: tuple[Conflict, ...]) -> None:
        # Issue 11: the sentences on the banner, the rule IDs in its tooltip.
        lines = "\n".join(c.text() for c in conflicts)
        self.warning.setText(_("This move breaks rules:") + "\n" + lines)
        self.warning.setToolTip(rules_tip(tuple(dict.fromkeys(c.rule for c in conflicts))))
        self.banner.show()

    def _save(self, item: InternshipDTO, data: InternshipInput, *, accept: bool) -> None:
        saved = Op(
            self,
            self._ctx,
            lambda s, actor, _p: save_internship(
                s,
                actor,
                data,
                internship_id=item.id,
                expected_version=item.version,
                accept_conflicts=accept,
            ),
        ).run()
        self.pending = None
        self.timeline.flagged = set()
        self.banner.hide()
        self.reload()
        if saved is not None:
            self.changed.emit()

    def print_preview(self) -> None:
        """The year's schedule as it will print (landscape, header on every page)."""
        from ui.documents.printing import preview

        preview(self, self._ctx, *self.document_request())

    def document_request(self) -> tuple[str, dict[str, object]]:
        """The schedule of the year and region shown."""
        region = str(self.region.currentData() or "")
        return "internship-schedule", {"year": self.year.value(), "region": region}

    def keep_pending(self) -> None:
        """Save the pending move although it breaks rules (recorded in the audit log)."""
        if self.pending is not None:
            self._save(self.pending.item, self.pending.data, accept=True)

    def put_back(self) -> None:
        """Forget the pending move."""
        self.pending = None
        self.timeline.flagged = set()
        self.banner.hide()
        self.reload()


def shift(item: InternshipDTO, days: int) -> InternshipInput:
    """The same internship `days` later (negative: earlier), for keyboard moves and tests."""
    return InternshipInput(
        item.person_id,
        item.host_court_id,
        item.starts_on + timedelta(days=days),
        item.ends_on + timedelta(days=days),
        kind=item.kind,
        tutor_id=item.tutor_id,
        paid=item.paid,
    )
