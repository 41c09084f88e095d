"""The start page's I-1 figure equals the full due list's, and follows every change (issue 12)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.demo.everything import generate_everything
from app.internships import service, unplanned
from app.internships.dto import DueFilter, InternshipInput
from app.internships.due import due_judges
from app.internships.quality import QualityInput, add_indicators
from app.internships.unplanned import unplanned_due
from app.people.dto import PersonInput, StatusPeriod
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court

MADE_ON = date(2026, 11, 30)


def test_i1_unplanned_due_gives_the_due_lists_count_and_first_names(
    store: Store, actor: Actor
) -> None:
    with store.write() as s:
        generate_everything(s, actor, cpd_years=1, today=MADE_ON)
    with store.read() as s:
        regions = sorted(set(s.scalars(select(Court.region_code).where(Court.level == "district"))))
        checked = 0
        for year in (2025, 2026, 2027, 2031):
            for region in ("", regions[0], regions[-1]):
                full = due_judges(s, year, DueFilter(region_code=region, only_unscheduled=True))
                for shown in (50, 3):
                    count, names = unplanned_due(s, year, region, shown)
                    assert count == len(full)
                    assert names == [r.full_name for r in full[:shown]]
                checked += len(full)
        assert checked > 0  # the demo has judges due: the comparison compared something


def _judges(store: Store, actor: Actor) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID]:
    """A district judge, a regional judge, the regional court and the Supreme Court."""
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        supreme = s.scalar(select(Court.id).where(Court.level == "supreme"))
        assert regional is not None and supreme is not None
        district = add_district_court(
            s, actor, DistrictCourtInput(regional, "Ақкөл аудандық соты", "Аккольский районный суд")
        ).id
        ids = [
            create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1980, 5, 5), n),
                    surname,
                    "Test",
                    court_id=court,
                    first_appointed_on=date(2010, 1, 1),
                ),
            ).id
            for n, surname, court in ((1, "Ахметов", district), (2, "Бекова", regional))
        ]
    return ids[0], ids[1], regional, supreme  # type: ignore[return-value]


def _same_as_the_due_list(store: Store, year: int) -> int:
    """The whole store's figure; that of the test judges' region too (read another way)."""
    with store.read() as s:
        mine = s.scalar(select(Court.region_code).where(Court.code == "AKM"))
        assert mine
        for region in (mine, ""):
            full = due_judges(s, year, DueFilter(region_code=region, only_unscheduled=True))
            count, names = unplanned_due(s, year, region, 50)
            assert (count, names) == (len(full), [r.full_name for r in full])
    return count


def test_i1_an_internship_planned_cancelled_or_held_changes_the_count_at_once(
    store: Store, actor: Actor
) -> None:
    judge, _other, regional, _supreme = _judges(store, actor)
    before = _same_as_the_due_list(store, 2026)
    with store.read() as s:
        mine = s.scalar(select(Court.region_code).where(Court.id == regional))
        assert unplanned_due(s, 2026, str(mine), 0)[0] >= 2  # both test judges, in the region
    with store.write() as s:
        saved = service.save_internship(
            s,
            actor,
            InternshipInput(judge, regional, date(2026, 3, 2), date(2026, 3, 20)),
            accept_conflicts=True,
        ).internship
    assert _same_as_the_due_list(store, 2026) == before - 1  # planned this year
    with store.write() as s:
        service.set_status(s, actor, saved.id, "cancelled")
    assert _same_as_the_due_list(store, 2026) == before
    with store.write() as s:
        service.set_status(s, actor, saved.id, "done")
    # Held in 2026: not due in 2027 nor 2029 (I-1: 3 years from its end), due in 2029 from
    # 20 March, and the past is answered as it was.
    assert _same_as_the_due_list(store, 2027) == before - 1
    assert _same_as_the_due_list(store, 2029) == before
    assert _same_as_the_due_list(store, 2025) == before


def test_i1_a_shortened_or_lower_internship_no_longer_resets_the_clock(
    store: Store, actor: Actor
) -> None:
    judge, regional_judge, regional, supreme = _judges(store, actor)
    before = _same_as_the_due_list(store, 2027)
    with store.write() as s:
        held = service.save_internship(
            s,
            actor,
            InternshipInput(judge, regional, date(2025, 3, 3), date(2025, 3, 16)),  # 14 days
            accept_conflicts=True,
        ).internship
        service.set_status(s, actor, held.id, "done")
        # I-1 clarification: a regional judge's internship at the regional court is not at
        # a higher court, one at the Supreme Court is
        for host, who in ((regional, regional_judge), (supreme, regional_judge)):
            row = service.save_internship(
                s,
                actor,
                InternshipInput(who, host, date(2025, 5, 5), date(2025, 5, 30)),
                accept_conflicts=True,
            ).internship
            service.set_status(s, actor, row.id, "done")
    assert _same_as_the_due_list(store, 2027) == before - 2
    with store.write() as s:
        service.save_internship(
            s,
            actor,
            InternshipInput(judge, regional, date(2025, 3, 3), date(2025, 3, 15)),  # 13 days
            internship_id=held.id,
            accept_conflicts=True,
        )
    assert _same_as_the_due_list(store, 2027) == before - 1


def test_i1_a_judge_retired_on_1_january_is_not_counted(store: Store, actor: Actor) -> None:
    _judges(store, actor)
    before = _same_as_the_due_list(store, 2027)
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        create_person(
            s,
            actor,
            PersonInput(
                make_iin(date(1950, 5, 5), 9),
                "Қасымов",
                "Test",
                court_id=regional,
                first_appointed_on=date(1995, 1, 1),
                status_periods=(StatusPeriod("retired", date(2026, 6, 1)),),
            ),
        )
    assert _same_as_the_due_list(store, 2026) == before + 1  # retired only from June
    assert _same_as_the_due_list(store, 2027) == before


def test_i1_the_bound_is_never_below_the_priority_at_the_junior_edge_and_latest_quality(
    store: Store, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one row fetched at a time the names stop as soon as the bound allows, so a bound
    below a judge's exact priority would leave that judge out: appointments on each side of
    1 January three years back (junior or not, I-1 priority), and quality figures whose
    latest period is not the worst, or ends the same day as another.
    """
    monkeypatch.setattr(unplanned, "BATCH", 1)
    judge, regional_judge, regional, _supreme = _judges(store, actor)
    with store.write() as s:
        made = [
            create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1985, 3, 3), 20 + n),
                    surname,
                    "Edge",
                    court_id=regional,
                    first_appointed_on=appointed,
                ),
            ).id
            for n, (surname, appointed) in enumerate(
                (
                    ("Әлиев", date(2023, 1, 1)),  # 36 months on 1 January 2026: not junior
                    ("Бақыт", date(2023, 1, 2)),  # 35 months: junior
                    ("Ғалым", date(2022, 12, 31)),
                    ("Қайрат", date(2026, 1, 1)),  # appointed on the day: no service yet
                )
            )
        ]
        worst_then_better = [
            QualityInput(judge, date(2024, 1, 1), date(2024, 12, 31), 40, 9, Decimal(50), 12),
            QualityInput(judge, date(2025, 1, 1), date(2025, 12, 31), 40, 0, Decimal(100), 0),
            # Two periods ending the same day: the priority takes the one begun last, which
            # here is the worse, and the bound the worse
            QualityInput(made[0], date(2025, 1, 1), date(2025, 12, 31), 10, 0, Decimal(99), 0),
            QualityInput(made[0], date(2025, 7, 1), date(2025, 12, 31), 10, 1, Decimal(90), 9),
            QualityInput(
                regional_judge, date(2025, 1, 1), date(2025, 12, 31), 9, 3, Decimal(80), 1
            ),
            # After 1 January: not part of the 2026 priority
            QualityInput(made[2], date(2026, 1, 1), date(2026, 3, 31), 9, 9, Decimal(10), 9),
        ]
        add_indicators(s, actor, worst_then_better)
    with store.read() as s:
        for year in (2026, 2027):
            full = due_judges(s, year, DueFilter(only_unscheduled=True))
            assert {r.person_id for r in full} >= set(made)
            for shown in range(1, len(full) + 1):
                count, names = unplanned_due(s, year, "", shown)
                assert (count, names) == (len(full), [r.full_name for r in full[:shown]])


def test_i1_each_judges_last_internship_is_read_from_the_covering_index(store: Store) -> None:
    """26,000 due judges on the national store: the lookup of the internship that last reset
    each one's clock reads the index only, never the table rows (migration 0620, issue 12)."""
    from app.internships.rules import PriorityWeights, rules_for_year

    with store.read() as s:
        if s.get_bind().dialect.name != "sqlite":
            pytest.skip("the query plan checked is SQLite's; PostgreSQL plans by statistics")
        for region in ("", "AKM"):
            stmt = unplanned._statement(s, 2026, region, rules_for_year(s, 2026), PriorityWeights())
            sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
            plan = [
                str(row[-1]) for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)
            ]
            assert "SEARCH internship USING COVERING INDEX ix_internship_person_reset" in " ".join(
                plan
            ), plan
