"""Verification codes under hostile content: untouched verifies, any change shows (M-11)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.documents.protocol import build_protocol
from app.documents.protocol_verify import UNALTERED, verify_pdf
from app.mentoring.signing import canonical, code_of

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)


def _content(decision: str, place: str) -> dict:
    return {
        "id": "x",
        "region": "AKM",
        "court_kk": "Ақмола облыстық соты",
        "court_ru": "Акмолинский областной суд",
        "centre_kk": "",
        "centre_ru": "",
        "number": "7",
        "held_on": "2027-01-20",
        "place": place,
        "chair": "Төлеуов А.",
        "secretary": "Мұратова Г.",
        "members": ["Төлеуов А.", "Мұратова Г."],
        "agenda": "Күн тәртібі",
        "amends": None,
        "decisions": [
            {
                "pair_id": "p",
                "kind": "mentor",
                "protege": "Қасымова Ә.",
                "guide": "Жұмабаев Е.",
                "starts_on": "2026-01-10",
                "decision": "end_early",
                "text": decision,
                "extend_months": 0,
                "new_guide": "",
            }
        ],
        "signed_by": "Төлеуов А.",
        "signed_on": "2027-01-21",
    }


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decision=TEXT, place=TEXT)
def test_any_text_verifies_untouched_and_edits_are_caught_m11(decision: str, place: str) -> None:
    content = _content(decision, place)
    code = code_of(content)
    stored = canonical(content).decode("utf-8")
    pdf = build_protocol(content, lang="ru", code=code)
    assert verify_pdf(pdf, lambda c: stored if c == code else None).status == UNALTERED
    edited = copy.deepcopy(content)
    edited["decisions"][0]["text"] = decision + "!"
    assert code_of(edited) != code
    # a forged PDF: the edited content printed under the code of the signed one
    forged = build_protocol(edited, lang="ru", code=code)
    assert forged != pdf
    assert verify_pdf(forged, lambda c: stored).status != UNALTERED


def test_long_protocol_keeps_signatures_and_code_on_the_last_page_m11() -> None:
    from io import BytesIO

    from pypdf import PdfReader

    content = _content("Бағдарлама мақсаттарына қол жеткізілді. " * 4, "Көкшетау")
    content["decisions"] = content["decisions"] * 25
    code = code_of(content)
    reader = PdfReader(BytesIO(build_protocol(content, lang="kk", code=code)))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) > 2
    assert "Отырыс төрағасы" in pages[-1] and "Тексеру коды" in pages[-1]
    assert all("Отырыс төрағасы" not in p for p in pages[:-1])
    assert f"Бет {len(pages)} / {len(pages)}" in pages[-1]


def test_printed_qr_code_reads_back_as_the_verification_code_m11() -> None:
    zxingcpp = pytest.importorskip("zxingcpp")  # in the test extras of pyproject.toml
    import pypdfium2 as pdfium

    content = _content("Бағдарлама мақсаттарына қол жеткізілді", "Көкшетау")
    code = code_of(content)
    page = pdfium.PdfDocument(build_protocol(content, lang="ru", code=code))[0]
    found = zxingcpp.read_barcodes(page.render(scale=3).to_pil())
    # A phone shows the payload as text: what, where, which number, when, and the code.
    assert [r.text for r in found] == [
        f"ПРОТОКОЛ № 7\nРегион: AKM\nДата: 20.01.2027\nПроверочный код: {code.upper()}"
    ]
