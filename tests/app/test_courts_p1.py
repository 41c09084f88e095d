"""P-1: Supreme Court → regional courts, each with one training centre → district courts."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.core.errors import ConflictError, ValidationError
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court, list_centres, list_courts
from db.models import Court, TrainingCentre


def test_p1_every_regional_court_has_exactly_one_training_centre(store) -> None:
    with store.read() as s:
        regional = {c.id for c in list_courts(s, "regional")}
        centres = [c.court_id for c in list_centres(s)]
        supreme = s.scalar(select(func.count()).where(Court.level == "supreme"))
    assert len(regional) >= 20  # 17 oblasts, Astana, Almaty, Shymkent (and equivalents)
    assert sorted(centres, key=str) == sorted(regional, key=str) and supreme == 1


def test_p1_a_district_court_belongs_to_a_regional_court_only(store, actor) -> None:
    with store.write() as s:
        regional = s.scalar(select(Court).where(Court.code == "AKM"))
        district = add_district_court(
            s, actor, DistrictCourtInput(regional.id, "Зеренді аудандық соты", "Зерендинский суд")
        )
    assert district.parent_id == regional.id and district.region_code == regional.region_code
    with store.read() as s:
        supreme = s.scalar(select(Court.id).where(Court.level == "supreme"))
    for parent in (district.id, supreme):  # under a district court or the Supreme Court: no
        with store.write() as s, pytest.raises(ValidationError) as err:
            add_district_court(s, actor, DistrictCourtInput(parent, "Басқа сот", "Другой суд"))
        assert err.value.for_field("regional_court_id")


def test_p1_a_second_training_centre_for_one_court_is_refused(store) -> None:
    with store.read() as s:
        court_id = s.scalar(select(TrainingCentre.court_id))
    # the unique index refuses it; the store reports it as a conflict (ConflictError)
    with pytest.raises(ConflictError), store.write() as s:
        s.add(TrainingCentre(court_id=court_id, name_kk="Екінші", name_ru="Второй"))
        s.flush()
