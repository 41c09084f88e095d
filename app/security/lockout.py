"""Failed logins: a growing wait, an alert to administrators, a lock only by an act (Why #9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import SYSTEM, Actor
from app.core.errors import NotFoundError
from db.base import aware
from db.models import AuditEntry, LoginAttempt, User
from i18n import N_

# Issue 10, Why #9: five wrong passwords once locked the only administrator out for good. Now
# the first failures cost nothing, each further one doubles the wait before the next attempt
# (5 s, 10 s, 20 s … at most an hour): guessing stays hopeless, the owner is never shut out.
FREE_FAILURES = 3
FIRST_WAIT = timedelta(seconds=5)
LONGEST_WAIT = timedelta(hours=1)
# What a failed login with a name nobody has records: never the text typed (a password typed
# into the name field would be kept).
UNKNOWN_NAME = "unknown name"
WRONG_PASSWORD = "wrong password"
WAITING = "attempt during the wait"
LOCKED = "locked by an administrator"


@dataclass(frozen=True)
class LoginAlert:
    """Repeated failed logins an administrator is shown at their next login."""

    at: datetime
    username: str
    failures: int


def wait_after(failures: int) -> timedelta:
    """How long the next attempt must wait after this many failures in a row."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(FIRST_WAIT * (1 << min(failures - FREE_FAILURES, 20)), LONGEST_WAIT)


def wait_left(session: Session, user: User, now: datetime) -> timedelta:
    """What remains of the wait after the user's last failure (zero: they may try)."""
    wait = wait_after(user.failed_logins)
    if not wait:
        return wait
    last = session.scalar(
        select(func.max(LoginAttempt.at)).where(
            LoginAttempt.username == user.username, LoginAttempt.success.is_(False)
        )
    )
    if last is None:
        return timedelta(0)
    return max(aware(last) + wait - now, timedelta(0))


def record_failure(
    session: Session, user: User | None, reason: str, now: datetime, alert_at: int
) -> None:
    """Keep a failed attempt (the login table and the audit chain); alert administrators once
    when the failures in a row reach `alert_at`.
    """
    if reason != WAITING:  # an attempt refused unchecked does not push the wait further
        session.add(LoginAttempt(username=user.username if user else "", at=now, success=False))
    entity_id = str(user.id) if user is not None else ""
    changes: dict[str, list[object]] = {"reason": [None, reason]}
    if user is not None:
        changes["failed_logins"] = [None, user.failed_logins]
    record(session, SYSTEM, "login_failed", "user", entity_id, changes)
    if user is not None and reason == WRONG_PASSWORD and user.failed_logins == alert_at:
        record(
            session,
            SYSTEM,
            "login_alert",
            "user",
            user.id,
            {"username": [None, user.username], "failed_logins": [None, user.failed_logins]},
        )


def pending_alerts(session: Session, actor: Actor) -> list[LoginAlert]:
    """Alerts recorded since the actor's login before this one (shown to administrators)."""
    logins = session.scalars(
        select(AuditEntry.seq)
        .where(AuditEntry.action == "login", AuditEntry.actor == actor.name)
        .order_by(AuditEntry.seq.desc())
        .limit(2)
    ).all()
    since = logins[1] if len(logins) > 1 else 0
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.action == "login_alert", AuditEntry.seq > since)
        .order_by(AuditEntry.seq)
    )
    return [
        LoginAlert(
            aware(e.at),
            str(e.changes.get("username", [None, ""])[1]),
            int(e.changes.get("failed_logins", [None, 0])[1] or 0),
        )
        for e in entries
    ]


def unlock(session: Session, actor: Actor, username: str) -> None:
    """Lift a lock and the wait of a user; the caller has proved the right to (an
    administrator's act, or the recovery code). Audited as `actor`.
    """
    user = session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None:
        raise NotFoundError(N_("This user was deleted by someone else."))
    user.locked_at, user.failed_logins, user.updated_by = None, 0, actor.name
    session.flush()
    record(session, actor, "unlock", "user", user.id, {})
