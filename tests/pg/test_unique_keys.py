"""A unique key taken meanwhile ends in the conflict message, not a driver traceback (issue 16)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.errors import ConflictError
from app.core.store import Store
from db.models import Court
from i18n import set_language, translator


def test_unique_key_taken_meanwhile_is_a_conflict(store: Store) -> None:
    with store.read() as s:
        taken = s.scalar(select(Court).where(Court.code == "AKM"))
        assert taken is not None
    with pytest.raises(ConflictError) as err, store.write() as s:
        s.add(Court(code="AKM", level="district", name_kk="Қосымша", name_ru="Копия"))
        s.flush()
    set_language("ru")
    assert err.value.message() == translator("ru")(
        "Someone else changed this record meanwhile. Reload it and try again."
    )
    with store.read() as s:
        assert len(s.scalars(select(Court).where(Court.code == "AKM")).all()) == 1
