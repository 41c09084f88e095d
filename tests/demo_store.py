"""One demo store per test session (region scale, every module, a draft protocol)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.demo.everything import generate_everything
from app.mentoring.council import create_protocol
from app.mentoring.dto import ProtocolInput
from db.models import Pair

_built: list[Path] = []


def demo_db(template_db: Path, factory: pytest.TempPathFactory) -> Path:
    """The session's demo database, built on first use from the migrated template."""
    if not _built:
        path = factory.mktemp("demo") / "demo.db"
        shutil.copyfile(template_db, path)
        store = open_store(path, backup=False)
        actor = local_actor()
        today = date.today()
        with store.write() as s:
            generate_everything(s, actor, cpd_years=1, today=today)  # training too
            region = s.scalars(select(Pair.region_code)).first()
            create_protocol(
                s,
                actor,
                ProtocolInput(
                    region or "",
                    "1-демо",
                    today,
                    "Көкшетау қаласы",
                    "Төлеуов Асқар Бекұлы",
                    "Мұратова Гүлнар Сәкенқызы",
                    ("Төлеуов А. Б.", "Мұратова Г. С."),
                    "Тәлімгерлік жұптардың қорытындысы туралы",
                ),
            )
        store.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        _built.append(path)
    return _built[0]


def demo_copy(template_db: Path, factory: pytest.TempPathFactory, target: Path) -> Path:
    """A private copy of the demo database for a test that writes."""
    shutil.copyfile(demo_db(template_db, factory), target)
    return target
