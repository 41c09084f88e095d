"""The training centre this installation serves, as named in document headers."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.settings import get_setting
from app.courts.dto import CentreDTO
from db.models import Court, TrainingCentre

CENTRE_KEY = "centre_id"


def current_centre(session: Session) -> CentreDTO | None:
    """The training centre named in report headers, if one was chosen."""
    raw = get_setting(session, CENTRE_KEY)
    if not raw:
        return None
    centre = session.get(TrainingCentre, uuid.UUID(raw))
    if centre is None:
        return None
    return CentreDTO(centre.id, centre.court_id, centre.name_kk, centre.name_ru)


def centre_region_code(session: Session) -> str:
    """Region of the training centre chosen in settings ("" when none): the lists start there."""
    centre = current_centre(session)
    if centre is None:
        return ""
    return session.scalar(select(Court.region_code).where(Court.id == centre.court_id)) or ""
