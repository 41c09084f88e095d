"""DomainError family: messages are catalog ids with named placeholders, translated when shown."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from i18n import _


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field: a catalog id and its placeholder values."""

    field: str
    message_id: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    def message(self) -> str:
        """The message in the active language."""
        return _(self.message_id).format(**self.params)


class DomainError(Exception):
    """An error the user can understand and act on."""

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params

    def message(self) -> str:
        """The message in the active language."""
        return _(self.message_id).format(**self.params)

    def __str__(self) -> str:
        return self.message()


class ValidationError(DomainError):
    """One or more fields are invalid; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("Please correct the highlighted fields.")
        self.errors = errors

    def for_field(self, name: str) -> list[FieldError]:
        """Errors of one field."""
        return [e for e in self.errors if e.field == name]

    def message(self) -> str:
        """All field messages, one per line."""
        return "\n".join(e.message() for e in self.errors)


class NotFoundError(DomainError):
    """The record no longer exists (deleted elsewhere)."""


class ConflictError(DomainError):
    """Someone else saved the record first; the user must reload."""


class PermissionDeniedError(DomainError):
    """The current user may not do this."""


class StoreError(DomainError):
    """The database cannot be used: damaged, foreign, read-only or full."""

    # The driver's own (English, technical) text, shown behind "Show details" in the window.
    details: str = ""
