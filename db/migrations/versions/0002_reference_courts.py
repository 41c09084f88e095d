"""Reference data: the Supreme Court, 20 regional courts and their training centres (P-1).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from i18n.collation import sort_key

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Fixed UUIDs (uuid5 of the code) so every offline PC ships the same reference rows and
# exchange packages refer to them without mapping.
NAMESPACE = uuid.UUID("5b0c7a52-8d1e-4f0a-9c55-0d7e3a1f2b10")

SUPREME = ("SC", "Қазақстан Республикасының Жоғарғы Соты", "Верховный Суд Республики Казахстан")

# code, kk name, ru name, kk genitive (for the centre), ru genitive
REGIONAL = [
    ("ABAI", "Абай облыстық соты", "Областной суд области Абай",
     "Абай облыстық сотының", "Областного суда области Абай"),
    ("AKM", "Ақмола облыстық соты", "Акмолинский областной суд",
     "Ақмола облыстық сотының", "Акмолинского областного суда"),
    ("AKT", "Ақтөбе облыстық соты", "Актюбинский областной суд",
     "Ақтөбе облыстық сотының", "Актюбинского областного суда"),
    ("ALO", "Алматы облыстық соты", "Алматинский областной суд",
     "Алматы облыстық сотының", "Алматинского областного суда"),
    ("ATY", "Атырау облыстық соты", "Атырауский областной суд",
     "Атырау облыстық сотының", "Атырауского областного суда"),
    ("WKO", "Батыс Қазақстан облыстық соты", "Западно-Казахстанский областной суд",
     "Батыс Қазақстан облыстық сотының", "Западно-Казахстанского областного суда"),
    ("ZHA", "Жамбыл облыстық соты", "Жамбылский областной суд",
     "Жамбыл облыстық сотының", "Жамбылского областного суда"),
    ("ZHE", "Жетісу облыстық соты", "Областной суд области Жетісу",
     "Жетісу облыстық сотының", "Областного суда области Жетісу"),
    ("KAR", "Қарағанды облыстық соты", "Карагандинский областной суд",
     "Қарағанды облыстық сотының", "Карагандинского областного суда"),
    ("KOS", "Қостанай облыстық соты", "Костанайский областной суд",
     "Қостанай облыстық сотының", "Костанайского областного суда"),
    ("KZY", "Қызылорда облыстық соты", "Кызылординский областной суд",
     "Қызылорда облыстық сотының", "Кызылординского областного суда"),
    ("MAN", "Маңғыстау облыстық соты", "Мангистауский областной суд",
     "Маңғыстау облыстық сотының", "Мангистауского областного суда"),
    ("PAV", "Павлодар облыстық соты", "Павлодарский областной суд",
     "Павлодар облыстық сотының", "Павлодарского областного суда"),
    ("NKO", "Солтүстік Қазақстан облыстық соты", "Северо-Казахстанский областной суд",
     "Солтүстік Қазақстан облыстық сотының", "Северо-Казахстанского областного суда"),
    ("TUR", "Түркістан облыстық соты", "Туркестанский областной суд",
     "Түркістан облыстық сотының", "Туркестанского областного суда"),
    ("ULY", "Ұлытау облыстық соты", "Областной суд области Ұлытау",
     "Ұлытау облыстық сотының", "Областного суда области Ұлытау"),
    ("EKO", "Шығыс Қазақстан облыстық соты", "Восточно-Казахстанский областной суд",
     "Шығыс Қазақстан облыстық сотының", "Восточно-Казахстанского областного суда"),
    ("AST", "Астана қалалық соты", "Астанинский городской суд",
     "Астана қалалық сотының", "Астанинского городского суда"),
    ("ALA", "Алматы қалалық соты", "Алматинский городской суд",
     "Алматы қалалық сотының", "Алматинского городского суда"),
    ("SHY", "Шымкент қалалық соты", "Шымкентский городской суд",
     "Шымкент қалалық сотының", "Шымкентского городского суда"),
]


def court_id(code: str) -> uuid.UUID:
    """Stable id of a reference court."""
    return uuid.uuid5(NAMESPACE, f"court:{code}")


def upgrade() -> None:
    now = datetime.now(UTC)
    audit = {"created_at": now, "updated_at": now, "updated_by": "system", "version": 1}
    court = sa.table(
        "court",
        sa.column("id", sa.Uuid()), sa.column("code", sa.String()), sa.column("level", sa.String()),
        sa.column("name_kk", sa.String()), sa.column("name_ru", sa.String()),
        sa.column("parent_id", sa.Uuid()), sa.column("region_code", sa.String()),
        sa.column("sort_key", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("updated_by", sa.String()), sa.column("version", sa.Integer()),
    )
    centre = sa.table(
        "training_centre",
        sa.column("id", sa.Uuid()), sa.column("court_id", sa.Uuid()),
        sa.column("name_kk", sa.String()), sa.column("name_ru", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("updated_by", sa.String()), sa.column("version", sa.Integer()),
    )
    code, kk, ru = SUPREME
    rows = [{"id": court_id(code), "code": code, "level": "supreme", "name_kk": kk,
             "name_ru": ru, "parent_id": None, "region_code": "", "sort_key": "0",
             **audit}]
    centres = []
    for code, kk, ru, kk_gen, ru_gen in REGIONAL:
        rows.append({"id": court_id(code), "code": code, "level": "regional", "name_kk": kk,
                     "name_ru": ru, "parent_id": court_id("SC"), "region_code": code,
                     "sort_key": sort_key(kk), **audit})
        centres.append({"id": uuid.uuid5(NAMESPACE, f"centre:{code}"),
                        "court_id": court_id(code),
                        "name_kk": f"{kk_gen} оқу орталығы",
                        "name_ru": f"Учебный центр {ru_gen}", **audit})
    op.bulk_insert(court, rows)
    op.bulk_insert(centre, centres)


def downgrade() -> None:
    op.execute("DELETE FROM training_centre")
    op.execute("DELETE FROM court WHERE level IN ('regional', 'supreme')")
