"""The exchange, import and user commands, run as a user would run them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core.store import Store
from app.people.iin import make_iin
from db.models import Person

ROOT = Path(__file__).resolve().parents[3]


def run(db: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "app", "--db", db, "--lang", "ru", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_exchange_commands_between_two_pcs(two_stores: tuple[Store, Store], tmp_path: Path) -> None:
    district, centre = two_stores
    secret = tmp_path / "pass.txt"
    secret.write_text("long enough passphrase\n", encoding="utf-8")
    assert run(district.url, "demo").returncode == 0
    pkg = tmp_path / "to-centre.tlx"
    out = run(
        district.url,
        "exchange",
        "export",
        "--to",
        "centre",
        "--out",
        str(pkg),
        "--passphrase-file",
        str(secret),
    )
    assert out.returncode == 0, out.stderr
    first = run(centre.url, "exchange", "import", str(pkg), "--passphrase-file", str(secret))
    assert first.returncode == 0, first.stderr
    again = run(centre.url, "exchange", "import", str(pkg), "--passphrase-file", str(secret))
    assert again.returncode == 0 and "ничего не изменилось" in again.stdout
    wrong = run(centre.url, "exchange", "import", str(pkg), "--passphrase-file", str(pkg))
    assert wrong.returncode == 3 and "парольная фраза" in wrong.stderr
    with district.read() as s:
        expected = s.scalar(select(func.count(Person.id)))
    with centre.read() as s:
        assert s.scalar(select(func.count(Person.id))) == expected


def test_template_import_and_login_required(store: Store, tmp_path: Path) -> None:
    template = tmp_path / "people.xlsx"
    assert run(store.url, "template", "people", "--out", str(template)).returncode == 0
    csv = tmp_path / "people.csv"
    iin = make_iin(date(1975, 1, 2), 113)
    csv.write_text(f"ИИН;Фамилия;Имя;Роль\n{iin};Иванов;Иван;Работник суда\n", encoding="utf-8")
    preview = run(store.url, "import", "people", str(csv))
    assert preview.returncode == 0 and "--yes" in preview.stdout
    with store.read() as s:
        assert s.scalar(select(func.count(Person.id))) == 0
    done = run(store.url, "import", "people", str(csv), "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    with store.read() as s:
        assert s.scalar(select(func.count(Person.id))) == 1

    pw = tmp_path / "pw.txt"
    pw.write_text("admin-password\n", encoding="utf-8")
    assert (
        run(store.url, "user", "setup-admin", "admin", "--new-password-file", str(pw)).returncode
        == 0
    )
    refused = run(store.url, "import", "people", str(csv))
    assert refused.returncode == 3 and "--user" in refused.stderr
    ok = run(store.url, "user", "list", "--user", "admin", "--password-file", str(pw))
    assert ok.returncode == 0 and "admin" in ok.stdout


def test_pairing_by_fingerprint_and_a_package_from_an_unpaired_pc(
    store: Store, tmp_path: Path
) -> None:
    """`exchange key` and `exchange pair` show one fingerprint; an unpaired sender is refused
    with a sentence and exit code 3, never a traceback (issue 10 #7)."""
    import shutil

    if store.path is None:
        pytest.skip("the district is a copy of the centre's SQLite file")
    centre, district = store.url, str(tmp_path / "district.db")
    shutil.copyfile(store.path, district)
    secret = tmp_path / "pass.txt"
    secret.write_text("long enough passphrase\n", encoding="utf-8")
    assert run(centre, "exchange", "name", "Орталық").returncode == 0
    assert run(district, "exchange", "name", "Абай").returncode == 0
    shown = run(district, "exchange", "key")
    assert shown.returncode == 0, shown.stderr
    key = shown.stdout.splitlines()[0].rsplit(" ", 1)[-1]
    fingerprint = shown.stdout.splitlines()[1].split(": ", 1)[1]
    pkg = tmp_path / "abai.tlx"
    args = ("--passphrase-file", str(secret))
    assert (
        run(district, "exchange", "export", "--to", "Орталық", "--out", str(pkg), *args).returncode
        == 0
    )
    refused = run(centre, "exchange", "import", str(pkg), *args)
    assert refused.returncode == 3 and "Абай" in refused.stderr
    assert "Traceback" not in refused.stderr and "exchange pair" in refused.stderr
    paired = run(centre, "exchange", "pair", "Абай", key)
    assert paired.returncode == 0 and fingerprint in paired.stdout
    accepted = run(centre, "exchange", "import", str(pkg), *args)
    assert accepted.returncode == 0, accepted.stderr
    bad = run(centre, "exchange", "pair", "Абай", "not-a-key")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
