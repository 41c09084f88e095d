"""An import with rows in error is refused with a line each, the first 50 of them."""

from __future__ import annotations

import pytest

from app.core.context import Actor
from app.core.errors import ValidationError
from app.core.store import Store
from app.courts.importer import CourtRow, apply_courts
from i18n import set_language


def test_courts_import_names_each_line_in_error_up_to_fifty(store: Store, actor: Actor) -> None:
    set_language("ru")
    rows = tuple(
        CourtRow(line, "error", "", ("нет названия", "нет области")) for line in range(2, 80)
    )
    with pytest.raises(ValidationError) as refused, store.write() as s:
        apply_courts(s, actor, (CourtRow(1, "exists", "Сот"), *rows))
    messages = [e.message() for e in refused.value.errors]
    assert len(messages) == 50
    assert messages[0] == "Строка 2: нет названия; нет области"
    assert messages[-1].startswith("Строка 51:")
