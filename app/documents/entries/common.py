"""Parameters and choices several documents share: the year, the region."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.courts.centre import current_centre
from app.courts.service import list_courts
from app.documents.spec import REF, YEAR, Option, Param, Params
from i18n import N_, localized


def region_options(session: Session, _actor: Actor, _params: Params) -> list[Option]:
    """The regions by their regional court, this centre's own region first."""
    courts = list_courts(session, level="regional")
    centre = current_centre(session)
    home = next((c.region_code for c in courts if centre and c.id == centre.court_id), "")
    courts.sort(key=lambda c: c.region_code != home)
    return [(c.region_code, c.name_kk, c.name_ru) for c in courts]


def court_options(session: Session, _actor: Actor, _params: Params) -> list[Option]:
    """Every court, by name."""
    return [(str(c.id), c.name_kk, c.name_ru) for c in list_courts(session)]


def court() -> Param:
    """One court; empty means all."""
    return Param("court", REF, N_("Court"), options=court_options, help=N_("court id"))


def region_names(session: Session, region_code: str) -> tuple[str, str]:
    """The region's name (of its regional court) in Kazakh and Russian; the code if unknown."""
    courts = list_courts(session, level="regional", region_code=region_code)
    if not courts:
        return region_code, region_code
    return courts[0].name_kk, courts[0].name_ru


def region_name(names: tuple[str, str], lang: str) -> str:
    """One of region_names() in a language."""
    return localized(names[0], names[1], lang)


def year(default: Callable[[date], int], *, required: bool = True) -> Param:
    """The year a document covers."""
    return Param(
        "year", YEAR, N_("Year"), default=default, required=required, help=N_("calendar year")
    )


def this_year(today: date) -> int:
    """The current year."""
    return today.year


def next_year(today: date) -> int:
    """The coming year (plans and schedules are made ahead)."""
    return today.year + 1


def region(*, required: bool = False, blank: bool = True) -> Param:
    """The region a document covers; empty means all."""
    return Param(
        "region",
        REF,
        N_("Region"),
        required=required,
        options=region_options,
        blank=blank and not required,
        help=N_("region code, e.g. AKM"),
    )


def count_of(data: Any) -> int:
    """The length of a gathered list."""
    return len(data)
