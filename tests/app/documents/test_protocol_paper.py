"""The council's protocol on paper (M-10/M-11, seed 002 cl. 13-14): the signatures never stand
alone on a page, the written reports are named, a draft is marked on every page."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from app.documents.protocol import build_protocol

CODE = "ab" * 32


def _content(decisions: int, reports: dict[str, str] | None = None) -> dict[str, Any]:
    text = (
        "Протеже бағдарламаның барлық тармақтарын орындады, сот отырыстарын жүргізу "
        "дағдыларын меңгерді, ментор рецензиялаған істер бойынша ескертулер жойылды. "
    ) * 3
    return {
        "court_kk": "Ақмола облыстық соты",
        "court_ru": "Акмолинский областной суд",
        "centre_kk": "Ақмола облыстық сотының оқу орталығы",
        "centre_ru": "Учебный центр Акмолинского областного суда",
        "number": "12",
        "held_on": "2026-11-20",
        "place": "Көкшетау қаласы",
        "chair": "Төлеуов Асқар Бекұлы",
        "secretary": "Мұратова Гүлнар Сәкенқызы",
        "members": ["Төлеуов А. Б.", "Мұратова Г. С."],
        "agenda": "Тәлімгерлік жұптардың қорытындысы туралы",
        "amends": None,
        "decisions": [
            {
                "kind": "mentor" if n % 2 else "tutor",
                "protege": f"Протеже {n}",
                "guide": f"Тәлімгер {n}",
                "starts_on": "2025-11-01",
                "decision": "complete",
                "text": text,
                "extend_months": None,
                "new_guide": "",
                "reports": reports if reports is not None else {},
            }
            for n in range(1, decisions + 1)
        ],
        "signed_by": "Төлеуов А. Б.",
        "signed_on": "2026-11-21",
    }


def _pages(content: dict[str, Any], lang: str, code: str | None) -> list[str]:
    pdf = build_protocol(content, lang=lang, code=code)
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_m11_signatures_always_follow_content_on_their_page(lang: str) -> None:
    """Whatever the number of decisions, the page with the signature lines also holds the end
    of the decisions (the closing block takes the last content with it)."""
    chair = "Отырыс төрағасы" if lang == "kk" else "Председатель заседания"
    copy = "кадр қызметіне" if lang == "kk" else "кадровую службу"
    seen_pages = set()
    for decisions in range(1, 9):
        pages = _pages(_content(decisions), lang, CODE)
        seen_pages.add(len(pages))
        last = next(p for p in pages if chair in p)
        assert copy in last, (decisions, last)
        assert "_____" in last
        assert all("python" not in p for p in pages)
    assert max(seen_pages) >= 2  # the check covered protocols running over a page


def test_m10_protocol_names_both_written_reports_with_dates() -> None:
    reports = {"guide": "2026-11-10", "protege": "2026-11-11"}
    kk = " ".join(" ".join(_pages(_content(1, reports), "kk", CODE)).split())
    ru = " ".join(" ".join(_pages(_content(1, reports), "ru", CODE)).split())
    assert "Ментордың (10.11.2026 күнгі) және протеженің (11.11.2026 күнгі) жазбаша" in kk
    assert "письменных отчетов ментора (от 10.11.2026) и протеже (от 11.11.2026)" in ru
    missing = " ".join(" ".join(_pages(_content(1, {"protege": "2026-11-11"}), "ru", None)).split())
    assert "ментора (не представлен)" in missing


@pytest.mark.parametrize(("lang", "mark"), [("kk", "ЖОБА"), ("ru", "ПРОЕКТ")])
def test_m11_draft_is_marked_on_every_page(lang: str, mark: str) -> None:
    pages = _pages(_content(6), lang, None)
    assert len(pages) >= 2
    assert all(mark in p for p in pages)
    signed = _pages(_content(6), lang, CODE)
    assert not any(mark in p for p in signed)
