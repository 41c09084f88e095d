"""Long work behind a cancellable progress dialog, in a worker thread (Op.with_progress)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.core.progress import Progress
from i18n import _
from ui.kit.background import Job

# Cancel is honoured at the work's next progress step; work on a server that has not got
# there this long after Cancel is waiting on a silent server, whose connections are then cut.
CANCEL_GRACE_MS = 3000


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
        self.dialog.setValue(min(done, max(total, 1)))

    @Slot(object, object)
    def on_finished(self, result: Any, error: BaseException | None) -> None:
        self.result, self.error = result, error
        self.worker_thread.quit()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], Any],
    *,
    when_stuck: Callable[[], object] | None = None,
) -> tuple[Any, BaseException | None]:
    """Run work in a worker thread behind a modal progress dialog; wait for its end in a
    local event loop. ``when_stuck`` is called when the work has not ended CANCEL_GRACE_MS
    after Cancel (on a server store: cut the connections the work may be waiting on).
    """
    from PySide6.QtCore import Qt  # not at import: see SCROLL_BAR_ALWAYS_OFF in main_window

    dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoReset(False)  # the last step must not close the dialog before the commit
    thread = QThread()
    job = Job(work)
    job.moveToThread(thread)
    receiver = _Receiver(dialog, thread)
    job.progressed.connect(receiver.on_progressed)
    job.finished.connect(receiver.on_finished)
    dialog.canceled.connect(job.progress.cancel)
    stuck = QTimer()
    stuck.setSingleShot(True)
    if when_stuck is not None:
        stuck.timeout.connect(when_stuck)
        dialog.canceled.connect(lambda: stuck.start(CANCEL_GRACE_MS))
    thread.started.connect(job.run)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    loop.exec()
    thread.wait()
    stuck.stop()
    dialog.canceled.disconnect(job.progress.cancel)
    close_handing_back(dialog)
    return receiver.result, receiver.error


def close_handing_back(dialog: QProgressDialog) -> None:
    # Hiding the active window (this dialog: at its end, or already at Cancel) leaves the
    # application with none; a desktop's window manager then activates the window the dialog
    # was over, later, and the offscreen platform never: the window's shortcuts (Ctrl+P) went
    # dead. So once the pending window events have arrived, the window gets activation back if
    # nothing has it, before run() returns and the caller opens its next dialog over it. (On
    # Windows, when the user has gone to another program meanwhile, this only flashes the
    # taskbar button: the document is ready.)
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    owner = dialog.parentWidget()
    window = owner.window() if owner is not None else None
    if window is None or not window.isVisible():
        return
    no_input = QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
    QCoreApplication.processEvents(no_input)
    if QApplication.activeWindow() is None:
        window.activateWindow()
        QCoreApplication.processEvents(no_input)
