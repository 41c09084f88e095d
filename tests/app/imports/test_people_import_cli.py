"""`import people` from the command line: changes shown old → new, a conflict named to import."""

from __future__ import annotations

from pathlib import Path

from app.core.context import Actor
from app.core.store import Store
from app.people.service import get_person
from tests.app.exchange.test_cli import run
from tests.app.security.helpers import add_judge


def test_a_conflict_is_refused_until_a_flag_names_its_iin(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    with store.write() as s:
        judge = add_judge(s, actor, 611)
    iin = judge.data.iin
    path = tmp_path / "people.csv"
    path.write_text(
        f"ИИН;Фамилия;Имя;Роль;Должность\n{iin};Петров;Пётр;Судья;председатель\n",
        encoding="utf-8",
    )
    preview = run(store.url, "import", "people", str(path))
    assert preview.returncode == 0, preview.stderr
    assert "Әбілова Айгүл Серікқызы" in preview.stdout and "Петров Пётр" in preview.stdout
    assert "Должность: судья \u2192 председатель" in preview.stdout
    refused = run(store.url, "import", "people", str(path), "--yes")
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert "Петров Пётр" in refused.stderr
    with store.read() as s:
        assert get_person(s, judge.id).data == judge.data
    done = run(store.url, "import", "people", str(path), "--yes", "--confirm-identity", iin)
    assert done.returncode == 0, done.stdout + done.stderr
    with store.read() as s:
        assert get_person(s, judge.id).data.surname == "Петров"
