"""The CPD ledger export imports back with 0 lines added and nothing written (issue 15)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.cpd.importer import import_activities
from app.documents.output import produce, write
from db.models import AuditEntry, CpdActivity
from tests.app.imports.resave import resave
from tests.demo_store import demo_copy

QUOTED = 'Семинар "Сот этикасы"; 2-бөлім'


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A private copy of the demo store; one line needs CSV quoting and has 0 hours."""
    target = tmp_path_factory.mktemp("cpd-round-trip") / "demo.db"
    store = open_store(demo_copy(template_db, tmp_path_factory, target), backup=False)
    with store.write() as s:
        first = s.scalars(select(CpdActivity.id).order_by(CpdActivity.id)).first()
        s.execute(
            update(CpdActivity)
            .where(CpdActivity.id == first)
            .values(event=QUOTED, hours=Decimal(0), idempotency_key=None)
        )
    yield store
    store.dispose()


def _year(store: Store) -> int:
    with store.read() as s:
        return int(s.scalars(select(CpdActivity.year).where(CpdActivity.event == QUOTED)).one())


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(CpdActivity)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


@pytest.mark.parametrize("via", ["python", "office"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_cpd_ledger_imports_back_with_zero_lines_added(
    demo: Store, tmp_path: Path, lang: str, fmt: str, via: str
) -> None:
    actor, year = local_actor(), _year(demo)
    path = tmp_path / f"cpd-{lang}.{fmt}"
    with demo.read() as s:
        output = produce(s, actor, "cpd-ledger", {"year": year}, lang=lang, fmt=fmt)
        lines = s.scalar(select(func.count()).where(CpdActivity.year == year))
    write(output, path)
    assert output.count == lines and output.count > 20
    resaved = resave(path, via)
    before = _counts(demo)
    with demo.write() as s:
        result = import_activities(s, actor, resaved)
    assert (result.imported, result.skipped) == (0, lines)
    assert _counts(demo) == before  # no line added, nothing audited


def test_cpd_ledger_csv_quotes_as_rfc_4180_and_writes_zero_as_0(
    demo: Store, tmp_path: Path
) -> None:
    path = tmp_path / "cpd.csv"
    with demo.read() as s:
        write(
            produce(s, local_actor(), "cpd-ledger", {"year": _year(demo)}, lang="ru", fmt="csv"),
            path,
        )
    text = path.read_text(encoding="utf-8-sig")
    assert '"Семинар ""Сот этикасы""; 2-бөлім"' in text
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", strict=True))
    assert {len(r) for r in rows} == {10}
    mine = [r for r in rows if r[2] == QUOTED]
    assert len(mine) == 1 and mine[0][6] == "0" and mine[0][9].startswith("id:")
