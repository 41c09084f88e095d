"""The one table document: title, subtitle, a grid whose header repeats on every page, notes."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.core.progress import Progress
from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.documents.layout import TAIL_GRID, column_widths
from i18n import format_date, format_number

# Narrow numeric columns carry long Kazakh words in their headings.
SMALL_HEAD = ParagraphStyle("cell_head_small", parent=styles.CELL_HEAD, fontSize=7.5, leading=9)
AUTO = "auto"  # numeric columns: the first, and every int or float cell


def cell_text(value: Any, lang: str) -> str:
    """A cell value as printed: dates in the document's language, None as empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, float | Decimal):
        return format_number(value, lang)  # a decimal comma in kk and ru, never "-0"
    return str(value)


class Cell(Paragraph):  # type: ignore[misc]  # ReportLab ships no types
    """A table cell's paragraph that breaks its lines once per width: the grid measures a row
    to fill the page and the table wraps it again to draw, the same text at the same width.
    """

    _wrapped: tuple[float, float, float] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == avail_width:
            return self._wrapped[1], self._wrapped[2]
        width, height = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, width, height)
        return width, height


class PagedGrid(Flowable):  # type: ignore[misc]
    """A bordered table laid out one page at a time, its header row on top of every page.

    Only the rows of the page being filled become paragraphs, so time grows with the number of
    rows and memory with one page (one ReportLab Table of 50,000 rows re-measures every row at
    each page break: quadratic time, gigabytes). Each page is a plain Table of its own rows.
    """

    def __init__(
        self,
        header: Callable[[], list[Flowable]],
        rows: Sequence[Any],
        cells: Callable[[Any], list[Flowable]],
        widths: Sequence[float],
        *,
        style: TableStyle = styles.GRID,
        progress: Progress | None = None,
        start: int = 0,
    ) -> None:
        super().__init__()
        self._header, self._rows, self._cells = header, rows, cells
        self._head: list[Flowable] | None = None  # one header row, drawn on every page
        self._widths, self._style, self._progress = list(widths), style, progress
        self._start = start
        self._measured: list[tuple[list[Flowable], float]] = []  # rows from start, with heights
        self._pads: tuple[list[float], float] | None = None  # per column, and top + bottom
        self._last: Table | None = None
        self.width, self.height = sum(self._widths), 0.0

    def _padding(self) -> tuple[list[float], float]:
        if self._pads is None:
            probe = Table([[""] * len(self._widths)], colWidths=self._widths, style=self._style)
            cell_styles = probe._cellStyles[0]
            horizontal = [s.leftPadding + s.rightPadding for s in cell_styles]
            self._pads = horizontal, cell_styles[0].topPadding + cell_styles[0].bottomPadding
        return self._pads

    def _row_height(self, cells: list[Flowable]) -> float:
        horizontal, vertical = self._padding()
        tallest = 0.0
        for cell, width, pad in zip(cells, self._widths, horizontal, strict=True):
            tallest = max(tallest, cell.wrap(width - pad, 1e9)[1])
        return tallest + vertical

    def _fit(self, avail_height: float) -> tuple[list[Flowable], int, float]:
        """The header and how many of the remaining rows fit a height, and their height."""
        if self._head is None:
            self._head = self._header()
        header = self._head
        used = self._row_height(header)
        count = 0
        while self._start + count < len(self._rows):
            if count == len(self._measured):
                cells = self._cells(self._rows[self._start + count])
                self._measured.append((cells, self._row_height(cells)))
            height = self._measured[count][1]
            if used + height > avail_height:
                break
            used += height
            count += 1
        return header, count, used

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        header, count, used = self._fit(avail_height)
        if self._start + count == len(self._rows):
            self._last = self._page(header, count)
            self.height = used
        else:  # taller than the room, so the frame asks split() for one page's part
            self.height = avail_height + 1
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        header, count, _used = self._fit(avail_height)
        if count == 0:
            return []  # not even one row fits under the header: a new page
        end = self._start + count
        if self._progress is not None:
            self._progress.step(end, len(self._rows))  # raises CancelledError once cancelled
        page = self._page(header, count)
        rest = PagedGrid(
            self._header,
            self._rows,
            self._cells,
            self._widths,
            style=self._style,
            progress=self._progress,
            start=end,
        )
        rest._measured, rest._pads, rest._head = self._measured[count:], self._pads, self._head
        self._measured = []
        return [page, rest] if end < len(self._rows) else [page]

    def _page(self, header: list[Flowable], count: int) -> Table:
        data = [header, *(cells for cells, _h in self._measured[:count])]
        return Table(data, colWidths=self._widths, style=self._style)

    def draw(self) -> None:
        # Reached only when every remaining row fits: wrap() said so and kept that last page.
        assert self._last is not None
        self._last.wrapOn(self.canv, self.width, self.height)
        self._last.drawOn(self.canv, 0, 0)
        if self._progress is not None:
            self._progress.step(len(self._rows), len(self._rows))


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    lang: str,
    numeric: Collection[int] | str = (0,),
    head_style: ParagraphStyle = styles.CELL_HEAD,
    progress: Progress | None = None,
) -> Flowable:
    """A bordered table of paragraphs, its header row repeated on every page."""
    return PagedGrid(*_parts(header, rows, widths, lang, numeric, head_style), progress=progress)


