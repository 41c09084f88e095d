"""Court data for lists, pickers and forms."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from i18n import localized


@dataclass(frozen=True)
class CourtDTO:
    """A court with both names."""

    id: uuid.UUID
    code: str
    level: str
    name_kk: str
    name_ru: str
    parent_id: uuid.UUID | None
    region_code: str
    version: int = 1

    @property
    def name(self) -> str:
        """Name in the active language."""
        return localized(self.name_kk, self.name_ru)


@dataclass(frozen=True)
class CentreDTO:
    """A training centre and its regional court."""

    id: uuid.UUID
    court_id: uuid.UUID
    name_kk: str
    name_ru: str

    @property
    def name(self) -> str:
        """Name in the active language."""
        return localized(self.name_kk, self.name_ru)


@dataclass(frozen=True)
class DistrictCourtInput:
    """A district court a user adds under a regional court."""

    regional_court_id: uuid.UUID | None
    name_kk: str
    name_ru: str
