"""The national compliance pass builds the same rows the DTO would, in alphabetical order."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.cpd.compliance import compliance
from app.cpd.dto import ComplianceFilter, ComplianceRow
from i18n.collation import sort_key
from tests.app.cpd.helpers import add, make_person


def test_rows_are_complete_dtos_equal_to_the_dataclass_built_ones(
    store: Store, actor: Actor
) -> None:
    judge, _ = make_person(store, actor, role="judge", appointed=date(2014, 2, 3))
    make_person(store, actor, role="consultant")
    add(store, actor, judge, "ACADEMY", date(2021, 4, 12), event="Сот төрелігі академиясы")
    with store.read() as s:
        rows = compliance(s, ComplianceFilter(year=2025), as_of=date(2026, 1, 5))
    assert rows
    names = [f.name for f in fields(ComplianceRow)]
    for row in rows:
        assert list(vars(row)) == names
        again = ComplianceRow(**{n: getattr(row, n) for n in names})
        assert row == again and hash(row) == hash(again)
    (judged,) = [r for r in rows if r.person_id == judge]
    assert (judged.academy_last, judged.academy_due) == (date(2021, 4, 12), date(2026, 4, 12))


def test_rows_come_in_kazakh_alphabetical_order_then_by_id(store: Store, actor: Actor) -> None:
    for surname in ("Ыбыраев", "Әбілов", "Абилов", "Өмірзақ", "Абилов", "Оспанов"):
        make_person(store, actor, surname=surname)
    with store.read() as s:
        rows = compliance(s, ComplianceFilter(year=2025), as_of=date(2026, 1, 5))
    keys = [(sort_key(r.full_name), r.person_id) for r in rows]
    assert keys == sorted(keys)
    assert [r.full_name.split()[0] for r in rows][:3] == ["Абилов", "Абилов", "Әбілов"]


def test_a_regions_pass_reads_only_its_people_and_judges_them_as_the_national_one(
    store: Store, actor: Actor
) -> None:
    """Issue 11: a region's verdicts (points and Academy courses read for its people only)
    are exactly the national pass's verdicts of that region's people (C-2, T-1)."""
    from app.demo import internships as demo
    from app.demo.cpd import generate_activity
    from db.models import Court, Person

    with store.write() as s:
        demo.generate(s, actor, year=2026, judges_per_region=6, regions=2)
        generate_activity(s, actor, years=6, today=date(2026, 11, 30))
    with store.read() as s:
        regions = {
            pid: code
            for pid, code in s.execute(
                select(Person.id, Court.region_code).join(Court, Court.id == Person.court_id)
            )
        }
        everyone = compliance(s, ComplianceFilter(year=2026), as_of=date(2026, 11, 30))
        for code in sorted(set(regions.values())):
            mine = compliance(
                s, ComplianceFilter(year=2026, region_code=code), as_of=date(2026, 11, 30)
            )
            assert mine and mine == [r for r in everyone if regions[r.person_id] == code]
            assert any(r.earned for r in mine)  # points were read for the region's people
