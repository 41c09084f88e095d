"""The database this Windows user chose in File → Database…, read at start without the dialog."""

from __future__ import annotations

from PySide6.QtCore import QSettings

SETTING = "database/target"


def remembered_target(settings: QSettings) -> str | None:
    """The database this Windows user chose last (None: the default file)."""
    value = str(settings.value(SETTING, "") or "")
    return value or None
