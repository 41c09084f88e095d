"""Import district courts: regional court, Kazakh and Russian names; preview, then all or none."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import IMPORT, require
from app.core.spreadsheet.reader import Sheet, line_errors
from app.core.spreadsheet.values import as_text
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from db.models import Court
from i18n import LANGUAGES, N_, _, translator

COLUMNS = (
    ("regional", N_("Regional court")),
    ("name_kk", N_("Name in Kazakh")),
    ("name_ru", N_("Name in Russian")),
)


@dataclass(frozen=True)
class CourtRow:
    """One row: "new", "exists" (already there, left alone) or "error"."""

    line: int
    action: str
    name_kk: str
    errors: tuple[str, ...] = ()
    data: DistrictCourtInput | None = None


def _index(sheet: Sheet) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, title in enumerate(sheet.header):
        clean = title.rstrip(" *").strip().casefold()
        for key, text in COLUMNS:
            names = {key, text} | {translator(lang)(text) for lang in LANGUAGES}
            if clean in {n.casefold() for n in names}:
                found.setdefault(key, i)
    missing = [text for key, text in COLUMNS if key not in found]
    if missing:
        raise ValidationError(
            [FieldError("file", N_("The file has no column {name}."), {"name": m}) for m in missing]
        )
    return found


def preview_courts(session: Session, actor: Actor, sheet: Sheet) -> tuple[CourtRow, ...]:
    """Classify every row; writes nothing."""
    require(actor, IMPORT)
    index = _index(sheet)
    regional: dict[str, uuid.UUID] = {}
    for c in session.execute(
        select(Court.id, Court.code, Court.name_kk, Court.name_ru).where(Court.level == "regional")
    ):
        for text in (c.code, c.name_kk, c.name_ru):
            regional[" ".join(text.split()).casefold()] = c.id
    existing = {
        (r.parent_id, " ".join(r.name_kk.split()).casefold())
        for r in session.execute(select(Court.parent_id, Court.name_kk))
    }
    out: list[CourtRow] = []
    seen: set[tuple[uuid.UUID, str]] = set()
    for line, raw in sheet.rows:
        cells = {k: as_text(raw[i]) if i < len(raw) else "" for k, i in index.items()}
        name_kk, name_ru = " ".join(cells["name_kk"].split()), " ".join(cells["name_ru"].split())
        errors: list[str] = []
        parent = regional.get(" ".join(cells["regional"].split()).casefold())
        if parent is None:
            errors.append(
                _("Unknown regional court \u201c{value}\u201d.").format(
                    value=cells["regional"][:80]
                )
            )
        for value in (name_kk, name_ru):
            if not value:
                errors.append(_("This field is required."))
            elif len(value) > 300:
                errors.append(_("At most {limit} characters.").format(limit=300))
        if errors or parent is None:
            out.append(CourtRow(line, "error", name_kk[:300], tuple(errors)))
            continue
        key = (parent, name_kk.casefold())
        if key in existing or key in seen:
            out.append(CourtRow(line, "exists", name_kk))
            continue
        seen.add(key)
        out.append(CourtRow(line, "new", name_kk, (), DistrictCourtInput(parent, name_kk, name_ru)))
    return tuple(out)


def apply_courts(session: Session, actor: Actor, rows: tuple[CourtRow, ...]) -> int:
    """Add the new courts of a confirmed preview (errors refuse the whole import)."""
    require(actor, IMPORT)
    bad = [r for r in rows if r.action == "error"]
    if bad:
        raise ValidationError(line_errors(bad))
    added = 0
    for r in rows:
        if r.action == "new" and r.data is not None:
            add_district_court(session, actor, r.data)
            added += 1
    return added
