"""Random sampling (E-2): reproducible with the recorded seed, coded, key for the coordinator."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.context import CENTRE_OFFICER, Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.spreadsheet.writer import write_xlsx
from app.core.store import Store
from app.evaluation.rules import case_key, distinct_cases
from app.evaluation.sampling import draw, pick, read_case_list, sample_codes, sample_key
from tests.app.evaluation.helpers import judges

CASES = [f"2-{n:04d}-27" for n in range(1, 41)]


def test_draw_is_reproducible_and_coded(store: Store, actor: Actor) -> None:
    """E-2: the same seed over the same list (any order) draws the same cases; reviewers see
    only codes that do not contain the case numbers."""
    _c, (judge,) = judges(store, actor, 1)
    with store.write() as s:
        first = draw(s, actor, judge, CASES, size=5, seed=2027)
        again = draw(s, actor, judge, list(reversed(CASES)), size=5, seed=2027)
    assert first.seed == 2027 and first.size == 5 and first.population == 40
    with store.read() as s:
        key1, key2 = sample_key(s, actor, first.id), sample_key(s, actor, again.id)
        codes = sample_codes(s, first.id)
    assert sorted(key1.values()) == sorted(key2.values())
    assert set(key1) == {i.code for i in first.items} == set(codes)
    assert not set(key1) & set(key2)
    for code in codes:
        assert not any(case in code or code in case for case in CASES)


def test_key_is_for_the_coordinator_only(store: Store, actor: Actor) -> None:
    _c, (judge,) = judges(store, actor, 1)
    with store.write() as s:
        d = draw(s, actor, judge, CASES, size=3)
    officer = Actor("officer", frozenset({CENTRE_OFFICER}))
    with store.read() as s:
        assert len(sample_codes(s, d.id)) == 3
        with pytest.raises(PermissionDeniedError):
            sample_key(s, officer, d.id)
    with store.write() as s, pytest.raises(PermissionDeniedError):
        draw(s, officer, judge, CASES, size=3)


def test_draw_validates_input(store: Store, actor: Actor) -> None:
    _c, (judge,) = judges(store, actor, 1)
    with store.write() as s, pytest.raises(ValidationError) as exc:
        draw(s, actor, judge, ["  "], size=0, kind="video")
    assert {e.field for e in exc.value.errors} == {"size", "kind", "case_numbers"}


@given(
    st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=30),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=0, max_value=2**31),
)
def test_pick_is_a_reproducible_subset(cases: list[str], size: int, seed: int) -> None:
    chosen = pick(cases, size, seed)
    assert chosen == pick(list(reversed(cases)), size, seed)
    # E-2: numbers equal after trimming and folding dashes and case are one case
    assert len(chosen) == min(size, len(distinct_cases(cases))) == len(set(chosen))
    assert set(chosen) <= {c.strip() for c in cases}
    assert len({case_key(c) for c in chosen}) == len(chosen)


def test_case_list_import_from_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "cases.xlsx"
    write_xlsx(
        path,
        "Cases",
        ["ИИН", "Номер дела"],
        [["800101300011", "2-1/27"], ["800101300011", "=2-2/27"], ["", "x"]],
    )
    # The formula-looking number is text by its style, so it reads back as typed (issue 13).
    assert read_case_list(path) == {"800101300011": ["2-1/27", "=2-2/27"]}


def test_draw_for_an_imported_list(store: Store, actor: Actor, tmp_path: Path) -> None:
    """E-2: one seed for the whole list; unknown IINs are reported, not guessed."""
    from sqlalchemy import select

    from app.evaluation.sampling import draw_for_list
    from db.models import Person

    _c, ids = judges(store, actor, 2)
    with store.read() as s:
        iins = [s.scalar(select(Person.iin).where(Person.id == pid)) for pid in ids]
    path = tmp_path / "cases.csv"
    path.write_text(
        "IIN;case\n"
        + "".join(f"{iins[i % 2]};2-{i}/27\n" for i in range(30))
        + "999999999999;1-1/27\n",
        encoding="utf-8",
    )
    cases = read_case_list(path)
    with store.write() as s:
        result = draw_for_list(s, actor, cases, size=4, seed=11)
    assert result.unknown_iins == ("999999999999",)
    assert [d.size for _name, d in result.draws] == [4, 4]
    assert {d.seed for _name, d in result.draws} == {11}
    with store.read() as s:
        known = [i for i in sorted(cases) if i not in result.unknown_iins]
        for (_name, d), iin in zip(result.draws, known, strict=True):
            assert sorted(sample_key(s, actor, d.id).values()) == sorted(pick(cases[iin], 4, 11))


@pytest.mark.parametrize(
    "variant",
    ["2-123/2025", " 2-123/2025", "2-123/2025 ", "2\u2013123/2025", "2\u2014123/2025"],
)
def test_e2_case_numbers_differing_in_spaces_dashes_or_case_are_one_case_seed001(
    variant: str,
) -> None:
    assert case_key(variant) == case_key("2-123/2025")
    assert len(distinct_cases(["2-123/2025", variant])) == 1


def test_e2_letter_case_and_inner_spaces_fold_but_digits_do_not() -> None:
    assert case_key("2а-15/2026") == case_key(" 2А\u201115/2026  ")
    assert case_key("№ 2-15/2026") == case_key("№  2-15/2026")
    assert case_key("2-15/2026") != case_key("2-16/2026")
    assert case_key("2-15/2026") != case_key("215/2026")


def test_e2_draw_counts_a_respaced_number_once(store: Store, actor: Actor) -> None:
    _c, (judge,) = judges(store, actor, 1)
    cases = ["2-1/2025", " 2-1/2025 ", "2\u20131/2025", "2-2/2025"]
    with store.write() as s:
        d = draw(s, actor, judge, cases, size=5, seed=1)
    assert (d.population, d.size) == (2, 2)
