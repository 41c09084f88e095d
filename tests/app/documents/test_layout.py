"""Column widths measured from the content: every word and row number fits its column whole."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents import styles
from app.documents.layout import PADDING, column_widths
from app.documents.table_pdf import table_document


def test_the_row_number_column_fits_the_longest_number() -> None:
    rows = [[str(n), "Әбілқайырова Гүлнұр"] for n in range(1, 50_001)]
    widths = column_widths(["№", "Тегі, аты"], rows, [8 * mm, 100 * mm])
    assert widths[0] >= stringWidth("50000", styles.CELL.fontName, styles.CELL.fontSize) + PADDING
    assert abs(sum(widths) - 108 * mm) < 0.01  # the table keeps its width


def test_a_long_heading_word_widens_its_column_from_a_roomy_one() -> None:
    head = ["Жоспарланған", "Тұлғалар", "Сипаттама"]
    widths = column_widths(head, [["1", "2", "қысқа"]], [10 * mm, 10 * mm, 150 * mm])
    for title, width in zip(head[:2], widths, strict=False):
        need = stringWidth(title, styles.CELL_HEAD.fontName, styles.CELL_HEAD.fontSize)
        assert width >= need + PADDING
    assert abs(sum(widths) - 170 * mm) < 0.01


def test_a_printed_table_keeps_every_word_whole() -> None:
    words = ["Запланировано", "Выполнено", "Освобожденных", "Тұлғалар", "Жоспарланған"]
    pdf = table_document(
        title="Кесте",
        subtitle="",
        header=words,
        rows=[[w, w, w, w, w] for w in words],
        widths=[12 * mm] * 4 + [200 * mm],
        lang="kk",
        centre_name="Оқу орталығы",
        today=date(2026, 11, 20),
    )
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split()
    for word in words:
        assert text.count(word) == 6, word  # heading and five cells, none cut in two
