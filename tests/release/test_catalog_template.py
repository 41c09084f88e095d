"""The extracted template holds only real messages, never a key or a column name."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

import db.models  # noqa: F401  (registers every table on the metadata)
from db.base import Base

ROOT = Path(__file__).resolve().parents[2]
POT = ROOT / "i18n" / "messages.pot"

# Lower-case one-word messages that are real, translated words shown to people (checked by hand:
# table cells, import actions, file names). A new one needs a look at where it comes from.
REAL_WORDS = frozenset(
    {
        "active",  # an account's state (ui/users)
        "after",
        "before",
        "change",
        "dd.mm.yyyy",
        "draft",
        "error",
        "inactive",
        "locked",
        "mentor",
        "never",
        "new",
        "no",
        "options",  # argparse's heading of --help (app/cli/console.py)
        "overdue",
        "people",
        "people-register",
        "tutor",
        "unchanged",  # an import row that changes nothing
        "update",
        "yes",
    }
)
KEY_LIKE = re.compile(r"[a-z0-9_.\-]+")
SNAKE_CASE = re.compile(r"[A-Za-z0-9]+(_[A-Za-z0-9]+)+")


def _template_ids() -> list[str]:
    subprocess.run(
        [sys.executable, "-m", "i18n.catalogs", "extract"], cwd=ROOT, check=True, timeout=300
    )
    with POT.open("rb") as fh:
        template = read_po(fh)
    ids = []
    for message in template:
        if message.id:
            ids.extend([message.id] if isinstance(message.id, str) else message.id)
    return ids


def _column_names() -> set[str]:
    return {column.name for table in Base.metadata.tables.values() for column in table.columns}


def test_template_has_no_identifier_or_key() -> None:
    ids = _template_ids()
    assert len(ids) > 500, "extraction found almost nothing: is the babel keyword list right?"
    snake = [i for i in ids if SNAKE_CASE.fullmatch(i)]
    assert not snake, f"identifiers extracted as messages: {snake}"
    key_like = [i for i in ids if KEY_LIKE.fullmatch(i) and i not in REAL_WORDS]
    assert not key_like, f"lower-case words without spaces, keys rather than messages? {key_like}"
    columns = sorted(set(ids) & _column_names() - REAL_WORDS)
    assert not columns, f"column names extracted as messages: {columns}"


def test_guard_catches_a_subscript_key() -> None:
    # What the old one-letter keyword did: t["surname"] became a message.
    assert SNAKE_CASE.fullmatch("last_internship_end")
    assert KEY_LIKE.fullmatch("surname") and "surname" not in REAL_WORDS
    assert "surname" in _column_names()
