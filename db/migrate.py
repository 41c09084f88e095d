"""Alembic driven from code, so a frozen bundle can migrate without alembic.ini."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine, script_location: Path | None = None) -> Config:
    """Build an Alembic Config that runs on the given engine."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revisions(script_location: Path | None = None) -> tuple[str, ...]:
    """Heads of the migration scripts; there must be exactly one."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    return tuple(ScriptDirectory.from_config(cfg).get_heads())


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when it was never migrated."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine, script_location: Path | None = None) -> bool:
    """Tell whether the database is behind the migration scripts."""
    return current_revision(engine) not in head_revisions(script_location)


def upgrade(engine: Engine, revision: str = "head", script_location: Path | None = None) -> None:
    """Apply migrations in one transaction: a failure leaves the database as it was."""
    command.upgrade(alembic_config(engine, script_location), revision)
