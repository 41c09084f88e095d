"""Audit entries in words: names for ids (people, courts, pairs' owners), Kazakhstan time."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from app.core.audit_log import AuditFilter, export_entries, page_lines
from app.core.context import Actor
from app.core.store import Store
from app.courts.service import list_courts
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person, get_person, update_person
from db.models import AuditEntry
from i18n import set_language

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-")


def test_lines_name_records_and_courts_in_local_time(store: Store, actor: Actor) -> None:
    with store.read() as s:
        courts = list_courts(s, "regional")
    with store.write() as s:
        made = create_person(
            s,
            actor,
            PersonInput(
                iin=make_iin(date(1990, 1, 2), 3),
                surname="Құдайбергенова",
                first_name="Айгерім",
                court_id=courts[0].id,
            ),
        )
    with store.write() as s:
        before = get_person(s, made.id)
        update_person(
            s, actor, made.id, replace(before.data, court_id=courts[2].id), before.version
        )
    set_language("ru")
    with store.read() as s:
        at = s.scalars(select(AuditEntry.at).order_by(AuditEntry.seq.desc())).first()
        lines = page_lines(s, actor, AuditFilter(), 0, 10)
        created = page_lines(s, actor, AuditFilter(action="create"), 0, 10)
    assert at is not None
    local = (at.replace(tzinfo=None) + timedelta(hours=5)).strftime("%d.%m.%Y %H:%M")
    assert lines[0].sentence == (
        f"{local}, {actor.name}: Изменение — Лицо Құдайбергенова Айгерім. "
        f"Суд: {courts[0].name_ru} → {courts[2].name_ru}"
    )
    assert [line.action for line in created] == ["Создание"]
    assert not any(UUID.search(line.sentence) for line in lines)
    assert str(made.id) in lines[0].raw  # the raw entry keeps the id for the administrator


def test_export_reads_like_the_tab_in_its_own_language(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    with store.read() as s:
        courts = list_courts(s, "regional")
    with store.write() as s:
        made = create_person(
            s,
            actor,
            PersonInput(
                iin=make_iin(date(1991, 3, 4), 5),
                surname="Сәрсенов",
                first_name="Ерлан",
                court_id=courts[0].id,
            ),
        )
    with store.write() as s:
        before = get_person(s, made.id)
        update_person(
            s, actor, made.id, replace(before.data, court_id=courts[1].id), before.version
        )
    set_language("kk")  # the tab shows Kazakh; the file is asked for in Russian
    with store.read() as s:
        at = s.scalars(select(AuditEntry.at).order_by(AuditEntry.seq.desc())).first()
        assert export_entries(s, actor, AuditFilter(), "xlsx", tmp_path / "a.xlsx", lang="ru") == 2
    assert at is not None
    local = (at.replace(tzinfo=None) + timedelta(hours=5)).strftime("%d.%m.%Y %H:%M")
    wb = load_workbook(tmp_path / "a.xlsx")
    header, newest, _oldest = ([c.value for c in row] for row in wb.active.iter_rows())
    wb.close()
    assert header[1] == "Время (Казахстан, UTC+5)" and header[-1] == "Исходная запись"
    assert newest[1:6] == [
        local,
        actor.name,
        "Изменение",
        "Лицо Сәрсенов Ерлан",
        f"Суд: {courts[0].name_ru} → {courts[1].name_ru}",
    ]
    assert json.loads(newest[6])["id"] == str(made.id)  # the raw entry, for the administrator
