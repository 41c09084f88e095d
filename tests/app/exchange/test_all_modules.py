"""Every module's tables travel: a district full of demo data reaches the centre unchanged."""

from __future__ import annotations

from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.demo.cpd import generate_activity
from app.demo.evaluation import generate as generate_evaluation
from app.demo.generator import generate
from app.demo.internships import generate as generate_internships
from app.demo.mentoring import generate_mentoring
from app.demo.training import generate_training
from app.exchange.apply import import_package
from app.exchange.export import export_package
from app.exchange.rows import META_COLUMNS, encode_row, exchanged_tables
from app.exchange.state import set_peer_confidential

DEMO = Actor("demo")


def _content(store: Store) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    with store.read() as s:
        for t in exchanged_tables(True):
            for row in s.execute(select(t)):
                values = encode_row(t, row._mapping)
                out[f"{t.name}:{values['id']}"] = {
                    k: v for k, v in values.items() if k not in META_COLUMNS
                }
    return out


def test_every_module_travels_to_an_entitled_centre(two_stores: tuple[Store, Store]) -> None:
    district, centre = two_stores
    with district.write() as s:
        generate(s, DEMO, scale="region", seed=2)
    for fill in (
        lambda s: generate_mentoring(s, DEMO),
        lambda s: generate_internships(s, DEMO, year=2026),
        lambda s: generate_activity(s, DEMO),
        lambda s: generate_evaluation(s, DEMO),
        lambda s: generate_training(s, DEMO, 2026),
    ):
        with district.write() as s:
            fill(s)
    with district.write() as s:
        set_peer_confidential(s, DEMO, "centre", True)
        data, summary = export_package(s, DEMO, "centre", "a long passphrase")
    with centre.write() as s:
        result = import_package(s, DEMO, data, "a long passphrase")
    assert result.conflicts == 0 and summary.records > 5000
    tables = {key.split(":")[0] for key in _content(district)}
    assert {"mentoring_pair", "mentoring_programme", "person"} <= tables
    assert _content(district) == _content(centre)
