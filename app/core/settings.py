"""Store-wide settings: one key-value service that the CLI and the window both read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.permissions import SETTINGS_EDIT, require
from db.models import Setting


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
