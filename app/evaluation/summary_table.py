"""The summary table by criterion (E-3) as rows: shared by its screen and its documents."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from app.core.spreadsheet.cells import Change
from app.evaluation.summary import SummaryRow, SummaryTable
from i18n import format_change, format_number, localized, translator


def value_text(v: Decimal | None, lang: str) -> str:
    """A mean or a total as printed ("3,5": the decimal comma, one decimal like the PDF);
    blank when nothing was rated.
    """
    return "" if v is None else format_number(v, lang, decimals=1)


def change_text(v: Decimal | None, lang: str) -> str:
    """A change from the previous period with its sign ("+0,5"); blank when there is nothing
    to compare.
    """
    return "" if v is None else format_change(v, lang, decimals=1)


def grouped(table: SummaryTable) -> list[tuple[str, int, SummaryRow]]:
    """Judges court by court, each court followed by its average row."""
    averages = {r.court_id: r for r in table.courts}
    out: list[tuple[str, int, SummaryRow]] = []
    for n, r in enumerate(table.judges, start=1):
        out.append(("judge", n, r))
        following = table.judges[n] if n < len(table.judges) else None
        if following is None or following.court_id != r.court_id:
            out.append(("court", 0, averages[r.court_id]))
    return out


def summary_rows(
    table: SummaryTable, lang: str, *, typed: bool = False
) -> tuple[list[str], list[list[Any]]]:
    """Header and rows for the screen and XLSX/CSV: a value and a change column per criterion;
    ``typed`` keeps values and changes numbers (for workbooks) instead of text (for the screen).
    """
    tr_ = translator(lang)
    header = [tr_("No."), tr_("Judge"), tr_("Court")]
    for c in table.criteria:
        title = localized(c.title_kk, c.title_ru, lang)
        header += [title, tr_("{criterion}: change").format(criterion=title)]
    header += [tr_("Total"), tr_("Total: change"), tr_("Acquainted on")]

    # A national table repeats a few hundred rounded means in half a million cells: each is
    # worded once (Babel's formatting of every cell took most of the time).
    texts: dict[Decimal | None, str] = {}
    changes: dict[Decimal | None, str] = {}

    def value_once(v: Decimal | None) -> str:
        found = texts.get(v)
        if found is None:
            found = texts[v] = value_text(v, lang)
        return found

    def change_once(c: Decimal | None) -> str:
        found = changes.get(c)
        if found is None:
            found = changes[c] = change_text(c, lang)
        return found

    value: Callable[[Decimal | None], Any] = (lambda v: v) if typed else value_once
    change: Callable[[Decimal | None], Any] = (
        (lambda c: None if c is None else Change(c)) if typed else change_once
    )

    def line(n: int | str, name: str, r: SummaryRow) -> list[Any]:
        out: list[Any] = [n, name, r.court_name(lang)]
        for v, c in zip(r.values, r.changes, strict=True):
            out += [value(v), change(c)]
        return [*out, value(r.total), change(r.total_change), r.acknowledged_on or ""]

    body: list[list[Any]] = []
    for kind, n, r in grouped(table):
        body.append(line(n, r.name, r) if kind == "judge" else line("", tr_("Court average"), r))
    return header, body
