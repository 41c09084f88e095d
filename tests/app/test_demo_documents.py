"""A fresh demo is coherent and every catalogue document prints real content on it (issue 13)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.courts.offices import small_courts
from app.demo.mentoring_rows import ITEMS
from app.documents.catalogue import CATALOGUE
from app.documents.output import produce
from app.documents.protocol import build_protocol
from app.documents.protocol_verify import UNALTERED, verify_pdf
from app.mentoring.queries import needs_analysis
from app.mentoring.rules import JudgeFacts, add_months, guide_refusals, protege_reasons
from app.mentoring.rules import status_events as events_of
from app.mentoring.signing import canonical
from db.models import (
    CandidatePlaces,
    CareerEvent,
    Court,
    EvalProtocol,
    Internship,
    Pair,
    PairReport,
    Person,
    PersonStatusPeriod,
    Programme,
    ProgrammeVersion,
    Protocol,
    RosterEntry,
    RosterOrder,
    TrainingEvent,
    TrainingRegistration,
)
from tests.demo_store import demo_db

CHAIRMAN = "Төраға"


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(demo_db(template_db, tmp_path_factory), backup=False)
    yield store
    store.dispose()


def _periods(s, person_id) -> list[tuple[str, date, date | None]]:
    return [
        (p.status, p.starts_on, p.ends_on)
        for p in s.scalars(
            select(PersonStatusPeriod).where(PersonStatusPeriod.person_id == person_id)
        )
    ]


def test_every_court_has_one_chairman_its_longest_serving_judge(demo: Store) -> None:
    with demo.read() as s:
        for court_id in s.scalars(select(Court.id).where(Court.level != "supreme")):
            judges = s.execute(
                select(Person.position, Person.first_appointed_on)
                .where(Person.court_id == court_id, Person.role == "judge")
                .order_by(Person.first_appointed_on, Person.iin)
            ).all()
            if judges:
                assert [j.position for j in judges].count(CHAIRMAN) == 1
                assert judges[0].position == CHAIRMAN


def test_no_chairman_is_a_protege_or_in_need_of_a_guide_m2(demo: Store) -> None:
    with demo.read() as s:
        chairmen = set(s.scalars(select(Person.id).where(Person.position == CHAIRMAN)))
        assert chairmen
        proteges = set(s.scalars(select(Pair.protege_id)))
        assert proteges and not proteges & chairmen
        names = set(
            s.scalars(
                select(Person.surname + " " + Person.first_name).where(Person.id.in_(chairmen))
            )
        )
        listed = {" ".join(row.full_name.split()[:2]) for row in needs_analysis(s)}
        assert not listed & names


def test_roster_lists_only_guides_eligible_and_appointed_before_the_order_m1_m3(
    demo: Store,
) -> None:
    with demo.read() as s:
        rows = s.execute(
            select(RosterEntry.kind, RosterOrder.signed_on, Person, Court.level)
            .join(RosterOrder, RosterOrder.id == RosterEntry.order_id)
            .join(Person, Person.id == RosterEntry.person_id)
            .join(Court, Court.id == Person.court_id)
        ).all()
        assert rows
        for kind, signed_on, person, level in rows:
            assert person.first_appointed_on < signed_on
            # M-1, seed 002 cl. 11: a chairman tutors only in a small district court
            assert person.position != CHAIRMAN or person.court_id in small_courts(s)
            facts = JudgeFacts(
                person.surname,
                person.role,
                level,
                "active",
                person.first_appointed_on,
                _periods(s, person.id),
            )
            assert guide_refusals(kind, facts, signed_on) == [], person.surname


def test_every_protege_qualified_when_the_pair_started_m2(demo: Store) -> None:
    with demo.read() as s:
        pairs = s.execute(
            select(Pair.starts_on, Person).join(Person, Person.id == Pair.protege_id)
        ).all()
        assert len(pairs) >= 20
        for starts_on, person in pairs:
            # M-2: status periods and the career events recorded by hand
            recorded = s.execute(
                select(CareerEvent.kind, CareerEvent.occurred_on).where(
                    CareerEvent.person_id == person.id
                )
            ).all()
            events = events_of(_periods(s, person.id)) + [(k, d) for k, d in recorded]
            assert protege_reasons(person.first_appointed_on, "active", events, starts_on), (
                person.surname
            )


def test_programmes_have_items_and_the_chairmans_approval_m7(demo: Store) -> None:
    with demo.read() as s:
        chairmen = set(
            s.scalars(
                select(Person.surname + " " + Person.first_name + " " + Person.patronymic).where(
                    Person.position == CHAIRMAN
                )
            )
        )
        rows = s.execute(
            select(Programme, ProgrammeVersion.items, Pair.starts_on)
            .join(Pair, Pair.id == Programme.pair_id)
            .join(
                ProgrammeVersion,
                (ProgrammeVersion.programme_id == Programme.id)
                & (ProgrammeVersion.number == Programme.current_version),
            )
        ).all()
        assert rows
        for programme, items, starts_on in rows:
            assert len(items) >= 3 and all(i["goal"] and i["activity"] for i in items)
            assert programme.approved_by in chairmen
            assert programme.approved_on is not None and programme.approved_on >= starts_on


def test_ended_pairs_have_both_written_reports_m10(demo: Store) -> None:
    with demo.read() as s:
        ended = list(s.scalars(select(Pair.id).where(Pair.ended_on.is_not(None))))
        assert ended
        for pair_id in ended:
            authors = set(s.scalars(select(PairReport.author).where(PairReport.pair_id == pair_id)))
            assert authors == {"guide", "protege"}


def test_a_signed_protocol_that_verifies_and_a_draft_m11(demo: Store) -> None:
    with demo.read() as s:
        protocols = list(s.scalars(select(Protocol).where(Protocol.number.in_(("1", "2")))))
        signed = [p for p in protocols if p.signed_at is not None]
        drafts = [p for p in protocols if p.signed_at is None]
        assert signed and drafts
        content = json.loads(signed[0].content)
        assert content["decisions"]
        code = signed[0].content_hash
        pdf = build_protocol(content, lang="kk", code=code)
        stored = canonical(content).decode("utf-8")
        assert verify_pdf(pdf, lambda c: stored if c == code else None).status == UNALTERED
        # A council closes a pair only once its term is over, or early on petition.
        closed = s.execute(
            select(Pair.starts_on, Pair.term_months, Pair.end_reason, Pair.ended_on).where(
                Pair.locked_by_id == signed[0].id
            )
        ).all()
        assert closed
        for starts_on, months, reason, ended_on in closed:
            assert reason == "petition" or add_months(starts_on, months) <= ended_on


def test_training_plan_with_held_events_candidate_places_and_next_years_schedule(
    demo: Store,
) -> None:
    year = date.today().year
    with demo.read() as s:
        events = s.scalar(
            select(func.count(TrainingEvent.id)).where(TrainingEvent.plan_year == year)
        )
        assert events and events >= 3
        held = select(func.count(TrainingRegistration.id)).where(TrainingRegistration.attended)
        assert s.scalar(held)  # events were held
        assert s.scalar(select(func.count(CandidatePlaces.id)).where(CandidatePlaces.year == year))
        planned = s.execute(
            select(Internship.starts_on, Internship.ends_on).where(Internship.status == "planned")
        ).all()
        assert planned
        for starts_on, ends_on in planned:
            assert starts_on.year == ends_on.year == year + 1
            assert ends_on - starts_on >= timedelta(days=13)  # I-1: two weeks at least
        intern, host = aliased(Person), aliased(Court)
        assert s.scalar(
            select(func.count(Internship.id))
            .join(intern, intern.id == Internship.person_id)
            .join(host, host.id == Internship.host_court_id)
            .where(Internship.status == "done", Internship.ends_on >= date(year, 1, 1))
        )


def _params(store: Store, doc_id: str) -> dict[str, object]:
    if doc_id != "cpd-individual":
        return {}
    with store.read() as s:
        return {"person": (s.scalars(select(Person.iin).order_by(Person.iin)).first(),)}


@pytest.mark.parametrize("doc_id", [d.id for d in CATALOGUE if "pdf" in d.formats])
def test_every_catalogue_document_prints_content_on_a_fresh_demo(demo: Store, doc_id: str) -> None:
    with demo.read() as s:
        output = produce(s, local_actor(), doc_id, _params(demo, doc_id), fmt="pdf", lang="ru")
    if output.count is not None:
        assert output.count > 0, doc_id
    assert output.pdf is not None
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(output.pdf)).pages
    )
    assert "Всего: 0" not in text, doc_id
    if doc_id == "programme":  # items, and the chairman's name under "approved" (M-7)
        assert ITEMS[0][0] in text and "______________ —" not in text


def test_every_demo_person_passes_the_people_import_validators_p3(
    demo: Store, tmp_path: Path
) -> None:
    """The demo's register exports and previews back with no error, and every person with
    status periods (not in the file) passes the same validators: no period before the first
    appointment, none overlapping (P-3)."""
    from sqlalchemy.orm import selectinload

    from app.documents.output import write
    from app.people.importer import preview_file
    from app.people.service import to_dto, validate

    path = tmp_path / "people.xlsx"
    with demo.read() as s:
        write(produce(s, local_actor(), "people-register", {}, fmt="xlsx", lang="ru"), path)
        preview = preview_file(s, local_actor(), path)
        assert len(preview.rows) > 200
        assert [r.errors for r in preview.rows if r.action == "error"] == []
        people = s.scalars(select(Person).options(selectinload(Person.status_periods))).all()
        with_periods = [p for p in people if p.status_periods]
        assert with_periods
        today = date.today()
        for p in with_periods:
            assert validate(to_dto(p, None).data, today) == [], p.iin


def _text(store: Store, doc_id: str, params: dict[str, object], lang: str) -> str:
    with store.read() as s:
        output = produce(s, local_actor(), doc_id, params, fmt="pdf", lang=lang)
    assert output.pdf is not None
    pages = PdfReader(io.BytesIO(output.pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_roster_protocol_and_programme_name_the_regions_coordinator_m6(
    demo: Store, lang: str
) -> None:
    from app.courts.offices import coordinator_of_region

    with demo.read() as s:
        region = s.scalars(select(Pair.region_code).order_by(Pair.region_code)).first()
        assert region
        coordinator = coordinator_of_region(s, region)
        assert coordinator is not None
        court = s.get(Court, s.get(Person, coordinator.person_id).court_id)  # type: ignore[union-attr]
        assert court is not None and court.level == "regional"  # cl. 9
        pair = s.scalars(
            select(Pair.id).where(Pair.region_code == region).order_by(Pair.id)
        ).first()
    for doc_id, params in (
        ("roster", {"region": region}),
        ("protocol", {"number": "1", "region": region}),
        ("programme", {"pair": str(pair)}),
    ):
        text = _text(demo, doc_id, params, lang)
        # the roster and programme sign with initials, the protocol keeps the full name
        assert coordinator.initials in text or coordinator.name in text, (doc_id, lang)


def test_small_district_courts_with_a_named_chairman_m1(demo: Store) -> None:
    from app.courts.offices import CHAIRMAN as CHAIR_OFFICE
    from app.courts.offices import holders, small_courts

    with demo.read() as s:
        small = small_courts(s)
        assert len(small) >= 2
        chairmen = holders(s, CHAIR_OFFICE)
        for court_id in small:
            held = chairmen[court_id]
            person = s.get(Person, held.person_id)
            assert person is not None and person.court_id == court_id
            assert person.position == CHAIRMAN


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_commission_protocol_and_acknowledgements_print_the_demo_round_e3(
    demo: Store, lang: str
) -> None:
    from app.evaluation.commission import DECISIONS, content
    from i18n import format_date, translator

    tr_ = translator(lang)
    with demo.read() as s:
        round_id, protocol_id = s.execute(select(EvalProtocol.round_id, EvalProtocol.id)).one()
        data = content(s, round_id, protocol_id)
    assert len(data.lines) >= 20 and all(line.decision in DECISIONS for line in data.lines)
    assert {"approved", "other"} <= {line.decision for line in data.lines}
    assert not {data.chair, *data.members} & {line.name for line in data.lines}  # no self-judging
    acknowledged = [line for line in data.lines if line.acknowledged_on]
    assert 0 < len(acknowledged) < len(data.lines)  # some judges have not signed yet
    params = {"round": str(round_id), "protocol": str(protocol_id)}
    text = _text(demo, "evaluation-protocol", params, lang)
    assert data.chair in text and data.lines[0].name in text
    assert " ".join(tr_(DECISIONS["approved"]).split()) in text
    ack = _text(demo, "evaluation-acknowledgement", params, lang)
    assert data.lines[-1].name in ack
    assert format_date(acknowledged[0].acknowledged_on, lang) in ack  # type: ignore[arg-type]


def test_every_demo_judge_has_monitoring_in_the_dossier_e4(demo: Store) -> None:
    from app.dossier.queries import dossier
    from app.evaluation.monitoring import APPEAL, CASSATION, WORKLOAD, line_errors

    year = date.today().year - 1
    with demo.read() as s:
        judges = s.execute(
            select(Person.id, Person.specialisation)
            .where(Person.role == "judge")
            .order_by(Person.iin)
        ).all()
        assert judges
        for pid, specialisation in judges[:: max(1, len(judges) // 25)]:
            lines = dossier(s, pid).monitoring
            assert {line.kind for line in lines} == {WORKLOAD, APPEAL, CASSATION}
            workload = [line for line in lines if line.kind == WORKLOAD]
            assert workload[0].category == (
                specialisation if specialisation != "general" else "civil"
            )
            for line in lines:
                assert line.period_start == date(year, 1, 1) and line_errors(line) == []
                assert line.kind == WORKLOAD or line.kept_share is not None


def test_a_small_courts_chairman_tutors_a_judge_of_that_court_m1(demo: Store) -> None:
    from app.courts.offices import CHAIRMAN as CHAIR_OFFICE
    from app.courts.offices import holders, small_courts
    from app.mentoring.access import judge_facts

    with demo.read() as s:
        chairmen = {held.person_id: court for court, held in holders(s, CHAIR_OFFICE).items()}
        small = small_courts(s)
        pairs = s.execute(
            select(Pair.guide_id, Pair.kind, Pair.starts_on, Person.court_id)
            .join(Person, Person.id == Pair.protege_id)
            .where(Pair.guide_id.in_(chairmen))
        ).all()
        assert pairs
        for guide_id, kind, starts_on, court_id in pairs:
            assert kind == "tutor" and chairmen[guide_id] == court_id and court_id in small
            facts = judge_facts(s, s.get(Person, guide_id), starts_on)  # type: ignore[arg-type]
            assert facts.chairman and facts.small_court
            assert guide_refusals("tutor", facts, starts_on) == []
