"""A person written into a store at an old revision: only the columns that revision has."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import MetaData, Table, insert, select

from app.core.store import Store
from app.people.iin import make_iin
from app.people.service import derived_columns
from db.models import Court, Person


def person_on_old_schema(store: Store, surname: str, serial: int = 1) -> tuple[uuid.UUID, str]:
    """A consultant of the first regional court; the ORM model has columns of later revisions,
    so the row is written through the table as the store has it. Returns id and IIN."""
    iin = make_iin(date(1980, 5, 17), serial)
    person_id = uuid.uuid4()
    now = datetime.now(UTC)
    with store.write() as s:
        present = Table("person", MetaData(), autoload_with=s.connection()).c
        # the model's column types (UUIDs as the store keeps them), only where the store has them
        person = Table(
            "person", MetaData(), *(c._copy() for c in Person.__table__.c if c.name in present)
        )
        court_id = s.scalar(
            select(Court.id).where(Court.level == "regional").order_by(Court.code).limit(1)
        )
        row = {
            "id": person_id,
            "iin": iin,
            "surname": surname,
            "first_name": "Гүлнұр",
            "patronymic": "Серікқызы",
            "role": "consultant",
            "court_id": court_id,
            "position": "судья",
            "specialisation": "",
            "first_appointed_on": date(2022, 9, 1),
            "notes": "",
            "created_at": now,
            "updated_at": now,
            "updated_by": "test",
            "version": 1,
            **derived_columns(surname, "Гүлнұр", "Серікқызы", iin),
        }
        s.execute(insert(person), [{k: v for k, v in row.items() if k in person.c}])
    return person_id, iin
