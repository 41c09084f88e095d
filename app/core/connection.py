"""Try a database before choosing it, and give up on a server that stopped answering."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from app.core import backup as backups
from app.core.errors import StoreError
from app.core.store import SERVER_LOST, Store
from db.engine import make_engine, sever, sqlite_path, to_url
from i18n import N_, _


def try_database(target: str) -> str:
    """A sentence saying what was found at the target; StoreError when it cannot be used."""
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        return _try_file(path)
    # Five seconds: a wrong address should answer the "test connection" button quickly.
    engine = make_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            server = str(conn.execute(text("SELECT version()")).scalar() or "").split(",")[0]
            ours = inspect(conn).has_table("alembic_version")
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
        raise StoreError(N_("The server cannot be reached: {reason}"), reason=reason) from exc
    finally:
        engine.dispose()
    if ours:
        return _("Connected to {server}; it holds a Tälimger database.").format(server=server)
    return _("Connected to {server}; the empty database will be prepared at first start.").format(
        server=server
    )


def _try_file(path: Path) -> str:
    if path.is_dir():
        raise StoreError(N_("{path} is a folder, not a database file."), path=str(path))
    if not path.exists():
        folder = next((p for p in path.parents if p.exists()), None)
        if folder is None or not os.access(folder, os.W_OK):
            raise StoreError(N_("A database cannot be created in {path}."), path=str(path.parent))
        return _("A new database will be created in {path}.").format(path=path)
    if path.stat().st_size and not backups.is_sqlite_file(path):
        raise StoreError(
            N_("The file {path} is not a Tälimger database (it is not an SQLite file)."),
            path=str(path),
        )
    return _("The database file {path} exists and will be opened.").format(path=path)


def on_server(store: Store) -> bool:
    """Whether the store lives on a database server (reached over the network), not a file."""
    return store.engine.dialect.name != "sqlite"


def give_up(store: Store, waited_s: float) -> StoreError:
    """The server did not answer in time: cut its connections (the next action reconnects)
    and return the one "does not answer" message, what happened one click away.
    """
    sever(store.engine)
    error = StoreError(SERVER_LOST)
    error.details = f"No answer from {store.location} within {waited_s:.0f} s; connections closed."
    return error


def answers(store: Store, timeout_s: int) -> bool:
    """Whether the store's server answers a fresh connection within about timeout_s: a slow
    query on a live server is not a hung one (the window keeps waiting for the first).
    """
    url = store.engine.url.render_as_string(hide_password=False)
    engine = make_engine(url, poolclass=NullPool, connect_args={"connect_timeout": timeout_s})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    finally:
        engine.dispose()
    return True
