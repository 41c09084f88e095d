"""Printed protocols carry a verification code; `verify` finds any alteration (M-11)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ByteStringObject, ContentStream

from app.__main__ import main
from tests.app.mentoring.conftest import signed_protocol

DECISION = "Бағдарлама мақсаттарына қол жеткізілді"


def _print(db: Path, tmp_path: Path, lang: str) -> Path:
    out = tmp_path / f"protocol-{lang}.pdf"
    assert (
        main(
            [
                "--db",
                str(db),
                "report",
                "protocol",
                "--number",
                "7",
                "--lang",
                lang,
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return out


def _verify(db: Path, pdf: Path, capsys) -> tuple[int, str]:
    code = main(["--db", str(db), "verify", str(pdf)])
    return code, capsys.readouterr().out


def test_untouched_protocol_verifies_in_kk_and_ru_m11(
    store, actor, world, db_path, tmp_path, capsys
) -> None:
    _pair, signed = signed_protocol(store, actor, world)
    for lang in ("kk", "ru"):
        pdf = _print(db_path, tmp_path, lang)
        reader = PdfReader(pdf)
        text = "".join(p.extract_text() for p in reader.pages)
        assert DECISION in text and "Төлеуов Асқар Бекұлы" in text
        assert signed.content_hash[:4].upper() in text  # the code printed as text
        assert signed.content_hash in str(reader.metadata["/Subject"])
        code, out = _verify(db_path, pdf, capsys)
        assert code == 0, out
        assert "7" in out and "20.01.2027" in out


def test_byte_edit_of_embedded_content_is_reported_altered_m11(
    store, actor, world, db_path, tmp_path, capsys
) -> None:
    signed_protocol(store, actor, world)
    pdf = _print(db_path, tmp_path, "kk")
    data = bytearray(pdf.read_bytes())
    # The packed content sits in /Keywords as base64: flip one character in its middle.
    match = re.search(rb"/Keywords \(([A-Za-z0-9+/=]{200,})\)", bytes(data))
    assert match is not None
    pos = match.start(1) + len(match.group(1)) // 2
    data[pos] = ord("A") if data[pos] != ord("A") else ord("B")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    code, out = _verify(db_path, bad, capsys)
    assert code == 1 and out.strip()


def test_edit_of_decision_text_in_page_stream_is_reported_altered_m11(
    store, actor, world, db_path, tmp_path, capsys
) -> None:
    signed_protocol(store, actor, world)
    pdf = _print(db_path, tmp_path, "ru")
    reader = PdfReader(pdf)
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[-1]
    stream = ContentStream(page.get_contents(), writer)
    before = page.extract_text()
    changed = False
    # Change one byte of each text string in turn until the decision text no longer reads
    # the same: a forger's edit of exactly that field.
    for operands, op in stream.operations:
        if op != b"Tj" or changed:
            continue
        raw = operands[0].get_original_bytes()
        if len(raw) < 8:
            continue
        mutated = raw[:3] + bytes([raw[3] ^ 0x01]) + raw[4:]
        operands[0] = ByteStringObject(mutated)
        page.replace_contents(stream)
        if DECISION in before and DECISION not in page.extract_text():
            changed = True
        else:
            operands[0] = ByteStringObject(raw)
            page.replace_contents(stream)
    assert changed
    buf = io.BytesIO()
    writer.write(buf)
    bad = tmp_path / "forged.pdf"
    bad.write_bytes(buf.getvalue())
    code, out = _verify(db_path, bad, capsys)
    assert code == 1 and out.strip()


def test_protocol_from_another_database_is_unknown_m11(
    store, actor, world, db_path, tmp_path, template_db, capsys
) -> None:
    signed_protocol(store, actor, world)
    pdf = _print(db_path, tmp_path, "kk")
    other = tmp_path / "other.db"
    other.write_bytes(template_db.read_bytes())
    code, _out = _verify(other, pdf, capsys)
    assert code == 1


def test_a_pdf_without_code_is_unknown(db_path, tmp_path, capsys) -> None:
    plain = tmp_path / "plain.pdf"
    w = PdfWriter()
    w.add_blank_page(100, 100)
    w.write(plain)
    assert _verify(db_path, plain, capsys)[0] == 1
