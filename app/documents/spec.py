"""What a catalogue entry is: id, title, page, typed parameters, gather step and renderers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress

Params = Mapping[str, Any]
# (value, name in Kazakh, name in Russian): what a "ref" parameter may be set to.
Option = tuple[str, str, str]

YEAR, TEXT, FLAG, CHOICE, REF, PEOPLE = "year", "text", "flag", "choice", "ref", "people"


@dataclass(frozen=True)
class Param:
    """One typed parameter of a document: a CLI option and a field of the Reports page."""

    name: str
    kind: str
    label: str  # N_ catalog id
    default: Any = ""  # a value, or a function of today's date
    required: bool = False  # the CLI must be given it (the Reports page picks an option)
    choices: tuple[tuple[str, str], ...] = ()  # CHOICE: (value, N_ label)
    options: Callable[[Session, Actor, Params], list[Option]] | None = None  # REF: from the store
    blank: bool = True  # REF: the Reports page also offers "any" (value "")
    help: str = ""  # CLI help, English like the rest of the command line

    def default_on(self, today: date) -> Any:
        """The default value as of a date."""
        return self.default(today) if callable(self.default) else self.default


@dataclass(frozen=True)
class Letterhead:
    """What every page shows around the content: the centre (header), printed date (footer)."""

    lang: str
    centre_name: str
    printed_on: date
    # Long tables report each page laid out; step() raises CancelledError once cancelled.
    progress: Progress | None = None


@dataclass(frozen=True)
class Sheet:
    """One spreadsheet table: its name, column titles and rows."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    header_row: int = 1  # the row of the column titles when lines come above them


@dataclass(frozen=True)
class Document:
    """A printable document of the catalogue."""

    id: str  # the CLI name, e.g. "people-register"
    title: str  # N_ catalog id
    description: str  # N_ catalog id, shown on the Reports page
    page: str  # key of the main window's page it belongs to
    params: tuple[Param, ...]
    # (session, actor, params with defaults filled in, today, progress) -> data to render
    gather: Callable[[Session, Actor, Params, date, Progress], Any]
    pdf: Callable[[Any, Letterhead], bytes] | None = None
    sheets: Callable[[Any, str], list[Sheet]] | None = None  # data, lang -> tables
    formats: tuple[str, ...] = ("pdf", "xlsx", "csv")  # the first is the default
    stem: Callable[[Params], str] | None = None  # file name without suffix
    count: Callable[[Any], int] | None = None  # how many lines the document holds
    done: str = ""  # N_ message once written: {path}, {count}
    notes: Callable[[Any], list[str]] = field(default=lambda _data: [])  # N_ ids for stderr

    def file_name(self, params: Params, fmt: str) -> str:
        """A sensible default file name."""
        if self.stem is not None:
            return f"{self.stem(params)}.{fmt}"
        year = params.get("year")
        return f"{self.id}-{year}.{fmt}" if year else f"{self.id}.{fmt}"

    def param(self, name: str) -> Param:
        """A parameter by name."""
        return next(p for p in self.params if p.name == name)
