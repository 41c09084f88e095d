"""Main window: navigation, pages and menus only; the work is done in the pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from app.core.context import Actor
from i18n import _, current_language
from ui.actions import Actions
from ui.context import UiContext
from ui.documents.print_menu import PrintMenu
from ui.kit.screen_fit import clamp_to_screen, fit_to_screen
from ui.pages import (
    PAGES,
    PageSpec,
    PeopleAndCourtsPage,
    Request,
    open_filtered,
    page_document,
)

if TYPE_CHECKING:
    from app.core.store import Store
    from ui.help.guide_dialog import GuideDialog
    from ui.people.people_view import PeopleView
    from ui.settings.settings_view import SettingsView

GEOMETRY_KEY, STATE_KEY, PAGE_KEY = "window/geometry", "window/state", "window/page"

# Qt::ScrollBarAlwaysOff, Qt::ElideNone, Qt::TextWordWrap as plain numbers: the first touch of
# PySide6's `Qt` namespace builds all its ~90 Python enum classes (tens of ms, issue 17), and
# nothing before the window's first paint needs them otherwise. Enum properties take ints.
SCROLL_BAR_ALWAYS_OFF, ELIDE_NONE, TEXT_WORD_WRAP = 1, 3, 0x1000


class MainWindow(QMainWindow):
    """Pages are built on first show so start-up stays fast."""

    first_painted = Signal()

    def __init__(
        self,
        ctx: UiContext | None,
        switch_language: Callable[[str], None],
        pages: list[PageSpec] | None = None,
        *,
        actor: Actor | None = None,
        settings: QSettings | None = None,
    ) -> None:
        """With ctx None the window shows at once and gets its store from attach_store()."""
        super().__init__()
        self.setObjectName("MainWindow")
        self._ctx = ctx
        self._actor = ctx.actor if ctx else actor
        settings = ctx.settings if ctx else settings
        if settings is None or self._actor is None:
            raise ValueError("a window without a context needs actor and settings")
        self._settings = settings
        self._switch_language = switch_language
        self.pages = pages or PAGES
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(230)
        self.nav.setIconSize(QSize(0, 0))
        # Kazakh and Russian module names are long: wrap them instead of cutting them off.
        self.nav.setWordWrap(True)
        self.nav.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self.nav.setProperty("textElideMode", ELIDE_NONE)
        font = self.nav.font()
        font.setPointSizeF(11)
        self.nav.setFont(font)
        self.stack = QStackedWidget(self)
        self._built: dict[int, QWidget] = {}
        for _spec in self.pages:
            self.nav.addItem("")
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.actions_ = Actions(self)
        self._build_menus()
        self.retranslate_ui()
        self.preview_dialog: QDialog | None = None
        self.guide_dialog: GuideDialog | None = None
        for row in range(min(9, len(self.pages))):  # Ctrl+1…9: pages in the navigation's order
            QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self).activated.connect(
                lambda row=row: self.nav.setCurrentRow(row)
            )
        self._set_store_actions_enabled(ctx is not None)
        self._restore_state()
        self._painted = False
        self.nav.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The first paint of the navigation means the window is on screen: slow start-up work
        # (opening and checking the store) is started from first_painted, after it.
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.nav.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)

    def attach_store(self, store: Store, actor: Actor | None = None) -> None:
        """Give the window its opened store (and who logged in) and build the page it shows."""
        if actor is not None:
            self._actor = actor
        assert self._actor is not None
        self._ctx = UiContext(store=store, actor=self._actor, settings=self._settings)
        self._set_store_actions_enabled(True)
        self._on_nav_current_row_changed(self.nav.currentRow())

    def _set_store_actions_enabled(self, enabled: bool) -> None:
        for key in ("new_person", "find", "print", "export", "backup"):
            self.actions_[key].setEnabled(enabled)

    # -- pages ----------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """Show a page by key and return it (built on first use)."""
        row = next(i for i, spec in enumerate(self.pages) if spec.key == key)
        self.nav.setCurrentRow(row)
        return self._built[row]

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._settings.setValue(PAGE_KEY, self.pages[row].key)
        if self._ctx is None:  # still opening the store: the page is built on attach_store()
            self.stack.setCurrentIndex(row)
            return
        if row not in self._built:
            widget = self.pages[row].factory(self._ctx)
            old = self.stack.widget(row)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(row, widget)
            self._built[row] = widget
            self._connect_page(self.pages[row].key, widget)
        self.stack.setCurrentIndex(row)
        # Ctrl+P prints the page's document; pages without one have nothing to print.
        self.actions_["print"].setEnabled(self.document_request() is not None)
        self.print_menu.show_page(self._ctx, self._built[row], self.pages[row].key)

    def open_target(self, page: str, tab: str, filters: tuple[tuple[str, object], ...]) -> QWidget:
        """Show a page at a tab with its filter set (an agenda item's target); the view."""
        return open_filtered(self.page(page), tab, filters)

    def _connect_page(self, key: str, widget: QWidget) -> None:
        if key == "dashboard":
            widget.target_chosen.connect(  # type: ignore[attr-defined]
                lambda t: self.open_target(t.page, t.tab, t.filters)
            )
        if key == "settings":
            widget.language_chosen.connect(self.set_language)  # type: ignore[attr-defined]
            widget.restored.connect(self.close)  # type: ignore[attr-defined]

    # -- menus ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions_
        self.file_menu = QMenu(self)
        self.file_menu.addActions([a["new_person"], a["find"]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["print"])
        self.print_menu = PrintMenu(self)  # every other document of the page
        self.file_menu.addMenu(self.print_menu)
        self.file_menu.addActions([a["export"], a["backup"], a["database"]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["quit"])
        self.language_menu = QMenu(self)
        group = QActionGroup(self)
        for key in ("lang_kk", "lang_ru"):
            group.addAction(a[key])
            self.language_menu.addAction(a[key])
        self.help_menu = QMenu(self)
        self.help_menu.addActions([a["guide"], a["about"]])
        for menu in (self.file_menu, self.language_menu, self.help_menu):
            menu.setToolTipsVisible(True)
            self.menuBar().addMenu(menu)
        a["lang_kk"].triggered.connect(lambda: self.set_language("kk"))
        a["lang_ru"].triggered.connect(lambda: self.set_language("ru"))
        a["quit"].triggered.connect(self.close)
        a["about"].triggered.connect(self._on_about_triggered)
        a["guide"].triggered.connect(self.show_guide)  # checked=False falls back to the page
        a["database"].triggered.connect(self._on_database_triggered)
        a["new_person"].triggered.connect(lambda: self._people().add_person())
        a["find"].triggered.connect(self._on_find_triggered)
        a["print"].triggered.connect(self.print_preview)
        a["export"].triggered.connect(lambda: self._people().export())
        a["backup"].triggered.connect(lambda: self._settings_page().backup_now())

    def show_guide(self, section: str = "") -> None:
        """F1: the guide at the current page's section, or at another ("start": first steps)."""
        from ui.help.guide_dialog import GuideDialog

        self.guide_dialog = self.guide_dialog or GuideDialog(self)
        row = max(self.nav.currentRow(), 0)
        if not section:  # a tab with a section of its own (help_section) opens there
            tabs = self._built.get(row)
            current = tabs.currentWidget() if isinstance(tabs, QTabWidget) else None
            section = getattr(current, "help_section", "")
        self.guide_dialog.show_section(section or self.pages[row].key)

    # -- printing -------------------------------------------------------------------------
    def document_request(self) -> Request | None:
        """What the current page would print now: its own choice, or its first document."""
        row = self.nav.currentRow()
        if row < 0:
            return None
        return page_document(self._built.get(row), self.pages[row].key)

    def print_preview(self) -> None:
        """Ctrl+P: the preview of the current page's document."""
        request = self.document_request()
        if self._ctx is None or request is None:
            return
        from ui.documents.printing import preview  # the store's modules load on first print

        self.preview_dialog = preview(self, self._ctx, *request)

    def _people(self) -> PeopleView:
        page = self.page("people")
        assert isinstance(page, PeopleAndCourtsPage)
        return page.people

    def _settings_page(self) -> SettingsView:
        # Imported here, not only for type checking: isinstance needs the class (issue 16).
        from ui.settings.settings_view import SettingsView

        page = self.page("settings")
        assert isinstance(page, SettingsView)
        return page

    def _on_find_triggered(self) -> None:
        self._people().search.setFocus()

    def _on_database_triggered(self) -> None:
        from ui.database_dialog import DatabaseDialog

        DatabaseDialog(self._settings, self).exec()

    def _on_about_triggered(self) -> None:
        from ui.about_dialog import AboutDialog

        AboutDialog(self._ctx.store.location if self._ctx else "", self).exec()

    # -- language -------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch language for the whole application; the choice persists."""
        self._switch_language(lang)
        self._settings.setValue("language", lang)
        settings_row = next(i for i, s in enumerate(self.pages) if s.key == "settings")
        settings_page = self._built.get(settings_row)
        if settings_page is not None:
            settings_page.sync_language(lang)  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Menus, navigation and title in the active language."""
        self.setWindowTitle(_("Tälimger — training centre"))
        self.file_menu.setTitle(_("&File"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.actions_.retranslate()
        lang = current_language()
        self.actions_["lang_kk"].setChecked(lang == "kk")
        self.actions_["lang_ru"].setChecked(lang == "ru")
        for i, spec in enumerate(self.pages):
            item = self.nav.item(i)
            if item is not None:
                item.setText(_(spec.title))
        self._size_nav_items()

    def _size_nav_items(self) -> None:
        # Wrapped Kazakh/Russian titles need their real height, which the default hint misses.
        metrics = self.nav.fontMetrics()
        width = self.nav.width() - 2 * self.nav.frameWidth() - 12
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            if item is None:
                continue
            rect = metrics.boundingRect(QRect(0, 0, width, 1000), TEXT_WORD_WRAP, item.text())
            item.setSizeHint(QSize(width, rect.height() + 16))

    # -- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self._settings
        geometry, state = s.value(GEOMETRY_KEY), s.value(STATE_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
            # Saved on a bigger monitor, or a screen since unplugged: keep it on this one.
            clamp_to_screen(self)
        else:
            fit_to_screen(self, 1280, 800)
        if state is not None:
            self.restoreState(state)
        keys = [p.key for p in self.pages]
        last = str(s.value(PAGE_KEY, "dashboard"))
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.sync()
        super().closeEvent(event)
