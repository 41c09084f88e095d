"""`check --full` on PostgreSQL says what it checked and what it leaves to the server."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.__main__ import main
from app.core.store import Store
from db.migrate import current_revision


def test_check_full_on_postgresql_names_what_it_checked(
    store: Store, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if backend != "postgresql":
        pytest.skip("the report is PostgreSQL's")
    assert main(["--db", store.url, "--lang", "ru", "check", "--full"]) == 0
    out = capsys.readouterr().out
    assert "PostgreSQL" in out and "amcheck" in out and "pg_dump" in out
    assert f" {current_revision(store.engine)}," in out  # the schema version is named
    assert out.rstrip().endswith("База данных в порядке.")


def test_an_unvalidated_constraint_is_a_problem(
    store: Store, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite has no unvalidated constraints")
    with store.write() as s:
        s.execute(
            text("ALTER TABLE court ADD CONSTRAINT ck_test_name CHECK (name_kk <> '') NOT VALID")
        )
    assert main(["--db", store.url, "--lang", "kk", "check", "--full"]) == 1
    assert "ck_test_name" in capsys.readouterr().out
