"""Shared fixtures: a migrated template database copied per test, off-screen Qt, language reset.

The `store` fixture runs on SQLite and, when TALIMGER_TEST_PG_URL names a server, on
PostgreSQL too (a fresh database cloned from a migrated template for each test).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user data folder (logs, audit anchors) of the tests: never the real one (issue 10);
# platformdirs reads XDG_DATA_HOME on Linux, and a test may still set its own.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="talimger-tests-data-")

from app.core.bootstrap import open_store
from app.core.context import Actor, local_actor
from app.core.store import Store
from i18n import set_language
from tests.pg_plugin import (
    create_database,
    database_url,
    drop_database,
    pg_admin_url,
)
from tests.pg_spares import Spares

BACKENDS = ["sqlite", "postgresql"] if pg_admin_url() else ["sqlite"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/ui are GUI tests."""
    for item in items:
        if f"{os.sep}tests{os.sep}ui{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated once per session (migrations are the slow part)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    store = open_store(path, backup=False, create=True)
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


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A PostgreSQL database migrated once per session, the template of every test database."""
    admin = pg_admin_url()
    if admin is None:
        pytest.skip("TALIMGER_TEST_PG_URL is not set")
    name = create_database(admin)
    store = open_store(database_url(admin, name), backup=False)
    store.dispose()  # CREATE DATABASE ... TEMPLATE needs the template unused
    yield name
    drop_database(admin, name)


@pytest.fixture(scope="session")
def pg_spares(pg_template: str) -> Iterator[Spares]:
    """Clones of the template made ahead and dropped behind, by a thread of their own."""
    admin = pg_admin_url()
    assert admin is not None
    spares = Spares(admin, pg_template)
    yield spares
    spares.close()


@pytest.fixture
def pg_url(pg_spares: Spares) -> Iterator[str]:
    """A fresh migrated PostgreSQL database for one test."""
    admin = pg_admin_url()
    assert admin is not None
    name = pg_spares.take()
    yield database_url(admin, name)
    pg_spares.give_back(name)


# Store tests run on both backends; GUI tests keep SQLite (a window outlives its test's
# database, which on PostgreSQL is dropped at teardown).
BOTH_BACKENDS_UNDER = tuple(
    f"{os.sep}tests{os.sep}{d}{os.sep}" for d in ("app", "db", "faults", "pg")
)


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker of tests that work on the SQLite file itself."""
    config.addinivalue_line("markers", "sqlite_only: works on the SQLite file itself")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run store tests on SQLite and, when a server is configured, on PostgreSQL."""
    if "backend" not in metafunc.fixturenames:
        return
    path = str(metafunc.definition.path)
    both = any(d in path for d in BOTH_BACKENDS_UNDER)
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        both = False
    metafunc.parametrize("backend", BACKENDS if both else ["sqlite"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend a store test runs on."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def store(backend: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    """An opened store on a real SQLite file, or on a fresh PostgreSQL database."""
    if backend == "postgresql":
        if "db_path" in request.fixturenames:
            pytest.skip("the test works on the SQLite file itself")
        target: str | Path = request.getfixturevalue("pg_url")
    else:
        target = request.getfixturevalue("db_path")
    opened = open_store(target, backup=False)
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
