"""Store-wide settings: one key-value service that the CLI and the window both read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import SETTINGS_EDIT, require
from db.models import Setting
from i18n import N_

# Whether logins are required: "1" login, "0" explicit "no login", "" unset. Kept here, in the
# kernel, because `check` compares it with its audited history (issue 10, Why #2).
LOGIN_REQUIRED_KEY = "security.login_required"

# How many automatic backups the rotation keeps: read by open_store for the CLI and the window.
BACKUPS_KEPT_KEY = "backups.kept"
DEFAULT_BACKUPS_KEPT = 10
BACKUPS_KEPT_RANGE = (1, 100)


def get_setting(session: Session, key: str, default: str = "") -> str:
    """A setting's value."""
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_setting(session: Session, actor: Actor, key: str, value: str) -> None:
    """Change a setting, audited."""
    require(actor, SETTINGS_EDIT)
    setting = session.scalar(select(Setting).where(Setting.key == key))
    old = setting.value if setting else None
    if setting is None:
        setting = Setting(key=key, value=value, updated_by=actor.name)
        session.add(setting)
    else:
        setting.value, setting.updated_by = value, actor.name
    session.flush()
    if old != value:
        record(session, actor, "update", "setting", setting.id, {key: [old, value]})


def audited_value(session: Session, key: str) -> str | None:
    """The value the audit log last recorded for a setting; None when it never did."""
    from db.models import AuditEntry

    entries = session.scalars(
        select(AuditEntry.changes)
        .where(AuditEntry.entity == "setting")
        .order_by(AuditEntry.seq.desc())
    )
    for changes in entries:
        if isinstance(changes, dict) and key in changes:
            value = changes[key][1]
            return "" if value is None else str(value)
    return None


def parse_backups_kept(value: str | None) -> int:
    """The stored count of backups to keep; the default when unset or not a number in range."""
    try:
        kept = int(value or "")
    except ValueError:
        return DEFAULT_BACKUPS_KEPT
    low, high = BACKUPS_KEPT_RANGE
    return kept if low <= kept <= high else DEFAULT_BACKUPS_KEPT


def backups_kept(session: Session) -> int:
    """How many automatic backups to keep."""
    return parse_backups_kept(get_setting(session, BACKUPS_KEPT_KEY))


def set_backups_kept(session: Session, actor: Actor, kept: int) -> None:
    """Change how many automatic backups to keep (from 1 to 100)."""
    low, high = BACKUPS_KEPT_RANGE
    if not low <= kept <= high:
        raise ValidationError(
            [FieldError("kept", N_("From {low} to {high}."), {"low": low, "high": high})]
        )
    set_setting(session, actor, BACKUPS_KEPT_KEY, str(kept))
