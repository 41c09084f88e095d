"""Login, first run, import preview, exchange conflicts and the audit log, driven like a user."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.core.bootstrap import open_store
from app.core.context import ADMINISTRATOR, VIEWER, Actor
from app.core.store import Store
from app.exchange.apply import import_package
from app.exchange.export import export_package
from app.exchange.state import set_node_name
from app.people.iin import make_iin
from app.people.service import get_person, update_person
from app.security.dto import UserInput
from app.security.service import create_first_administrator
from db.models import Person
from i18n import translator
from tests.app.exchange.conftest import pair_stores
from tests.app.security.helpers import add_judge
from ui.context import UiContext
from ui.data.audit_view import AuditView
from ui.data.conflicts_view import ConflictsView
from ui.data.import_view import ImportView
from ui.data.login_dialog import FirstRunDialog, LoginDialog
from ui.data.page import SecurityPage
from ui.qt_i18n import LanguageSwitcher

SHOTS = Path(os.environ.get("TALIMGER_SHOTS", "/tmp/talimger-shots"))


def _in(qtbot: object, switcher: LanguageSwitcher, lang: str, label: object, msgid: str) -> None:
    """Switch the language and wait until a label of the widget shows it."""
    switcher.switch(lang)
    expected = translator(lang)(msgid)
    qtbot.waitUntil(lambda: label.text() == expected, timeout=2000)  # type: ignore[attr-defined]


def _shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


def test_login_dialog_refuses_then_accepts(
    qtbot: object, store: Store, switcher: LanguageSwitcher
) -> None:
    with store.write() as s:
        create_first_administrator(s, UserInput("admin", "", frozenset(), "right-password"))
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.username, "admin")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.password, "wrong-password")  # type: ignore[attr-defined]
    dialog.buttons.accepted.emit()
    assert dialog.actor is None and dialog.error.text()
    assert dialog.password.text() == ""
    for lang in ("ru", "kk"):
        _in(qtbot, switcher, lang, dialog.password_label, "Password")
        _shot(dialog, f"login-{lang}")
    qtbot.keyClicks(dialog.password, "right-password")  # type: ignore[attr-defined]
    dialog.buttons.accepted.emit()
    assert dialog.actor is not None and dialog.actor.has_role(ADMINISTRATOR)


def test_first_run_creates_the_administrator(qtbot: object, store: Store) -> None:
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.username, "chief")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.password, "long-password")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.repeat, "other-password")  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.actor is None and dialog.error.text()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "long-password")  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.actor is not None and dialog.actor.name == "chief"


def test_first_run_without_logins(qtbot: object, store: Store) -> None:
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    _shot(dialog, "first-run-kk")
    qtbot.mouseClick(dialog.no_login_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.actor is not None and dialog.actor.has_role(ADMINISTRATOR)


def test_import_preview_then_import(
    qtbot: object, ui_ctx: UiContext, tmp_path: Path, switcher: LanguageSwitcher
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "ИИН;Фамилия;Имя;Роль;Суд\n"
        f"{make_iin(date(1980, 1, 1), 1)};Иванов;Иван;Работник суда;SC\n"
        "123;Петров;Пётр;Судья;Марс\n",
        encoding="utf-8",
    )
    view = ImportView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(1000, 400)
    view.load(path)
    assert view.table.rowCount() == 2
    assert view.preview is not None
    assert len(view.preview.rows[1].errors) == 2  # the IIN and the court: every reason
    assert not view.import_button.isEnabled()  # an error row: refused unless left out
    for lang in ("ru", "kk"):
        _in(qtbot, switcher, lang, view.import_button, "Import")
        reason = translator(lang)("Unknown court \u201c{value}\u201d.").format(value="Марс")
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda reason=reason: reason in view.table.item(1, 4).text(), timeout=2000
        )
        _shot(view, f"import-{lang}")
    with ui_ctx.store.read() as s:
        assert s.scalar(select(func.count(Person.id))) == 0
    view.skip_errors.setChecked(True)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    with ui_ctx.store.read() as s:
        assert s.scalar(select(func.count(Person.id))) == 1


def test_conflict_resolved_in_the_view(
    qtbot: object, ui_ctx: UiContext, tmp_path: Path, switcher: LanguageSwitcher
) -> None:
    centre = ui_ctx.store
    actor = Actor("demo")
    with centre.write() as s:
        set_node_name(s, actor, "centre")
        pid = add_judge(s, actor, 7).id
    assert centre.path is not None
    centre.dispose()
    shutil.copyfile(centre.path, tmp_path / "district.db")
    district = open_store(tmp_path / "district.db", backup=False)
    with district.write() as s:
        set_node_name(s, actor, "district")
    pair_stores(district, "district", centre, "centre")
    for store, text in ((district, "district edit"), (centre, "centre edit")):
        with store.read() as s:
            seen = get_person(s, pid)
        with store.write() as s:
            update_person(s, actor, pid, replace(seen.data, position=text), seen.version)
    with district.write() as s:
        data, _ = export_package(s, actor, "centre", "passphrase!")
    district.dispose()
    with centre.write() as s:
        assert import_package(s, actor, data, "passphrase!").conflicts == 1
    view = ConflictsView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(900, 400)
    assert view.list.count() == 1
    shown = {
        view.values.item(i, 0).text(): (
            view.values.item(i, 1).text(),
            view.values.item(i, 2).text(),
        )
        for i in range(view.values.rowCount())
    }
    assert shown["position"] == ("centre edit", "district edit")
    for lang in ("ru", "kk"):
        _in(qtbot, switcher, lang, view.mine_button, "Keep this PC's version")
        _shot(view, f"conflicts-{lang}")
    qtbot.mouseClick(view.theirs_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert view.list.count() == 0
    with centre.read() as s:
        assert get_person(s, pid).data.position == "district edit"


def test_audit_view_filters_and_checks(
    qtbot: object, ui_ctx: UiContext, tmp_path: Path, switcher: LanguageSwitcher
) -> None:
    with ui_ctx.store.write() as s:
        add_judge(s, Actor("officer"), 1)
        add_judge(s, Actor("other"), 2)
    view = AuditView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(1000, 400)
    assert view.model.rowCount() == 2
    qtbot.keyClicks(view.user_filter, "officer")  # type: ignore[attr-defined]
    view.reload()
    assert view.model.rowCount() == 1 and view.model.index(0, 2).data() == "officer"
    view.check_chain()
    assert view.chain.text()
    view.export_to(tmp_path / "audit.csv")
    assert (tmp_path / "audit.csv").exists()
    for lang in ("ru", "kk"):
        _in(qtbot, switcher, lang, view.check_button, "Check the chain")
        _shot(view, f"audit-{lang}")


def test_page_tabs_follow_roles(qtbot: object, ui_ctx: UiContext) -> None:
    page = SecurityPage(ui_ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    # Import, Exchange, Exchange conflicts, Audit log, Users and roles (issue 11 added two).
    assert page.count() == 5
    viewer = SecurityPage(replace(ui_ctx, actor=Actor("v", frozenset({VIEWER}))))
    qtbot.addWidget(viewer)  # type: ignore[attr-defined]
    assert viewer.count() == 0


def test_audit_model_pages_and_passes_qt_model_tester(
    qtmodeltester: object, ui_ctx: UiContext
) -> None:
    from ui.data.audit_table_model import AuditTableModel

    with ui_ctx.store.write() as s:
        for n in range(7):
            add_judge(s, Actor(f"officer{n}"), 10 * (n + 1))
    model = AuditTableModel(ui_ctx)
    model.PAGE_SIZE = 3
    model.refresh()
    assert model.rowCount() == 7 and model._pages == {}
    assert model.index(6, 2).data() == "officer0"  # newest first, on the third page
    assert list(model._pages) == [2]
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_why_8_audit_page_reports_a_cut_log_with_the_anchored_position(
    qtbot: object, ui_ctx: UiContext, switcher: LanguageSwitcher
) -> None:
    from sqlalchemy import text

    with ui_ctx.store.write() as s:
        for serial in range(3):
            add_judge(s, Actor("officer"), 10 + serial, surname=f"Кесу{'а' * serial}")
    view = AuditView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    switcher.switch("ru")
    view.check_chain()
    whole = view.chain.text()
    with ui_ctx.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 3"))
    view.check_chain()
    assert view.chain.text() != whole
    assert "обрезан" in view.chain.text() and "запись 3" in view.chain.text()


def test_why_9_the_administrator_is_shown_failed_logins_at_the_next_login(
    qtbot: object, store: Store, monkeypatch: object
) -> None:
    from app.security.authentication import login
    from app.security.service import create_user
    from ui.data import login_dialog

    with store.write() as s:
        create_first_administrator(s, UserInput("admin", "", frozenset(), "right-password"))
    boss = login(store, "admin", "right-password")
    with store.write() as s:
        create_user(s, boss, UserInput("aliya", "", frozenset({VIEWER}), "good-password"))
    for _ in range(5):
        dialog = LoginDialog(store)
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.username, "aliya")  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.password, "bad-password")  # type: ignore[attr-defined]
        dialog.buttons.accepted.emit()
        with store.write() as s:  # the wait passes, as the clock would
            from datetime import timedelta

            from db.models import LoginAttempt

            for attempt in s.scalars(select(LoginAttempt)):
                attempt.at -= timedelta(hours=2)
    shown: list[str] = []
    monkeypatch.setattr(  # type: ignore[attr-defined]
        login_dialog.QMessageBox, "warning", lambda _p, _t, text: shown.append(text)
    )
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.username, "admin")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.password, "right-password")  # type: ignore[attr-defined]
    dialog.buttons.accepted.emit()
    assert dialog.actor is not None
    assert len(shown) == 1 and "aliya" in shown[0] and "5" in shown[0]
