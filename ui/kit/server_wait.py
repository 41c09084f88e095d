"""Work on a database server: in a daemon thread, bounded in time, never freezing the window."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QWidget

from app.core.progress import Progress
from i18n import _

if TYPE_CHECKING:
    from app.core.store import Store

Done = Callable[[Any, BaseException | None], None]
# The wait dialog comes after a second (a normal read is over long before). After
# GIVE_UP_AFTER_MS the server is asked, on a fresh connection, whether it answers at all:
# a live server busy with a long query is waited for again (the dialog offers Cancel), a
# silent one is given up on — so a hung server's message is on the screen within ten seconds.
DIALOG_AFTER_MS = 1000
GIVE_UP_AFTER_MS = 5000
# A fresh connection to a loaded server may take seconds: the question gets four, which
# still puts a silent server's message on the screen after nine.
PROBE_TIMEOUT_S = 3
PROBE_BOUND_MS = 4000
_ANSWERED, _SHOW_DIALOG, _TIMED_OUT, _CANCELLED = range(4)
# After a wait found the server lost, the waits that follow at once (the rest of a page being
# built) are told so without trying again: one wait, one message, not one per read. The
# next action after this is tried afresh (the connections were closed: it reconnects). Work
# in the background (a page of a list, the start page) does not count: it may end at any
# moment, e.g. just as the server answers again.
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
    # As app.core.connection.on_server, without importing it (and its imports) at start-up.
    return bool(ctx.store.engine.dialect.name != "sqlite")


def give_up(store: Store, waited_s: float = GIVE_UP_AFTER_MS / 1000) -> BaseException:
    """Cut the server's connections; the one translated "does not answer" error."""
    from app.core.connection import give_up as cut

    return cut(store, waited_s)


def _noted(store: Store, outcome: tuple[Any, BaseException | None]) -> tuple[Any, Any]:
    """The outcome, remembering when it says the server is lost."""
    from app.core.store import SERVER_LOST

    if getattr(outcome[1], "message_id", None) == SERVER_LOST:
        _LOST_AT[id(store.engine)] = time.monotonic()
    return outcome


def lately_lost(store: Store) -> BaseException | None:
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
        # Owned by the application, not by Python: the worker may drop the last Python
        # reference, and a Qt object deleted in a worker thread aborts the program; the
        # application's ownership leaves its deletion to deleteLater(), in the GUI thread.
        super().__init__(QCoreApplication.instance())
        self.answered = False
        self._done: Done | None = done
        self.arrived.connect(self._on_arrived)

    @Slot(object, object)
    def _on_arrived(self, result: Any, error: BaseException | None) -> None:
        # What the callback holds (an event loop, widgets) is let go here, in the GUI thread.
        _HELD.discard(self)
        done, self._done = self._done, None
        self.deleteLater()
        if not self.answered and done is not None:  # else the caller gave up on it already
            self.answered = True
            done(result, error)


# Held until their worker ends (a late answer must find its receiver alive).
_HELD: set[_Delivery] = set()


def answers_pending() -> int:
    """How many server workers have not answered yet: a store must not be closed under one
    (its connection would be checked back into a pool already disposed, and left open).
    """
    return len(_HELD)


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


class _Watch(QObject):
    """Asks the server whether it answers once GIVE_UP_AFTER_MS passed, and again every
    GIVE_UP_AFTER_MS while it does; ``on_silent()`` when it does not.
    """

    def __init__(self, store: Store, on_silent: Callable[[], None]) -> None:
        super().__init__()
        self._store = store
        self._on_silent = on_silent
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._ask)
        self._timer.start(GIVE_UP_AFTER_MS)

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()

    def _ask(self) -> None:
        from app.core.connection import answers

        store = self._store
        probe = _Delivery(lambda alive, _error: self._answered(alive is True))
        QTimer.singleShot(PROBE_BOUND_MS, probe, lambda: self._probe_timed_out(probe))
        _start(lambda _progress: answers(store, PROBE_TIMEOUT_S), probe)

    def _probe_timed_out(self, probe: _Delivery) -> None:
        if not probe.answered:
            probe.answered = True
            self._answered(False)

    def _answered(self, alive: bool) -> None:
        if self._stopped:
            return
        if alive:
            self._timer.start(GIVE_UP_AFTER_MS)
        else:
            self._stopped = True
            self._on_silent()


