"""`court small|chairman|coordinator|offices` (M-1, M-6, seed 002 cl. 9 and 11) on a real file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.__main__ import main
from app.courts import offices
from db.models import Court, Person


def _codes(store, world) -> tuple[str, str, str, str]:
    with store.read() as s:
        district = s.get(Court, world.district_id).code
        regional = s.get(Court, world.regional_id).code
        retired_iin = s.scalar(select(Person.iin).where(Person.id == world.retired))
        mentor_iin = s.scalar(select(Person.iin).where(Person.id == world.mentor))
    return district, regional, retired_iin, mentor_iin


def test_m1_m6_court_commands(
    store, world, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    district, regional, _retired, mentor = _codes(store, world)
    db = ["--db", str(db_path), "--lang", "ru", "court"]
    assert main([*db, "small", district]) == 0
    assert main([*db, "coordinator", regional, "--person", mentor, "--since", "2026-11-02"]) == 0
    with store.read() as s:
        assert offices.is_small(s, world.district_id)
        held = offices.coordinator_of_region(s, world.region)
        assert held is not None and held.person_id == world.mentor
    capsys.readouterr()
    assert main([*db, "offices"]) == 0
    out = capsys.readouterr().out
    assert "малочисленный районный суд" in out and "координатор: Жұмабаев Әлия" in out
    assert main([*db, "small", district, "--off"]) == 0
    assert main([*db, "coordinator", regional, "--clear"]) == 0
    with store.read() as s:
        assert not offices.is_small(s, world.district_id)
        assert offices.coordinator_of_region(s, world.region) is None


def test_m1_m6_court_commands_refuse_with_exit_code_3(store, world, db_path: Path) -> None:
    district, regional, _retired, _mentor = _codes(store, world)
    db = ["--db", str(db_path), "court"]
    assert main([*db, "small", regional]) == 3  # a regional court is never "small"
    assert main([*db, "coordinator", regional, "--person", "000000000000"]) == 3
    with pytest.raises(SystemExit) as usage:
        main([*db, "chairman", district])  # neither --person nor --clear
    assert usage.value.code == 2
