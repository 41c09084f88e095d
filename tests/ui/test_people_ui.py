"""People & courts in real widgets: form validation, the list, search, restart, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.bootstrap import open_store
from app.courts.service import list_courts
from app.people.dto import PersonFilter, PersonInput, StatusPeriod
from app.people.iin import make_iin
from app.people.queries import count_people
from app.people.service import create_person
from db.models import AuditEntry
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.people.people_table_model import PeopleTableModel
from ui.people.people_view import PeopleView
from ui.people.person_dialog import PersonDialog

from .typing import type_text


def _save(dialog: PersonDialog, qtbot: QtBot) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_invalid_person_is_refused_beside_the_fields(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog = PersonDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.iin, "123456789012")
    type_text(dialog.form.first_name, "Ержан7")
    _save(dialog, qtbot)
    form = dialog.form
    assert form.rows["iin"].error.isVisible()
    assert "ЖСН" in form.rows["iin"].error.text()
    assert form.rows["surname"].error.text() == "Бұл өрісті толтыру міндетті."
    assert form.rows["first_name"].error.isVisible()
    assert form.rows["court_id"].error.text() == "Судья қандай да бір сотқа тиесілі болуы керек."
    assert not form.rows["patronymic"].error.isVisible()
    assert dialog.isVisible() and dialog.saved is None
    with ui_ctx.store.read() as s:
        assert count_people(s, PersonFilter()) == 0


def test_person_typed_in_shows_in_list_survives_restart_and_is_audited(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    view = window.page("people").people  # type: ignore[attr-defined]
    assert isinstance(view, PeopleView)
    dialog = PersonDialog(ui_ctx, parent=view)
    qtbot.addWidget(dialog)
    dialog.show()
    iin = make_iin(date(1984, 6, 30), 77, female=True)
    form = dialog.form
    type_text(form.iin, iin)
    type_text(form.surname, "Құрманғазиева")
    type_text(form.first_name, "Әйгерім")
    type_text(form.patronymic, "Серікқызы")
    form.court.setCurrentIndex(form.court.findText("Ақмола облыстық соты"))
    type_text(form.position, "Судья")
    _save(dialog, qtbot)
    assert dialog.saved is not None, [r.error.text() for r in form.rows.values()]
    view.model.refresh()
    type_text(view.search, "құрманғ")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert view.model.index(0, 0).data() == "Құрманғазиева Әйгерім Серікқызы"
    assert view.model.index(0, 2).data() == "Ақмола облыстық соты"

    path = ui_ctx.store.path
    ui_ctx.store.dispose()
    reopened = open_store(path, backup=False)
    try:
        model = PeopleTableModel(replace(ui_ctx, store=reopened))
        model.set_filter(PersonFilter(text=iin))
        assert model.rowCount() == 1
        with reopened.read() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "create")).one()
            assert entry.changes["iin"] == [None, iin] and entry.actor == ui_ctx.actor.name
    finally:
        reopened.dispose()


def test_editing_keeps_the_court(qtbot: QtBot, ui_ctx: UiContext) -> None:
    with ui_ctx.store.read() as s:
        court = list_courts(s, "regional")[3]
    with ui_ctx.store.write() as s:
        person = create_person(
            s,
            ui_ctx.actor,
            PersonInput(
                iin=make_iin(date(1975, 1, 2), 5),
                surname="Омаров",
                first_name="Асқар",
                court_id=court.id,
            ),
        )
    dialog = PersonDialog(ui_ctx, person.id)
    qtbot.addWidget(dialog)
    assert dialog.form.value().court_id == court.id
    dialog.form.position.setText("Төраға")
    _save(dialog, qtbot)
    assert dialog.saved is not None and dialog.saved.data.court_id == court.id


def test_search_as_you_type_with_kazakh_letters(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    with ui_ctx.store.read() as s:
        court = list_courts(s, "regional")[0]
    names = [("Әбілов", "Ілияс"), ("Абилов", "Ильяс"), ("Ұзақов", "Ғалым"), ("Үсенов", "Һаким")]
    with ui_ctx.store.write() as s:
        for i, (surname, name) in enumerate(names):
            create_person(
                s,
                ui_ctx.actor,
                PersonInput(
                    iin=make_iin(date(1980, 1, 1), i),
                    surname=surname,
                    first_name=name,
                    court_id=court.id,
                ),
            )
    view = window.page("people").people  # type: ignore[attr-defined]
    view.model.refresh()
    assert view.model.rowCount() == 4
    type_text(view.search, "ӘБІ")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert view.model.index(0, 0).data() == "Әбілов Ілияс"
    view.search.clear()
    type_text(view.search, "һАК")
    qtbot.waitUntil(lambda: view.model.filter.text == "һАК", timeout=2000)
    assert view.model.rowCount() == 1
    assert view.model.index(0, 0).data() == "Үсенов Һаким"
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=2000)
    column = [view.model.index(r, 0).data().split()[0] for r in range(4)]
    assert column == ["Абилов", "Әбілов", "Ұзақов", "Үсенов"]
    assert view.count_label.text() == "4 тұлға"


def test_people_model_passes_qt_model_tester(qtmodeltester: object, ui_ctx: UiContext) -> None:
    from app.demo.generator import generate

    with ui_ctx.store.write() as s:
        generate(s, ui_ctx.actor)
    model = PeopleTableModel(ui_ctx)
    model.PAGE_SIZE = 50
    model.set_filter(PersonFilter())
    assert model.rowCount() == 210
    assert model.index(150, 0).data()  # a row on a page fetched on demand
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_form_shows_experience_from_dates(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog = PersonDialog(ui_ctx)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.experience.text() == "—"
    form.first_appointed.set_value(date(2020, 3, 15))
    form.update_experience(date(2026, 11, 21))
    assert form.experience.text() == "6 жыл 8 ай"
    leave = StatusPeriod("childcare_leave", date(2022, 1, 1), date(2022, 12, 31))
    form.set_value(replace(form.value(), status_periods=(leave,)))
    form.update_experience(date(2026, 11, 21))
    assert form.experience.text() == "5 жыл 8 ай"  # a year of leave does not count (P-3)


def test_russian_and_latin_spellings_find_kazakh_names_exact_first(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    with ui_ctx.store.read() as s:
        court = list_courts(s, "regional")[0]
    names = [
        ("Әбілов", "Ілияс"),
        ("Абилов", "Ильяс"),
        ("Құдайбергенов", "Ерлан"),
        ("Кудайбергенов", "Ерлан"),
        ("Ұзақов", "Ғалым"),
    ]
    with ui_ctx.store.write() as s:
        for i, (surname, name) in enumerate(names):
            create_person(
                s,
                ui_ctx.actor,
                PersonInput(
                    iin=make_iin(date(1981, 2, 3), i),
                    surname=surname,
                    first_name=name,
                    court_id=court.id,
                ),
            )
    view = window.page("people").people  # type: ignore[attr-defined]
    view.model.refresh()

    def found(text: str) -> list[str]:
        view.search.clear()
        type_text(view.search, text)
        qtbot.waitUntil(lambda: view.model.filter.text == text, timeout=2000)
        return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]

    # The Russian spelling typed: the person spelled so first, then the Kazakh spelling.
    assert found("абилов") == ["Абилов Ильяс", "Әбілов Ілияс"]
    assert found("кудай") == ["Кудайбергенов Ерлан", "Құдайбергенов Ерлан"]
    assert found("ҚҰДАЙ") == ["Құдайбергенов Ерлан"]  # Kazakh letters typed: that spelling
    # The Kazakh Latin alphabet of 2021, with and without its diacritics.
    assert found("Qudaibergenov") == ["Кудайбергенов Ерлан", "Құдайбергенов Ерлан"]
    assert found("Äbılov") == ["Абилов Ильяс", "Әбілов Ілияс"]
    assert found("uzak galim") == ["Ұзақов Ғалым"]
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=2000)
    column = [view.model.index(r, 0).data().split()[0] for r in range(5)]
    assert column == ["Абилов", "Әбілов", "Кудайбергенов", "Құдайбергенов", "Ұзақов"]
