"""P-2/P-3 rules: IIN checksum, experience with breaks, status on a date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.people.experience import has_experience, judicial_experience, status_on
from app.people.iin import birth_date, iin_problem, make_iin


def test_check_digit_uses_second_weights_when_first_gives_ten() -> None:
    # 11 digits whose first weighted sum is 10 mod 11 must fall back to the second weights.
    from app.people.iin import checksum

    head = next(
        f"870412300{n:02d}"
        for n in range(100)
        if sum(int(c) * w for c, w in zip(f"870412300{n:02d}", range(1, 12), strict=True)) % 11
        == 10
    )
    second = (
        sum(int(c) * w for c, w in zip(head, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    )
    assert checksum(head) == (None if second == 10 else second)


@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2025, 12, 31)),
    st.integers(min_value=0, max_value=9999),
    st.booleans(),
)
def test_made_iins_validate_and_keep_birth_date(born: date, serial: int, female: bool) -> None:
    iin = make_iin(born, serial, female=female)
    assert iin_problem(iin) is None
    assert birth_date(iin) == born


@given(st.text(max_size=20))
def test_iin_validation_never_crashes(text: str) -> None:
    problem = iin_problem(text)
    assert problem is None or isinstance(problem, str)


def test_single_digit_typo_is_caught() -> None:
    iin = make_iin(date(1985, 3, 9), 42)
    typo = iin[:8] + str((int(iin[8]) + 1) % 10) + iin[9:]
    assert iin_problem(typo) is not None


@pytest.mark.parametrize(
    "bad", ["", "12345678901", "1234567890123", "85030930004a", "851309300042", "٨٥٠٣٠٩٣٠٠٠٤٢"]
)
def test_malformed_iins_are_refused(bad: str) -> None:
    assert iin_problem(bad) is not None


def test_experience_counts_years_and_months() -> None:
    exp = judicial_experience(date(2020, 3, 15), [], date(2026, 11, 21))
    assert (exp.years, exp.months) == (6, 8)


def test_experience_subtracts_childcare_leave_p3() -> None:
    periods = [("childcare_leave", date(2021, 1, 1), date(2021, 12, 31))]
    exp = judicial_experience(date(2020, 1, 1), periods, date(2026, 1, 1))
    assert (exp.years, exp.months) == (5, 0)


def test_retirement_stops_the_count_p3() -> None:
    periods = [("retired", date(2024, 1, 1), None)]
    exp = judicial_experience(date(2014, 1, 1), periods, date(2026, 6, 1))
    assert (exp.years, exp.months) == (10, 0)


def test_exactly_five_years_counts_as_five() -> None:
    assert has_experience(date(2021, 11, 21), [], date(2026, 11, 21), 5)
    assert not has_experience(date(2021, 11, 22), [], date(2026, 11, 21), 5)


def test_status_on_a_date() -> None:
    periods = [
        ("suspended", date(2025, 1, 1), date(2025, 3, 1)),
        ("retired", date(2026, 1, 1), None),
    ]
    assert status_on(periods, date(2024, 12, 31)) == "active"
    assert status_on(periods, date(2025, 2, 1)) == "suspended"
    assert status_on(periods, date(2025, 3, 2)) == "active"
    assert status_on(periods, date(2030, 1, 1)) == "retired"


# P-3 clarification: a break counts from its first to its last day inclusive.
@pytest.mark.parametrize(
    ("on", "expected"),
    [(date(2021, 1, 31), False), (date(2021, 2, 1), True), (date(2021, 2, 2), True)],
)
def test_p3_break_over_a_year_end_counts_its_last_day_as_break(on: date, expected: bool) -> None:
    # 15 Dec 2020 – 14 Jan 2021 is 31 days of break: five years fall due 31 days late.
    periods = [("childcare_leave", date(2020, 12, 15), date(2021, 1, 14))]
    assert has_experience(date(2016, 1, 1), periods, on, 5) is expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [(date(2024, 3, 29), False), (date(2024, 3, 30), True), (date(2024, 3, 31), True)],
)
def test_p3_break_in_a_leap_february_counts_29_days(on: date, expected: bool) -> None:
    periods = [("suspended", date(2020, 2, 1), date(2020, 2, 29))]
    assert has_experience(date(2019, 3, 1), periods, on, 5) is expected


def test_p3_one_day_break_subtracts_one_day() -> None:
    periods = [("suspended", date(2023, 6, 1), date(2023, 6, 1))]
    assert judicial_experience(date(2020, 1, 1), periods, date(2025, 1, 1)).days == (
        (date(2025, 1, 1) - date(2020, 1, 1)).days - 1
    )
