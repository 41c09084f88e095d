"""The demo of one seed is the same data on every backend (issue 16: a query lacked ORDER BY)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.store import Store
from app.demo.everything import generate_everything
from db.base import Base
from db.models import Pair, Person


def _fingerprint(store: Store, actor: Actor) -> dict[str, Any]:
    with store.write() as s:
        generate_everything(s, actor, cpd_years=1, today=date(2026, 11, 21))
    protege, guide = aliased(Person), aliased(Person)
    with store.read() as s:
        pairs = s.execute(
            select(protege.iin, guide.iin, Pair.kind, Pair.state, Pair.starts_on)
            .join(protege, protege.id == Pair.protege_id)
            .join(guide, guide.id == Pair.guide_id)
        ).all()
        counts = {
            t.name: s.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
            if t.name not in {"audit_entry", "alembic_version"}
        }
    return {"pairs": sorted(tuple(map(str, p)) for p in pairs), "counts": counts}


def test_same_seed_same_demo_on_this_backend_and_sqlite(
    store: Store, actor: Actor, template_db: Path, tmp_path: Path
) -> None:
    reference_file = tmp_path / "reference.db"
    shutil.copyfile(template_db, reference_file)
    reference = open_store(reference_file, backup=False)
    try:
        expected = _fingerprint(reference, actor)
    finally:
        reference.dispose()
    assert _fingerprint(store, actor) == expected
