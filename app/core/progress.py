"""The one progress/cancel type that long work reports through and stops by."""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.core.errors import DomainError
from i18n import N_


class CancelledError(DomainError):
    """The user cancelled long work; its transaction is rolled back, nothing was written."""

    def __init__(self) -> None:
        super().__init__(N_("Cancelled: nothing was changed."))


class Progress:
    """How far long work is, and whether the user asked it to stop.

    Work calls ``progress.step(done, total)`` now and then; once cancel() was called that raises
    CancelledError, so cancelling is one exception everywhere and the caller's transaction rolls
    back. ``Progress()`` with no listener is the silent default for headless callers.
    """

    def __init__(self, listener: Callable[[int, int], None] | None = None) -> None:
        self._listener = listener
        self._cancelled = threading.Event()  # set from the GUI thread, read from the worker

    def step(self, done: int, total: int) -> None:
        """Report progress; raise CancelledError when the user cancelled."""
        if self._listener is not None:
            self._listener(done, total)
        if self._cancelled.is_set():
            raise CancelledError

    def cancel(self) -> None:
        """Ask the work to stop at its next step (thread-safe)."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancelled.is_set()
