"""`import cpd FILE` previews and writes only with --yes (issue 15, Why 10)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.core.context import Actor
from app.core.store import Store
from db.models import CpdActivity
from tests.app.cpd.helpers import make_person
from tests.app.exchange.test_cli import run


def _lines(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count(CpdActivity.id))) or 0)


def test_import_cpd_previews_then_writes_with_yes(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    _person, iin = make_person(store, actor)
    path = tmp_path / "cpd.csv"
    path.write_text(
        "iin;form;event;organiser;starts_on;ends_on;hours;points;reason\n"
        f"{iin};F02;Сот әдебі;Оқу орталығы;10.03.2026;11.03.2026;16;;\n",
        encoding="utf-8",
    )
    preview = run(store.url, "import", "cpd", str(path))
    assert preview.returncode == 0, preview.stderr
    assert "--yes" in preview.stdout and "1" in preview.stdout
    assert _lines(store) == 0
    done = run(store.url, "import", "cpd", str(path), "--yes")
    assert done.returncode == 0, done.stderr
    assert _lines(store) == 1
