"""Engine construction: SQLite PRAGMAs and transactional DDL; nothing runs at import time."""

from __future__ import annotations

import contextlib
import socket
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000

# A lost or hung server must give a message within seconds, not freeze a window: connecting
# gives up after CONNECT_TIMEOUT_S, a dead peer is noticed by TCP keep-alives within about
# KEEPALIVE_IDLE_S + KEEPALIVE_INTERVAL_S * KEEPALIVE_COUNT on an idle connection and by
# TCP_USER_TIMEOUT_MS when what was sent stays unacknowledged, one statement may run at most
# STATEMENT_TIMEOUT_MS and wait for a row lock at most LOCK_TIMEOUT_MS. A server that still
# acknowledges but never answers is bounded by the client (the window gives up after 10 s and
# calls sever()): no TCP setting can tell it from a long query.
CONNECT_TIMEOUT_S = 4
KEEPALIVE_IDLE_S = 5
KEEPALIVE_INTERVAL_S = 2
KEEPALIVE_COUNT = 2
TCP_USER_TIMEOUT_MS = 8000
STATEMENT_TIMEOUT_MS = 120_000
LOCK_TIMEOUT_MS = 30_000


def to_url(target: str | Path) -> str:
    """Turn a filesystem path or an SQLAlchemy URL into a URL string."""
    text = str(target)
    if "://" in text:
        # The app ships psycopg 3; a plain postgresql:// URL would ask SQLAlchemy for psycopg2.
        for prefix in ("postgresql://", "postgres://"):
            if text.startswith(prefix):
                return "postgresql+psycopg://" + text[len(prefix) :]
        return text
    path = str(Path(text).expanduser().resolve())
    # make_url unquotes %XX and splits at '?': escape them so `p%41q` stays `p%41q` (issue 15).
    for char, code in (("%", "%25"), ("?", "%3F"), ("#", "%23")):
        path = path.replace(char, code)
    return f"sqlite:///{path}"


def is_sqlite(url: str) -> bool:
    """Tell whether a URL names an SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """Return the file of an SQLite URL, or None for memory or another backend."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite does not BEGIN before DDL, so a migration could half-apply; the documented
    # SQLAlchemy recipe takes transaction control from the driver and emits BEGIN itself.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.info.get("write") else "BEGIN")


def make_engine(target: str | Path, **kwargs: Any) -> Engine:
    """Create an engine for a path or URL, with the store's connection settings."""
    url = to_url(target)
    if is_sqlite(url):
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs["connect_args"] = {**_postgresql_connect_args(), **kwargs.get("connect_args", {})}
    engine = create_engine(url, pool_pre_ping=True, **kwargs)
    _strip_nul(engine)
    _track_connections(engine)
    return engine


def _postgresql_connect_args() -> dict[str, Any]:
    # The session time zone is UTC whatever the server's (initdb writes the PC's, e.g.
    # Asia/Almaty): times then come back in one canonical form, for the audit hash and for
    # comparing versions across an exchange.
    options = (
        f"-c timezone=UTC -c statement_timeout={STATEMENT_TIMEOUT_MS}"
        f" -c lock_timeout={LOCK_TIMEOUT_MS}"
    )
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "keepalives": 1,
        "keepalives_idle": KEEPALIVE_IDLE_S,
        "keepalives_interval": KEEPALIVE_INTERVAL_S,
        "keepalives_count": KEEPALIVE_COUNT,
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
        "options": options,
    }


# Every open driver connection of a server engine, pooled or in use, so sever() reaches a
# worker thread waiting on a dead socket (the pool only knows the connections checked in).
_OPEN: weakref.WeakKeyDictionary[Engine, weakref.WeakSet[Any]] = weakref.WeakKeyDictionary()
# Connections severed while a thread used them: closed when that thread hands them back (the
# disposed pool would otherwise keep them open until it is garbage, unclosed).
_SEVERED: weakref.WeakSet[Any] = weakref.WeakSet()


def _track_connections(engine: Engine) -> None:
    _OPEN[engine] = weakref.WeakSet()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        _OPEN[engine].add(dbapi_connection)

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, _record: Any) -> None:
        if dbapi_connection is not None and dbapi_connection in _SEVERED:
            with contextlib.suppress(Exception):
                dbapi_connection.close()


def sever(engine: Engine) -> None:
    """Give up on a server: shut the socket of every connection (a thread blocked reading one
    wakes with a driver error at once) and empty the pool, so the next use connects afresh.
    """
    for dbapi_connection in list(_OPEN.get(engine, ())):
        _SEVERED.add(dbapi_connection)
        with contextlib.suppress(Exception):  # already closed, or not a psycopg connection
            fd = dbapi_connection.pgconn.socket
            # fromfd() duplicates the descriptor; shutdown() acts on the socket behind both,
            # and closing the duplicate leaves the driver's own descriptor to the driver.
            with socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM) as dup:
                dup.shutdown(socket.SHUT_RDWR)
    engine.dispose()


def _clean(value: Any) -> Any:
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def _strip_nul(engine: Engine) -> None:
    # PostgreSQL text cannot hold NUL characters (SQLite can); a pasted NUL would otherwise
    # fail a whole save with a driver error. It is stored as U+FFFD, visibly replaced.
    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _on_execute(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, executemany: bool
    ) -> tuple[str, Any]:
        if executemany and isinstance(parameters, list | tuple):
            return statement, [_clean_params(p) for p in parameters]
        return statement, _clean_params(parameters)


def _clean_params(params: Any) -> Any:
    if isinstance(params, dict):
        return {k: _clean(v) for k, v in params.items()}
    if isinstance(params, list | tuple):
        return type(params)(_clean(v) for v in params)
    return params


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Session factory; objects stay readable after commit so DTOs can be built."""
    return sessionmaker(engine, expire_on_commit=False)
