"""0403: people written under the old folding become findable by Russian and Latin spellings."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.core.bootstrap import open_store
from app.people.dto import PersonFilter
from app.people.queries import page_people
from db.engine import make_engine
from db.migrate import current_revision, upgrade
from i18n.collation import fold
from tests.db.old_schema import person_on_old_schema


def test_search_text_is_recomputed_for_loose_search(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    upgrade(engine, "0402")
    engine.dispose()
    store = open_store(path, migrate=False, backup=False)
    person, iin = person_on_old_schema(store, "Құдайбергенова")
    with store.write() as s:  # what 0402's code wrote
        s.execute(
            text("UPDATE person SET search_text = :t"),
            {"t": fold(f"Құдайбергенова Test  {iin}")},
        )
        assert page_people(s, PersonFilter(text="кудай"), 0, 10) == []
    store.dispose()
    engine = make_engine(path)
    assert current_revision(engine) == "0402"
    upgrade(engine, "0403")  # this migration alone: later heads have their own tests
    assert current_revision(engine) == "0403"
    engine.dispose()
    store = open_store(path, migrate=False, backup=False)
    try:
        with store.read() as s:
            for spelling in ("кудай", "Qudai", "Құдай", iin):
                assert [r.id for r in page_people(s, PersonFilter(text=spelling), 0, 10)] == [
                    person
                ], spelling
    finally:
        store.dispose()
