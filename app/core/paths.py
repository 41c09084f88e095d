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


DEFAULT_DB_NAME = "talimger.db"


def default_db_path() -> Path:
    """The default embedded store."""
    return data_dir() / DEFAULT_DB_NAME


def backup_folder(store: Path) -> Path:
    """Where a store's automatic backups go: backups/ beside a store of the default name,
    backups/<name>/ for any other, so stores sharing a folder (the real one and the first
    run's demo) never rotate, offer or witness each other's backups.
    """
    folder = store.parent / "backups"
    return folder if store.name == DEFAULT_DB_NAME else folder / store.stem


def resources_dir() -> Path:
    """Shipped data files: fonts, installer scripts."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
