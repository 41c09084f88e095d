"""What is due on the agenda demo, item by item (issue 12), read from the rule sets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.agenda.cpd_items import pending_per_year
from app.agenda.dto import LATER, OVERDUE, THIS_MONTH, THIS_WEEK, AgendaItem, state_of
from app.agenda.service import agenda, start_page
from app.core.bootstrap import open_store
from app.core.context import MENTOR, VIEWER, Actor, local_actor
from app.core.store import Store
from app.cpd.summary import summary_due
from app.cpd.workflow import due_date
from app.training.plan import plan_due
from db.models import Court, CpdActivity, Person
from tests.agenda_demo import SUBMITTER, agenda_copy

NOV_30, FEB_10 = date(2026, 11, 30), date(2027, 2, 10)


@pytest.fixture
def demo(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> Iterator[Store]:
    store = open_store(agenda_copy(template_db, tmp_path_factory, tmp_path / "a.db"), backup=False)
    yield store
    store.dispose()


def _items(store: Store, on: date, actor: Actor | None = None) -> dict[str, AgendaItem]:
    with store.read() as s:
        return {
            i.key: i for i in agenda(s, actor or local_actor(), on, backup_dir=store.backup_dir)
        }


def test_c5_on_10_february_lists_who_has_not_submitted_the_reports_due_15_february(
    demo: Store,
) -> None:
    item = _items(demo, FEB_10)["cpd_reports"]
    with demo.read() as s:
        assert item.due_on == due_date(s, 2026) == date(2027, 2, 15)
    assert (item.rule, item.year, item.state) == ("C-5", 2026, THIS_WEEK)
    assert item.count == item.detail["owing"] - 1 > 0
    assert SUBMITTER[0] not in item.names
    assert len(item.names) == min(item.count, 50)


def test_c7_the_summary_is_due_1_march_and_leaves_the_agenda_after_it(demo: Store) -> None:
    item = _items(demo, FEB_10)["cpd_summary"]
    with demo.read() as s:
        assert item.due_on == summary_due(s, 2026) == date(2027, 3, 1)
    assert item.state == THIS_MONTH
    assert "cpd_summary" not in _items(demo, date(2027, 3, 2))


def test_c3_a_line_waiting_for_the_officer_is_due_with_its_years_reports(demo: Store) -> None:
    item = _items(demo, NOV_30)["cpd_lines"]
    assert (item.count, item.year, item.due_on, item.state) == (1, 2026, date(2027, 2, 15), LATER)
    # A coordinator of the line's region sees it; one of another region does not
    with demo.read() as s:
        waiting = s.scalars(select(CpdActivity.person_id).where(CpdActivity.state == "pending"))
        (person,) = waiting.all()
        region = s.scalar(
            select(Court.region_code)
            .join(Person, Person.court_id == Court.id)
            .where(Person.id == person)
        )
        other = s.scalar(
            select(Court.region_code)
            .where(Court.level == "regional", Court.region_code != region)
            .limit(1)
        )
    assert region and other
    mine = _items(demo, NOV_30, replace(local_actor(), region_code=region))["cpd_lines"]
    assert mine.count == 1
    assert "cpd_lines" not in _items(demo, NOV_30, replace(local_actor(), region_code=other))


def test_c3_waiting_lines_are_counted_from_their_partial_index(demo: Store) -> None:
    """A national store has hundreds of thousands of ledger lines and a handful waiting:
    SQLite reads the partial index of waiting lines, not every line (issue 12)."""
    with demo.read() as s:
        if s.get_bind().dialect.name != "sqlite":
            pytest.skip("the query plan checked is SQLite's; PostgreSQL plans by statistics")
        for region in ("", "AKM"):
            sql = str(
                pending_per_year(region).compile(
                    s.get_bind(), compile_kwargs={"literal_binds": True}
                )
            )
            plan = " ".join(
                str(row[-1]) for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)
            )
            assert "ix_cpd_activity_pending" in plan, plan


def test_t3_next_years_plan_is_due_1_december_with_its_events(demo: Store) -> None:
    item = _items(demo, NOV_30)["training_plan"]
    with demo.read() as s:
        assert item.due_on == plan_due(s, 2027) == date(2026, 12, 1)
    assert (item.year, item.state) == (2027, THIS_WEEK)
    assert _items(demo, date(2026, 12, 2))["training_plan"].state == OVERDUE


def test_t4_regional_events_short_of_two_are_due_by_the_years_end(demo: Store) -> None:
    item = _items(demo, NOV_30)["regional_events"]
    assert item.due_on == date(2026, 12, 31)
    assert item.count < item.detail["minimum"] == 2


def test_t1_academy_courses_overdue_and_falling_due(demo: Store) -> None:
    items = _items(demo, FEB_10)
    assert items["academy_overdue"].state == OVERDUE
    coming = items["academy_due"]
    assert FEB_10 <= coming.due_on <= date(2027, 12, 31)  # type: ignore[operator]


def test_m4_pairs_ending_within_60_days_and_m11_past_their_term(demo: Store) -> None:
    items = _items(demo, NOV_30)
    ending = items["pairs_ending"]
    assert NOV_30 <= ending.due_on <= date(2027, 1, 29)  # type: ignore[operator]
    past = items["pairs_past_term"]
    assert (past.rule, past.state) == ("M-11", OVERDUE)
    assert past.count == len(past.names)


def test_m11_a_protocol_held_and_not_signed(demo: Store) -> None:
    item = _items(demo, NOV_30)["protocols_unsigned"]
    assert (item.count, item.due_on, item.state) == (1, NOV_30, THIS_WEEK)


def test_m7_a_programme_not_approved(demo: Store) -> None:
    item = _items(demo, NOV_30)["programmes_unapproved"]
    assert (item.count, item.state) == (1, OVERDUE)  # the pair started long ago


def test_i1_judges_due_and_not_planned_and_free_host_places(demo: Store) -> None:
    items = _items(demo, NOV_30)
    due = items["internships_due"]
    assert (due.due_on, due.state) == (date(2026, 12, 31), THIS_MONTH)
    assert due.count > 0 and due.target.filter("unscheduled") is True
    assert items["host_places"].count > 0 and items["host_places"].target.page == "internships"


def test_e1_a_sheet_not_signed_in_a_round(demo: Store) -> None:
    assert _items(demo, NOV_30)["sheets_unsigned"].count == 1


def test_no_backup_at_all_is_overdue(demo: Store) -> None:
    item = _items(demo, NOV_30)["backup"]
    assert (item.count, item.state) == (-1, OVERDUE)


def test_overdue_first_then_by_date(demo: Store) -> None:
    with demo.read() as s:
        items = agenda(s, local_actor(), NOV_30, backup_dir=demo.backup_dir)
    order = [(["overdue", "this_week", "this_month", "later"].index(i.state)) for i in items]
    assert order == sorted(order)


def test_each_role_sees_its_own_work(demo: Store) -> None:
    viewer = _items(demo, FEB_10, Actor("v", frozenset({VIEWER})))
    assert viewer == {}
    mentor = _items(demo, FEB_10, Actor("m", frozenset({MENTOR})))
    assert set(mentor) == {"sheets_unsigned"}


def test_a_coordinators_region_narrows_the_lists(demo: Store) -> None:
    everyone = _items(demo, NOV_30)["internships_due"].count
    nowhere = _items(demo, NOV_30, Actor("c", region_code="no-such-region"))
    assert "internships_due" not in nowhere and everyone > 0


def test_an_empty_store_shows_first_steps(db_path: Path) -> None:
    store = open_store(db_path, backup=False)
    with store.read() as s:
        page = start_page(s, local_actor(), NOV_30)
    store.dispose()
    assert page.empty and page.items == ()


def test_states_by_distance() -> None:
    assert state_of(date(2026, 11, 29), NOV_30) == OVERDUE
    assert state_of(date(2026, 12, 7), NOV_30) == THIS_WEEK
    assert state_of(date(2026, 12, 31), NOV_30) == THIS_MONTH
    assert state_of(date(2027, 1, 1), NOV_30) == LATER
    assert state_of(None, NOV_30) == THIS_WEEK


def test_the_agenda_reads_the_same_on_each_backend(store: Store) -> None:
    from app.demo.everything import generate_everything

    with store.write() as s:
        generate_everything(s, local_actor(), cpd_years=1, today=NOV_30)
    with store.read() as s:
        page = start_page(s, local_actor(), NOV_30)
    keys = {i.key for i in page.items}
    # The demo's councils decide on every pair past its term; today's protocol is a draft.
    assert {"pairs_ending", "protocols_unsigned", "internships_due", "training_plan"} <= keys
    assert page.charts is not None and sum(n for _s, n in page.charts.pairs) > 0


def _page_of(store: Store, actor: Actor, *, aside: bool) -> tuple[object, ...]:
    with store.read() as s:
        page = start_page(s, actor, NOV_30, side=store.read_apart if aside else None)
    return page.items, page.charts


def test_i1_read_aside_on_a_second_connection_gives_the_same_page(store: Store) -> None:
    # The start page reads I-1 in another thread on a connection of its own (issue 12): it
    # must equal the page read on one connection, on each backend and for a region (the
    # demo's judges are all in one region; a coordinator of another has none due).
    from app.demo.everything import generate_everything

    with store.write() as s:
        generate_everything(s, local_actor(), cpd_years=1, today=NOV_30)
        judges = s.scalar(select(Court.region_code).where(Court.level == "district").limit(1))
        other = s.scalar(
            select(Court.region_code)
            .where(Court.level == "regional", Court.region_code != judges)
            .limit(1)
        )
    due = {}
    for region in ("", judges, other):
        actor = replace(local_actor(), region_code=region)
        alone, aside = _page_of(store, actor, aside=False), _page_of(store, actor, aside=True)
        assert aside == alone
        due[region] = [(i.count, i.names) for i in alone[0] if i.key == "internships_due"]  # type: ignore[attr-defined]
    assert due[""] == due[judges] and due[""][0][1]
    assert due[other] == []


def test_a_failed_read_aside_is_raised_in_the_callers_thread(demo: Store, tmp_path: Path) -> None:
    import threading
    from contextlib import contextmanager

    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    # A second connection to a file with no tables: the I-1 statement fails there
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")

    @contextmanager
    def broken() -> Iterator[Session]:
        with Session(engine) as s:
            yield s

    before = threading.active_count()
    with demo.read() as s, pytest.raises(OperationalError, match="no such table"):
        start_page(s, local_actor(), NOV_30, side=broken)
    assert threading.active_count() == before  # the thread was waited for
    engine.dispose()


def test_m4_the_latest_start_of_a_term_ending_by_a_day_is_exact() -> None:
    # pair_items reads only the pairs whose own term ends by the horizon: the bound must
    # be exact at month ends and 29 February, for every term length in use
    from datetime import timedelta

    from app.agenda.mentoring_items import latest_start
    from app.mentoring.rules import add_months

    for months in (1, 6, 11, 12, 18, 24, 36):
        day = date(2026, 1, 1)
        while day < date(2029, 1, 1):
            start = latest_start(day, months)
            assert add_months(start, months) <= day < add_months(start + timedelta(1), months)
            day += timedelta(days=1)


def test_m4_m11_pairs_read_by_their_terms_bound_equal_every_active_pair_judged(
    demo: Store,
) -> None:
    from app.agenda.mentoring_items import ENDING_WITHIN_DAYS, pair_items
    from app.mentoring.rules import add_months
    from db.models import Pair, PairExtension, ProtocolDecision

    with demo.read() as s:
        decided = set(s.scalars(select(ProtocolDecision.pair_id)))
        extra: dict[object, int] = {}
        for pair_id, months in s.execute(select(PairExtension.pair_id, PairExtension.months)):
            extra[pair_id] = extra.get(pair_id, 0) + months
        active = s.scalars(select(Pair).where(Pair.state == "active")).all()
        for on in (NOV_30, FEB_10, date(2027, 6, 30), date(2028, 2, 29)):
            ends = {
                p.id: add_months(p.starts_on, p.term_months + extra.get(p.id, 0)) for p in active
            }
            horizon = on + timedelta(days=ENDING_WITHIN_DAYS)
            want = {
                "pairs_ending": sum(on <= e <= horizon for e in ends.values()),
                "pairs_past_term": sum(e < on and p not in decided for p, e in ends.items()),
            }
            got = {i.key: i.count for i in pair_items(s, on, "")}
            assert got == {k: n for k, n in want.items() if n}, on
