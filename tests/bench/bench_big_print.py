"""The three biggest documents on the national demo vs a bare ReportLab build of the same rows.

    /work/main/.venv/bin/python tests/bench/bench_big_print.py [--lang kk] [--only ID]

Targets (issue 13): each document's PDF within 1.5× the bare build, peak RSS <= 400 MB. Each
measurement is a fresh child process (peak RSS is ru_maxrss of that child, data loading
included). "Ours" is the catalogue's gather and PDF renderer with the progress the dialog gives.
"Bare" is plain ReportLab on the same page size and margins: SimpleDocTemplate, the default
canvas, page-sized Tables (repeatRows=1) of plain Paragraphs holding the same texts in the same
styles and column widths, no header, footer or page numbering; the texts are taken from our own
cells before the clock starts, so both sides lay out identical rows.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, child_env, machine, verdict

DOCUMENTS = ("people-register", "cpd-compliance", "evaluation-summary")
RATIO, PEAK_MIB = 1.5, 400
DEFAULT_DB = Path("/tmp/talimger-bench/demo-national-full.db")

CHILD = r"""
import io, json, resource, sys, time
from datetime import date
from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.progress import Progress
from app.documents import table_pdf
from app.documents.catalogue import find
from app.documents.output import centre_name, with_defaults
from app.documents.spec import Letterhead

mode, doc_id, lang, db = sys.argv[1:5]
store = open_store(db, backup=False)
doc = find(doc_id)
today = date.today()
with store.read() as s:
    params = with_defaults(doc, {}, today)
    for p in doc.params:
        if p.options is not None and not p.blank and not params[p.name]:
            params[p.name] = p.options(s, local_actor(), params)[0][0]
    t0 = time.perf_counter()
    data = doc.gather(s, local_actor(), params, today, Progress())
    head = Letterhead(lang, centre_name(s, lang), today, Progress())
gathered = time.perf_counter() - t0


def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


rows = []
if mode == "ours":
    original = table_pdf.PagedGrid.__init__

    def counting(self, header, rows_, *args, **kw):
        rows.append(len(rows_))
        original(self, header, rows_, *args, **kw)

    table_pdf.PagedGrid.__init__ = counting
    t0 = time.perf_counter()
    pdf = doc.pdf(data, head)
    seconds = time.perf_counter() - t0
else:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
    from app.documents import document, styles

    grids = []

    class Captured(Exception):
        pass

    def capture(self, header, rows, cells, widths, **kw):
        grids.append((header, rows, cells, widths))
        raise Captured

    table_pdf.PagedGrid.__init__ = capture
    try:
        doc.pdf(data, head)
    except Captured:
        pass
    header, grid_rows, cells, widths = grids[0]
    head_texts = [(c.text, c.style) for c in header()]
    texts = [[(c.text, c.style) for c in cells(r)] for r in grid_rows]
    rows.append(len(texts))
    del grid_rows, data
    per_page = int(sys.argv[5])
    t0 = time.perf_counter()
    buf = io.BytesIO()
    bare = SimpleDocTemplate(
        buf,
        pagesize=landscape(A4),
        leftMargin=document.MARGIN,
        rightMargin=document.MARGIN,
        topMargin=20 * 72 / 25.4,
        bottomMargin=18 * 72 / 25.4,
    )
    story = []
    for k in range(0, len(texts), per_page):
        table = [[Paragraph(t, s) for t, s in head_texts]]
        table += [[Paragraph(t, s) for t, s in row] for row in texts[k : k + per_page]]
        story.append(Table(table, colWidths=widths, repeatRows=1, style=styles.GRID))
    bare.build(story)
    pdf = buf.getvalue()
    seconds = time.perf_counter() - t0
from pypdf import PdfReader
pages = len(PdfReader(io.BytesIO(pdf)).pages)
print(json.dumps(dict(seconds=seconds, gathered=gathered, pages=pages, peak=peak(), rows=rows[0])))
"""


def run(mode: str, doc_id: str, lang: str, db: Path, per_page: int = 0) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, mode, doc_id, lang, str(db), str(per_page)],
            cwd=ROOT,
            env=child_env(Path(tmp)),
            check=True,
            capture_output=True,
            text=True,
        )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def full_demo(path: Path) -> Path:
    """The national demo of every module (`demo --scale national`), built once and kept."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.db")
        tmp.unlink(missing_ok=True)
        for args in (["demo", "--scale", "national"], ["user", "no-login"]):
            cmd = [sys.executable, "-m", "app", "--db", str(tmp), *args]
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        tmp.rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--only", choices=DOCUMENTS)
    args = parser.parse_args()
    db = full_demo(args.db)
    print(machine())
    for doc_id in [args.only] if args.only else DOCUMENTS:
        ours = run("ours", doc_id, args.lang, db)
        # The bare tables hold as many rows as our pages do on average: page-sized tables.
        per_page = max(1, round(ours["rows"] / ours["pages"]))
        bare = run("bare", doc_id, args.lang, db, per_page)
        ratio = ours["seconds"] / bare["seconds"]
        print(
            f"{doc_id} ({args.lang}): {ours['rows']:.0f} rows, "
            f"{ours['pages']:.0f} pages in {ours['seconds']:.1f} s "
            f"(data {ours['gathered']:.1f} s), peak {ours['peak']:.0f} MiB "
            f"[{verdict(ours['peak'], PEAK_MIB)}]; bare ReportLab {bare['pages']:.0f} pages in "
            f"{bare['seconds']:.1f} s, peak {bare['peak']:.0f} MiB; "
            f"ratio {ratio:.2f} [{verdict(ratio, RATIO)}]"
        )


if __name__ == "__main__":
    main()
