"""The start page's CPD figures from the kept sums equal the rule code's from the raw rows
(issue 12): the T-1 lists and the courts' verdicts, and the points the triggers keep.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.__main__ import main
from app.agenda.charts import court_bars, court_bars_of
from app.agenda.cpd_items import academy_items, counted_items
from app.core.aggregates import aggregate_problems, kept_sums, points_drift
from app.core.context import Actor
from app.core.store import Store
from app.cpd import year_counts as year_counts_module
from app.cpd.compliance import compliance
from app.cpd.compliance_counts import counts_by_court, court_counts
from app.cpd.dto import ActivityInput, ComplianceFilter, RoleRule, RuleSetInput
from app.cpd.ledger import add_activity, review_activity
from app.cpd.rules import amend_rules, list_forms
from app.cpd.year_counts import first_base, year_counts
from app.demo.everything import generate_everything
from app.people.experience import add_years
from db.models import Court, CpdActivity, CpdYearPoints, Person, PersonStatusPeriod
from tests.agenda_demo import busiest_region

NOV_30, FEB_10, JAN_5 = date(2026, 11, 30), date(2026, 2, 10), date(2027, 1, 5)


def _same(s: Session, year: int, on: date, region: str = "") -> None:
    """The SQL counts equal compliance()'s verdicts taken one by one, and the kept points
    equal a recount of the ledger.
    """
    counts = year_counts(s, year, on, region)
    rows = compliance(s, ComplianceFilter(year=year, region_code=region), on)
    assert counted_items(on, counts) == academy_items(on, rows)
    bound = [r for r in rows if r.status != "exempt"]
    assert court_counts(s, counts.courts, counts.points) == counts_by_court(s, bound)
    assert court_bars_of(s, counts) == court_bars(s, rows)
    assert points_drift(s) == []


def _check_all(s: Session, region: str) -> None:
    for year, on in ((2026, NOV_30), (2026, FEB_10), (2026, JAN_5), (2027, JAN_5)):
        _same(s, year, on)
    _same(s, 2026, NOV_30, region)


def test_first_base_is_the_earliest_day_whose_course_falls_due_by_the_target() -> None:
    for target in (date(2026, 11, 30), date(2029, 3, 1), date(2028, 2, 29), date(2027, 1, 1)):
        for every in (1, 3, 5):
            b = first_base(target, every)
            assert add_years(b, every) >= target
            assert add_years(date.fromordinal(b.toordinal() - 1), every) < target


def test_t1_and_court_counts_from_kept_sums_equal_the_rule_code_through_every_change(
    store: Store, actor: Actor
) -> None:
    with store.write() as s:
        generate_everything(s, actor, cpd_years=1, today=NOV_30)
        # Points bind court staff from 2026 (C-9), so the sums decide verdicts too.
        amend_rules(
            s,
            actor,
            RuleSetInput(date(2025, 6, 2), "test", roles={"staff": RoleRule(Decimal(10))}),
            today=date(2025, 6, 2),
        )
    with store.read() as s:
        assert kept_sums(s) > 0
        region = busiest_region(s)
        _check_all(s, region)
    with store.write() as s:
        staff = s.scalars(select(Person.id).where(Person.role == "staff").limit(3)).all()
        judges = s.scalars(select(Person.id).where(Person.role == "judge").limit(3)).all()
        forms = list_forms(s)
        plain = next(f for f in forms if not f.academy)
        academy = next(f for f in forms if f.academy)

        def line(pid: uuid.UUID, form: uuid.UUID, day: date, points: str) -> uuid.UUID:
            data = ActivityInput(
                pid, form, "Семинар", day, day, points=Decimal(points), override_reason="тест"
            )
            a = add_activity(s, actor, data, today=NOV_30)
            review_activity(s, actor, a.id, confirm=True, today=NOV_30)
            return a.id

        # A line added and confirmed, another left pending, one rejected.
        first = line(staff[0], plain.id, date(2026, 3, 2), "9.5")
        second = line(staff[0], plain.id, date(2026, 4, 2), "0.5")
        pending = add_activity(
            s, actor, ActivityInput(staff[1], plain.id, "Дәріс", date(2026, 5, 5), date(2026, 5, 5))
        )
        rejected = line(staff[1], plain.id, date(2026, 6, 1), "3")
        s.execute(update(CpdActivity).where(CpdActivity.id == rejected).values(state="rejected"))
        # The Academy course of a judge confirmed: their T-1 clock restarts.
        line(judges[0], academy.id, date(2026, 10, 1), "2")
    with store.read() as s:
        _check_all(s, region)
        assert s.get(CpdYearPoints, (staff[0], 2026)).confirmed_cents >= 1000  # type: ignore[union-attr]
    with store.write() as s:
        # Changed points, a line moved to another year and to another person (a merge), a
        # pending line's points changed, a line deleted.
        s.execute(update(CpdActivity).where(CpdActivity.id == first).values(points=Decimal(2)))
        s.execute(
            update(CpdActivity)
            .where(CpdActivity.id == second)
            .values(year=2025, starts_on=date(2025, 4, 2), ends_on=date(2025, 4, 2))
        )
        s.execute(update(CpdActivity).where(CpdActivity.id == first).values(person_id=staff[2]))
        s.execute(update(CpdActivity).where(CpdActivity.id == pending.id).values(points=7))
        s.execute(delete(CpdActivity).where(CpdActivity.id == rejected))
        # A year partly exempt (C-4): judged one by one.
        s.execute(
            insert(PersonStatusPeriod).values(
                id=uuid.uuid4(),
                person_id=judges[1],
                status="childcare_leave",
                starts_on=date(2026, 2, 1),
                ends_on=None,
                updated_by="test",
                version=1,
            )
        )
    with store.read() as s:
        _check_all(s, region)
    with store.write() as s:
        court = s.scalars(select(Person.court_id).where(Person.id == staff[2])).one()
        newcomer = uuid.uuid4()
        s.execute(
            insert(Person).values(
                id=newcomer,
                iin="990101300123",
                surname="Әбенова",
                first_name="Гүлнұр",
                patronymic="",
                role="staff",
                court_id=court,
                position="",
                specialisation="",
                notes="",
                sort_key="1",
                search_text="әбенова гүлнұр",
                updated_by="test",
                version=1,
            )
        )
        line(newcomer, plain.id, date(2026, 7, 7), "12")
    with store.read() as s:
        _check_all(s, region)
    with store.write() as s:
        # A person deleted: their ledger first (the ledger refuses otherwise), their sums go.
        s.execute(delete(CpdActivity).where(CpdActivity.person_id == newcomer))
        s.execute(delete(Person).where(Person.id == newcomer))
    with store.read() as s:
        _check_all(s, region)
        assert s.get(CpdYearPoints, (newcomer, 2026)) is None


def test_check_full_recounts_the_kept_sums_and_finds_a_drifted_one(
    store: Store, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    with store.write() as s:
        generate_everything(s, actor, cpd_years=1, today=NOV_30)
        kept = kept_sums(s)
    db = str(store.path) if store.path is not None else store.url
    assert main(["--db", db, "--lang", "ru", "check", "--full"]) == 0
    assert f"Сверены с реестром {kept} " in capsys.readouterr().out
    with store.write() as s:
        some = s.scalars(select(CpdYearPoints.person_id).limit(1)).one()
        s.execute(
            update(CpdYearPoints)
            .where(CpdYearPoints.person_id == some)
            .values(confirmed_cents=CpdYearPoints.confirmed_cents + 1)
        )
    with store.read() as s:
        problems, drifted = aggregate_problems(s)
        assert drifted == 1 and len(problems) == 1
    assert main(["--db", db, "--lang", "kk", "check", "--full"]) == 1
    assert "БА ұпайлары 1 адам-жыл бойынша тізілімнен өзгеше" in capsys.readouterr().out


def test_t1_overdue_names_read_page_after_page_are_the_rule_codes(
    store: Store, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.write() as s:
        generate_everything(s, actor, cpd_years=1, today=NOV_30)
    # Pages of 3 names, growing: the first overdue ones lie across many pages
    monkeypatch.setattr(year_counts_module, "NAMES_PAGE", 3)
    with store.read() as s:
        _check_all(
            s, s.scalars(select(Court.region_code).where(Court.level == "regional")).first() or ""
        )


def test_t1_the_countrys_overdue_names_are_walked_from_the_index_of_full_names(
    store: Store,
) -> None:
    """The first 50 of 16,000 overdue in name order: SQLite walks the index of the very
    expression it orders by (migration 0621) and sorts nothing; a region sorts its own
    people (issue 12)."""
    with store.read() as s:
        if s.get_bind().dialect.name != "sqlite":
            pytest.skip("the query plan checked is SQLite's; PostgreSQL plans by statistics")
        for region, used in (("", "ix_person_full_name"), ("AKM", "TEMP B-TREE")):
            plain = year_counts_module._Plain(s, year_counts_module.YearCounts(NOV_30), 2026, [])
            if region:
                plain.region = year_counts_module._in_region(region)
            # Compiled with its bound parameters, as it runs: an index of an expression is
            # used only when the query's expression has the same literals, not parameters
            compiled = (
                plain.names_in_order(["judge", "staff"])
                .limit(400)
                .compile(s.get_bind(), compile_kwargs={"render_postcompile": True})
            )
            params = tuple(compiled.params[k] for k in compiled.positiontup or ())
            plan = " ".join(
                str(row[-1])
                for row in s.connection().exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + str(compiled), params
                )
            )
            assert used in plan, plan
            if not region:
                assert "TEMP B-TREE" not in plan, plan
