"""Where things live: user data folder, backups, shipped resources (also when frozen)."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Talimger"


def data_dir() -> Path:
    """The per-user data folder (created on demand)."""
    path = user_data_path(APP_NAME, appauthor=False, ensure_exists=True)
    return Path(path)


def default_db_path() -> Path:
    """The default embedded store."""
    return data_dir() / "talimger.db"


def resources_dir() -> Path:
    """Shipped data files: fonts, installer scripts."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
