"""The audit log reads as sentences: translated action, names for ids, Kazakhstan time."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.courts.service import list_courts
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person, get_person, update_person
from db.models import AuditEntry
from ui.context import UiContext
from ui.data.audit_view import AuditView
from ui.qt_i18n import LanguageSwitcher

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


def test_first_row_reads_as_a_sentence_in_kk_and_ru(
    qtbot: QtBot, ui_ctx: UiContext, switcher: LanguageSwitcher
) -> None:
    iin = make_iin(date(1979, 4, 2), 7)
    with ui_ctx.store.read() as s:
        courts = list_courts(s, "regional")
    with ui_ctx.store.write() as s:
        person = create_person(
            s,
            ui_ctx.actor,
            PersonInput(iin=iin, surname="Әбілов", first_name="Асқар", court_id=courts[0].id),
        )
    with ui_ctx.store.write() as s:
        before = get_person(s, person.id)
        moved = replace(before.data, court_id=courts[1].id, first_appointed_on=date(2020, 3, 15))
        update_person(s, ui_ctx.actor, person.id, moved, before.version)
    with ui_ctx.store.read() as s:
        at = s.scalars(select(AuditEntry.at).order_by(AuditEntry.seq.desc())).first()
    assert at is not None
    local = (at.replace(tzinfo=None) + timedelta(hours=5)).strftime("%d.%m.%Y %H:%M")

    view = AuditView(ui_ctx)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    expected = {
        "kk": (
            f"{local}, {ui_ctx.actor.name}: Өзгерту — Тұлға Әбілов Асқар. "
            f"Сот: {courts[0].name_kk} → {courts[1].name_kk}; "
            "Алғаш тағайындалды: — → 15.03.2020"
        ),
        "ru": (
            f"{local}, {ui_ctx.actor.name}: Изменение — Лицо Әбілов Асқар. "
            f"Суд: {courts[0].name_ru} → {courts[1].name_ru}; "
            "Впервые назначен: — → 15.03.2020"
        ),
    }
    for lang in ("kk", "ru"):
        switcher.switch(lang)
        QApplication.processEvents()
        cells = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
        line = view.model.row_at(0)
        assert line is not None
        assert line.sentence == expected[lang]
        assert not UUID.search(line.sentence) and not any(UUID.search(c) for c in cells)
        assert cells[1] == local  # Kazakhstan time, not UTC
        view.table.selectRow(0)
        if folder := os.environ.get("TALIMGER_SCREENSHOTS"):
            view.grab().save(str(Path(folder) / f"{lang}-audit.png"))

    # Filter by the translated action; the raw JSON is one click away.
    view.action_filter.setCurrentIndex(view.action_filter.findText("Создание"))
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    assert view.details.toPlainText().startswith(f"{local}, {ui_ctx.actor.name}: Создание")
    qtbot.mouseClick(view.raw_button, Qt.MouseButton.LeftButton)
    raw = json.loads(view.details.toPlainText())
    assert raw["id"] == str(person.id) and raw["changes"]["iin"] == [None, iin]


def test_action_filter_lists_translated_actions_in_the_languages_order(
    qtbot: QtBot, ui_ctx: UiContext, switcher: LanguageSwitcher
) -> None:
    from i18n.collation import collation_key

    view = AuditView(ui_ctx)
    qtbot.addWidget(view)
    combo = view.action_filter
    combo.setCurrentIndex(combo.findData("sign"))
    for lang, signing in (("ru", "Подписание"), ("kk", "Қол қою")):
        switcher.switch(lang)
        QApplication.processEvents()
        labels = [combo.itemText(i) for i in range(1, combo.count())]
        assert labels == sorted(labels, key=lambda t: collation_key(t, lang))
        assert combo.currentText() == signing  # the choice survives the switch
