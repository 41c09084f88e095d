"""The start page's I-1 figure equals the full due list's on the demo (issue 12)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.demo.everything import generate_everything
from app.internships.dto import DueFilter
from app.internships.due import due_judges, unplanned_due
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
