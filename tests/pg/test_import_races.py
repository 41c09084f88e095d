"""Two PCs importing the same CPD file: one imports it, the other skips every row (issue 16)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.core.context import Actor
from app.core.store import Store
from db.models import CpdActivity
from tests.app.cpd.helpers import make_person
from tests.pg.races import crashes, race

HEADER = "iin;form;event;organiser;starts_on;ends_on;hours;points;reason"
ROUNDS = 20


def test_same_cpd_file_on_two_pcs_imports_once(store: Store, actor: Actor, tmp_path: Path) -> None:
    _person, iin = make_person(store, actor)
    files = []
    for k in range(ROUNDS):
        path = tmp_path / f"cpd-{k}.csv"
        rows = [f"{iin};F02;Семинар {k}-{n};Оқу орталығы;10.03.2026;;8;;" for n in range(3)]
        path.write_text("\n".join([HEADER, *rows]), encoding="utf-8")
        files.append(str(path))
    results = race(store.url, "tests.pg.race_actions:import_cpd", payload=files)
    assert crashes(results) == []
    assert all(r == ["ok", "ok"] for r in results), results
    with store.read() as s:
        assert s.scalar(select(func.count(CpdActivity.id))) == ROUNDS * 3
