"""E-4 (seed 001 §7.2.1, §7.2.3): workload by specialisation and quality on appeal and cassation
by case category, imported from a file with a preview, at the edges of each rule.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.context import Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.spreadsheet.writer import write_csv, write_xlsx
from app.evaluation.monitoring import (
    COLUMNS,
    MonitoringInput,
    import_monitoring,
    line_errors,
    lines_of,
    preview_monitoring,
)
from db.models import Person
from tests.app.evaluation.helpers import judges

START, END = date(2026, 1, 1), date(2026, 6, 30)


@pytest.fixture
def judge(store, actor):
    _court, (person,) = judges(store, actor, 1)
    with store.read() as s:
        iin = s.scalar(select(Person.iin).where(Person.id == person))
    return person, iin


def _file(tmp_path: Path, rows, name: str = "m.xlsx") -> Path:
    path = tmp_path / name
    if name.endswith(".csv"):
        write_csv(path, COLUMNS, rows)
    else:
        write_xlsx(path, "E-4", COLUMNS, rows)
    return path


def _line(kind: str, cases: int, upheld: int = 0, changed: int = 0, reversed_: int = 0):
    return MonitoringInput(
        uuid.uuid4(), START, END, kind, "civil", cases, upheld, changed, reversed_
    )


@pytest.mark.parametrize(
    ("upheld", "changed", "reversed_", "ok"),
    [(7, 2, 1, True), (8, 2, 1, False), (10, 0, 0, True), (0, 0, 0, True)],
)
def test_e4_review_results_never_exceed_the_cases_reviewed(upheld, changed, reversed_, ok) -> None:
    assert (line_errors(_line("appeal", 10, upheld, changed, reversed_)) == []) is ok


def test_e4_workload_has_no_review_results() -> None:
    assert line_errors(_line("workload", 120)) == []
    assert [e.field for e in line_errors(_line("workload", 120, reversed_=1))] == ["upheld"]


def test_e4_a_period_of_one_day_is_a_period_and_a_reversed_one_is_not() -> None:
    one_day = MonitoringInput(_line("workload", 1).person_id, END, END, "workload", "civil", 1)
    backwards = MonitoringInput(one_day.person_id, END, START, "workload", "civil", 1)
    assert line_errors(one_day) == []
    assert [e.field for e in line_errors(backwards)] == ["period_end"]


def test_e4_preview_lists_lines_and_wrong_rows_and_saves_nothing(
    store, actor, judge, tmp_path
) -> None:
    person, iin = judge
    path = _file(
        tmp_path,
        [
            (iin, START, END, "workload", "civil", 140, None, None, None),
            (iin, START, END, "APPEAL ", "criminal", 20, 17, 2, 1),
            (iin, START, END, "cassation", "criminal", 5, 5, 1, 0),  # 6 results of 5 cases
            (iin, START, END, "appeal", "criminal", 3, 3, 0, 0),  # repeats row 3
            ("000000000000", START, END, "workload", "civil", 1, None, None, None),
        ],
    )
    with store.read() as s:
        found = preview_monitoring(s, path)
    assert [item.kind for _name, item in found.lines] == ["workload", "appeal"]
    assert found.lines[1][0].startswith("Судья-а")
    rows = sorted(e.params["row"] for e in found.errors)
    assert rows == [4, 5, 6]
    with store.write() as s, pytest.raises(ValidationError):
        import_monitoring(s, actor, path)
    with store.read() as s:
        assert lines_of(s, person) == []


def test_e4_import_then_the_corrected_file_replaces_its_lines(
    store, actor, judge, tmp_path
) -> None:
    person, iin = judge
    first = _file(tmp_path, [(iin, START, END, "appeal", "civil", 20, 15, 3, 2)], "a.csv")
    with store.write() as s:
        assert import_monitoring(s, actor, first) == (1, 0)
    fixed = _file(
        tmp_path,
        [
            (iin, START, END, "appeal", "civil", 20, 16, 3, 1),
            (iin, START, END, "workload", "civil", 140, None, None, None),
        ],
        "b.xlsx",
    )
    with store.read() as s:
        assert preview_monitoring(s, fixed).replaces == 1
    with store.write() as s:
        assert import_monitoring(s, actor, fixed) == (1, 1)
    with store.read() as s:
        lines = lines_of(s, person)
    assert [(i.kind, i.cases, i.upheld, i.reversed) for i in lines] == [
        ("workload", 140, 0, 0),
        ("appeal", 20, 16, 1),
    ]
    assert lines[1].kept_share == Decimal("0.8")


def test_e4_importing_is_for_those_who_manage_evaluation(store, judge, tmp_path) -> None:
    _person, iin = judge
    path = _file(tmp_path, [(iin, START, END, "workload", "civil", 1, None, None, None)])
    with store.write() as s, pytest.raises(PermissionDeniedError):
        import_monitoring(s, Actor("officer", frozenset({"centre_officer"})), path)
