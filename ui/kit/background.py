"""Work in a worker thread: behind a modal dialog, or quietly (Op.in_background)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from app.core.progress import Progress

Done = Callable[[Any, BaseException | None], None]


class Job(QObject):
    """The work, moved to a worker thread; its signals reach the GUI thread queued."""

    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, error

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self.progress = Progress(self.progressed.emit)

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except BaseException as exc:  # handed to the GUI thread, sorted there
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)


class _Background(QObject):
    """Lives in the GUI thread: the job's end arrives here (queued), then `done` is called."""

    def __init__(self, work: Callable[[Progress], Any], done: Done) -> None:
        super().__init__()
        self._done = done
        self.worker_thread = QThread()
        self.job = Job(work)
        self.job.moveToThread(self.worker_thread)
        self.job.finished.connect(self.on_finished)
        self.worker_thread.started.connect(self.job.run)

    @Slot(object, object)
    def on_finished(self, result: Any, error: BaseException | None) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        _RUNNING.discard(self)
        self._done(result, error)


# Held here until they end: a QThread destroyed while it runs aborts the process.
_RUNNING: set[_Background] = set()
_HOOKED: list[QCoreApplication] = []


def start_in_background(work: Callable[[Progress], Any], done: Done) -> None:
    """Start `work` in a worker thread and return at once; `done(result, error)` follows in the
    GUI thread. No dialog: the caller shows a quiet "loading" state of its own (issue 12).
    """
    runner = _Background(work, done)
    _RUNNING.add(runner)
    app = QCoreApplication.instance()
    if app is not None and app not in _HOOKED:
        app.aboutToQuit.connect(wait_for_background)
        _HOOKED.append(app)
    runner.worker_thread.start()


def wait_for_background() -> None:
    """Let running work end (quitting with a thread still running would abort)."""
    for runner in list(_RUNNING):
        runner.worker_thread.wait()


def running() -> int:
    """How many background works are running (tests wait for none)."""
    return len(_RUNNING)
