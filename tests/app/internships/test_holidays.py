"""Days off of Kazakhstan 2024–2027 as shipped, against their source, and the planner on them."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from app.core.store import Store
from app.internships.planner import windows
from app.internships.rules import InternshipRules, holidays_of_year

ROOT = Path(__file__).resolve().parents[3]


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MIGRATION = _load(ROOT / "db" / "migrations" / "versions" / "0410_holidays_kz_2024_2027.py")


def _shipped(year: int) -> set[date]:
    return {date(y, m, d) for y, m, d, _kk, _ru in MIGRATION.DAYS_OFF if y == year}


def test_shipped_block_matches_the_holidays_package() -> None:
    pytest.importorskip("holidays")
    script = _load(ROOT / "scripts" / "holidays_kz.py")
    assert script.generate() == list(MIGRATION.DAYS_OFF)


@pytest.mark.parametrize("year", [2026, 2027])
def test_holiday_table_of_the_store_is_the_generated_source(store: Store, year: int) -> None:
    with store.read() as s:
        table = holidays_of_year(s, year)
    assert table == _shipped(year)
    holidays = pytest.importorskip("holidays")
    assert table == set(holidays.country_holidays("KZ", years=year))


def test_2026_has_christmas_and_the_five_moved_days() -> None:
    days = _shipped(2026)
    assert date(2026, 1, 7) in days
    moved = {date(2026, 3, 9), date(2026, 3, 24), date(2026, 3, 25)}
    moved |= {date(2026, 5, 11), date(2026, 10, 26)}
    assert moved <= days
    assert date(2026, 8, 30) not in days and date(2027, 8, 30) not in _shipped(2027)


def test_i1_fourteen_day_internship_over_a_moved_day_off_gets_a_day_more(store: Store) -> None:
    """8 March 2026 is a Sunday, so Monday 9 March is off: a window from Monday 2 March holds
    two working weeks only when it runs to Monday 16 March."""
    with store.read() as s:
        days = holidays_of_year(s, 2026)
    first = date(2026, 1, 1)
    spans = {
        first.toordinal() + a: first.toordinal() + b
        for a, b in windows(2026, InternshipRules(), days)
    }
    start = date(2026, 3, 2).toordinal()
    assert date.fromordinal(spans[start]) == date(2026, 3, 16)
    assert (spans[start] - start + 1) >= 14
    # Nauryz runs Monday 23 to Wednesday 25 March: that week's window starts on Thursday
    assert date(2026, 3, 26).toordinal() in spans
    assert not {date(2026, 3, d).toordinal() for d in (23, 24, 25)} & set(spans)
