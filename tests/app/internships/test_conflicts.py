"""Manual moves and edits: conflict warnings that name the broken rule (I-1, I-3)."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from app.core.context import VIEWER, Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.internships.conflicts import check_internship
from app.internships.dto import InternshipInput
from app.internships.hosts import add_blackout, add_busy_period, add_offer, set_candidate_places
from app.internships.queries import candidate_places_usage
from app.internships.service import InternshipConflictError, save_internship
from app.people.dto import PersonInput, StatusPeriod
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court

Y = 2027


def _setup(store: Store, actor: Actor) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID]:
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        other = s.scalar(select(Court.id).where(Court.code == "KAR"))
        assert regional is not None and other is not None
        district = add_district_court(
            s,
            actor,
            DistrictCourtInput(regional, "Көкшетау қалалық соты", "Кокшетауский городской суд"),
        ).id
        judge = create_person(
            s,
            actor,
            PersonInput(
                make_iin(date(1980, 5, 5), 11),
                "Әбілқасымова",
                "Гүлнәр",
                court_id=district,
                first_appointed_on=date(2010, 1, 1),
                status_periods=(StatusPeriod("childcare_leave", date(Y, 9, 1), date(Y, 12, 1)),),
            ),
        ).id
        add_offer(s, actor, regional, starts_on=date(Y, 1, 10), ends_on=date(Y, 12, 20), capacity=1)
        add_blackout(
            s, actor, regional, starts_on=date(Y, 7, 1), ends_on=date(Y, 7, 31), reason="Демалыс"
        )
    return regional, other, district, judge


def _rules(exc: pytest.ExceptionInfo[InternshipConflictError]) -> set[str]:
    return {c.code for c in exc.value.conflicts}


def test_valid_internship_saves_without_warnings(store: Store, actor: Actor) -> None:
    regional, _other, _d, judge = _setup(store, actor)
    with store.write() as s:
        saved = save_internship(
            s, actor, InternshipInput(judge, regional, date(Y, 3, 1), date(Y, 3, 14))
        )
    assert saved.conflicts == ()
    assert saved.internship.host_name_kk == "Ақмола облыстық соты"


def test_move_into_conflicts_names_rule_i1(store: Store, actor: Actor) -> None:
    """I-1: too short, not a higher court, host closed, on leave — each named, nothing saved."""
    regional, other, _d, judge = _setup(store, actor)
    with store.write() as s, pytest.raises(InternshipConflictError) as exc:
        save_internship(s, actor, InternshipInput(judge, other, date(Y, 7, 5), date(Y, 7, 12)))
    assert _rules(exc) >= {"too_short", "not_higher_court"}
    assert all(c.rule == "I-1" for c in exc.value.conflicts)
    assert "I-1" in exc.value.message()
    with store.write() as s, pytest.raises(InternshipConflictError) as exc:
        save_internship(s, actor, InternshipInput(judge, regional, date(Y, 7, 5), date(Y, 7, 20)))
    assert "host_closed" in _rules(exc) and "over_capacity" not in _rules(exc)
    with store.write() as s, pytest.raises(InternshipConflictError) as exc:
        save_internship(s, actor, InternshipInput(judge, regional, date(Y, 9, 5), date(Y, 9, 20)))
    assert "on_leave" in _rules(exc)


def test_capacity_and_overlap_are_checked_against_other_internships(
    store: Store, actor: Actor
) -> None:
    regional, _o, district, judge = _setup(store, actor)
    with store.write() as s:
        other = create_person(
            s,
            actor,
            PersonInput(make_iin(date(1979, 2, 2), 12), "Петров", "Игорь", court_id=district),
        ).id
        first = save_internship(
            s, actor, InternshipInput(judge, regional, date(Y, 3, 1), date(Y, 3, 14))
        ).internship
        add_busy_period(
            s,
            actor,
            judge,
            starts_on=date(Y, 5, 3),
            ends_on=date(Y, 5, 7),
            source="training",
            note="Семинар",
        )
    with store.read() as s:
        codes = {
            c.code
            for c in check_internship(
                s, InternshipInput(other, regional, date(Y, 3, 10), date(Y, 3, 24))
            )
        }
        assert "over_capacity" in codes
        codes = {
            c.code
            for c in check_internship(
                s, InternshipInput(judge, regional, date(Y, 3, 10), date(Y, 3, 24)), exclude=None
            )
        }
        assert "overlap" in codes
        # Moving the internship itself does not conflict with its own old dates.
        assert (
            check_internship(
                s, InternshipInput(judge, regional, date(Y, 3, 8), date(Y, 3, 21)), exclude=first.id
            )
            == []
        )
        codes = {
            c.code
            for c in check_internship(
                s, InternshipInput(judge, regional, date(Y, 5, 1), date(Y, 5, 14)), exclude=first.id
            )
        }
        assert codes == {"busy"}


def test_accepted_conflicts_are_saved_with_their_warnings(store: Store, actor: Actor) -> None:
    regional, _o, _d, judge = _setup(store, actor)
    with store.write() as s:
        saved = save_internship(
            s,
            actor,
            InternshipInput(judge, regional, date(Y, 3, 1), date(Y, 3, 7)),
            accept_conflicts=True,
        )
    assert [c.code for c in saved.conflicts] == ["too_short"]


def test_candidate_places_rule_i3(store: Store, actor: Actor) -> None:
    """I-3: candidates' paid internships fit the places HR allocated to the court."""
    _r, _o, district, _j = _setup(store, actor)
    with store.write() as s:
        set_candidate_places(s, actor, district, Y, 1)
        c1 = create_person(
            s,
            actor,
            PersonInput(make_iin(date(1995, 1, 1), 21), "Серікова", "Әйгерім", role="candidate"),
        ).id
        c2 = create_person(
            s,
            actor,
            PersonInput(make_iin(date(1996, 1, 1), 22), "Иванов", "Олег", role="candidate"),
        ).id
        save_internship(
            s,
            actor,
            InternshipInput(
                c1, district, date(Y, 2, 1), date(Y, 4, 30), kind="candidate", paid=True
            ),
        )
    with store.write() as s, pytest.raises(InternshipConflictError) as exc:
        save_internship(
            s,
            actor,
            InternshipInput(
                c2, district, date(Y, 2, 1), date(Y, 4, 30), kind="candidate", paid=True
            ),
        )
    assert exc.value.conflicts[0].rule == "I-3"
    with store.read() as s:
        assert candidate_places_usage(s, Y) == [
            ("Көкшетау қалалық соты", "Кокшетауский городской суд", 1, 1)
        ]