def start_on_server(store: Store, work: Callable[[Progress], Any], done: Done) -> None:
    """Start work in a daemon thread and return at once; ``done(result, error)`` follows in
    the GUI thread, with the "does not answer" error when the server is silent too long.
    """
    lost = lately_lost(store)
    if lost is not None:
        QTimer.singleShot(0, lambda: done(None, lost))
        return

    started = time.monotonic()

    def time_out() -> None:
        if not delivery.answered:
            delivery.answered = True
            done(None, give_up(store, time.monotonic() - started))

    def ended(result: Any, error: BaseException | None) -> None:
        watch.stop()
        done(result, error)

    delivery = _Delivery(ended)
    watch = _Watch(store, time_out)
    watch.setParent(delivery)
    _start(work, delivery)


def wait_for_server(
    parent: QWidget | None, store: Store, work: Callable[[Progress], Any]
) -> tuple[Any, BaseException | None]:
    """Run work in a daemon thread and wait for it in a local event loop (the window paints,
    timers run, no user input is taken); after a second a modal "Waiting…" dialog offers
    Cancel; Cancel, or a server that no longer answers (_Watch), give the "does not answer"
    error and cut the server's connections.
    """
    lost = lately_lost(store)
    if lost is not None:
        return None, lost
    if not _window_shown(parent):
        return _wait_blocking(store, work)
    loop = QEventLoop()
    outcome: list[tuple[Any, BaseException | None]] = []

    def answered(result: Any, error: BaseException | None) -> None:
        outcome.append((result, error))
        loop.exit(_ANSWERED)

    delivery = _Delivery(answered)
    dialog_timer = _timer(DIALOG_AFTER_MS, lambda: loop.exit(_SHOW_DIALOG))
    watch = _Watch(store, lambda: loop.exit(_TIMED_OUT))
    started = time.monotonic()
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
    watch.stop()
    if dialog is not None:
        from ui.kit.progress_run import close_handing_back

        close_handing_back(dialog)
    if outcome:
        return _noted(store, outcome[0])
    delivery.answered = True  # the worker may still answer, later: nobody listens then
    return _noted(store, (None, give_up(store, time.monotonic() - started)))


def _window_shown(parent: QWidget | None) -> bool:
    """Whether a window is on the screen to keep painting (a page being built counts: its main
    window is shown). Not when the asking widget is gone or every window is closed — a
    language change reaching widgets of a closed window, say: a nested event loop there could
    run the deferred deletion of the very widget that asked.
    """
    if parent is not None and not shiboken6.isValid(parent):
        return False
    return any(w.isVisible() and isinstance(w, QMainWindow) for w in QApplication.topLevelWidgets())


def _wait_blocking(store: Store, work: Callable[[Progress], Any]) -> tuple[Any, Any]:
    """Wait without an event loop, bounded as the loop is (nothing on the screen to paint)."""
    outcome: list[tuple[Any, BaseException | None]] = []
    finished = threading.Event()

    def target() -> None:
        try:
            outcome.append((work(Progress()), None))
        except BaseException as exc:  # handed to the caller, sorted there
            outcome.append((None, exc))
        finished.set()

    started = time.monotonic()
    threading.Thread(target=target, name="talimger-server", daemon=True).start()
    if finished.wait((GIVE_UP_AFTER_MS + PROBE_BOUND_MS) / 1000):
        return _noted(store, outcome[0])
    return _noted(store, (None, give_up(store, time.monotonic() - started)))


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
