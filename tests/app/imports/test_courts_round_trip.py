"""The courts register's export imports back unchanged: XLSX and CSV, kk and ru (issue 15)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.spreadsheet.reader import read_sheet
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.importer import apply_courts, preview_courts
from app.courts.service import add_district_court, list_courts
from app.documents.output import produce, write
from db.models import AuditEntry, Court
from tests.app.exchange.test_cli import run
from tests.app.imports.resave import resave
from tests.demo_store import demo_copy

QUOTED = 'Тест «Алатау» "ескі"; ауданы'


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A private copy of the demo store, with one court whose name needs CSV quoting."""
    target = tmp_path_factory.mktemp("courts-round-trip") / "demo.db"
    store = open_store(demo_copy(template_db, tmp_path_factory, target), backup=False)
    with store.write() as s:
        region = list_courts(s, level="regional")[0]
        add_district_court(
            s, local_actor(), DistrictCourtInput(region.id, QUOTED, 'Суд "Старый"; район')
        )
    yield store
    store.dispose()


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Court)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


@pytest.mark.parametrize("via", ["python", "office"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_courts_register_imports_back_with_zero_changes(
    demo: Store, tmp_path: Path, lang: str, fmt: str, via: str
) -> None:
    actor = local_actor()
    path = tmp_path / f"courts-{lang}.{fmt}"
    with demo.read() as s:
        output = produce(s, actor, "courts-register", {}, lang=lang, fmt=fmt)
        districts = len(list_courts(s, level="district"))
    write(output, path)
    assert output.count == districts > 10
    resaved = resave(path, via)
    before = _counts(demo)
    with demo.read() as s:
        rows = preview_courts(s, actor, read_sheet(resaved))
    assert len(rows) == districts
    assert [(r.line, r.action, r.errors) for r in rows if r.action != "exists"] == []
    with demo.write() as s:
        assert apply_courts(s, actor, rows) == 0
    assert _counts(demo) == before  # no court added, nothing audited


def test_courts_csv_quotes_as_rfc_4180_both_ways(demo: Store, tmp_path: Path) -> None:
    path = tmp_path / "courts.csv"
    with demo.read() as s:
        write(produce(s, local_actor(), "courts-register", {}, lang="kk", fmt="csv"), path)
    text = path.read_text(encoding="utf-8-sig")
    # The field is quoted and its quotes doubled; the `;` inside stays inside the field.
    assert '"Тест «Алатау» ""ескі""; ауданы"' in text
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", strict=True))
    assert all(len(r) == 3 for r in rows)
    assert [r[1:] for r in rows if r[1] == QUOTED] == [[QUOTED, 'Суд "Старый"; район']]
    with demo.read() as s:
        found = preview_courts(s, local_actor(), read_sheet(path))
    assert [r.action for r in found if r.name_kk == QUOTED] == ["exists"]


def test_cli_export_courts_then_import_finds_every_court_there(demo: Store, tmp_path: Path) -> None:
    assert demo.path is not None
    out = tmp_path / "courts.csv"
    before = _counts(demo)
    done = run(str(demo.path), "export", "courts", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert read_sheet(out).header[1] == "Название на казахском"
    back = run(str(demo.path), "import", "courts", str(out), "--yes")
    assert back.returncode == 0, back.stdout + back.stderr
    assert back.stdout.splitlines()[-1] == "Добавлено судов: 0."
    assert _counts(demo) == before
