"""Old runner, kept only until ui/mentoring, internships, evaluation use ui.kit.op (then delete)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import DomainError, ValidationError
from app.core.store import Session, Store
from i18n import _

T = TypeVar("T")


def show_error(parent: QWidget | None, exc: DomainError) -> None:
    """A calm message box with the translated reason."""
    QMessageBox.warning(
        parent, _("Not saved") if isinstance(exc, ValidationError) else _("Tälimger"), exc.message()
    )


def run_write(
    parent: QWidget | None,
    store: Store,
    action: Callable[[Session], T],
    *,
    reraise_validation: bool = False,
) -> T | None:
    """Run an action in one transaction; on a domain error show it and return None.

    With reraise_validation the caller (a form) shows field errors beside the fields itself.
    """
    try:
        with store.write() as session:
            return action(session)
    except ValidationError as exc:
        if reraise_validation:
            raise
        show_error(parent, exc)
    except DomainError as exc:
        show_error(parent, exc)
    return None


def run_read(parent: QWidget | None, store: Store, query: Callable[[Session], T]) -> T | None:
    """Run a query in a read session; on a domain error show it and return None."""
    try:
        with store.read() as session:
            return query(session)
    except DomainError as exc:
        show_error(parent, exc)
        return None