def test_validation_and_permissions(store: Store, actor: Actor) -> None:
    regional, _o, _d, judge = _setup(store, actor)
    with store.write() as s, pytest.raises(ValidationError) as exc:
        save_internship(s, actor, InternshipInput(judge, regional, date(Y, 3, 14), date(Y, 3, 1)))
    assert exc.value.for_field("ends_on")
    viewer = Actor("v", frozenset({VIEWER}))
    with store.write() as s, pytest.raises(PermissionDeniedError):
        save_internship(s, viewer, InternshipInput(judge, regional, date(Y, 3, 1), date(Y, 3, 14)))


def test_candidate_places_report(store: Store, actor: Actor, tmp_path: Path) -> None:
    """I-3: the report lists places per court, taken and free, in kk and ru."""
    from app.__main__ import main

    _r, _o, district, _j = _setup(store, actor)
    with store.write() as s:
        set_candidate_places(s, actor, district, Y, 3)
        cand = create_person(
            s,
            actor,
            PersonInput(make_iin(date(1994, 1, 1), 23), "Серікова", "Әсел", role="candidate"),
        ).id
        save_internship(
            s,
            actor,
            InternshipInput(
                cand, district, date(Y, 2, 1), date(Y, 4, 30), kind="candidate", paid=True
            ),
        )
    path = store.url  # the file, or the PostgreSQL database of the run
    for lang, words in (("kk", "Судьялыққа кандидаттардың"), ("ru", "кандидатов в судьи")):
        out = tmp_path / f"c-{lang}.pdf"
        assert (
            main(
                [
                    "--db",
                    str(path),
                    "report",
                    "candidate-places",
                    "--year",
                    str(Y),
                    "--lang",
                    lang,
                    "--out",
                    str(out),
                ]
            )
            == 0
        )
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
        assert words in text.replace("\n", " ")
    xlsx = tmp_path / "c.xlsx"
    assert (
        main(
            [
                "--db",
                str(path),
                "report",
                "candidate-places",
                "--year",
                str(Y),
                "--format",
                "xlsx",
                "--out",
                str(xlsx),
            ]
        )
        == 0
    )
    row = [c.value for c in load_workbook(xlsx).active[2]]
    assert row[1:] == ["Көкшетау қалалық соты", 3, 1, 2]
