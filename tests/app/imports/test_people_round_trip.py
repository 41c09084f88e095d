"""The people register's export imports back unchanged: XLSX and CSV, kk and ru (issue 15, 10)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.documents.output import produce, write
from app.people.importer import apply_people, preview_file
from tests.app.imports.resave import resave
from tests.demo_store import demo_copy

_DMY = re.compile(r"^(\d{2})\.(\d{2})\.(\d{2})(\d{2})$")


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A private copy of the demo store: the round trip must also write nothing."""
    target = tmp_path_factory.mktemp("round-trip") / "demo.db"
    store = open_store(demo_copy(template_db, tmp_path_factory, target), backup=False)
    yield store
    store.dispose()


def _resave(path: Path, via: str) -> Path:
    """Save the file again as a spreadsheet program would: LibreOffice headless ("office",
    skipped where it is not installed); or openpyxl / the csv module, with IINs turned into
    numbers (leading zeros lost) and CSV dates written with two-digit years."""
    out = path.with_name("resaved-" + path.name)
    if via == "office":
        return resave(path, via)
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        for row in wb.worksheets[0].iter_rows(min_row=2):
            value = row[0].value
            if isinstance(value, str) and value.isdigit():
                row[0].value = int(value)
        wb.save(out)
        wb.close()
        return out
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    for row in rows[1:]:
        row[0] = str(int(row[0]))
        row[:] = [_DMY.sub(r"\1.\2.\4", cell) for cell in row]
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";", quoting=csv.QUOTE_ALL).writerows(rows)
    return out


@pytest.mark.parametrize("via", ["python", "office"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_people_register_imports_back_with_zero_changes(
    demo: Store, tmp_path: Path, lang: str, fmt: str, via: str
) -> None:
    actor = local_actor()
    path = tmp_path / f"people-{lang}.{fmt}"
    with demo.read() as s:
        write(produce(s, actor, "people-register", {}, lang=lang, fmt=fmt), path)
    resaved = _resave(path, via)
    with demo.read() as s:
        preview = preview_file(s, actor, resaved)
    assert len(preview.rows) > 50
    assert preview.unknown_columns == ()
    odd = [(r.line, r.action, r.errors, r.changes) for r in preview.rows if r.action != "same"]
    assert odd == []
    with demo.write() as s:
        assert apply_people(s, actor, preview) == {"new": 0, "update": 0, "skipped": 0}
