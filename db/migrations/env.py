"""Alembic environment: runs on the engine passed in by db.migrate, in one transaction."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

import db.models  # noqa: F401  (registers every table on Base.metadata)
from db.base import Base

config = context.config
engine: Engine | None = config.attributes.get("engine")
if engine is None:  # `alembic` on the command line: take the URL from -x url=…
    from db.engine import make_engine

    engine = make_engine(context.get_x_argument(as_dictionary=True)["url"])

is_sqlite = engine.dialect.name == "sqlite"

with engine.connect() as connection:
    if is_sqlite:
        # Batch table rebuilds need foreign keys off; the PRAGMA is ignored inside a
        # transaction, so it is set on the raw connection before BEGIN.
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=is_sqlite,
        compare_type=True,
        transaction_per_migration=False,
    )
    try:
        with context.begin_transaction():
            context.run_migrations()
            if is_sqlite:
                bad = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if bad:
                    raise RuntimeError(f"foreign key check failed after migration: {bad[:5]}")
        connection.commit()
    finally:
        if is_sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
