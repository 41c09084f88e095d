"""Start page: what is due (one click opens the page that resolves it), charts, a few counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.agenda.dto import OVERDUE, AgendaItem, Target
from app.agenda.service import StartPage, start_page
from app.agenda.text import due_text, state_text, title_of
from app.core.store import reads_apart
from app.courts.centre import current_centre
from app.courts.dto import CentreDTO
from app.dashboard.queries import DashboardFigures, dashboard_figures
from i18n import _, format_number, ngettext
from ui.context import UiContext
from ui.dashboard.banner import OverdueBanner
from ui.dashboard.chart_panel import ChartPanel
from ui.kit.op import Query, rules_tip
from ui.kit.retranslating import Retranslating

NAMES_INLINE = 3
ITEM_ROLE = Qt.ItemDataRole.UserRole


class _Tile(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value, self.caption = QLabel(self), QLabel(self)
        self.value.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.value, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.caption)


class _DueList(QTreeWidget):
    """The view wraps nothing itself (row heights are measured before the width is known):
    the page breaks the lines for the current width and does it again on a resize.
    """

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resized.emit()


def _wrapped(text: str, width: int, metrics: QFontMetrics) -> str:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return "\n".join(lines)


class DashboardView(Retranslating, QWidget):
    """Computed off the GUI thread each time the page is shown; `on` fixes the day (tests)."""

    target_chosen = Signal(object)  # an agenda item's Target: the main window opens it

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, on: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._on = on
        self._figures: DashboardFigures | None = None
        # Read with the figures, off the GUI thread: a hung server must not freeze the window.
        self._centre: CentreDTO | None = None
        self.page: StartPage | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.location = QLabel(self)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long path (a deep folder, a server URL) must not widen the window past the screen:
        # the label takes the width it is given, and the whole path is in its tooltip.
        self.location.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.banner = OverdueBanner(ctx.settings, self)
        self.first_steps = QLabel(self)
        self.first_steps.setWordWrap(True)
        self.first_steps.setTextFormat(Qt.TextFormat.RichText)
        self.settings_button, self.import_button = QPushButton(self), QPushButton(self)
        self.settings_button.clicked.connect(lambda: self.target_chosen.emit(Target("settings")))
        self.import_button.clicked.connect(
            lambda: self.target_chosen.emit(Target("security", "imports"))
        )
        self.steps_box = QWidget(self)
        steps = QVBoxLayout(self.steps_box)
        steps.addWidget(self.first_steps)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        steps.addLayout(buttons)
        steps.addStretch(1)
        self.steps_box.hide()
        self.tiles = [_Tile(self) for _i in range(5)]
        tiles = QHBoxLayout()
        for tile in self.tiles:
            tiles.addWidget(tile)
        self.due_title = QLabel(self)
        self.due_title.setStyleSheet("font-weight: 600;")
        self.due = _DueList(self)
        self.due.setObjectName("agenda")
        self.due.setColumnCount(3)
        self.due.setRootIsDecorated(False)
        # Queued: a resize can come from inside addTopLevelItem (a scroll bar showing up).
        self.due.resized.connect(self._fill, Qt.ConnectionType.QueuedConnection)
        self.due.setColumnWidth(0, 105)
        self.due.setColumnWidth(1, 128)
        self.due.itemClicked.connect(self._on_due_item_clicked)
        self.due.itemActivated.connect(self._on_due_item_clicked)
        self.charts = ChartPanel(self)
        # The charts keep their height (names on two lines) and scroll on a short screen, with
        # the overdue banner shown, rather than squeezing their rows onto each other.
        self.chart_scroll = QScrollArea(self)
        self.chart_scroll.setWidget(self.charts)
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_scroll.setMaximumWidth(420)  # the list of what is due needs the width more
        self.loading = QLabel(self)
        self.loading.setObjectName("loading")
        self.loading.hide()
        title = QHBoxLayout()
        title.addWidget(self.due_title)
        title.addWidget(self.loading)
        title.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(title)
        left.addWidget(self.due, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.chart_scroll, 2)
        self.body = QWidget(self)
        self.body.setLayout(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.location)
        layout.addWidget(self.banner)
        layout.addWidget(self.steps_box)
        layout.addLayout(tiles)
        layout.addWidget(self.body, 1)
        self._busy = False
        self.retranslate_ui()  # the figures follow from showEvent: the page is built to be shown

    def showEvent(self, event: QShowEvent) -> None:
        QTimer.singleShot(0, self, self.refresh)
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-read the counts and compute what is due in a worker thread, with no dialog: the
        page says it is loading and the rest of the window stays usable (issue 12).
        """
        if self._busy:  # shown again while the last computation runs: that one will do
            return
        self._busy = True
        self.loading.show()
        on, actor = self._on or date.today(), self._ctx.actor
        backup_dir = self._ctx.store.backup_dir
        Query(
            self,
            self._ctx,
            lambda s: (
                dashboard_figures(s, on),
                # I-1 read meanwhile on a second connection (issue 12)
                start_page(s, actor, on, backup_dir=backup_dir, side=reads_apart(s)),
                current_centre(s),
            ),
        ).in_background().success(self._on_computed).finished(self._on_done).run()

    @property
    def busy(self) -> bool:
        """Whether a computation is running."""
        return self._busy

    def _on_done(self) -> None:
        self._busy = False
        self.loading.hide()

    def _on_computed(self, result: tuple[DashboardFigures, StartPage, CentreDTO | None]) -> None:
        self._figures, page, self._centre = result
        self.page = page
        self.retranslate_ui()
        overdue = [i for i in page.items if i.state == OVERDUE]
        self.banner.offer(page.on, overdue)

    def _on_due_item_clicked(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = row.data(0, ITEM_ROLE)
        if isinstance(item, AgendaItem):
            self.target_chosen.emit(item.target)

    def items(self) -> list[AgendaItem]:
        """The items listed now, top to bottom."""
        return list(self.page.items) if self.page else []

    def row_of(self, key: str, year: int = 0) -> QTreeWidgetItem | None:
        """The list row of an item (by key, and year when given)."""
        for i in range(self.due.topLevelItemCount()):
            row = self.due.topLevelItem(i)
            item = row.data(0, ITEM_ROLE) if row else None
            if isinstance(item, AgendaItem) and item.key == key and (not year or item.year == year):
                return row
        return None

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        centre = self._centre
        if centre is not None:
            self.heading.setText(centre.name)
        elif self._figures is not None:  # read, and none chosen (not: still reading)
            self.heading.setText(_("Training centre not chosen yet (Settings)"))
        self.location.setText(_("Database: {location}").format(location=self._ctx.store.location))
        self.location.setToolTip(self._ctx.store.location)
        f = self._figures
        values = (
            [f.people, f.judges, f.district_courts, f.on_leave_or_suspended, f.changes_today]
            if f
            else [0] * 5
        )
        captions = [
            _("People in the register"),
            _("Judges"),
            _("District courts"),
            _("On leave or suspended today"),
            _("Changes saved today"),
        ]
        for tile, value, caption in zip(self.tiles, values, captions, strict=True):
            tile.value.setText(format_number(value))
            tile.caption.setText(caption)
        self.due_title.setText(_("What is due"))
        self.loading.setText(_("Finding what is due…"))
        self.due.setHeaderLabels([_("State"), _("Date"), _("What")])
        self.settings_button.setText(_("Choose the training centre"))
        self.import_button.setText(_("Import the people register"))
        self.settings_button.setToolTip(_("Open Settings to choose the regional court's centre."))
        self.import_button.setToolTip(_("Open Data & security → Import to load the register."))
        self.first_steps.setText(
            "<b>{}</b><ol><li>{}</li><li>{}</li><li>{}</li></ol>".format(
                _("The database is empty. First steps:"),
                _("Choose the training centre (the regional court) in Settings."),
                _("Import the people register from the template (Data & security → Import)."),
                _("Then mentoring, internships, evaluation and CPD have people to work with."),
            )
        )
        empty = self.page is not None and self.page.empty
        self.steps_box.setVisible(empty)
        self.body.setVisible(not empty)
        for tile in self.tiles:
            tile.setVisible(not empty)
        self._fill()
        self.charts.show_charts(self.page.charts if self.page else None)
        self.banner.retranslate_ui()

    def _fill(self) -> None:
        self.due.clear()
        width = self.due.viewport().width() - self.due.columnWidth(0) - self.due.columnWidth(1)
        metrics = self.due.fontMetrics()
        for item in self.items():
            text = title_of(item)
            if item.names:
                shown = ", ".join(item.names[:NAMES_INLINE])
                more = item.count - min(len(item.names), NAMES_INLINE)
                if more > 0:
                    shown += " " + ngettext("and {n} more", "and {n} more", more).format(n=more)
                text += "\n" + shown
            row = QTreeWidgetItem(
                [state_text(item), due_text(item), _wrapped(text, max(width - 12, 120), metrics)]
            )
            row.setData(0, ITEM_ROLE, item)
            row.setToolTip(2, "\n".join(item.names) if item.names else text)
            # Issue 11: the rule behind an item is a detail, in the tooltip of its state and date.
            for column in (0, 1):
                row.setToolTip(column, rules_tip((item.rule,)) if item.rule else "")
            if item.state == OVERDUE:
                font = row.font(0)
                font.setBold(True)
                row.setFont(0, font)
            self.due.addTopLevelItem(row)
        if not self.items() and self.page is not None and not self.page.empty:
            self.due.addTopLevelItem(QTreeWidgetItem(["", "", _("Nothing is due.")]))
