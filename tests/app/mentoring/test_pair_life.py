"""The whole life of a pair through the services: needs → pair → … → signed protocol (M-2…M-11)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.core.context import COORDINATOR, MENTOR, Actor
from app.core.errors import PermissionDeniedError
from app.documents.protocol import build_protocol
from app.documents.protocol_verify import UNALTERED, verify_pdf
from app.mentoring import council, journal, programme, protocol_queries, queries, service
from app.mentoring.access import LockedError
from app.mentoring.dto import DecisionInput, ProgrammeItem, ProtocolInput, ReportInput
from tests.app.mentoring.conftest import TODAY

ITEMS = (
    ProgrammeItem("Судья әдебі кодексін меңгеру", "Кодексті бірге талдау", date(2026, 12, 20)),
    ProgrammeItem("Процестік құжаттар", "Шешім жобаларын талқылау", date(2027, 2, 1)),
)


def test_whole_life_of_a_pair_m2_to_m11(store, actor, world) -> None:
    """M-2 needs → M-6 pair → M-7 programme → M-8/M-9 journal → M-10 reports → M-11 protocol."""
    with store.read() as s:
        needs = queries.needs_analysis(s, TODAY, region_code=world.region)
    row = next(n for n in needs if n.person_id == world.protege)
    assert row.reasons[0][0] == "first_appointment" and row.tutor == ""
    with store.read() as s:
        ranked = queries.suggestions(s, world.protege, "tutor", TODAY)
    assert ranked[0].person_id == world.tutor  # same specialisation and court

    with store.write() as s:
        pair = service.propose_pair(
            s, actor, world.protege, world.tutor, kind="tutor", starts_on=TODAY
        )
        service.activate_pair(s, actor, pair.id)
        programme.draw_up(s, actor, pair.id, ITEMS)
        programme.approve(s, actor, pair.id, "Б. Сейітқали", date(2026, 11, 25))
    guide = Actor("tutor", frozenset({MENTOR}), person_id=world.tutor)
    protege = Actor("protege", frozenset(), person_id=world.protege)
    with store.write() as s:
        journal.log_meeting(s, guide, pair.id, date(2026, 11, 28), "Бейімделу", notes="жеке әңгіме")
        journal.log_meeting(s, protege, pair.id, date(2026, 12, 12), "Әдеп", notes="құпия")
        journal.review_hearing(
            s,
            guide,
            pair.id,
            case_number="2-1234/2026",
            heard_on=date(2026, 12, 5),
            criteria={"impartiality": True, "courtesy": True},
            remarks="Жақсы",
        )
        done = tuple(ProgrammeItem(i.goal, i.activity, i.due_on, "done") for i in ITEMS)
        programme.correct(s, guide, pair.id, done, "Орындалды")
        journal.submit_report(
            s, guide, pair.id, ReportInput("guide", date(2027, 1, 10), "Бағдарлама орындалды")
        )
        journal.submit_report(
            s,
            protege,
            pair.id,
            ReportInput(
                "protege",
                date(2027, 1, 11),
                "Атқарылған жұмыс",
                "Дағдылар",
                "Тиімді",
                "Ұсыныс жоқ",
                5,
            ),
        )
    with store.read() as s:
        assert len(journal.meetings(s, guide, pair.id)) == 2
        assert programme.get_programme(s, pair.id).progress == 100

    with store.write() as s:
        proto = council.create_protocol(
            s,
            actor,
            ProtocolInput(
                world.region,
                "7",
                date(2027, 1, 20),
                "Көкшетау қ., Абай к-сі, 37",
                "А. Төлеуов",
                "Г. Мұратова",
                ("А. Төлеуов", "Г. Мұратова", "С. Ким"),
                "Жұптың қорытындысы",
            ),
        )
        council.add_decision(
            s,
            actor,
            proto.id,
            DecisionInput(pair.id, "complete", "Бағдарлама мақсаттарына қол жеткізілді"),
        )
        signed = council.sign_protocol(s, actor, proto.id, "А. Төлеуов", scan=b"scan")
    assert len(signed.content_hash) == 64

    with store.read() as s:
        after = queries.pairs(s, person_id=world.protege)[0]
        content = protocol_queries.content_of(s, proto.id)
        stored = protocol_queries.signed_content(s, signed.content_hash)
    assert after.state == "completed" and after.locked_by_id == proto.id
    pdf = build_protocol(content, lang="kk", code=signed.content_hash)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Бағдарлама мақсаттарына қол жеткізілді" in text
    assert verify_pdf(pdf, lambda code: stored).status == UNALTERED

    # M-11: the signed protocol and the pair refuse every further edit, saying why.
    with store.write() as s, pytest.raises(LockedError) as err:
        journal.log_meeting(s, guide, pair.id, date(2027, 2, 1), "Тағы")
    assert "M-11" in err.value.message() and "7" in err.value.message()
    with store.write() as s, pytest.raises(LockedError) as err2:
        council.update_protocol(
            s,
            actor,
            proto.id,
            ProtocolInput(world.region, "7", date(2027, 1, 20), "x", "y", "z", ("y",), "w"),
        )
    assert "M-11" in err2.value.message()
    with store.write() as s, pytest.raises(LockedError):
        programme.correct(s, actor, pair.id, ITEMS, "кейін")

    # M-9: someone else's guide cannot read the journal, even as the coordinator of another
    # region (a coordinator of the pair's own region would: two roles give the union).
    stranger = Actor(
        "other", frozenset({MENTOR, COORDINATOR}), person_id=world.mentor, region_code="ZZZ"
    )
    with store.read() as s, pytest.raises(PermissionDeniedError):
        journal.meetings(s, stranger, pair.id)
