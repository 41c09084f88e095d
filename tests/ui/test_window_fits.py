"""Every page, tab and main dialog fits a 1366×768 screen with its taskbar, in kk and ru."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.core.context import MENTOR
from app.people.dto import PersonFilter
from app.people.queries import page_people
from app.security.accounts import list_accounts
from app.security.dto import UserInput
from app.security.service import create_user
from app.staff.internships import schedule_of_year
from app.staff.queries import list_adaptations
from app.staff.service import get_adaptation
from ui.context import UiContext
from ui.kit.screen_fit import available
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

SCREEN = QSize(1366, 728)  # 1366×768 less a 40 px taskbar


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TALIMGER_SCREENSHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _too_big(widget: QWidget) -> str:
    QApplication.processEvents()
    need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if need.width() <= SCREEN.width() and need.height() <= SCREEN.height():
        return ""
    return f"{need.width()}×{need.height()}"


def _tabs(page: QWidget) -> Iterator[tuple[str, QTabWidget, int]]:
    """Every tab of every tab widget on a page (nested ones too, once they are shown)."""
    seen: set[int] = set()
    stack = ([page] if isinstance(page, QTabWidget) else []) + page.findChildren(QTabWidget)
    while stack:
        tabs = stack.pop(0)
        if id(tabs) in seen:
            continue
        seen.add(id(tabs))
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            yield tabs.tabText(i).replace("&", ""), tabs, i
            stack += [t for t in tabs.widget(i).findChildren(QTabWidget) if id(t) not in seen]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_page_and_tab_fits_the_screen(
    qtbot: QtBot,
    ui_ctx: UiContext,
    window: MainWindow,
    switcher: LanguageSwitcher,
    shots: Path,
    lang: str,
) -> None:
    from app.demo.everything import generate_everything

    # Every module's demo, so each page is measured and pictured with the lists it really has
    # (long court names, criteria, wrapped rows), not as empty tables.
    with ui_ctx.store.write() as s:
        generate_everything(s, ui_ctx.actor)
    switcher.switch(lang)
    window.resize(SCREEN)
    start = window.page("dashboard")
    for _read in range(2):  # the first read may have begun before the demo: read again after it
        qtbot.waitUntil(lambda: not start.busy, timeout=60_000)  # type: ignore[attr-defined]
        start.refresh()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not start.busy, timeout=60_000)  # type: ignore[attr-defined]
    misfits: list[str] = []
    for spec in window.pages:
        page = window.page(spec.key)
        if bad := _too_big(window):
            misfits.append(f"{spec.key}: {bad}")
        window.grab().save(str(shots / f"{lang}-{spec.key}.png"))
        for n, (title, _tabs_widget, _i) in enumerate(_tabs(page)):
            if bad := _too_big(window):
                misfits.append(f"{spec.key} / {title}: {bad}")
            window.grab().save(str(shots / f"{lang}-{spec.key}-{n}.png"))
    assert misfits == [], misfits


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_main_dialogs_fit_the_screen(
    qtbot: QtBot,
    ui_ctx: UiContext,
    window: MainWindow,
    switcher: LanguageSwitcher,
    shots: Path,
    lang: str,
) -> None:
    from app.demo.generator import generate
    from app.demo.staff import generate_internship_schedule, generate_staff
    from ui.about_dialog import AboutDialog
    from ui.courts.court_dialog import CourtDialog
    from ui.cpd.activity_dialog import ActivityDialog
    from ui.cpd.exemption_dialog import ExemptionDialog
    from ui.data.login_dialog import FirstRunDialog, LoginDialog
    from ui.database_dialog import DatabaseDialog
    from ui.evaluation.dossier_dialog import DossierDialog
    from ui.exchange.pair_dialog import PairDialog
    from ui.kit.attachment_viewer import AttachmentViewer
    from ui.kit.print_preview_dialog import PrintPreviewDialog
    from ui.mentoring.wishes_dialog import WishesDialog
    from ui.people.person_dialog import PersonDialog
    from ui.staff.adaptation_dialog import AdaptationDialog
    from ui.staff.internship_dialog import InternshipDialog, OutcomeDialog
    from ui.staff.plan_dialog import PlanDialog, ResultDialog
    from ui.users.user_dialogs import AddUserDialog, PasswordDialog, RolesDialog

    today = date.today()
    with ui_ctx.store.write() as s:
        generate(s, ui_ctx.actor)
        create_user(s, ui_ctx.actor, UserInput("mentor1", "", frozenset({MENTOR}), "password1"))
        generate_staff(s, ui_ctx.actor, today=today)
        generate_internship_schedule(s, ui_ctx.actor, today=today)
    with ui_ctx.store.read() as s:
        person = page_people(s, PersonFilter(), 0, 1)[0]
        account = list_accounts(s, ui_ctx.actor)[0]
        adaptation = get_adaptation(s, list_adaptations(s, today)[0].id)
        line = schedule_of_year(s, today.year)[0]
    switcher.switch(lang)
    pdf = window.page("people").people.register_pdf()  # type: ignore[attr-defined]
    dialogs: dict[str, QDialog] = {
        "person": PersonDialog(ui_ctx, person.id, parent=window),
        "court": CourtDialog(ui_ctx, parent=window),
        "activity": ActivityDialog(ui_ctx, person.id, parent=window),
        "exemption": ExemptionDialog(ui_ctx, person.id, parent=window),
        "dossier": DossierDialog(ui_ctx, person.id, person.full_name, parent=window),
        "preview": PrintPreviewDialog(pdf, "register.pdf", window),
        "about": AboutDialog(str(ui_ctx.store.path), window),
        "database": DatabaseDialog(ui_ctx.settings, window),
        "login": LoginDialog(ui_ctx.store, window),
        "first_run": FirstRunDialog(ui_ctx.store, window),
        "pair": PairDialog(ui_ctx, window),
        "add_user": AddUserDialog(ui_ctx, window),
        "roles": RolesDialog(ui_ctx, account, window),
        "password": PasswordDialog(ui_ctx, account, window),
        "wishes": WishesDialog(ui_ctx, person.id, person.full_name, window),
        "attachment": AttachmentViewer([("order.pdf", b"%PDF-1.4"), ("scan.png", b"")], window),
        "adaptation": AdaptationDialog(ui_ctx, window),
        "adaptation_plan": PlanDialog(ui_ctx, adaptation, window),
        "adaptation_result": ResultDialog(ui_ctx, adaptation, window),
        "staff_internship": InternshipDialog(ui_ctx, today.year, line, window),
        "staff_internship_outcome": OutcomeDialog(ui_ctx, line, parent=window),
        "staff_internship_cancel": OutcomeDialog(ui_ctx, line, cancelling=True, parent=window),
    }
    misfits = []
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        if bad := _too_big(dialog):
            misfits.append(f"{name}: {bad}")
        # Its opening size too, on the screen it opens on (off-screen: 800×800): a dialog
        # taller than the screen hides its buttons.
        size, area = dialog.frameGeometry().size(), available(dialog)
        if size.width() > area.width() or size.height() > area.height():
            misfits.append(f"{name} opens at {size.width()}×{size.height()}")
        dialog.grab().save(str(shots / f"{lang}-dialog-{name}.png"))
        dialog.close()
    assert misfits == [], misfits


def test_default_size_fits_and_a_window_off_screen_is_brought_back(
    qtbot: QtBot, ui_ctx: UiContext, switcher: LanguageSwitcher
) -> None:
    from ui.kit.screen_fit import clamp_to_screen

    window = MainWindow(ui_ctx, switcher.switch)
    qtbot.addWidget(window)
    area = available(window)
    assert window.width() <= area.width() and window.height() <= area.height()
    window.show()
    window.resize(3000, 2000)  # as if saved on a bigger monitor
    window.move(area.right() + 500, area.bottom() + 500)  # or on one since unplugged
    assert not area.contains(window.frameGeometry())
    clamp_to_screen(window)  # what _restore_state does after restoreGeometry
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.frameGeometry())
