"""Work on a database server: in a daemon thread, bounded in time, never freezing the window."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.progress import Progress
from i18n import _

if TYPE_CHECKING:
    from app.core.store import Store

Done = Callable[[Any, BaseException | None], None]
# The wait dialog comes after a second (a normal read is over long before); the client gives
# up after nine, so the message is on the screen within ten whatever the server does.
DIALOG_AFTER_MS = 1000
GIVE_UP_AFTER_MS = 9000
_ANSWERED, _SHOW_DIALOG, _TIMED_OUT, _CANCELLED = range(4)
# After the server was found lost, the reads that follow at once (the rest of a page being
# built) are told so without trying again: one wait, one message, not one per read. The
# next action after this is tried afresh (the connections were closed: it reconnects).
RECENTLY_LOST_S = 3.0
_LOST_AT: dict[int, float] = {}  # id(engine) -> time.monotonic() when it was found lost
_WAITING = [0]  # how many wait_for_server() loops are running (nested ones count each)


def waiting() -> int:
    """How many waits for the server are in progress (a test measures the window meanwhile)."""
    return _WAITING[0]


def on_server(ctx: Any) -> bool:
    """Whether a context's store is on a server (PostgreSQL); a local SQLite file is not."""
    if ctx is None:
        return False
    from app.core.connection import on_server as store_on_server  # SQLAlchemy: not at start-up

    return store_on_server(ctx.store)


def give_up(store: Store) -> BaseException:
    """Cut the server's connections; the one translated "does not answer" error."""
    from app.core.connection import give_up as cut

    return cut(store, GIVE_UP_AFTER_MS / 1000)


def _noted(store: Store, outcome: tuple[Any, BaseException | None]) -> tuple[Any, Any]:
    """The outcome, remembering when it says the server is lost."""
    from app.core.store import SERVER_LOST

    if getattr(outcome[1], "message_id", None) == SERVER_LOST:
        _LOST_AT[id(store.engine)] = time.monotonic()
    return outcome


def _lately_lost(store: Store) -> BaseException | None:
    """The "does not answer" error when the server was found lost a moment ago, else None."""
    lost_at = _LOST_AT.get(id(store.engine))
    if lost_at is None or time.monotonic() - lost_at > RECENTLY_LOST_S:
        return None
    from app.core.errors import StoreError
    from app.core.store import SERVER_LOST

    error = StoreError(SERVER_LOST)
    error.details = f"{store.location} did not answer a moment ago; not tried again."
    return error


class _Delivery(QObject):
    """Lives in the GUI thread: the worker's outcome arrives here queued."""

    arrived = Signal(object, object)

    def __init__(self, done: Done) -> None:
        super().__init__()
        self.answered = False
        self._done = done
        self.arrived.connect(self._on_arrived)

    @Slot(object, object)
    def _on_arrived(self, result: Any, error: BaseException | None) -> None:
        _HELD.discard(self)
        if not self.answered:  # else the caller gave up on it already: a late answer is dropped
            self.answered = True
            self._done(result, error)


# Held until their worker ends (a late answer must find its receiver alive).
_HELD: set[_Delivery] = set()


def _start(work: Callable[[Progress], Any], delivery: _Delivery) -> None:
    def target() -> None:
        try:
            outcome: tuple[Any, BaseException | None] = (work(Progress()), None)
        except BaseException as exc:  # handed to the GUI thread, sorted there
            outcome = (None, exc)
        with contextlib.suppress(RuntimeError):  # the application is gone: nobody to tell
            delivery.arrived.emit(*outcome)

    _HELD.add(delivery)
    # A daemon thread: one stuck in a dead socket never keeps the program from quitting.
    threading.Thread(target=target, name="talimger-server", daemon=True).start()


def start_on_server(store: Store, work: Callable[[Progress], Any], done: Done) -> None:
    """Start work in a daemon thread and return at once; ``done(result, error)`` follows in
    the GUI thread, with the "does not answer" error when the server is silent too long.
    """
    lost = _lately_lost(store)
    if lost is not None:
        QTimer.singleShot(0, lambda: done(None, lost))
        return
    delivery = _Delivery(lambda result, error: done(*_noted(store, (result, error))))

    def time_out() -> None:
        if not delivery.answered:
            delivery.answered = True
            done(*_noted(store, (None, give_up(store))))

    QTimer.singleShot(GIVE_UP_AFTER_MS, delivery, time_out)
    _start(work, delivery)


def wait_for_server(
    parent: QWidget | None, store: Store, work: Callable[[Progress], Any]
) -> tuple[Any, BaseException | None]:
    """Run work in a daemon thread and wait for it in a local event loop (the window paints,
    timers run, no user input is taken); after a second a modal "Waiting…" dialog offers
    Cancel; Cancel or GIVE_UP_AFTER_MS give the "does not answer" error and cut the server.
    """
    lost = _lately_lost(store)
    if lost is not None:
        return None, lost
    loop = QEventLoop()
    outcome: list[tuple[Any, BaseException | None]] = []

    def answered(result: Any, error: BaseException | None) -> None:
        outcome.append((result, error))
        loop.exit(_ANSWERED)

    delivery = _Delivery(answered)
    dialog_timer = _timer(DIALOG_AFTER_MS, lambda: loop.exit(_SHOW_DIALOG))
    bound = _timer(GIVE_UP_AFTER_MS, lambda: loop.exit(_TIMED_OUT))
    _start(work, delivery)
    _WAITING[0] += 1
    try:
        # Input waits (queued, not lost) so nothing re-enters the widget that asked.
        code = loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        dialog: QProgressDialog | None = None
        if code == _SHOW_DIALOG and not outcome:
            dialog = _waiting_dialog(parent)
            dialog.canceled.connect(lambda: loop.exit(_CANCELLED))
            loop.exec()  # the dialog is application-modal: only its Cancel takes input
    finally:
        _WAITING[0] -= 1
    dialog_timer.stop()
    bound.stop()
    if dialog is not None:
        from ui.kit.progress_run import close_handing_back

        close_handing_back(dialog)
    if outcome:
        return _noted(store, outcome[0])
    delivery.answered = True  # the worker may still answer, later: nobody listens then
    return _noted(store, (None, give_up(store)))


def _timer(ms: int, fire: Callable[[], None]) -> QTimer:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(fire)
    timer.start(ms)
    return timer


def _waiting_dialog(parent: QWidget | None) -> QProgressDialog:
    from PySide6.QtCore import Qt  # not at import: see SCROLL_BAR_ALWAYS_OFF in main_window

    dialog = QProgressDialog(_("Waiting for the database server…"), _("Cancel"), 0, 0, parent)
    dialog.setObjectName("waiting_for_server")
    dialog.setWindowTitle(_("Tälimger"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setMinimumDuration(0)
    dialog.show()
    return dialog
