"""Archival PDFs (issue 13): every catalogue PDF names its title, author (the centre), subject
and language and references embedded fonts only; a signed protocol is PDF/A-2b."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from sqlalchemy import select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.documents.catalogue import CATALOGUE
from app.documents.output import centre_name, produce
from app.documents.protocol import build_protocol
from app.mentoring.signing import code_of
from db.models import Person
from tests.app.mentoring.test_verification_properties import _content
from tests.demo_store import demo_db

PDF_DOCUMENTS = [d.id for d in CATALOGUE if "pdf" in d.formats]


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(demo_db(template_db, tmp_path_factory), backup=False)
    yield store
    store.dispose()


def _fonts(reader: PdfReader) -> Iterator[DictionaryObject]:
    """Every font a page's resources (or a form's) name, descendants of composite ones too."""
    for page in reader.pages:
        resources = page.get("/Resources")
        stack = [resources.get_object()] if resources is not None else []
        while stack:
            res = stack.pop()
            for ref in (res.get("/Font") or {}).values():
                font = ref.get_object()
                yield font
                for child in font.get("/DescendantFonts") or ():
                    yield child.get_object()
            for xobj in (res.get("/XObject") or {}).values():
                inner = xobj.get_object().get("/Resources")
                if inner is not None:
                    stack.append(inner.get_object())


def _embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        return True  # its descendant is checked on its own
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _check_archival_basics(reader: PdfReader, *, lang: str, author: str) -> None:
    meta = reader.metadata
    assert meta is not None
    assert meta.title and meta.title != "untitled"
    assert meta.author == author and author != "anonymous"
    assert meta.subject and meta.subject != "unspecified"
    assert reader.trailer["/Root"]["/Lang"] == lang
    fonts = list(_fonts(reader))
    assert fonts
    for font in fonts:
        assert "Helvetica" not in str(font.get("/BaseFont")), font
        assert _embedded(font), font


def _params(store: Store, doc_id: str) -> dict[str, object]:
    if doc_id != "cpd-individual":
        return {}
    with store.read() as s:
        return {"person": (s.scalars(select(Person.iin).order_by(Person.iin)).first(),)}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("doc_id", PDF_DOCUMENTS)
def test_every_catalogue_pdf_has_metadata_and_only_embedded_fonts(
    demo: Store, doc_id: str, lang: str
) -> None:
    with demo.read() as s:
        output = produce(s, local_actor(), doc_id, _params(demo, doc_id), fmt="pdf", lang=lang)
        centre = centre_name(s, lang)
    assert output.pdf is not None
    _check_archival_basics(PdfReader(io.BytesIO(output.pdf)), lang=lang, author=centre)


def _xmp_text(reader: PdfReader) -> str:
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in stream  # PDF/A: the metadata stream is not filtered
    return stream.get_data().decode("utf-8")


def _check_streams_and_xref(data: bytes) -> None:
    """Each stream's data ends where its Length says, then an EOL and `endstream` (ISO 19005-2,
    6.1.7.1); every cross-reference entry points at its object.
    """
    streams = list(re.finditer(rb"/Length (\d+)\b[^>]*>>\nstream\n", data))
    assert streams
    for found in streams:
        end = found.end() + int(found[1])
        assert data[end : end + 10] == b"\nendstream", found[0]
    start = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    lines = data[start:].split(b"\n")
    assert lines[0] == b"xref"
    first, count = (int(v) for v in lines[1].split())
    for number, row in enumerate(lines[2 : 2 + count], start=first):
        if row[17:18] == b"n":
            offset = int(row[:10])
            assert data[offset:].startswith(b"%d 0 obj" % number), number


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_signed_protocol_is_pdf_a_2b(lang: str) -> None:
    content = _content("Бағдарлама мақсаттарына қол жеткізілді", "Көкшетау")
    content["centre_kk"], content["centre_ru"] = "Ақмола оқу орталығы", "Акмолинский учебный центр"
    code = code_of(content)
    data = build_protocol(content, lang=lang, code=code, printed_on=date(2027, 1, 21))
    assert data.startswith(b"%PDF-1.4\n%\x93\x8c\x8b\x9e")  # binary comment on line 2
    _check_streams_and_xref(data)
    reader = PdfReader(io.BytesIO(data))
    assert not reader.is_encrypted and "/ID" in reader.trailer
    centre = content[f"centre_{lang}"]
    _check_archival_basics(reader, lang=lang, author=centre)
    xmp = _xmp_text(reader)
    assert xmp.startswith('<?xpacket begin="\ufeff"') and xmp.endswith('<?xpacket end="w"?>')
    assert (
        "<pdfaid:part>2</pdfaid:part>" in xmp
        and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    )
    # The XMP repeats the information dictionary (PDF/A-2, 6.6.3), dates to the second.
    meta = reader.metadata
    assert meta is not None
    parsed = reader.xmp_metadata
    assert parsed is not None
    assert parsed.dc_title == {"x-default": meta.title}
    assert parsed.dc_creator == [meta.author]
    assert parsed.dc_description == {"x-default": meta.subject}
    assert parsed.pdf_producer == meta.producer and parsed.xmp_creator_tool == meta.creator
    assert parsed.xmp_create_date.replace(tzinfo=None) == meta.creation_date.replace(tzinfo=None)
    assert re.search(r"<xmp:CreateDate>2027-01-21T00:00:00\+00:00</xmp:CreateDate>", xmp)
    assert code in meta.subject
    (intent,) = reader.trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1" and intent["/OutputConditionIdentifier"]
    profile = intent["/DestOutputProfile"].get_object()
    icc = profile.get_data()
    assert profile["/N"] == 3 and icc[36:40] == b"acsp" and icc[16:20] == b"RGB "
    assert icc[8] == 4 and icc[9] <= 0x20  # ICC.1:2004-10 (4.2) at most, as PDF/A-2 names
    # No transparency, no annotations, no scripts: nothing PDF/A-2b would have to judge.
    for page in reader.pages:
        assert "/Annots" not in page and "/Group" not in page
    assert "/Names" not in reader.trailer["/Root"] and "/OpenAction" not in reader.trailer["/Root"]


def test_a_draft_protocol_is_not_claimed_as_pdf_a() -> None:
    content = _content("Жоба", "Көкшетау")
    reader = PdfReader(io.BytesIO(build_protocol(content, lang="kk", code=None)))
    assert "/Metadata" not in reader.trailer["/Root"]
    assert "/OutputIntents" not in reader.trailer["/Root"]
