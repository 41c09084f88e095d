"""Old home of the cell helpers: names kept for callers not yet moved to app.core.spreadsheet."""

from __future__ import annotations

from app.core.spreadsheet.cells import as_cell, neutralise

__all__ = ["as_cell", "neutralise"]
