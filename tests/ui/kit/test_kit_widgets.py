"""Retranslation mixin, base dialog and paged models with real widgets and a real store."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.core.store import Session
from app.courts.dto import CourtDTO
from app.courts.service import list_courts
from app.people.dto import PersonDTO, PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from i18n import N_, _
from ui.context import UiContext
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Query, Work
from ui.kit.paged_table_model import Column, IdPagedTableModel, PagedTableModel
from ui.kit.retranslating import Retranslating
from ui.qt_i18n import LanguageSwitcher


class Caption(Retranslating, QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.calls += 1
        self.setText(_("Court"))


def test_mixin_retranslates_on_language_change(qtbot: QtBot, switcher: LanguageSwitcher) -> None:
    label = Caption()
    qtbot.addWidget(label)
    assert label.text() == "Сот"
    switcher.switch("ru")
    qtbot.waitUntil(lambda: label.text() == "Суд")
    calls = label.calls
    QApplication.sendEvent(label, QEvent(QEvent.Type.LanguageChange))
    assert label.calls == calls + 1


class SurnameDialog(FormDialog[PersonDTO]):
    """The smallest edit dialog: a surname and an IIN; the court is not on the form."""

    def __init__(self, ctx: UiContext, court_id: uuid.UUID | None) -> None:
        super().__init__(ctx)
        self.court_id = court_id
        self.surname, self.iin = QLineEdit(self), QLineEdit(self)
        self.rows = {"surname": FieldWithError(self.surname), "iin": FieldWithError(self.iin)}
        for row in self.rows.values():
            self.body.addWidget(row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("New person"))

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[PersonDTO]:
        data = PersonInput(
            iin=self.iin.text(), surname=self.surname.text(), first_name="Ә",
            court_id=self.court_id,
        )  # fmt: skip
        return lambda s, actor, _p: create_person(s, actor, data)


def _save(dialog: FormDialog[PersonDTO], qtbot: QtBot) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_base_dialog_shows_errors_beside_fields_then_saves(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog = SurnameDialog(ui_ctx, court_id=None)
    qtbot.addWidget(dialog)
    dialog.show()
    _save(dialog, qtbot)
    assert dialog.saved is None and dialog.isVisible()
    assert dialog.rows["surname"].error.text() == "Бұл өрісті толтыру міндетті."
    assert dialog.rows["iin"].error.isVisible()
    # The court has no row here: its reason shows above the buttons, not lost.
    assert dialog.message.isVisible()
    assert "сотқа" in dialog.message.text()

    court = Query(None, ui_ctx, lambda s: list_courts(s, "regional")[0]).run()
    assert court is not None
    dialog.court_id = court.id
    dialog.surname.setText("Нұрланов")
    dialog.iin.setText(make_iin(date(1970, 2, 3), 9))
    _save(dialog, qtbot)
    assert dialog.saved is not None and dialog.saved.data.surname == "Нұрланов"
    assert not dialog.isVisible()
    assert not dialog.rows["surname"].error.isVisible()


COURT_COLUMNS = (
    Column[CourtDTO](N_("Court"), lambda c: c.name),
    Column[CourtDTO](N_("Level"), lambda c: c.level, numeric=True),
)


class CourtsPaged(PagedTableModel[CourtDTO]):
    PAGE_SIZE = 7
    CACHED_PAGES = 2

    def count(self, session: Session) -> int:
        return len(list_courts(session))

    def fetch(self, session: Session, offset: int, limit: int) -> list[CourtDTO]:
        return list_courts(session)[offset : offset + limit]


class CourtsById(IdPagedTableModel[CourtDTO, uuid.UUID]):
    PAGE_SIZE = 5
    fetched: list[int]

    def ids(self, session: Session) -> list[uuid.UUID]:
        self.fetched = []
        return [c.id for c in reversed(list_courts(session))]

    def rows_for(self, session: Session, ids: Sequence[uuid.UUID]) -> list[CourtDTO]:
        self.fetched.append(len(ids))
        by_id = {c.id: c for c in list_courts(session)}
        return [by_id[i] for i in ids]


def test_paged_model_fetches_pages_on_demand(qtmodeltester: object, ui_ctx: UiContext) -> None:
    model = CourtsPaged(ui_ctx, COURT_COLUMNS)
    model.refresh()
    total = model.rowCount()
    assert total > 20
    assert model._pages == {}  # nothing fetched until asked
    assert model.index(total - 1, 0).data()
    assert list(model._pages) == [(total - 1) // 7]
    for row in range(0, total, 7):
        model.index(row, 0).data()
    assert len(model._pages) == 2  # only CACHED_PAGES kept
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Сот"
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_id_paged_model_builds_rows_a_page_of_ids_at_a_time(
    qtmodeltester: object, ui_ctx: UiContext
) -> None:
    view = QWidget()  # the parent a refusal would be shown next to
    model = CourtsById(ui_ctx, COURT_COLUMNS, view)
    model.refresh()
    courts = Query(None, ui_ctx, list_courts).run() or []
    assert model.rowCount() == len(courts)
    assert model.index(0, 0).data() == courts[-1].name
    assert model.fetched == [5]
    assert len(model.all_ids) == len(courts)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert max(model.fetched) == 5
