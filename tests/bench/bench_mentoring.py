"""Benchmarks of mentoring: the protocol PDF against a bare one-page ReportLab document with
the same font (same run), and the year in review on a national-size demo database.

Run by hand: python tests/bench/bench_mentoring.py [--skip-national]
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.documents import styles
from app.documents.fonts import register_fonts
from app.documents.protocol import build_protocol
from app.mentoring.signing import code_of

RUNS = 15


def bare() -> bytes:
    """A one-page document, one paragraph in the protocol's serif face."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4)
    doc.build([Paragraph("Хаттама № 7 — Протокол № 7", styles.BODY)])
    return buf.getvalue()


CONTENT = {
    "id": "bench",
    "region": "AKM",
    "court_kk": "Ақмола облыстық соты",
    "court_ru": "Акмолинский областной суд",
    "centre_kk": "Ақмола облыстық сотының оқу орталығы",
    "centre_ru": "Учебный центр Акмолинского областного суда",
    "number": "7",
    "held_on": "2027-01-20",
    "place": "Көкшетау қаласы, Абай көшесі, 37",
    "chair": "Төлеуов Асқар Бекұлы",
    "secretary": "Мұратова Гүлнар Сәкенқызы",
    "members": ["Төлеуов А. Б.", "Мұратова Г. С.", "Ким С. В."],
    "agenda": "Тәлімгерлік жұптардың қорытындысы туралы",
    "amends": None,
    "decisions": [
        {
            "pair_id": str(i),
            "kind": "tutor",
            "protege": "Қасымова Әлия Серікқызы",
            "guide": "Өтегенов Ерлан Маратұлы",
            "starts_on": "2026-01-10",
            "decision": "complete",
            "text": "Бағдарлама мақсаттарына қол жеткізілді",
            "extend_months": 0,
            "new_guide": "",
        }
        for i in range(3)
    ],
    "signed_by": "Төлеуов А. Б.",
    "signed_on": "2027-01-21",
}


def bare_same_text() -> bytes:
    """The protocol's own text as plain paragraphs in the same faces: no template, no code."""
    lines = [
        CONTENT["court_kk"],
        "№ 7 ХАТТАМА",
        CONTENT["place"],
        CONTENT["chair"],
        CONTENT["secretary"],
        ", ".join(CONTENT["members"]),
        CONTENT["agenda"],
    ]
    for d in CONTENT["decisions"]:
        lines += [f"<b>{d['protege']} — {d['guide']}</b>", d["text"]]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([Paragraph(x, styles.BODY) for x in lines])
    return buf.getvalue()


def bare_same_story(code: str) -> bytes:
    """The protocol's own flowables (tables, QR, signatures) on plain ReportLab: no house
    template, no page numbering, no metadata. The ratio to it is what the app itself adds."""
    from reportlab.lib.units import mm

    from app.documents.protocol import protocol_story

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(protocol_story(CONTENT, "kk", code, doc.width))
    return buf.getvalue()


def timed(fn, runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return min(samples)  # the least disturbed run: the machine is shared


def bench_protocol() -> tuple[float, float, float, float]:
    register_fonts()
    code = code_of(CONTENT)
    bare(), bare_same_text(), build_protocol(CONTENT, lang="kk", code=code)  # warm caches
    bare_same_story(code)
    base = timed(bare)
    same = timed(bare_same_text)
    story = timed(lambda: bare_same_story(code))
    proto = timed(lambda: build_protocol(CONTENT, lang="kk", code=code))
    return base, same, story, proto


def bench_year() -> dict[str, float]:
    from app.demo.generator import generate
    from app.demo.mentoring import generate_mentoring
    from app.documents.mentoring_year import build_year_review
    from app.mentoring.year import year_review
    from app.mentoring.year_table import figures

    folder = Path(tempfile.mkdtemp())
    store = open_store(folder / "national.db", backup=False)
    actor = local_actor()
    t0 = time.perf_counter()
    with store.write() as session:
        generate(session, actor, scale="national")
        summary = generate_mentoring(session, actor)
    print(f"national demo + {summary.pairs} pairs in {time.perf_counter() - t0:.1f} s")
    year = date.today().year - 1
    out: dict[str, float] = {}

    def pdf() -> None:
        with store.read() as session:
            review = year_review(session, "AKM", year)
        build_year_review(review, lang="kk", region_name="Ақмола облыстық соты")

    def xlsx() -> None:
        from app.core.spreadsheet.writer import write_xlsx

        with store.read() as session:
            review = year_review(session, "AKM", year)
        rows = [[a, b] for a, b in figures(review, "ru")]
        write_xlsx(folder / "year.xlsx", str(year), ["", ""], rows)

    def query() -> None:
        with store.read() as session:
            year_review(session, "AKM", year)

    def needs_region() -> None:
        from app.mentoring.queries import needs_analysis

        with store.read() as session:
            needs_analysis(session, region_code="AKM")

    def needs_nation() -> None:
        from app.mentoring.queries import needs_analysis

        with store.read() as session:
            needs_analysis(session)

    out["needs_region"] = timed(needs_region, 5)
    out["needs_nation"] = timed(needs_nation, 3)
    out["query"] = timed(query, 5)
    out["pdf"] = timed(pdf, 5)
    out["xlsx"] = timed(xlsx, 5)
    store.dispose()
    return out


def main() -> None:
    base, same, story, proto = bench_protocol()
    print(f"bare one-page ReportLab doc, same font, one line: {base * 1000:.1f} ms")
    print(f"bare one-page ReportLab doc, same fonts, the protocol's text: {same * 1000:.1f} ms")
    print(f"bare ReportLab, the protocol's own flowables (same page): {story * 1000:.1f} ms")
    print(
        f"protocol PDF (kk, 3 decisions, QR, code): {proto * 1000:.1f} ms "
        f"= {proto / story:.2f}x bare same page (target <= 1.5x), "
        f"{proto / same:.2f}x bare text only, {proto / base:.2f}x bare one line"
    )
    if "--skip-national" not in sys.argv:
        figures = bench_year()
        print(
            f"year in review, national demo: query {figures['query'] * 1000:.0f} ms, "
            f"PDF {figures['pdf'] * 1000:.0f} ms, XLSX {figures['xlsx'] * 1000:.0f} ms "
            "(target <= 2000 ms each)"
        )
        print(
            f"needs analysis: one region {figures['needs_region'] * 1000:.0f} ms, "
            f"whole country {figures['needs_nation'] * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
