"""Printed protocols carry a verification code; `verify` finds any alteration (M-11)."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ByteStringObject, ContentStream

from app.__main__ import main
from i18n import _
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


def test_byte_edit_of_the_code_in_the_metadata_is_reported_altered_m11(
    store, actor, world, db_path, tmp_path, capsys
) -> None:
    # The signed content is no longer packed into the file (issue 13): the metadata names the
    # code, and a code changed by one character is confirmed by nothing in the database.
    _pair, signed = signed_protocol(store, actor, world)
    pdf = _print(db_path, tmp_path, "kk")
    data = bytearray(pdf.read_bytes())
    match = re.search(rb"TALIMGER-PROTOCOL-2 ([0-9a-f]{64})", bytes(data))
    assert match is not None and match.group(1).decode() == signed.content_hash
    pos = match.start(1) + 30
    data[pos] = ord("a") if data[pos] != ord("a") else ord("b")
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
    # Not a document of this program: exit 2 (issue 13; it was 1, shared with "altered").
    code, out = _verify(db_path, plain, capsys)
    assert code == 2 and out.strip()


def _white_box_over(pdf: Path, words: str, tmp_path: Path) -> Path:
    """The protocol with a white rectangle painted over the line that holds `words`."""
    from reportlab.pdfgen.canvas import Canvas

    reader = PdfReader(pdf)
    writer = PdfWriter(clone_from=reader)
    found: list[tuple[int, float, float]] = []
    for index, page in enumerate(writer.pages):

        def visit(text, _cm, tm, _font, _size, index=index) -> None:
            if words in text and not found:
                found.append((index, tm[4], tm[5]))

        page.extract_text(visitor_text=visit)
    assert found, words
    index, x, y = found[0]
    box = io.BytesIO()
    canvas = Canvas(box, pagesize=(float(writer.pages[index].mediabox.width), 842))
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x - 2, y - 4, 400, 16, stroke=0, fill=1)
    canvas.save()
    writer.pages[index].merge_page(PdfReader(io.BytesIO(box.getvalue())).pages[0])
    out = tmp_path / "white-box.pdf"
    with out.open("wb") as f:
        writer.write(f)
    return out


def test_white_box_over_the_decision_is_altered_though_the_text_is_the_same_m11(
    store, actor, world, db_path, tmp_path, capsys
) -> None:
    signed_protocol(store, actor, world)
    pdf = _print(db_path, tmp_path, "kk")
    boxed = _white_box_over(pdf, DECISION, tmp_path)
    text = ["".join(p.extract_text() for p in PdfReader(f).pages) for f in (pdf, boxed)]
    assert text[0] == text[1]  # the text layer alone would pass it
    code, out = _verify(db_path, boxed, capsys)
    assert code == 1 and "7" in out


def test_twenty_one_byte_corruptions_each_get_a_message_and_no_traceback_m11(
    store, actor, world, db_path, tmp_path, capsys
) -> None:
    signed_protocol(store, actor, world)
    data = _print(db_path, tmp_path, "ru").read_bytes()
    rng = random.Random(13)
    for attempt in range(20):
        bad = bytearray(data)
        pos = rng.randrange(len(bad))
        bad[pos] = (bad[pos] + rng.randrange(1, 256)) % 256
        path = tmp_path / f"corrupt-{attempt}.pdf"
        path.write_bytes(bytes(bad))
        code, out = _verify(db_path, path, capsys)
        err = capsys.readouterr().err
        assert code in (1, 2), (pos, out, err)
        assert out.strip(), pos
        assert "Traceback" not in out + err, pos


def test_verify_help_documents_its_exit_codes(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    from app.cli.mentoring import VERIFY_HELP

    # argparse re-wraps the text (also after hyphens): compare without the white space.
    text = "".join(capsys.readouterr().out.split())
    assert "".join(_(VERIFY_HELP).split()) in text
    assert all(f"{code} " in _(VERIFY_HELP) for code in (0, 1, 2))


def test_missing_file_is_unreadable_exit_2(db_path, tmp_path, capsys) -> None:
    code, out = _verify(db_path, tmp_path / "absent.pdf", capsys)
    assert code == 2 and out.strip()
