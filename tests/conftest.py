"""Shared fixtures: a migrated template database copied per test, off-screen Qt, language reset."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TALIMGER_NO_SETTINGS_SYNC", "1")

from app.bootstrap import open_store
from app.context import Actor, local_actor
from app.store import Store
from i18n import set_language


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/ui are GUI tests."""
    for item in items:
        if f"{os.sep}tests{os.sep}ui{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated once per session (migrations are the slow part)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    store = open_store(path, backup=False)
    store.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template database for one test."""
    target = tmp_path / "talimger.db"
    shutil.copyfile(template_db, target)
    return target


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """An opened store on a real SQLite file."""
    opened = open_store(db_path, backup=False)
    yield opened
    opened.dispose()


@pytest.fixture
def actor() -> Actor:
    """The local administrator."""
    return local_actor()


@pytest.fixture(autouse=True)
def _reset_language() -> Iterator[None]:
    set_language("kk")
    yield
    set_language("kk")
