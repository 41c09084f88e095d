"""`staff adapt|plan|result|list` (S-1, seed 003 §7.1.5) on a real SQLite file."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.__main__ import main
from app.core.store import Store
from db.models import Person, StaffAdaptation


def _iin(store: Store, person_id: uuid.UUID) -> str:
    with store.read() as s:
        return str(s.scalar(select(Person.iin).where(Person.id == person_id)))


def test_s1_staff_commands_adapt_plan_result_list(
    store: Store, people: dict[str, uuid.UUID], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newcomer, tutor = _iin(store, people["newcomer"]), _iin(store, people["tutor"])
    db = ["--db", str(db_path), "--lang", "ru", "staff"]
    adapt = ["adapt", newcomer, "--tutor", tutor, "--hired", "2026-03-02", "--end"]
    assert main([*db, *adapt, "2026-06-02"]) == 3  # one day past three months: refused
    assert main([*db, *adapt, "2026-06-01"]) == 0
    assert main([*db, "plan", newcomer, "--item", "2026-03-05", "Ішкі тәртіп"]) == 0
    capsys.readouterr()
    assert main([*db, "list", "--open"]) == 0
    out = capsys.readouterr().out
    assert "Жаңабаева Әлия\tТәжібаев Әлия\t2026-03-02–2026-06-01\tВыполняется" in out
    assert main([*db, "result", newcomer, "--adapted", "--on", "2026-06-01", "--by", "Ә. С."]) == 0
    with store.read() as s:
        a = s.scalars(select(StaffAdaptation)).one()
        assert (a.result, a.decided_on, a.decided_by) == ("adapted", date(2026, 6, 1), "Ә. С.")
    assert main([*db, "result", newcomer, "--adapted", "--by", "Ә. С."]) == 3  # none open


def test_s2_staff_internship_commands_schedule_held_list(
    store: Store, people: dict[str, uuid.UUID], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newcomer = _iin(store, people["newcomer"])
    db = ["--db", str(db_path), "--lang", "kk", "staff"]
    line = ["schedule", newcomer, "--place", "Астана қалалық соты", "--start", "2026-04-06"]
    assert main([*db, *line, "--end", "2027-01-01"]) == 3  # past the schedule's year
    capsys.readouterr()
    assert main([*db, *line, "--end", "2026-04-17"]) == 0
    internship_id = capsys.readouterr().out.strip()
    assert main([*db, "held", internship_id]) == 0
    assert main([*db, "internships", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "Жаңабаева Әлия\tАстана қалалық соты\t2026-04-06–2026-04-17\tӨткізілді" in out


def test_s2_staff_change_and_cancel_a_planned_line(
    store: Store, people: dict[str, uuid.UUID], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.models import StaffInternship

    newcomer = _iin(store, people["newcomer"])
    db = ["--db", str(db_path), "--lang", "ru", "staff"]
    line = ["schedule", newcomer, "--place", "Астана қалалық соты", "--start", "2026-04-06"]
    assert main([*db, *line, "--end", "2026-04-17"]) == 0
    internship_id = capsys.readouterr().out.strip()
    assert main([*db, "change", internship_id, "--end", "2027-01-01"]) == 3  # past the year
    assert main([*db, "change", internship_id, "--place", "Көкшетау", "--end", "2026-04-20"]) == 0
    assert main([*db, "cancel", internship_id, "--reason", " "]) == 3  # says why
    assert main([*db, "cancel", internship_id, "--reason", "Штат қысқартылды"]) == 0
    assert main([*db, "cancel", internship_id, "--reason", "again"]) == 3  # no longer planned
    with store.read() as s:
        row = s.scalars(select(StaffInternship)).one()
        assert (row.place, row.ends_on, row.status, row.reason) == (
            "Көкшетау",
            date(2026, 4, 20),
            "cancelled",
            "Штат қысқартылды",
        )
