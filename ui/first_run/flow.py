"""The first start in order: centre and language, login mode, then where to begin."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QTabWidget, QWidget

from app.core.context import Actor
from app.core.paths import data_dir
from app.core.settings import set_setting
from app.courts.centre import CENTRE_KEY
from i18n import _, current_language
from ui.data.login_dialog import StartContext, choose_login_mode
from ui.first_run.centre_dialog import CentreDialog
from ui.first_run.start_dialog import DEMO, EMPTY, StartDialog
from ui.kit.op import Op, Task, status_bar

if TYPE_CHECKING:
    from app.core.progress import Progress
    from app.core.store import Store
    from ui.main_window import MainWindow

DEMO_FILE = "demo.db"  # beside the real store's default file, never the same file


def own_command() -> list[str]:
    """How to start this program again: the frozen executable, or `python -m app`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "app"]


class FirstRun:
    """Called by who_is_acting() on a store that never ran; lead_on() after the window has it."""

    def __init__(self, switch_language: Callable[[str], None]) -> None:
        self._switch = switch_language
        self.choice = ""

    def __call__(self, store: Store, parent: QWidget | None) -> tuple[Store, Actor] | None:
        """The three steps; None when the user closed one (the program then quits). The login
        step may encrypt the file: the store returned is then a new one.
        """
        centre = CentreDialog(StartContext(store), self._switch, parent)
        if not centre.exec():
            return None
        # The login mode: an administrator (the file encrypted, the recovery code shown once),
        # or no logins on a single-user PC.
        acting = choose_login_mode(store, parent)
        if acting is None:
            return None
        store, actor = acting
        if centre_id := centre.centre_id():
            Op(
                parent,
                StartContext(store, actor),
                lambda s, a, _p: set_setting(s, a, CENTRE_KEY, centre_id),
            ).run()
        start = StartDialog(parent)
        start.exec()
        self.choice = start.choice
        return store, actor

    def lead_on(self, window: MainWindow) -> None:
        """Open the import of the people register, or the demo in its own window."""
        if self.choice == EMPTY:
            page = window.page("security")
            imports = getattr(page, "imports", None)
            if isinstance(page, QTabWidget) and imports is not None:
                page.setCurrentWidget(imports)
        elif self.choice == DEMO:
            open_demo(window)


def make_demo(path: Path, progress: Progress) -> None:
    """Fill a new demo store at path through the command line (the window never imports the
    demo generators), in "no login" mode so it opens straight away.
    """
    base = [*own_command(), "--db", str(path)]
    progress.step(0, 2)
    subprocess.run([*base, "demo"], check=True, capture_output=True)
    progress.step(1, 2)
    subprocess.run([*base, "user", "no-login"], check=True, capture_output=True)
    progress.step(2, 2)


def open_demo(parent: QWidget) -> bool:
    """Make the demo store once (its own file) and open it in a second program window."""
    path = data_dir() / DEMO_FILE
    if not path.exists():
        task = Task(parent, lambda p: make_demo(path, p))
        task.with_progress(_("Making the demo database…")).run()
        if not path.exists():
            return False
    command = own_command()
    started, _pid = QProcess.startDetached(
        command[0], [*command[1:], "--db", str(path), "--lang", current_language()]
    )
    bar = status_bar(parent)
    if started and bar is not None:
        bar.showMessage(_("The demo database opens in a second window: {path}").format(path=path))
    return bool(started)
