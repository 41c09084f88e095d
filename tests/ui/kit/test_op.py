"""The Op runner with a real store: commit, refusal, field errors, cancel, bugs, status bar."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from datetime import date
from types import TracebackType

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.core.context import Actor
from app.core.errors import DomainError, FieldError, ValidationError
from app.core.progress import Progress
from app.core.store import Session
from app.courts.service import list_courts
from app.people.dto import PersonDTO, PersonFilter, PersonInput
from app.people.iin import make_iin
from app.people.queries import count_people
from app.people.service import create_person
from ui.context import UiContext
from ui.kit.op import Op, Query


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[QWidget]:
    """A page inside a main window, as every action's widget is."""
    window = QMainWindow()
    qtbot.addWidget(window)
    widget = QWidget()
    window.setCentralWidget(widget)
    window.show()
    yield widget  # the window is held here for the test's length


def _person(ui_ctx: UiContext, serial: int = 1) -> PersonInput:
    court = Query(None, ui_ctx, lambda s: list_courts(s, "regional")[0]).run()
    assert court is not None
    return PersonInput(
        iin=make_iin(date(1980, 5, 5), serial), surname="Сәрсенов", first_name="Қайрат",
        court_id=court.id,
    )  # fmt: skip


def _people(ui_ctx: UiContext) -> int:
    return Query(None, ui_ctx, lambda s: count_people(s, PersonFilter())).run() or 0


def _refusals(widget: QWidget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.objectName() == "refusal"]


def test_write_commits_calls_back_and_confirms_in_the_status_bar(
    page: QWidget, ui_ctx: UiContext
) -> None:
    data = _person(ui_ctx)
    got: list[PersonDTO] = []
    result = (
        Op(page, ui_ctx, lambda s, actor, _p: create_person(s, actor, data))
        .success(got.append)
        .success_message(lambda p: f"saved {p.data.surname}")
        .run()
    )
    assert result is not None and got == [result]
    assert _people(ui_ctx) == 1
    window = page.window()
    assert isinstance(window, QMainWindow)
    assert window.statusBar().currentMessage() == "saved Сәрсенов"


def test_refusal_rolls_back_and_is_shown_beside_the_action(
    page: QWidget, ui_ctx: UiContext
) -> None:
    data = _person(ui_ctx)
    failures: list[DomainError] = []

    def work(s: Session, actor: Actor, _p: Progress) -> PersonDTO:
        create_person(s, actor, data)
        raise DomainError("Someone else changed this record meanwhile. Reload it and try again.")

    result = Op(page, ui_ctx, work).failure(failures.append).run()
    assert result is None and len(failures) == 1
    assert _people(ui_ctx) == 0  # the person written before the refusal was rolled back
    boxes = _refusals(page)
    assert len(boxes) == 1 and boxes[0].isVisible()
    # Shown in the active language (kk in tests), not as the catalog id.
    assert boxes[0].text() == failures[0].message() != failures[0].message_id


def test_duplicate_iin_goes_beside_the_fields_of_a_form(page: QWidget, ui_ctx: UiContext) -> None:
    data = _person(ui_ctx)
    Op(page, ui_ctx, lambda s, actor, _p: create_person(s, actor, data)).run()

    class Form:
        def __init__(self) -> None:
            self.errors: list[FieldError] = []

        def show_errors(self, errors: list[FieldError]) -> None:
            self.errors = errors

    form = Form()
    again = Op(page, ui_ctx, lambda s, actor, _p: create_person(s, actor, data)).fields(form).run()
    assert again is None
    assert [e.field for e in form.errors] == ["iin"]
    assert not _refusals(page)  # field errors do not also pop up a box
    assert _people(ui_ctx) == 1


def test_validation_without_a_form_is_a_refusal_box(page: QWidget, ui_ctx: UiContext) -> None:
    def work(s: Session, actor: Actor, _p: Progress) -> None:
        raise ValidationError([FieldError("iin", "This field is required.")])

    Op(page, ui_ctx, work).run()
    assert _refusals(page)[0].text() == "Бұл өрісті толтыру міндетті."


def test_cancel_in_the_progress_dialog_rolls_back_and_says_so_calmly(
    page: QWidget, ui_ctx: UiContext
) -> None:
    data = _person(ui_ctx)
    steps: list[int] = []

    def work(s: Session, actor: Actor, progress: Progress) -> int:
        create_person(s, actor, data)
        for i in range(2000):
            steps.append(i)
            progress.step(i, 2000)
            time.sleep(0.005)
        return len(steps)

    def press_cancel() -> None:
        dialogs = page.window().findChildren(QProgressDialog)
        if not dialogs or len(steps) < 5:
            QTimer.singleShot(50, press_cancel)
            return
        button = dialogs[0].findChild(QPushButton)
        assert button is not None and button.text() == "Болдырмау"
        button.click()

    QTimer.singleShot(50, press_cancel)
    result = Op(page, ui_ctx, work).with_progress("Working…").run()
    assert result is None and 5 <= len(steps) < 2000
    assert _people(ui_ctx) == 0
    assert not _refusals(page)
    window = page.window()
    assert isinstance(window, QMainWindow)
    assert window.statusBar().currentMessage() == "Тоқтатылды: ештеңе өзгертілмеді."


