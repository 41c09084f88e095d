"""Every import reads spreadsheets through app.core.spreadsheet: no second reader in the tree."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
READER = ROOT / "app" / "core" / "spreadsheet"
# Reading a sheet, or changing the csv module for the whole process.
FORBIDDEN = re.compile(
    r"load_workbook|csv\.(reader|DictReader|Sniffer|excel|field_size_limit|register_dialect)"
)


def test_no_spreadsheet_reading_outside_the_one_reader() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for folder in ("app", "ui", "db")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if READER not in path.parents
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if FORBIDDEN.search(line)
    ]
    assert found == []


def test_the_pattern_finds_what_it_forbids() -> None:
    for line in ("wb = load_workbook(p)", "csv.Sniffer().sniff(t)", "csv.excel.delimiter = ';'"):
        assert FORBIDDEN.search(line)
    assert not FORBIDDEN.search("writer = csv.writer(fh)")
