"""Quality before and after internships (I-2) as rows: shared by its screen and its documents."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from app.core.spreadsheet.cells import Change
from app.internships.quality import Comparison, QualityInput
from i18n import format_change, format_number, translator

# The compared indicators, in the order of the columns.
FIELDS = ("overturned", "time_limits_kept_pct", "complaints")


def side_text(q: QualityInput | None, field: str, lang: str) -> str:
    """One indicator before or after, with the decimal comma; blank when that period has no
    figures.
    """
    return "" if q is None else format_number(getattr(q, field), lang)


def change_text(v: Decimal | None, lang: str) -> str:
    """A change with its sign ("+1,5"); blank when there is nothing to compare."""
    return "" if v is None else format_change(v, lang)


def indicator_labels(lang: str) -> tuple[str, str, str]:
    """Titles of the indicators of FIELDS."""
    tr_ = translator(lang)
    return tr_("Decisions overturned"), tr_("Time limits kept, %"), tr_("Complaints")


def quality_rows(
    items: Sequence[Comparison], lang: str, *, typed: bool = False
) -> tuple[list[str], list[list[Any]]]:
    """Header and rows per judge for the screen and XLSX/CSV; ``typed`` keeps the indicators
    numbers (for workbooks) instead of text (for the screen).
    """
    tr_ = translator(lang)
    header = [tr_("No."), tr_("Judge"), tr_("Court"), tr_("From"), tr_("To")]
    before, after, change = tr_("before"), tr_("after"), tr_("change")
    for label in indicator_labels(lang):
        header += [f"{label}: {before}", f"{label}: {after}", f"{label}: {change}"]
    body: list[list[Any]] = []
    for n, c in enumerate(items, start=1):
        row: list[Any] = [n, c.full_name, c.court_name(lang), c.starts_on, c.ends_on]
        for f in FIELDS:
            if typed:
                delta = c.change(f)
                row += [
                    None if c.before is None else getattr(c.before, f),
                    None if c.after is None else getattr(c.after, f),
                    None if delta is None else Change(delta),
                ]
            else:
                row += [
                    side_text(c.before, f, lang),
                    side_text(c.after, f, lang),
                    change_text(c.change(f), lang),
                ]
        body.append(row)
    return header, body
