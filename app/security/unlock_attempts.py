"""Wrong passwords on an encrypted store, kept outside it: the same growing wait, then audited.

Issue 10: a store that cannot be opened cannot record the attempt. The count, the time of the
last failure and the attempts not yet audited live in a small owner-only file of the user's
data folder (beside the audit anchors), one per store and keyed by the key file's hashed
entry id, so no typed name is kept in clear. The next successful login writes them into the
audit chain.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import SYSTEM
from app.core.keys import KeyFile, WrongSecretError
from app.core.logs import LOGGER
from app.core.owner_only import write_private
from app.core.paths import data_dir
from app.security.lockout import UNKNOWN_NAME, WAITING, WRONG_PASSWORD, wait_after
from db.base import utcnow
from db.models import User
from i18n import N_

FOLDER = "unlock_attempts"
WAIT = N_("Too many wrong passwords for this database: try again in {seconds} seconds.")


@dataclass
class _Attempts:
    """What the file holds for one store."""

    counts: dict[str, int] = field(default_factory=dict)  # entry id → failures in a row
    last: dict[str, str] = field(default_factory=dict)  # entry id → ISO time of the last one
    pending: list[dict[str, str]] = field(default_factory=list)  # not yet in the audit log


def attempts_file(db_path: Path) -> Path:
    """The file of a store's failed unlocks on this PC."""
    key = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:32]
    return data_dir() / FOLDER / f"{key}.json"


def _load(db_path: Path) -> _Attempts:
    try:
        raw: dict[str, Any] = json.loads(attempts_file(db_path).read_text(encoding="utf-8"))
        return _Attempts(dict(raw["counts"]), dict(raw["last"]), list(raw["pending"]))
    except (OSError, ValueError, KeyError, TypeError):
        return _Attempts()


def _save(db_path: Path, attempts: _Attempts) -> None:
    path = attempts_file(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        data = {"counts": attempts.counts, "last": attempts.last, "pending": attempts.pending}
        write_private(partial, json.dumps(data).encode("utf-8"))
        os.replace(partial, path)
    except OSError as exc:  # a folder that cannot be written must not stop the owner
        LOGGER.warning("failed unlock not recorded: %s", exc)


def _wait_left(attempts: _Attempts, entry: str, now: datetime) -> timedelta:
    wait = wait_after(attempts.counts.get(entry, 0))
    if not wait or entry not in attempts.last:
        return timedelta(0)
    return max(datetime.fromisoformat(attempts.last[entry]) + wait - now, timedelta(0))


def unlock_store_key(
    db_path: Path, username: str, password: str, *, now: datetime | None = None
) -> bytes:
    """The store key from a user's password, as KeyFile.unlock, with the growing wait of
    lockout.py after wrong passwords; every failure is kept for the audit log.
    """
    now = now or utcnow()
    keys = KeyFile.load(db_path)
    entry = keys.user_id(username)
    known = keys.has_user(username)
    attempts = _load(db_path)
    left = _wait_left(attempts, entry, now)
    if left:
        attempts.pending.append(_pending(now, WAITING, username if known else ""))
        _save(db_path, attempts)
        raise WrongSecretError(WAIT, seconds=max(1, int(left.total_seconds() + 0.999)))
    try:
        key = keys.unlock(username, password)
    except WrongSecretError:
        attempts.counts[entry] = attempts.counts.get(entry, 0) + 1
        attempts.last[entry] = now.isoformat()
        reason = WRONG_PASSWORD if known else UNKNOWN_NAME  # never the text typed
        attempts.pending.append(_pending(now, reason, username if known else ""))
        _save(db_path, attempts)
        raise
    if attempts.counts.pop(entry, 0):
        attempts.last.pop(entry, None)
        _save(db_path, attempts)
    return key


def _pending(now: datetime, reason: str, username: str) -> dict[str, str]:
    return {"at": now.isoformat(), "reason": reason, "username": username.strip()}


def audit_failed_unlocks(session: Session) -> int:
    """Write the failed unlocks kept outside the session's encrypted store into its audit log
    (in the caller's transaction: the successful login); how many.
    """
    found = session.info.get("store_key")
    if found is None:
        return 0
    db_path: Path = found[0]
    attempts = _load(db_path)
    if not attempts.pending:
        return 0
    for p in attempts.pending:
        user_id = ""
        if p.get("username"):
            uid = session.scalar(
                select(User.id).where(func.lower(User.username) == p["username"].lower())
            )
            user_id = str(uid) if uid is not None else ""
        record(
            session,
            SYSTEM,
            "login_failed",
            "user",
            user_id,
            {"reason": [None, p.get("reason", "")], "unlock_at": [None, p.get("at", "")]},
        )
    done = len(attempts.pending)

    def forget_audited(_session: Session) -> None:
        # After the commit: a rolled-back login leaves them for the next one. Read again, so
        # an attempt kept meanwhile by another process stays.
        now_kept = _load(db_path)
        now_kept.pending = now_kept.pending[done:]
        _save(db_path, now_kept)

    event.listen(session, "after_commit", forget_audited, once=True)
    return done
