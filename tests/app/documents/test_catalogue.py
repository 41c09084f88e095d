"""Every catalogue document, in kk and ru, in each of its formats, rendered on demo data:
every PDF page carries the centre's name (header) and "page X of Y" (footer)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.documents.catalogue import CATALOGUE, find, for_page
from app.documents.output import centre_name, produce, write
from db.models import Person
from tests.demo_store import demo_db

FOOTER = {"kk": r"Бет (\d+) / (\d+)", "ru": r"Стр\. (\d+) из (\d+)"}
CASES = [(d.id, fmt) for d in CATALOGUE for fmt in d.formats]


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(demo_db(template_db, tmp_path_factory), backup=False)
    yield store
    store.dispose()


def _params(store: Store, doc_id: str) -> dict[str, object]:
    # A whole region's individual reports is a long batch; one person shows the form.
    if doc_id != "cpd-individual":
        return {}
    with store.read() as s:
        iin = s.scalars(select(Person.iin).order_by(Person.iin)).first()
    return {"person": (iin,)}


def test_the_catalogue_has_every_document_once() -> None:
    ids = [d.id for d in CATALOGUE]
    assert len(ids) == len(set(ids)) >= 16
    assert find("people-register").page == "people"
    for page in ("people", "mentoring", "internships", "evaluation", "cpd"):
        assert for_page(page), page
    for doc in CATALOGUE:
        assert doc.formats and (doc.pdf is not None) == ("pdf" in doc.formats)
        assert (doc.sheets is not None) == bool(set(doc.formats) & {"xlsx", "csv"})


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("doc_id", "fmt"), CASES)
def test_every_document_renders_with_the_same_header_and_footer(
    demo: Store, tmp_path: Path, doc_id: str, fmt: str, lang: str
) -> None:
    out = tmp_path / f"{doc_id}.{fmt}"
    with demo.read() as s:
        output = produce(s, local_actor(), doc_id, _params(demo, doc_id), fmt=fmt, lang=lang)
        centre = centre_name(s, lang)
    write(output, out)
    assert centre
    if fmt == "pdf":
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages]
        assert pages
        for text in pages:
            assert centre in " ".join(text.split()), doc_id
            found = re.search(FOOTER[lang], text)
            assert found is not None, doc_id
            assert 1 <= int(found[1]) <= int(found[2])
    elif fmt == "xlsx":
        ws = load_workbook(out).active
        assert ws.max_row >= 1 and any(ws.cell(1, c).value for c in range(1, ws.max_column + 1))
    else:
        with out.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=";"))
        assert rows and any(rows[0])


def test_no_feature_imports_the_documents() -> None:
    """Documents consume the features; a feature never reaches up into app.documents."""
    import ast

    root = Path(__file__).resolve().parents[3] / "app"
    above = {"documents", "cli", "__main__.py"}
    offenders = []
    for path in root.rglob("*.py"):
        if path.relative_to(root).parts[0] in above:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{path.name}: {n}" for n in names if n.startswith("app.documents")]
    assert offenders == []
