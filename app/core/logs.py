"""Where failures leave a trace: a rotating log file and faulthandler in the user data folder."""

from __future__ import annotations

import faulthandler
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from app.core.paths import data_dir

LOGGER = logging.getLogger("talimger")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_LEVEL = "INFO"
_state: dict[str, object] = {}


def log_dir() -> Path:
    """The folder of the log files (created on demand)."""
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    """The current log file, the one to name in error messages."""
    return log_dir() / "talimger.log"


def level_of(value: str | None) -> str:
    """A valid level name: TALIMGER_LOG_LEVEL first, then the setting, then INFO."""
    for candidate in (os.environ.get("TALIMGER_LOG_LEVEL"), value):
        if candidate and candidate.upper() in LEVELS:
            return candidate.upper()
    return DEFAULT_LEVEL


def start_logging(level: str | None = None) -> Path:
    """Log to the rotating file and send hard crashes there too; safe to call twice."""
    path = log_file()
    handler = _state.get("handler")
    if not isinstance(handler, RotatingFileHandler):
        # 5 files of 1 MiB: months of ordinary use, bounded on a small disk.
        handler = RotatingFileHandler(path, maxBytes=1 << 20, backupCount=4, encoding="utf-8")
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
        )
        logging.getLogger().addHandler(handler)
        _state["handler"] = handler
    chosen = level_of(level)
    handler.setLevel(chosen)
    LOGGER.setLevel(chosen)
    # A segfault in Qt or a C extension bypasses every Python handler; faulthandler writes the
    # Python stacks of all threads. Left alone when someone (pytest, -X faulthandler) has it.
    if not faulthandler.is_enabled():
        crash_file: IO[str] = (log_dir() / "crashes.log").open("a", encoding="utf-8")
        faulthandler.enable(file=crash_file, all_threads=True)
        _state["crash_file"] = crash_file
    return path
