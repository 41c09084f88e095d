"""Long table documents: laid out page by page, header on every page, linear work, cancellable."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from app.core.progress import CancelledError, Progress
from app.documents.table_pdf import mm_widths, table_document

HEADER = ["No.", "Full name", "Court", "Points"]
WIDTHS = mm_widths(14, 90, 120, 30)


def _rows(count: int) -> list[list[object]]:
    # Every 7th court name wraps onto two lines, so rows differ in height.
    return [
        [
            str(n),
            f"Әбілов Серік {n}",
            "Ақмола облыстық соты" + (" азаматтық істер алқасы" * 3 if n % 7 == 0 else ""),
            n % 13,
        ]
        for n in range(1, count + 1)
    ]


def _pdf(count: int, progress: Progress | None = None) -> bytes:
    return table_document(
        title="Тізілім",
        subtitle="2026",
        header=HEADER,
        rows=_rows(count),
        widths=WIDTHS,
        lang="kk",
        centre_name="Оқу орталығы",
        today=date(2026, 11, 30),
        progress=progress,
    )


def test_every_page_has_the_header_and_every_row_appears_once_in_order() -> None:
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(_pdf(700))).pages]
    assert len(pages) > 10
    numbers: list[int] = []
    for text in pages:
        assert "Full name" in text and "Points" in text  # the header row, on top of each page
        numbers += [int(m) for m in re.findall(r"Әбілов Серік (\d+)\n", text)]
    assert numbers == list(range(1, 701))


def test_pages_are_full_not_one_table_per_chunk() -> None:
    # A page-sized table per page: no page but the last is left half empty, no header mid-page.
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(_pdf(700))).pages]
    per_page = [len(re.findall(r"Әбілов Серік \d+\n", t)) for t in pages[1:-1]]
    assert min(per_page) >= 0.9 * max(per_page)
    assert all(t.count("Full name") == 1 for t in pages)


def test_each_cell_is_broken_into_lines_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One Table of all rows re-measures the rest at every page break (quadratic); the paged grid
    # breaks each cell's lines once to fill the page (the table's own wrap and draw reuse it).
    calls = [0]
    original = Paragraph.breakLines

    def counting(self: Paragraph, widths: list[float]) -> object:
        calls[0] += 1
        return original(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    counts = {}
    for rows in (200, 800):
        calls[0] = 0
        _pdf(rows)
        counts[rows] = calls[0]
    cells = len(HEADER)
    assert counts[800] <= 800 * cells + 40
    assert counts[800] - counts[200] <= 600 * cells + 10  # linear in the rows


def test_progress_is_reported_per_page_up_to_the_total() -> None:
    seen: list[tuple[int, int]] = []
    _pdf(300, Progress(lambda done, total: seen.append((done, total))))
    assert len(seen) > 3
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert seen[-1] == (300, 300)


def test_cancel_stops_the_layout() -> None:
    steps: list[int] = []

    def listener(done: int, _total: int) -> None:
        steps.append(done)
        if len(steps) == 2:
            progress.cancel()  # as the progress dialog's Cancel button does

    progress = Progress(listener)
    with pytest.raises(CancelledError):
        _pdf(2000, progress)
    assert len(steps) == 2


def test_a_table_of_no_rows_says_so_instead_when_told() -> None:
    def text(empty: str) -> str:
        pdf = table_document(
            title="Кесте",
            subtitle="",
            header=HEADER,
            rows=[],
            widths=WIDTHS,
            lang="kk",
            centre_name="",
            today=date(2026, 3, 2),
            empty=empty,
        )
        return " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)

    assert "Жоқ." in text("Жоқ.") and "Full name" not in text("Жоқ.")
    assert "Full name" in text("")  # untold, the header row of an empty table is printed
