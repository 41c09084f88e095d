"""PDF metadata of every printed document; PDF/A-2b (XMP, sRGB output intent) on request."""

from __future__ import annotations

import bisect
import calendar
import hashlib
import itertools
import re
import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfbase.pdfmetrics import standardFonts
from reportlab.pdfgen.canvas import Canvas

from app.core.paths import resources_dir
from app.documents.fonts import SERIF

PRODUCER = "Tälimger"
# The lcms-built sRGB profile (resources/icc/README.txt): the output intent PDF/A asks for.
ICC_PROFILE = "sRGB.icc"
SRGB = "sRGB IEC61966-2.1"


def template_fields(
    *, title: str, lang: str, author: str, subject: str, keywords: str
) -> dict[str, Any]:
    """Keyword arguments of ReportLab's document template: the metadata an archive reads, and
    the canvas's initial font (ReportLab's default, Helvetica, would be referenced unembedded
    on every page).
    """
    return {
        "title": title,
        "author": author,
        "subject": subject or title,
        "keywords": keywords,
        "creator": PRODUCER,
        "producer": PRODUCER,
        "lang": lang,
        "initialFontName": SERIF,
    }


class _Info(PDFInfo):  # type: ignore[misc]  # ReportLab ships no types
    """The document information dictionary with our own entries (a verification mark)."""

    def __init__(self, extra: Mapping[str, str]) -> None:
        super().__init__()
        self.extra = dict(extra)

    def format(self, document: Any) -> bytes:
        # As PDFInfo.format, plus the extra keys (ReportLab offers no other way to add them).
        date = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "CreationDate": date,
            "ModDate": date,
        }
        entries.update({k: PDFString(v) for k, v in self.extra.items()})
        formatted: bytes = PDFDictionary(entries).format(document)
        return formatted


def _xmp_date(document: Any) -> str:
    """The creation time as XMP writes it, equal to the Info dictionary's PDF date."""
    ts = document._timeStamp
    y, mo, d, h, mi, s = ts.YMDhms
    sign = "-" if ts.dhh < 0 else "+"
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{sign}{abs(ts.dhh):02d}:{ts.dmm:02d}"


def xmp_packet(info: Any, lang: str, when: str) -> str:
    """The XMP metadata of a PDF/A-2b file, mirroring the document information dictionary."""

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        "<dc:format>application/pdf</dc:format>\n"
        f"<dc:title>{alt(info.title)}</dc:title>\n"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>\n"
        f"<dc:description>{alt(info.subject)}</dc:description>\n"
        f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>\n"
        f"<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>\n"
        f"<pdf:Producer>{escape(info.producer)}</pdf:Producer>\n"
        f"<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>\n"
        f"<xmp:CreateDate>{when}</xmp:CreateDate>\n"
        f"<xmp:ModifyDate>{when}</xmp:ModifyDate>\n"
        "<pdfaid:part>2</pdfaid:part>\n"
        "<pdfaid:conformance>B</pdfaid:conformance>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )


class _Xmp(PDFStream):  # type: ignore[misc]
    """The metadata stream, written when the document is (after the template set the fields);
    PDF/A wants it unfiltered, so that a tool that knows no PDF can still find it.
    """

    def __init__(self, lang: str) -> None:
        super().__init__(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}))
        self.lang = lang

    def format(self, document: Any) -> bytes:
        # PDFStream.format would write "/Filter []" even with no filter; PDF/A wants no key.
        content = xmp_packet(document.info, self.lang, _xmp_date(document)).encode("utf-8")
        head = PDFDictionary({**self.dictionary.dict, "Length": len(content)})
        formatted: bytes = pdf_format(head, document) + b"\nstream\n" + content + b"endstream\n"
        return formatted


