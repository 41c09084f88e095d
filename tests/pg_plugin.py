"""PostgreSQL for the test suite: a migrated template database, cloned per test.

Active only when TALIMGER_TEST_PG_URL names a server (an administrative URL, e.g.
postgresql+psycopg://postgres@127.0.0.1:55432/postgres; tests/pg.sh starts a throwaway one).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_URL_ENV = "TALIMGER_TEST_PG_URL"


def pg_admin_url() -> str | None:
    """The administrative URL of the test server, or None when PostgreSQL is not tested."""
    return os.environ.get(PG_URL_ENV) or None


def database_url(admin_url: str, name: str) -> str:
    """The URL of another database on the same server."""
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


@contextmanager
def _admin(admin_url: str) -> Iterator[object]:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def create_database(admin_url: str, template: str | None = None) -> str:
    """Create a fresh database (optionally cloned from a template); return its name."""
    name = f"talimger_t_{uuid.uuid4().hex[:16]}"
    with _admin(admin_url) as conn:
        clause = f" TEMPLATE {template}" if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))  # type: ignore[attr-defined]
    return name


def drop_database(admin_url: str, name: str) -> None:
    """Drop a test database, closing whatever still holds it."""
    with _admin(admin_url) as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))  # type: ignore[attr-defined]
