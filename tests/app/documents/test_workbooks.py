"""Every catalogue workbook, kk and ru, on the demo: printable sheets of typed cells (issue 13)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.documents.catalogue import CATALOGUE
from app.documents.output import centre_name, produce, write
from tests.demo_store import demo_db

WORKBOOKS = [d.id for d in CATALOGUE if "xlsx" in d.formats]
NUMBER_AS_TEXT = re.compile(r"[+-]?\d+([.,]\d+)?%?")  # 12-digit IINs excepted below
DATE_AS_TEXT = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
ENGLISH_SHEET_NAMES = {"needs", "roster", "cpd", "forms", "sheet", "summary", "people"}


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(demo_db(template_db, tmp_path_factory), backup=False)
    yield store
    store.dispose()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("doc_id", WORKBOOKS)
def test_every_workbook_is_a_printable_document_of_typed_cells(
    demo: Store, tmp_path: Path, doc_id: str, lang: str
) -> None:
    out = tmp_path / f"{doc_id}.xlsx"
    with demo.read() as s:
        write(produce(s, local_actor(), doc_id, {}, fmt="xlsx", lang=lang), out)
        centre = centre_name(s, lang)
    wb = load_workbook(out)
    assert wb.properties.creator == centre
    for ws in wb.worksheets:
        assert ws.title.casefold() not in ENGLISH_SHEET_NAMES, doc_id
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.orientation in ("portrait", "landscape")
        assert ws.print_title_rows, doc_id
        header_row = int(ws.print_title_rows.split(":")[0].strip("$"))
        assert ws.freeze_panes == f"A{header_row + 1}", doc_id
        assert centre.replace("&", "&&") == ws.oddHeader.center.text
        assert "&P" in ws.oddFooter.center.text
        for row in ws.iter_rows(min_row=header_row + 1):
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                where = f"{doc_id} {ws.title}!{cell.coordinate} {value!r}"
                assert not value.startswith("'"), where
                is_iin = value.isdigit() and len(value) == 12
                assert is_iin or not NUMBER_AS_TEXT.fullmatch(value), where
                assert not DATE_AS_TEXT.fullmatch(value), where
    wb.close()
