"""Re-save an export as a spreadsheet program would: LibreOffice headless, or openpyxl / csv."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# The README says why LibreOffice is not in .ci/run: too big for CI's time budget.
NO_OFFICE = "LibreOffice (soffice) is not installed here"
# LibreOffice's CSV filter: `;` between fields, `"` around text, UTF-8 (76).
_CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76"
_CSV_IN = "CSV:59,34,76,1"


def resave(path: Path, via: str) -> Path:
    """`via` "office": through `soffice --headless --convert-to` (skips where it is missing);
    "python": loaded and saved by openpyxl, or read and written again by the csv module with
    every field quoted (RFC 4180 allows both)."""
    out = path.with_name("resaved-" + path.name)
    if via == "office":
        if OFFICE is None:
            pytest.skip(NO_OFFICE)
        folder = path.parent / "office"
        xlsx = path.suffix == ".xlsx"
        how = (
            ["--convert-to", "xlsx"]
            if xlsx
            else ["--infilter=" + _CSV_IN, "--convert-to", _CSV_FILTER]
        )
        subprocess.run(
            [OFFICE, "--headless", *how, "--outdir", str(folder), str(path)],
            check=True,
            timeout=180,
            capture_output=True,
            env={"HOME": str(path.parent), "PATH": "/usr/bin:/bin"},
        )
        shutil.move(folder / path.name, out)
        return out
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        wb.save(out)
        wb.close()
        return out
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";", quoting=csv.QUOTE_ALL).writerows(rows)
    return out
