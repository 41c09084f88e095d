"""0402: training lines written with a translated reason get the neutral code instead."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select, text

from app.core.bootstrap import open_store
from db.engine import make_engine
from db.migrate import current_revision, upgrade
from db.models import CpdActivity, CpdForm
from tests.db.old_schema import person_on_old_schema

SENTENCES = {
    "kk": "Балл іс-шара үшін белгіленген",
    "ru": "Баллы установлены для мероприятия",
    "en": "Points set for the event",
}


def test_translated_training_reasons_become_the_code(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    upgrade(engine, "0401")
    engine.dispose()
    store = open_store(path, migrate=False, backup=False)  # 0402 changes no schema
    person, _ = person_on_old_schema(store, "Әлиева")
    rows = [*((key, "training", s) for key, s in SENTENCES.items())]
    rows += [("manual", "manual", SENTENCES["ru"]), ("own", "training", "Өз себебім")]
    with store.write() as s:
        form = s.scalar(select(CpdForm.id).where(CpdForm.code == "F02"))
        s.execute(
            insert(CpdActivity),
            [
                {
                    "id": uuid.uuid4(),
                    "person_id": person,
                    "year": 2026,
                    "starts_on": date(2026, 10, 5),
                    "ends_on": date(2026, 10, 5),
                    "form_id": form,
                    "event": "Семинар",
                    "points": Decimal(3),
                    "catalogue_points": Decimal(2),
                    "override_reason": reason,
                    "state": "confirmed",
                    "source": source,
                    "idempotency_key": key,
                    "updated_by": "x",
                }
                for key, source, reason in rows
            ],
        )
    store.dispose()
    engine = make_engine(path)
    assert current_revision(engine) == "0401"
    upgrade(engine)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT idempotency_key, override_reason FROM cpd_activity"))
        got = {key: reason for key, reason in found}
    engine.dispose()
    assert got == {
        "kk": "event_points",
        "ru": "event_points",
        "en": "event_points",
        "manual": SENTENCES["ru"],  # someone's own words on a manual line stay
        "own": "Өз себебім",
    }
