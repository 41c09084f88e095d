"""Long work off the GUI thread behind a progress dialog that can be cancelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.progress import Progress
from i18n import _


class _Job(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, error

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        # The one progress/cancel type: step() emits, and raises CancelledError after cancel().
        self.progress = Progress(self.progressed.emit)

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except BaseException as exc:  # handed to the GUI thread, shown there
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)


class _Receiver(QObject):
    """Lives in the GUI thread so the job's signals arrive there (queued), not in the worker."""

    def __init__(self, dialog: QProgressDialog, thread: QThread) -> None:
        super().__init__()
        self.dialog = dialog
        self.worker_thread = thread  # not "thread": that would hide QObject.thread()
        self.result: Any = None
        self.error: BaseException | None = None

    @Slot(int, int)
    def on_progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)

    @Slot(object, object)
    def on_finished(self, result: Any, error: BaseException | None) -> None:
        self.result, self.error = result, error
        self.worker_thread.quit()


def run_with_progress(
    parent: QWidget | None, title: str, work: Callable[[Progress], Any]
) -> tuple[Any, BaseException | None]:
    """Run work(progress) in a thread; return (result, error). Cancel makes the next
    progress.step() raise CancelledError, which comes back as the error.
    """
    dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    thread = QThread()
    job = _Job(work)
    job.moveToThread(thread)
    receiver = _Receiver(dialog, thread)
    job.progressed.connect(receiver.on_progressed)
    job.finished.connect(receiver.on_finished)
    dialog.canceled.connect(job.progress.cancel)
    thread.started.connect(job.run)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    loop.exec()
    thread.wait()
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    return receiver.result, receiver.error
