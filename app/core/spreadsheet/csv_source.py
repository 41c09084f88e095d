"""Rows of a CSV file (RFC 4180) in UTF-8, UTF-8 with BOM or Windows-1251, `;` `,` or tab."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Generator
from pathlib import Path

from app.core.spreadsheet.bounds import MAX_CSV_BYTES, SheetError, too_many_rows
from i18n import N_

DELIMITERS = (";", ",", "\t")  # on a tie the first wins: Excel on Russian Windows writes ";"
_BOM = codecs.BOM_UTF8
_CHUNK = 1 << 20
_SAMPLE = 64 * 1024


def scan(path: Path) -> tuple[str, int]:
    """The codec (utf-8-sig when the whole file is UTF-8, with or without BOM, else cp1251) and
    the number of line breaks, found in one pass over the bytes before any row is read.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    lf = cr = offset = 0
    with path.open("rb") as fh:
        chunk = fh.read(_CHUNK)
        has_bom = chunk.startswith(_BOM)
        while True:
            lf, cr = lf + chunk.count(b"\n"), cr + chunk.count(b"\r")
            try:
                if utf8:
                    decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                if has_bom:  # the BOM promised UTF-8: another guess would garble the text
                    raise SheetError(
                        N_("The file {path} is marked as UTF-8 but byte {offset} is not UTF-8."),
                        path=path.name,
                        offset=offset + exc.start + 1,
                    ) from exc
                utf8 = False
            if not chunk:
                break
            offset += len(chunk)
            chunk = fh.read(_CHUNK)
    return ("utf-8-sig" if utf8 else "cp1251"), max(lf, cr)


def delimiter_of(sample: str) -> str:
    """The delimiter used most often outside quotes in the first record (the header).

    csv.Sniffer guesses quoting from the sample and misreads standard `""` quoting; counting
    outside quotes follows RFC 4180 exactly. A one-column header falls back to the whole sample.
    """
    first = _count_outside_quotes(sample, first_record_only=True)
    counts = first if any(first.values()) else _count_outside_quotes(sample, False)
    return max(DELIMITERS, key=lambda d: counts[d])


def _count_outside_quotes(text: str, first_record_only: bool) -> dict[str, int]:
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    started = False
    for ch in text:
        if ch == '"':
            quoted = not quoted  # a doubled "" inside quotes toggles twice: still quoted
            started = True
        elif quoted:
            continue
        elif ch in counts:
            counts[ch] += 1
            started = True
        elif ch in "\r\n":
            if started and first_record_only:
                break
        elif not ch.isspace():
            started = True
    return counts


def csv_rows(path: Path, max_rows: int) -> Generator[list[str], None, None]:
    """The records of a CSV file one by one.

    The file size is checked before reading; when the file has more line breaks than records
    allowed, its records are counted (none kept) and too many are refused before any is returned.
    """
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise SheetError(
            N_("The file {path} is {size} MB; a CSV file may have at most {limit} MB."),
            path=path.name,
            size=size // (1024 * 1024),
            limit=MAX_CSV_BYTES // (1024 * 1024),
        )
    encoding, breaks = scan(path)
    with path.open(encoding=encoding, errors=_errors(encoding), newline="") as fh:
        delimiter = delimiter_of(fh.read(_SAMPLE))
    # Quoted cells may hold line breaks, so breaks only bound the records from above.
    if breaks > max_rows and sum(1 for _ in _records(path, encoding, delimiter)) > max_rows + 1:
        raise too_many_rows(path.name, max_rows)
    yield from _records(path, encoding, delimiter)


def _errors(encoding: str) -> str:
    return "replace" if encoding == "cp1251" else "strict"  # cp1251 leaves 0x98 undefined


def _records(path: Path, encoding: str, delimiter: str) -> Generator[list[str], None, None]:
    with path.open(encoding=encoding, errors=_errors(encoding), newline="") as fh:
        # Keyword arguments build a private dialect: csv.excel itself is never changed.
        reader = csv.reader(fh, delimiter=delimiter, quotechar='"', doublequote=True)
        try:
            yield from reader
        except (csv.Error, UnicodeDecodeError) as exc:
            raise SheetError(
                N_("The file {path} is not a readable table (line {line})."),
                path=path.name,
                line=reader.line_num,
            ) from exc