def test_work_in_a_thread_returns_its_result(page: QWidget, ui_ctx: UiContext) -> None:
    seen: list[tuple[int, int]] = []

    def work(s: Session, progress: Progress) -> int:
        for i in range(3):
            progress.step(i + 1, 3)
            seen.append((i + 1, 3))
        return len(list_courts(s))

    from ui.kit.op import ProgressQuery

    courts = ProgressQuery(page, ui_ctx, work).with_progress("Reading…").run()
    assert courts and courts > 10 and seen[-1] == (3, 3)


def test_a_bug_goes_to_the_application_error_handler(
    page: QWidget, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    caught: list[BaseException] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        caught.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)
    assert Query(page, ui_ctx, lambda s: 1 // 0).run() is None
    assert isinstance(caught[0], ZeroDivisionError)
    assert not _refusals(page)


def test_task_backs_up_the_store_file_without_a_session(
    page: QWidget, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.backup import back_up_store, list_backups, restore_store
    from ui.kit.op import Task

    store = ui_ctx.store
    assert store.backup_dir is not None
    made = Task(page, lambda _p: back_up_store(store, 3)).run()
    assert made is not None and [b.path for b in list_backups(store.backup_dir)] == [made]
    missing = made.with_name("missing.db")
    assert Task(page, lambda _p: restore_store(store, missing)).run() is None
    assert _refusals(page)  # the reason is shown; the store file is untouched
    assert _people(ui_ctx) == 0


def test_a_permission_refusal_is_audited_and_nothing_else_is_kept(
    page: QWidget, ui_ctx: UiContext
) -> None:
    from dataclasses import replace

    from sqlalchemy import select

    from app.core.permissions import USERS_MANAGE, require
    from db.models import AuditEntry

    viewer = replace(ui_ctx, actor=Actor("viewer", frozenset({"viewer"})))
    data = _person(ui_ctx)

    def work(s: Session, actor: Actor, _p: Progress) -> None:
        create_person(s, actor, data)
        require(actor, USERS_MANAGE)

    assert Op(page, viewer, work).refusals_to(lambda _t: None).run() is None
    assert _people(ui_ctx) == 0
    with ui_ctx.store.read() as s:
        entries = [(e.actor, e.action) for e in s.scalars(select(AuditEntry))]
    assert entries == [("viewer", "refuse")]  # issue 10: refusals are audited


def test_background_work_leaves_the_window_responsive_and_calls_back_later(
    qtbot: QtBot, page: QWidget, ui_ctx: UiContext
) -> None:
    """Issue 12: no dialog, run() returns at once, events are processed while the work runs."""
    import threading

    gate = threading.Event()
    got: list[int] = []
    over: list[bool] = []

    def work(s: Session) -> int:
        assert gate.wait(20)  # the work cannot end before the test has used the window
        return len(list_courts(s))

    returned = Query(page, ui_ctx, work).in_background().success(got.append)
    assert returned.finished(lambda: over.append(True)).run() is None
    button = QPushButton("other", page)
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    button.show()
    qtbot.wait(50)  # the event loop runs while the work waits
    button.click()
    assert clicked and not got and not page.window().findChildren(QProgressDialog)
    gate.set()
    qtbot.waitUntil(lambda: bool(over), timeout=20000)
    assert got and got[0] > 10


def test_a_refusal_shows_its_words_and_keeps_the_rule_id_for_details(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    """Issue 11: the rule ID goes to the label's tooltip, or to the box's details."""
    from PySide6.QtWidgets import QLabel

    parent = QWidget()
    qtbot.addWidget(parent)
    label = QLabel(parent)

    def refuse(_s: Session, _a: Actor, _p: Progress) -> None:
        raise DomainError("A judge cannot guide himself — M-1")

    Op(parent, ui_ctx, refuse).refusals_to(label.setText).run()
    assert label.text() == "A judge cannot guide himself"
    assert "M-1" in label.toolTip()
    Op(parent, ui_ctx, refuse).run()
    box = parent.findChild(QMessageBox, "refusal")
    assert box is not None and box.text() == "A judge cannot guide himself"
    assert "M-1" in box.detailedText()
    box.close()
