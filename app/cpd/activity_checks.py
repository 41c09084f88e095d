"""What an activity must be to enter the ledger: its fields, dates and points (C-1, C-3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from app.core.errors import (
    FieldError,
    ValidationError,
)
from app.cpd.dto import ActivityInput
from app.cpd.rules import rule_set_for
from db.models import CpdForm, Person
from i18n import N_

EVENT_MAX = 400


ORGANISER_MAX = 300


EARLIEST = date(1991, 12, 16)


def normalise(data: ActivityInput) -> ActivityInput:
    """Trim and collapse white space."""
    return replace(
        data,
        event=" ".join(data.event.split()),
        organiser=" ".join(data.organiser.split()),
        override_reason=data.override_reason.strip(),
    )


def validate(session: Session, data: ActivityInput, today: date) -> tuple[Decimal, Decimal | None]:
    """Every problem of an activity, or its points and catalogue points (C-1, C-3).

    Points come from the catalogue of the rule set in force for the activity's year (C-9);
    entering other points is an override and needs a reason.
    """
    errors: list[FieldError] = []
    if session.get(Person, data.person_id) is None:
        errors.append(FieldError("person_id", N_("The chosen person no longer exists.")))
    if session.get(CpdForm, data.form_id) is None:
        errors.append(FieldError("form_id", N_("The chosen form no longer exists.")))
    if not data.event:
        errors.append(FieldError("event", N_("This field is required.")))
    elif len(data.event) > EVENT_MAX:
        errors.append(FieldError("event", N_("At most {limit} characters."), {"limit": EVENT_MAX}))
    if len(data.organiser) > ORGANISER_MAX:
        errors.append(
            FieldError("organiser", N_("At most {limit} characters."), {"limit": ORGANISER_MAX})
        )
    if data.ends_on < data.starts_on:
        errors.append(FieldError("ends_on", N_("It ends before it starts.")))
    if data.starts_on < EARLIEST:
        errors.append(FieldError("starts_on", N_("The date is before 16.12.1991.")))
    if data.ends_on > today:
        errors.append(FieldError("ends_on", N_("The date is in the future.")))
    if data.hours is not None and (data.hours < 0 or data.hours > 10000):
        errors.append(FieldError("hours", N_("Hours must be between 0 and 10000.")))
    catalogue: Decimal | None = None
    points = data.points
    if not errors:
        catalogue = rule_set_for(session, data.ends_on.year).points.get(data.form_id)
        if points is None:
            if catalogue is None:
                errors.append(
                    FieldError(
                        "points",
                        N_(
                            "This form has no points in the rules of {year}: enter the points and "
                            "the reason."
                        ),
                        {"year": data.ends_on.year},
                    )
                )
            points = catalogue
    if points is not None and (points < 0 or points > 100):
        errors.append(FieldError("points", N_("Points must be between 0 and 100.")))
    elif points is not None and points != catalogue and not data.override_reason:
        errors.append(
            FieldError(
                "override_reason",
                N_("Points differ from the catalogue ({points}): give the reason."),
                {"points": catalogue if catalogue is not None else "-"},
            )
        )
    if errors:
        raise ValidationError(errors)
    assert points is not None
    return points, catalogue
