"""Hostile input (Hypothesis) at the people service, the import and the exports.

Very long text, control characters, RTL marks, SQL-looking text, far past and future dates
and spreadsheet formulas: no crash, no partial write, exported formulas neutralised.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.core.context import Actor
from app.core.errors import ValidationError
from app.core.spreadsheet.writer import write_csv, write_xlsx
from app.core.store import Store
from app.documents.output import produce, write
from app.people.iin import make_iin
from app.people.importer import apply_people, preview_file
from db.models import AuditEntry, Person
from tests.app.security.helpers import judge_input

HOSTILE = st.sampled_from(
    [
        '=HYPERLINK("http://evil.example","click")',
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "\uff1dcmd|' /C calc'!A0",
        "\t=1+1",
        "'; DROP TABLE person; --",
        "1' OR '1'='1",
        "\u202eтекст\u202c",
        "\u200f\u200eАбай",
        "a\x00b\x07c\x1b",
        "\r\n=1",
        "Ә" * 5000,
        "Robert'); DELETE FROM audit_entry;--",
        "%_\\",
        "",
        " ",
    ]
)
TEXT = st.one_of(
    HOSTILE,
    st.text(max_size=300),
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Lo", "Mn"]),
        max_size=60,
    ),
)
DATES = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (
            int(s.scalar(select(func.count(Person.id))) or 0),
            int(s.scalar(select(func.count(AuditEntry.id))) or 0),
        )


@SETTINGS
@given(
    surname=TEXT,
    first=TEXT,
    position=TEXT,
    notes=TEXT,
    appointed=DATES,
    serial=st.integers(0, 9999),
)
def test_people_service_with_hostile_input(
    store: Store,
    actor: Actor,
    surname: str,
    first: str,
    position: str,
    notes: str,
    appointed: date | None,
    serial: int,
) -> None:
    from app.people.service import create_person

    before = _counts(store)
    try:
        with store.write() as s:
            data = judge_input(
                s,
                serial,
                surname=surname,
                first_name=first,
                position=position,
                notes=notes,
                first_appointed_on=appointed,
            )
            saved = create_person(s, actor, data)
    except ValidationError as exc:
        assert exc.errors
        assert _counts(store) == before  # nothing half-written
        return
    with store.read() as s:
        person = s.get(Person, saved.id)
        assert person is not None
        assert person.position == " ".join(position.split())
        assert person.notes == notes.strip()
    assert _counts(store)[0] == before[0] + 1


@SETTINGS
@given(
    cells=st.lists(st.lists(TEXT, min_size=4, max_size=4), min_size=1, max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_import_with_hostile_cells(
    store: Store, actor: Actor, tmp_path_factory: object, cells: list[list[str]], encoding: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["ИИН", "Фамилия", "Имя", "Роль", "Примечания", "Суд"])
    for i, (surname, first, role_text, notes) in enumerate(cells):
        role = "Судья" if i % 2 else role_text
        writer.writerow([make_iin(date(1980, 1, 1), 500 + i), surname, first, role, notes, "SC"])
    path = Path(str(tmp_path_factory.mktemp("imp"))) / "p.csv"  # type: ignore[attr-defined]
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    before = _counts(store)
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert _counts(store) == before
    assert all(r.action in ("new", "update", "error") for r in preview.rows)
    assert all(r.errors for r in preview.rows if r.action == "error")
    try:
        with store.write() as s:
            counts = apply_people(s, actor, preview)
    except ValidationError:
        assert preview.count("error") > 0
        assert _counts(store) == before  # all or nothing
        return
    assert _counts(store)[0] == before[0] + counts["new"]


@SETTINGS
@given(values=st.lists(TEXT, min_size=1, max_size=6))
def test_exports_neutralise_formulas(tmp_path_factory: object, values: list[str]) -> None:
    folder = Path(str(tmp_path_factory.mktemp("exp")))  # type: ignore[attr-defined]
    header = [f"c{i}" for i in range(len(values))]
    write_xlsx(folder / "t.xlsx", "T", header, [values])
    write_csv(folder / "t.csv", header, [values])
    wb = load_workbook(folder / "t.xlsx")
    for cell in wb.active[2]:
        assert cell.data_type != "f"
        text = str(cell.value or "")
        # Kept as text by the cell's quote-prefix style, not by a visible apostrophe.
        if text.startswith(("=", "+", "-", "@", "\uff1d", "\t", "\r")):
            assert cell.data_type == "s" and cell.quotePrefix
    wb.close()
    with (folder / "t.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    for text in rows[1]:
        assert not text.startswith(("=", "+", "-", "@", "\uff1d", "\t", "\r"))


def test_people_export_neutralises_a_formula_in_position(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    from app.people.service import create_person

    with store.write() as s:
        create_person(s, actor, judge_input(s, 5, position='=HYPERLINK("http://x","y")'))
    with store.read() as s:
        for fmt, lang in (("xlsx", "kk"), ("csv", "ru")):
            output = produce(s, actor, "people-register", {}, fmt=fmt, lang=lang)
            write(output, tmp_path / f"p.{fmt}")
    wb = load_workbook(tmp_path / "p.xlsx")
    cells = [c for row in wb.active.iter_rows() for c in row]
    assert any(str(c.value).startswith("=HYPERLINK") and c.quotePrefix for c in cells)
    assert all(c.data_type != "f" for c in cells)
    wb.close()
    assert "'=HYPERLINK" in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")


def test_import_accepts_a_clean_row_among_hostile_notes(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    """The suite above can succeed: a valid row with hostile notes is imported verbatim."""
    path = tmp_path / "p.csv"
    notes = '=HYPERLINK("x")\'; DROP TABLE person; --\u202e'
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["ИИН", "Фамилия", "Имя", "Роль", "Примечания", "Суд"])
    writer.writerow([make_iin(date(1980, 1, 1), 1), "Иванов", "Иван", "Судья", notes, "SC"])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with store.read() as s:
        preview = preview_file(s, actor, path)
    with store.write() as s:
        assert apply_people(s, actor, preview) == {"new": 1, "update": 0, "skipped": 0}
    with store.read() as s:
        assert s.scalar(select(Person.notes)) == notes
