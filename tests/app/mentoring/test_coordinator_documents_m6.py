"""M-6 (seed 002 cl. 9): the region's coordinator is named on the protocol, programme and roster."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from app.courts import offices
from app.documents.output import produce
from app.mentoring import council
from app.mentoring.dto import ProtocolInput
from tests.app.mentoring.conftest import TODAY, signed_protocol

PROTOCOL_LABEL = {"kk": "Үйлестіруші", "ru": "Координатор"}
LABEL = {"kk": "Судья менторлығының үйлестірушісі", "ru": "Координатор судейского менторства"}


def _text(pdf: bytes | None) -> str:
    return " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf or b"")).pages)


def _name_coordinator(store, actor, world) -> None:
    with store.write() as s:
        offices.name_holder(s, actor, world.regional_id, offices.COORDINATOR, world.mentor, TODAY)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_m6_coordinator_on_roster_programme_and_protocol(store, actor, world, lang: str) -> None:
    pair_id, signed_before = signed_protocol(store, actor, world, number="7")
    _name_coordinator(store, actor, world)
    with store.write() as s:
        draft = council.create_protocol(
            s,
            actor,
            ProtocolInput(
                world.region,
                "8",
                TODAY,
                "Көкшетау",
                "Төлеуов А. Б.",
                "Мұратова Г. С.",
                ("Ким С. В.",),
                "Күн тәртібі",
            ),
        )
    with store.read() as s:
        roster = _text(produce(s, actor, "roster", {"region": world.region}, lang=lang).pdf)
        prog = _text(produce(s, actor, "programme", {"pair": str(pair_id)}, lang=lang).pdf)
        old = _text(produce(s, actor, "protocol", {"number": str(signed_before.id)}, lang=lang).pdf)
        new = _text(produce(s, actor, "protocol", {"number": str(draft.id)}, lang=lang).pdf)
    assert "Жұмабаев Ә. С." in roster and LABEL[lang] in roster
    assert "Жұмабаев Ә. С." in prog and LABEL[lang] in prog
    # a protocol signed before the coordinator was named keeps its signed content
    assert "Жұмабаев Ә. С." not in old
    assert f"{PROTOCOL_LABEL[lang]}: Жұмабаев Ә. С." in new
