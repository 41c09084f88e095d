"""A process killed (SIGKILL) in the middle of a large write leaves a consistent store."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.core.context import Actor
from app.core.integrity import check_store
from app.core.store import Store
from app.courts.service import list_courts
from app.demo.generator import generate
from app.exchange.export import export_package
from app.exchange.state import set_node_name
from app.people.iin import make_iin
from db.models import AuditEntry, Person
from tests.app.exchange.conftest import pair_stores

CHILD = Path(__file__).with_name("child.py")


def _kill_midway(*args: str) -> None:
    with subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        if line.strip() != "MIDWAY":
            proc.kill()
            raise AssertionError(f"child did not reach the middle: {line!r} {proc.stderr.read()}")
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (
            int(s.scalar(select(func.count(Person.id))) or 0),
            int(s.scalar(select(func.count(AuditEntry.id))) or 0),
        )


def test_kill_during_people_import(store: Store, actor: Actor, tmp_path: Path) -> None:
    with store.read() as s:
        court = list_courts(s, level="regional")[0].name_ru
    rows = ["ИИН;Фамилия;Имя;Роль;Суд"] + [
        f"{make_iin(date(1960 + i % 40, 1 + i % 12, 1 + i % 28), 100 + i)};Иванов;Иван;Судья;"
        f"{court}"
        for i in range(400)
    ]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    before = _counts(store)
    store.dispose()
    _kill_midway("people", store.url, str(path))
    assert _counts(store) == before  # nothing half-written
    assert check_store(store, full=True) == []


def test_kill_during_exchange_import(store: Store, tmp_path: Path, template_db: Path) -> None:
    import shutil

    from app.core.bootstrap import open_store

    district_path = tmp_path / "district.db"
    shutil.copyfile(template_db, district_path)
    district = open_store(district_path, backup=False)
    demo = Actor("demo")
    with district.write() as s:
        set_node_name(s, demo, "district")
        generate(s, demo, scale="region", seed=11)
    with store.write() as s:
        set_node_name(s, demo, "centre")
    pair_stores(district, "district", store, "centre")  # a package only from a paired PC
    with district.write() as s:
        data, _ = export_package(s, demo, "centre", "a long passphrase")
    district.dispose()
    package = tmp_path / "pkg.tlx"
    package.write_bytes(data)
    before = _counts(store)
    store.dispose()
    _kill_midway("exchange", store.url, str(package), "a long passphrase")
    assert _counts(store) == before
    assert check_store(store, full=True) == []
