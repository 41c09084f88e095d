"""A child process: the window quits while a read waits on a server gone silent (issue 16)."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.core.bootstrap import open_store
from app.core.context import Actor
from tests.faults.tcp_proxy import Relay
from ui.context import UiContext
from ui.kit.op import Query


def main(pg_url: str, settings_path: str) -> None:
    """Read through a relay, silence it, start a background read, quit 0.5 s later."""
    app = QApplication([])
    url = make_url(pg_url)
    relay = Relay(url.host or "127.0.0.1", url.port or 5432)
    relay.start()
    store = open_store(url.set(port=relay.port).render_as_string(False), backup=False)
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    ctx = UiContext(
        store=store, actor=Actor("root", frozenset({"administrator"})), settings=settings
    )
    window = QMainWindow()
    window.show()
    one = Query(window, ctx, lambda s: s.execute(text("SELECT 1")).scalar_one())
    assert one.run() == 1  # a pooled connection now
    relay.black_hole()
    Query(window, ctx, lambda s: s.execute(text("SELECT 1")).scalar_one()).in_background().run()
    QTimer.singleShot(500, app.quit)
    app.exec()
    print(f"quit {time.monotonic():.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
