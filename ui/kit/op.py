"""The one way a widget runs work on the store: Op (one transaction) and Query (one read)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

import shiboken6
from PySide6.QtWidgets import QWidget

from app.core.context import SYSTEM, Actor
from app.core.errors import DomainError, FieldError, PermissionDeniedError, ValidationError
from app.core.progress import CancelledError, Progress
from i18n.rule_ids import split_rules
from ui.kit.background import start_in_background
from ui.kit.messages import rules_tip, show_refusal, show_status, status_bar
from ui.kit.progress_run import run_with_progress
from ui.kit.server_wait import give_up, on_server, start_on_server, wait_for_server

if TYPE_CHECKING:  # SQLAlchemy stays off the start path until the window has painted
    from app.core.store import Session, Store

T = TypeVar("T")
Work = Callable[["Session", Actor, Progress], T]
__all__ = [
    "Op",
    "ProgressQuery",
    "Query",
    "Task",
    "Work",
    "rules_tip",
    "show_refusal",
    "show_status",
    "status_bar",
]


class StoreContext(Protocol):
    """What the runner needs: the store and the acting user (a page's UiContext has both)."""

    @property
    def store(self) -> Store: ...

    @property
    def actor(self) -> Actor: ...


class ShowsFieldErrors(Protocol):
    """A form or dialog that puts each field's reason beside the field."""

    def show_errors(self, errors: list[FieldError]) -> None: ...


class Op(Generic[T]):
    """One user action: ``Op(self, ctx, lambda s, actor, progress: service.do(s, actor, …))``.

    The runner owns everything around the work:

    - the transaction: ``store.write()`` (all or nothing), or ``store.read()`` with
      ``write=False`` / :class:`Query`;
    - the thread: plain ``run()`` works synchronously on the GUI thread (short work only: a
      save, a page of rows) on a local file; on a server (PostgreSQL) it works in a daemon
      thread while a local event loop keeps the window painting (no user input meanwhile), a
      "Waiting for the database server…" dialog with Cancel after a second, and the "does not
      answer" message after at most ten (``ui.kit.server_wait``). After
      ``.with_progress(title)`` it runs in a worker thread behind a modal progress dialog
      whose Cancel calls ``progress.cancel()`` — the work's next ``progress.step()`` raises
      CancelledError, the transaction rolls back and the status bar says calmly that nothing
      was changed. ``run()`` returns when the work is over either way (a local event loop
      keeps the window painting meanwhile);
    - a refusal (DomainError): a warning box parented to ``parent`` (the widget whose action it
      was) with the translated reason — opened, not exec'd, so nothing blocks; with
      ``.fields(form)`` a ValidationError goes to ``form.show_errors()`` instead, beside the
      fields;
    - success: ``.success(fn)`` gets the result; ``.success_message(text)`` shows the text (or
      ``text(result)``) in the main window's status bar;
    - anything else is a bug: forwarded to ``sys.excepthook`` (the application's handler).

    ``run()`` returns the work's result, or None when it was refused, cancelled or failed.
    Values the work needs from widgets must be read before ``run()`` (the work may run in
    another thread), which lambdas over local variables do naturally.
    """

    def __init__(
        self,
        parent: QWidget | None,
        ctx: StoreContext | None,
        work: Work[T],
        *,
        write: bool = True,
    ) -> None:
        self._parent = parent
        self._ctx = ctx
        self._work = work
        self._write = write
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[DomainError], None] | None = None
        self._message: str | Callable[[T], str] | None = None
        self._progress_title: str | None = None
        self._form: ShowsFieldErrors | None = None
        self._inline: Callable[[str], None] | None = None
        self._rules_to: Callable[[str], None] | None = None
        self._background = False
        self._on_finished: Callable[[], None] | None = None
        self._tell: Callable[[DomainError], None] | None = None

    # -- configuration (each returns the Op, so calls chain) --------------------------------
    def success(self, callback: Callable[[T], None]) -> Op[T]:
        """Call back with the result once the transaction is committed."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[DomainError], None]) -> Op[T]:
        """Call back after a refusal or cancel was shown (to put a control back, say)."""
        self._on_failure = callback
        return self

    def success_message(self, text: str | Callable[[T], str]) -> Op[T]:
        """Confirm in the status bar: a translated text, or one made from the result."""
        self._message = text
        return self

    def with_progress(self, title: str) -> Op[T]:
        """Run off the GUI thread behind a cancellable progress dialog with this title."""
        self._progress_title = title
        return self

    def in_background(self) -> Op[T]:
        """Run off the GUI thread with no dialog; ``run()`` returns None at once and the
        callbacks follow when the work ends (the caller shows its own quiet "loading" state).
        """
        self._background = True
        return self

    def finished(self, callback: Callable[[], None]) -> Op[T]:
        """Call back when the work is over, whatever the outcome (after the other callbacks)."""
        self._on_finished = callback
        return self

    def fields(self, form: ShowsFieldErrors) -> Op[T]:
        """Show a ValidationError beside the form's fields instead of in a box."""
        self._form = form
        return self

    def refusals_to(
        self, show: Callable[[str], None], rules_to: Callable[[str], None] | None = None
    ) -> Op[T]:
        """Show a refusal's reason with ``show`` (a label beside the action), not in a box.

        The reason is shown without its rule IDs (issue 11); they go to ``rules_to``, by
        default the tooltip of the label whose ``setText`` is ``show``.
        """
        self._inline = show
        owner = getattr(show, "__self__", None)
        self._rules_to = rules_to or (owner.setToolTip if isinstance(owner, QWidget) else None)
        return self

    def refusals_with(self, tell: Callable[[DomainError], None]) -> Op[T]:
        """Hand a refusal to ``tell`` instead of showing it (a model telling once for many)."""
        self._tell = tell
        return self

    # -- running ---------------------------------------------------------------------------
    def run(self) -> T | None:
        """Do the work; see the class docstring for what happens on each outcome."""
        server = on_server(self._ctx)
        if self._background:
            if server:
                assert self._ctx is not None
                start_on_server(self._ctx.store, self._call, self._ended)
            else:
                start_in_background(self._call, self._ended)
            return None
        if self._progress_title is not None:
            store = self._ctx.store if server and self._ctx is not None else None
            result, error = run_with_progress(
                self._parent,
                self._progress_title,
                self._call,
                when_stuck=None if store is None else lambda: give_up(store),
            )
        elif server:
            assert self._ctx is not None
            result, error = wait_for_server(self._parent, self._ctx.store, self._call)
            if self._parent is not None and not shiboken6.isValid(self._parent):
                return None  # the widget that asked went away meanwhile: nobody to tell
        else:
            try:
                result, error = self._call(Progress()), None
            except BaseException as exc:  # handed to _failed, which sorts refusals from bugs
                result, error = None, exc
        if error is not None:
            self._failed(error)
            return None
        self._succeeded(result)
        return cast(T, result)

    def _ended(self, result: Any, error: BaseException | None) -> None:
        if self._parent is not None and not shiboken6.isValid(self._parent):
            return  # the page was closed meanwhile: nobody to tell
        if error is not None:
            self._failed(error)
        else:
            self._succeeded(result)
        if self._on_finished is not None:
            self._on_finished()

    def _succeeded(self, result: T) -> None:
        if self._message is not None:
            text = self._message(result) if callable(self._message) else self._message
            show_status(self._parent, text)
        if self._on_success is not None:
            self._on_success(result)

    def _call(self, progress: Progress) -> T:
        if self._ctx is None:  # a Task: work on files, no session
            return self._work(None, SYSTEM, progress)  # type: ignore[arg-type]
        store, actor = self._ctx.store, self._ctx.actor
        try:
            if self._write:
                with store.write() as session:
                    return self._work(session, actor, progress)
            with store.read() as session:
                return self._work(session, actor, progress)
        except PermissionDeniedError as exc:
            # Issue 10: permission refusals are audited, in a transaction of their own.
            from app.core.audit import audit_refusal

            audit_refusal(store, actor, type(self._parent).__name__, exc.message_id)
            raise

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        if self._tell is not None:
            self._tell(exc)
        elif isinstance(exc, CancelledError):
            show_status(self._parent, exc.message())
        elif isinstance(exc, ValidationError) and self._form is not None:
            self._form.show_errors(exc.errors)
        elif self._inline is not None:
            plain, rules = split_rules(exc.message())
            self._inline(plain)
            if self._rules_to is not None:
                self._rules_to(rules_tip(rules))
        else:
            show_refusal(self._parent, exc)
        if self._on_failure is not None:
            self._on_failure(exc)


class Query(Op[T]):
    """A read: ``Query(self, ctx, lambda s: queries.page(s, …)).run()`` in ``store.read()``.

    The same runner as Op (refusals shown, bugs forwarded, ``.with_progress`` for long reads
    such as a big export or a batch of PDFs); the work takes the session only.
    """

    def __init__(
        self, parent: QWidget | None, ctx: StoreContext, work: Callable[[Session], T]
    ) -> None:
        super().__init__(parent, ctx, lambda s, _actor, _progress: work(s), write=False)


class ProgressQuery(Op[T]):
    """A long read that reports progress: the work takes the session and the Progress."""

    def __init__(
        self, parent: QWidget | None, ctx: StoreContext, work: Callable[[Session, Progress], T]
    ) -> None:
        super().__init__(parent, ctx, lambda s, _actor, progress: work(s, progress), write=False)


class Task(Op[T]):
    """Work that needs no session (a backup file, a restore): the same runner otherwise.

    ``Task(self, lambda progress: backup.back_up_store(store, kept)).run()``.
    """

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], T]) -> None:
        super().__init__(parent, None, lambda _s, _actor, progress: work(progress))