def _parts(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    lang: str,
    numeric: Collection[int] | str,
    head_style: ParagraphStyle,
) -> tuple[
    Callable[[], list[Flowable]],
    Sequence[Sequence[Any]],
    Callable[[Sequence[Any]], list[Flowable]],
    list[float],
]:
    """The grid's header maker, rows, row maker and widths measured from the content."""
    texts = [[cell_text(v, lang) for v in row] for row in rows]
    measured = column_widths(header, texts, widths, head_style=head_style)

    def head() -> list[Flowable]:
        return [Cell(escape(h), head_style) for h in header]

    def cells(row: Sequence[Any]) -> list[Flowable]:
        out = []
        for i, v in enumerate(row):
            if numeric == AUTO:
                right = i == 0 or (isinstance(v, int | float) and not isinstance(v, bool))
            else:
                right = i in numeric
            out.append(Cell(escape(cell_text(v, lang)), styles.CELL_NUM if right else styles.CELL))
        return out

    return head, rows, cells, measured


def table_document(
    *,
    title: str,
    subtitle: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    lang: str,
    centre_name: str,
    today: date,
    total: str = "",
    notes: Sequence[str] = (),
    numeric: Collection[int] | str = (0,),
    head_style: ParagraphStyle = styles.CELL_HEAD,
    landscape: bool = True,
    subtitle_markup: bool = False,
    before: Sequence[Flowable] = (),
    empty: str = "",
    progress: Progress | None = None,
) -> bytes:
    """A whole document that is one table: landscape A4 unless told otherwise; `before` goes
    above the title (an approval block); `empty`, when given, stands instead of a table of no rows.
    """
    story: list[Flowable] = [
        *before,
        Paragraph(escape(title), styles.TITLE),
        Paragraph(subtitle if subtitle_markup else escape(subtitle), styles.SUBTITLE),
    ]
    closing: list[Flowable] = [Paragraph(escape(total), styles.BODY)] if total else []
    closing += [Paragraph(escape(n), styles.SMALL) for n in notes]
    if closing:
        # Room above the total and notes only: a lone spacer could push a blank last page.
        closing.insert(0, Spacer(1, 4 * mm))
    head, _rows, cells, measured = _parts(header, rows, widths, lang, numeric, head_style)
    keep = 2 if len(closing) > 1 and len(rows) > 2 else 0
    if not rows and empty:
        story.append(Paragraph(escape(empty), styles.BODY))
    else:
        story.append(PagedGrid(head, rows[: len(rows) - keep], cells, measured, progress=progress))
    if keep:
        # The total and the notes take the last rows with them: never alone on a last page.
        tail = Table([cells(r) for r in rows[-keep:]], colWidths=measured, style=TAIL_GRID)
        story.append(KeepTogether([tail, *closing]))
    else:
        story += closing
    info = DocumentInfo(
        title=title, lang=lang, centre_name=centre_name, landscape=landscape, printed_on=today
    )
    return render(info, story)


def mm_widths(*values: float) -> list[float]:
    """Column widths given in millimetres."""
    return [v * mm for v in values]
