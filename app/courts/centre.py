"""The training centre this installation serves, as named in document headers."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.core.settings import get_setting
from app.courts.dto import CentreDTO
from db.models import TrainingCentre

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