def _reproducible(doc: Any, day: date) -> None:
    # The creation time is the print date's midnight (UTC), and ReportLab's file ID a digest
    # of it: the same protocol printed the same day gives the same bytes, so `verify` can tell
    # the very file printed from any changed copy.
    stamp = TimeStamp(invariant=True)
    stamp.t = calendar.timegm(day.timetuple())
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    doc._timeStamp = stamp
    doc.signature = hashlib.md5(usedforsecurity=False)
    doc.signature.update(b"a reportlab document")
    doc.signature.update(ascii(stamp.t).encode("ascii"))


def _make_archival(canvas: Canvas, lang: str, day: date) -> None:
    doc = canvas._doc
    _reproducible(doc, day)
    icc = (resources_dir() / "icc" / ICC_PROFILE).read_bytes()
    profile = PDFStream(PDFDictionary({"N": 3}), icc)
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(SRGB),
            "Info": PDFString(SRGB),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    catalog = doc.Catalog
    # PDFCatalog writes only the keys it lists; the instance lists two more.
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([intent])
    catalog.Metadata = _Xmp(lang)


def canvas_maker(
    base: type[Canvas], *, lang: str, extra: Mapping[str, str], archival: date | None
) -> Callable[..., Canvas]:
    """A canvas factory for `BaseDocTemplate.build`: the base canvas with our information
    dictionary, and when `archival` (the print date) the PDF/A-2b parts and the same bytes
    for the same content on the same day.
    """

    class EmbeddedOnly(base):  # type: ignore[misc]
        """Draws with embedded fonts only: ReportLab's tables set their default, Helvetica,
        before every cell, and a standard font is neither embedded (PDF/A forbids that) nor
        able to show a Kazakh letter.
        """

        def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
            if psfontname in standardFonts:
                psfontname = SERIF
            super().setFont(psfontname, size, leading)

    def make(*args: Any, **kwargs: Any) -> Canvas:
        canvas = EmbeddedOnly(*args, **kwargs)
        canvas._doc.info = _Info(extra)
        if archival is not None:
            _make_archival(canvas, lang, archival)
        return canvas

    return make


def eol_before_endstream(pdf: bytes) -> bytes:
    r"""ReportLab's file with an end-of-line before each `endstream`, as PDF/A asks (ISO 19005-2,
    6.1.7.1: the stream's Length ends at that EOL), and its cross-reference table moved to match.
    ReportLab writes `<<dict>>\nstream\n`, the data, then `endstream`; its tail is one classic
    `xref` table.
    """
    start = int(pdf[pdf.rindex(b"startxref") + len(b"startxref") :].split()[0])
    lines = pdf[start:].split(b"\n")
    first, count = (int(v) for v in lines[1].split())
    rows = lines[2 : 2 + count]
    trailer_at = start + sum(len(line) + 1 for line in lines[: 2 + count])
    offsets = [int(row[:10]) if row[17:18] == b"n" else None for row in rows]
    bounds = [*sorted(o for o in offsets if o is not None), start]
    inserts: list[int] = []
    for begin, end in itertools.pairwise(bounds):
        at = pdf.find(b"\nstream\n", begin, end)
        length = re.findall(rb"/Length (\d+)\b", pdf[begin:at]) if at >= 0 else []
        if length:
            stop = at + len(b"\nstream\n") + int(length[-1])
            if pdf[stop : stop + len(b"endstream")] == b"endstream":
                inserts.append(stop)
    body = bytearray()
    last = 0
    for pos in inserts:
        body += pdf[last:pos] + b"\n"
        last = pos
    body += pdf[last:start]
    table = bytearray(b"xref\n%d %d\n" % (first, count))
    for row, offset in zip(rows, offsets, strict=True):
        moved = b"%010d" % (offset + bisect.bisect_left(inserts, offset)) if offset else row[:10]
        table += moved + row[10:] + b"\n"
    tail = pdf[trailer_at : pdf.rindex(b"startxref")]
    return bytes(body + table + tail + b"startxref\n%d\n%%%%EOF\n" % len(body))
