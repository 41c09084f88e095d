"""Courts: reference lists and the district courts users add (P-1)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import ConflictError, FieldError, NotFoundError, ValidationError
from app.core.permissions import COURTS_EDIT, require
from app.courts.dto import CentreDTO, CourtDTO, DistrictCourtInput
from db.models import Court, Person, TrainingCentre
from i18n import N_
from i18n.collation import sort_key


def _dto(c: Court) -> CourtDTO:
    return CourtDTO(
        c.id, c.code, c.level, c.name_kk, c.name_ru, c.parent_id, c.region_code, c.version
    )


def list_courts(session: Session, level: str = "", region_code: str = "") -> list[CourtDTO]:
    """Courts in hierarchy order: Supreme, then regions alphabetically, districts within."""
    stmt = select(Court)
    if level:
        stmt = stmt.where(Court.level == level)
    if region_code:
        stmt = stmt.where(Court.region_code == region_code)
    level_rank = {"supreme": 0, "regional": 1, "district": 2}
    courts = list(session.scalars(stmt))
    return [_dto(c) for c in sorted(courts, key=lambda c: (level_rank[c.level], c.sort_key))]


def list_centres(session: Session) -> list[CentreDTO]:
    """Every training centre, by its court's name."""
    rows = session.execute(
        select(TrainingCentre, Court.sort_key)
        .join(Court, Court.id == TrainingCentre.court_id)
        .order_by(Court.sort_key)
    ).all()
    return [CentreDTO(t.id, t.court_id, t.name_kk, t.name_ru) for t, _ in rows]


def _validate(
    session: Session, data: DistrictCourtInput, exclude: uuid.UUID | None
) -> tuple[Court, str, str]:
    name_kk, name_ru = " ".join(data.name_kk.split()), " ".join(data.name_ru.split())
    errors = []
    # The regional court's row is locked until commit: two PCs adding the same district court
    # take turns at the check below (SQLite's write transaction already takes turns).
    regional = (
        session.get(Court, data.regional_court_id, with_for_update=True)
        if data.regional_court_id
        else None
    )
    if regional is None or regional.level != "regional":
        errors.append(FieldError("regional_court_id", N_("Choose the regional court.")))
    for field, value in (("name_kk", name_kk), ("name_ru", name_ru)):
        if not value:
            errors.append(FieldError(field, N_("This field is required.")))
        elif len(value) > 300:
            errors.append(FieldError(field, N_("At most {limit} characters."), {"limit": 300}))
    if regional is not None and name_kk:
        # Compared in Python: SQLite's lower() folds ASCII only, so "Әбай" and "ӘБАЙ" differed.
        siblings = session.execute(
            select(Court.id, Court.name_kk).where(Court.parent_id == regional.id)
        ).all()
        wanted = name_kk.casefold()
        clashes = {c.id for c in siblings if " ".join(c.name_kk.split()).casefold() == wanted}
        if clashes - {exclude}:
            errors.append(FieldError("name_kk", N_("This region already has a court so named.")))
    if errors:
        raise ValidationError(errors)
    assert regional is not None
    return regional, name_kk, name_ru


def add_district_court(session: Session, actor: Actor, data: DistrictCourtInput) -> CourtDTO:
    """Add a district court under a regional court."""
    require(actor, COURTS_EDIT)
    regional, name_kk, name_ru = _validate(session, data, None)
    court = Court(
        code=f"{regional.code}-{uuid.uuid4().hex[:8].upper()}",
        level="district",
        name_kk=name_kk,
        name_ru=name_ru,
        parent_id=regional.id,
        region_code=regional.region_code,
        sort_key=sort_key(name_kk),
        updated_by=actor.name,
    )
    session.add(court)
    session.flush()
    record(
        session,
        actor,
        "create",
        "court",
        court.id,
        diff({}, {"name_kk": name_kk, "name_ru": name_ru, "parent_id": regional.id}),
    )
    return _dto(court)


def rename_district_court(
    session: Session,
    actor: Actor,
    court_id: uuid.UUID,
    data: DistrictCourtInput,
    expected_version: int,
) -> CourtDTO:
    """Change a district court's names or region."""
    require(actor, COURTS_EDIT)
    court = session.get(Court, court_id)
    if court is None or court.level != "district":
        raise NotFoundError(N_("This court was deleted by someone else."))
    if court.version != expected_version:
        raise ConflictError(
            N_("Someone else changed this record meanwhile. Reload it and try again.")
        )
    regional, name_kk, name_ru = _validate(session, data, court_id)
    before = {"name_kk": court.name_kk, "name_ru": court.name_ru, "parent_id": court.parent_id}
    court.name_kk, court.name_ru, court.parent_id = name_kk, name_ru, regional.id
    court.region_code, court.sort_key = regional.region_code, sort_key(name_kk)
    court.updated_by = actor.name
    session.flush()
    after = {"name_kk": name_kk, "name_ru": name_ru, "parent_id": regional.id}
    record(session, actor, "update", "court", court.id, diff(before, after))
    return _dto(court)


def delete_district_court(session: Session, actor: Actor, court_id: uuid.UUID) -> None:
    """Remove a district court nobody belongs to."""
    require(actor, COURTS_EDIT)
    court = session.get(Court, court_id)
    if court is None or court.level != "district":
        raise NotFoundError(N_("This court was deleted by someone else."))
    people = session.scalar(select(func.count(Person.id)).where(Person.court_id == court_id))
    if people:
        raise ConflictError(
            N_("{count} people belong to this court; move them first."), count=people
        )
    record(
        session,
        actor,
        "delete",
        "court",
        court.id,
        diff({"name_kk": court.name_kk, "name_ru": court.name_ru}, {}),
    )
    session.delete(court)
    session.flush()
