"""Data carried between the evaluation services and their callers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from i18n import localized

SCALES = ("1-5", "yes_no")


@dataclass(frozen=True)
class CriterionDTO:
    """A criterion of a template version."""

    id: uuid.UUID
    code: str
    title_kk: str
    title_ru: str
    scale: str
    weight: Decimal
    comment_required: bool

    @property
    def title(self) -> str:
        """Title in the active language."""
        return localized(self.title_kk, self.title_ru)


@dataclass(frozen=True)
class SectionDTO:
    """A section and its criteria."""

    id: uuid.UUID
    title_kk: str
    title_ru: str
    criteria: tuple[CriterionDTO, ...]

    @property
    def title(self) -> str:
        """Title in the active language."""
        return localized(self.title_kk, self.title_ru)


@dataclass(frozen=True)
class TemplateDTO:
    """One version of a template."""

    id: uuid.UUID
    code: str
    version_no: int
    title_kk: str
    title_ru: str
    purpose: str
    formula: str
    valid_from: date
    sections: tuple[SectionDTO, ...]

    @property
    def title(self) -> str:
        """Title in the active language."""
        return localized(self.title_kk, self.title_ru)

    def criteria(self) -> list[CriterionDTO]:
        """Every criterion in order."""
        return [c for s in self.sections for c in s.criteria]


@dataclass(frozen=True)
class CriterionInput:
    """A criterion as the template editor collects it; weight is a percent of its section."""

    code: str
    title_kk: str
    title_ru: str
    scale: str = "1-5"
    weight: Decimal = Decimal(0)
    comment_required: bool = False


@dataclass(frozen=True)
class SectionInput:
    """A section as the template editor collects it."""

    title_kk: str
    title_ru: str
    criteria: tuple[CriterionInput, ...] = ()


@dataclass(frozen=True)
class TemplateInput:
    """A new version of a template (or the first one of a new code)."""

    code: str
    title_kk: str
    title_ru: str
    purpose: str = ""
    valid_from: date = date(2026, 1, 1)
    sections: tuple[SectionInput, ...] = ()


@dataclass(frozen=True)
class RatingInput:
    """One value for a criterion: 1–5, or 1 = yes / 0 = no; a comment where required."""

    criterion_id: uuid.UUID
    value: int
    comment: str = ""


@dataclass(frozen=True)
class RatingDTO:
    """A saved rating."""

    rater: str
    criterion_id: uuid.UUID
    value: int
    comment: str


@dataclass(frozen=True)
class SheetDTO:
    """A sheet with its template version, ratings and computed scores."""

    id: uuid.UUID
    version: int
    template: TemplateDTO
    subject_id: uuid.UUID
    subject_name: str
    period: str
    round_id: uuid.UUID | None
    internship_id: uuid.UUID | None
    status: str
    total: Decimal | None
    section_scores: tuple[Decimal | None, ...]
    ratings: tuple[RatingDTO, ...]
    signed_at: datetime | None = None
    signed_by: str = ""
    acknowledged_on: date | None = None

    @property
    def raters(self) -> tuple[str, ...]:
        """Who rated, in order of first rating."""
        return tuple(dict.fromkeys(r.rater for r in self.ratings))


@dataclass(frozen=True)
class RoundDTO:
    """An evaluation round and how many sheets it holds."""

    id: uuid.UUID
    template_code: str
    period: str
    title: str
    sheets: int
    signed: int


@dataclass(frozen=True)
class SampleItemDTO:
    """A drawn item as reviewers see it (E-2): only the depersonalised code."""

    code: str


@dataclass(frozen=True)
class DrawDTO:
    """A random sample: seed recorded so it can be drawn again identically."""

    id: uuid.UUID
    person_id: uuid.UUID
    seed: int
    size: int
    population: int
    kind: str
    items: tuple[SampleItemDTO, ...] = field(default_factory=tuple)
