"""CPD benchmarks: national compliance (≤ 1 s) and 1,000 individual reports (≤ 1.2× bare ReportLab).

Run by hand: python tests/bench/bench_cpd.py [--keep /tmp/cpd-national.db]
The national database (50,000 people, 10 years of activity) is built once and kept.
"""

from __future__ import annotations

import argparse
import io
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, SimpleDocTemplate
from sqlalchemy import select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.cpd.compliance import compliance
from app.cpd.compliance_counts import counts_by_court
from app.cpd.dto import ComplianceFilter
from app.cpd.individual import individual_report_data
from app.demo.cpd import generate_activity
from app.demo.generator import generate
from app.documents.cpd_individual import build_individual_reports, report_story
from db.models import Person

TODAY = date(2026, 11, 21)
YEAR = 2025


def build(path: Path) -> None:
    """The national demo database with ten years of CPD history."""
    store = open_store(path, backup=False)
    with store.read() as s:
        have = s.scalar(select(Person.id).limit(1))
    if have is None:
        t0 = time.perf_counter()
        with store.write() as s:
            generate(s, local_actor(), scale="national", today=TODAY)
            rows = generate_activity(s, local_actor(), years=10, today=TODAY)
        print(f"built national demo: {rows} activity rows in {time.perf_counter() - t0:.1f} s")
    store.dispose()


def bench_compliance(path: Path) -> None:
    store = open_store(path, backup=False)
    # Bare baseline: the one grouped query in raw sqlite3, no verdicts, no Python objects.
    conn = sqlite3.connect(path)
    t0 = time.perf_counter()
    conn.execute(
        "SELECT person_id, state, sum(points) FROM cpd_activity WHERE year=? "
        "GROUP BY person_id, state",
        (YEAR,),
    ).fetchall()
    conn.execute("SELECT id, role, court_id, first_appointed_on FROM person").fetchall()
    bare = time.perf_counter() - t0
    conn.close()
    best = cpu = 9e9
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        with store.read() as s:
            rows = compliance(s, ComplianceFilter(year=YEAR), as_of=TODAY)
            counts = counts_by_court(s, rows)
        best = min(best, time.perf_counter() - t0)
        # SQLite runs in this process, so CPU time is the work done, whatever else the
        # (shared) machine is running.
        cpu = min(cpu, time.process_time() - c0)
    statuses = {
        k: sum(1 for r in rows if r.status == k)
        for k in ("compliant", "at_risk", "not_compliant", "exempt")
    }
    print(f"compliance {YEAR}: {len(rows)} people, {len(counts)} courts, {statuses}")
    print(
        f"compliance national: {best:.3f} s wall, {cpu:.3f} s CPU "
        f"(bare grouped query {bare:.3f} s, "
        f"ratio {best / bare:.2f}); target <= 1 s"
    )
    store.dispose()


def _bare_batch(data: list, lang: str = "kk") -> bytes:
    """The same flowables laid out by plain ReportLab: SimpleDocTemplate, default canvas, no
    database, no per-report page numbering, no progress — so the pages, fonts and texts are
    identical and the difference is what the application adds around ReportLab."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
    )
    story: list = []
    for i, d in enumerate(data):
        if i:
            story.append(PageBreak())
        story += report_story(d, lang)
    doc.build(story)
    return buf.getvalue()


def bench_printing(path: Path, count: int = 1000) -> None:
    from pypdf import PdfReader

    store = open_store(path, backup=False)
    with store.read() as s:
        ids = list(s.scalars(select(Person.id).where(Person.role == "judge").limit(count)))
    ticks: list[int] = []
    with store.read() as s:  # warm the fonts and caches for both runs alike
        individual_report_data(s, ids[:5], YEAR, TODAY)
    _bare_batch([])
    t0 = time.perf_counter()
    with store.read() as s:
        data = individual_report_data(s, ids, YEAR, TODAY)
    loaded = time.perf_counter() - t0
    pdf = build_individual_reports(
        data,
        lang="kk",
        centre_name="Ақмола облыстық сотының оқу орталығы",
        printed_on=TODAY,
        progress=lambda d, t: ticks.append(d) is None,
    )
    ours = time.perf_counter() - t0
    page_count = len(PdfReader(io.BytesIO(pdf)).pages)
    t0 = time.perf_counter()
    bare_pdf = _bare_batch(data)
    bare = time.perf_counter() - t0
    bare_pages = len(PdfReader(io.BytesIO(bare_pdf)).pages)
    print(
        f"printing {len(data)} individual reports: {page_count} pages in {ours:.2f} s; "
        f"bare ReportLab {bare_pages} pages in {bare:.2f} s; ratio {ours / bare:.2f} "
        f"(target <= 1.2); data loading {loaded:.2f} s; progress calls {len(ticks)}"
    )
    store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, default=Path("/tmp/cpd-national.db"))
    parser.add_argument("--reports", type=int, default=1000)
    args = parser.parse_args()
    build(args.keep)
    bench_compliance(args.keep)
    bench_printing(args.keep, args.reports)


if __name__ == "__main__":
    main()
