"""Results of internships (I-2): tutor's sheet, intern's report, quality before and after."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.context import Actor
from app.core.errors import ValidationError
from app.core.spreadsheet.writer import write_xlsx
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.dossier.queries import dossier
from app.evaluation.sheets import get_sheet
from app.internships.dto import InternshipInput
from app.internships.hosts import add_offer
from app.internships.quality import (
    QualityInput,
    add_indicators,
    compare,
    per_court,
    read_indicators_xlsx,
)
from app.internships.service import (
    save_internship,
    set_intern_report,
    set_status,
    start_result_sheet,
)
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court

IIN = make_iin(date(1978, 3, 3), 31)


def _done_internship(store: Store, actor: Actor) -> tuple[uuid.UUID, uuid.UUID]:
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "KAR"))
        assert regional is not None
        district = add_district_court(
            s,
            actor,
            DistrictCourtInput(regional, "Теміртау қалалық соты", "Темиртауский городской суд"),
        ).id
        judge = create_person(
            s, actor, PersonInput(IIN, "Құрманғазиева", "Ләззат", court_id=district)
        ).id
        tutor = create_person(
            s,
            actor,
            PersonInput(make_iin(date(1965, 4, 4), 32), "Жұмабаев", "Нұрлан", court_id=regional),
        ).id
        add_offer(
            s, actor, regional, starts_on=date(2025, 1, 10), ends_on=date(2025, 12, 20), capacity=2
        )
        saved = save_internship(
            s,
            actor,
            InternshipInput(judge, regional, date(2025, 4, 7), date(2025, 4, 20), tutor_id=tutor),
        )
        set_status(s, actor, saved.internship.id, "done")
    return judge, saved.internship.id


def test_tutor_sheet_and_intern_report(store: Store, actor: Actor) -> None:
    """I-2: the host tutor's evaluation sheet and the intern's report belong to the internship."""
    judge, internship = _done_internship(store, actor)
    with store.write() as s:
        sheet_id = start_result_sheet(s, actor, internship)
        dto = set_intern_report(s, actor, internship, "  Апелляциялық практиканы зерделедім.  ")
    assert dto.intern_report == "Апелляциялық практиканы зерделедім."
    assert dto.tutor_name == "Жұмабаев Нұрлан"
    with store.read() as s:
        sheet = get_sheet(s, sheet_id)
        d = dossier(s, judge)
    assert sheet.internship_id == internship and sheet.template.code == "internship_result"
    assert [i.id for i in d.internships] == [internship]
    assert [x.id for x in d.sheets] == [sheet_id]


def test_quality_import_and_before_after_comparison(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    """I-2: indicators imported from XLSX; the comparison takes the figures just before and
    just after the internship, per judge and per court."""
    judge, _internship = _done_internship(store, actor)
    path = tmp_path / "quality.xlsx"
    write_xlsx(
        path,
        "Q",
        ["ИИН", "С", "По", "Дел", "Отменено", "Сроки %", "Жалобы"],
        [
            [IIN, date(2023, 1, 1), date(2023, 12, 31), 300, 9, 70, 5],
            [IIN, date(2024, 1, 1), date(2024, 12, 31), 310, 6, 80, 3],
            [IIN, date(2025, 5, 1), date(2025, 12, 31), 200, 2, 95, 1],
        ],
    )
    with store.write() as s:
        items = read_indicators_xlsx(s, path)
        assert add_indicators(s, actor, items) == 3
    with store.read() as s:
        (c,) = compare(s, 2025)
    assert c.person_id == judge
    assert c.before is not None and c.before.period_end == date(2024, 12, 31)
    assert c.change("overturned") == -4
    assert c.change("time_limits_kept_pct") == 15
    assert c.change("complaints") == -2
    ((_kk, ru, n, means),) = per_court([c])
    assert ru == "Темиртауский городской суд" and n == 1
    assert means["complaints"] == Decimal("-2.0")


def test_bad_quality_rows_are_all_reported(store: Store, actor: Actor, tmp_path: Path) -> None:
    _done_internship(store, actor)
    path = tmp_path / "bad.xlsx"
    write_xlsx(
        path,
        "Q",
        ["ИИН", "С", "По", "Дел", "Отменено", "Сроки %", "Жалобы"],
        [
            ["000000000000", date(2023, 1, 1), date(2023, 12, 31), 1, 0, 90, 0],
            [IIN, date(2023, 1, 1), date(2022, 12, 31), 10, 20, 120, -1],
            [IIN, "not a date", date(2022, 12, 31), 10, 0, 90, 0],
        ],
    )
    with store.write() as s, pytest.raises(ValidationError) as exc:
        read_indicators_xlsx(s, path)
    fields = [e.field for e in exc.value.errors]
    assert fields.count("row 3") == 4 and "row 2" in fields and "row 4" in fields
    with store.write() as s, pytest.raises(ValidationError) as exc2:
        add_indicators(
            s,
            actor,
            [
                QualityInput(
                    uuid.uuid4(), date(2024, 1, 1), date(2024, 12, 31), 5, 1, Decimal(101), 0
                )
            ],
        )
    assert {e.field for e in exc2.value.errors} == {"1.time_limits_kept_pct", "1.person_id"}
