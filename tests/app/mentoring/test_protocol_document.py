"""The catalogue's protocol names one protocol by its id: numbers repeat (M-11)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader

from app.documents.output import produce
from app.mentoring import council
from app.mentoring.dto import ProtocolInput
from tests.app.mentoring.conftest import signed_protocol


def test_protocol_by_id_when_a_later_protocol_has_the_same_number_m11(store, actor, world) -> None:
    _pair, signed = signed_protocol(store, actor, world, number="7")
    with store.write() as s:  # next year's numbering starts again at 7
        council.create_protocol(
            s,
            actor,
            ProtocolInput(
                world.region,
                "7",
                date(2028, 1, 20),
                "Көкшетау",
                "Төлеуов А. Б.",
                "Мұратова Г. С.",
                ("Төлеуов А. Б.", "Мұратова Г. С."),
                "Келесі жылдың күн тәртібі",
            ),
        )
    with store.read() as s:
        by_id = produce(s, actor, "protocol", {"number": str(signed.id)}, lang="ru")
        latest = {"number": "7", "region": world.region}
        by_number = produce(s, actor, "protocol", latest, lang="ru")
    assert by_id.data.code == signed.content_hash
    assert "жұптың қорытындысы" in _text(by_id.pdf)
    assert by_number.data.code is None  # the number alone finds the newest one, a draft
    assert "Келесі жылдың" in _text(by_number.pdf)


def _text(pdf: bytes | None) -> str:
    return "".join(p.extract_text() for p in PdfReader(BytesIO(pdf or b"")).pages)
