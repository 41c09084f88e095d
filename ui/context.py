"""What every page and dialog is given: the store, the acting user, the settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from app.core.context import Actor

if TYPE_CHECKING:  # SQLAlchemy stays off the start path until the window has painted
    from app.core.store import Store


@dataclass
class UiContext:
    """Passed into constructors (no global singletons)."""

    store: Store
    actor: Actor
    settings: QSettings
