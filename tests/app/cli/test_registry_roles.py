"""Issue 10, Why #1: every command of the registry × every role runs or is refused by name."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest

from app.__main__ import build_parser, main
from app.cli import COMMAND_PERMISSIONS, OPEN
from app.cli.login import command_words, leaf_commands, permission_for
from app.core.bootstrap import open_store
from app.core.context import ADMINISTRATOR, ROLES, SYSTEM
from app.core.permissions import ROLE_PERMISSIONS
from app.security.dto import UserInput
from app.security.service import create_first_administrator, create_user

PASSWORD = "correct horse battery"
YEAR = str(date.today().year)
# Audit actions a refused command may leave: its login and its refusal (both required).
LOGIN_TRAIL = {"login", "refuse"}


def registry() -> list[str]:
    """Every command the parser knows, with one key per choice of a positional WHAT."""
    return sorted(
        key for path, leaf in leaf_commands(build_parser()) for key in command_words(path, leaf)
    )


def _argv(key: str, tmp: Path, refs: dict[str, str]) -> list[str]:
    """The words after the command for one sample run (outputs go to tmp)."""
    out = ["--out", str(tmp / "out.csv")]
    pdf = ["--out", str(tmp / "out.pdf")]
    samples: dict[str, list[str]] = {
        "init": [],
        "demo": ["--people-only"],
        "demo-cpd": ["--years", "1"],
        "demo-internships": ["--year", YEAR],
        "check": [],
        "backup": ["--out", str(tmp / "copy.db")],
        "restore": [refs["backup"]],
        "export people": ["--format", "csv", *out],
        "export courts": ["--format", "csv", *out],
        "template people": ["--out", str(tmp / "t.xlsx")],
        "template cpd": ["--out", str(tmp / "t.xlsx")],
        "import people": [refs["people_file"]],
        "import courts": [refs["people_file"]],
        "import cpd": [refs["cpd_file"]],
        "plan internships": ["--year", YEAR],
        "user setup-admin": ["boss", "--new-password-file", refs["password_file"]],
        "user no-login": [],
        "user add": ["extra", "--role", "viewer", "--new-password-file", refs["password_file"]],
        "user list": [],
        "user unlock": ["viewer"],
        "user encrypt-store": [],
        "user recover": [
            "administrator",
            "--code-file",
            refs["password_file"],
            "--new-password-file",
            refs["password_file"],
        ],
        "agenda": ["--format", "csv", *out],
        "exchange key": [],
        "exchange pair": ["Peer", refs["peer_key"]],
        "exchange name": ["Centre"],
        "exchange export": [
            "--to",
            "Peer",
            "--out",
            str(tmp / "p.tlx"),
            "--passphrase-file",
            refs["password_file"],
        ],
        "exchange import": [refs["people_file"], "--passphrase-file", refs["password_file"]],
        "exchange conflicts": [],
        "exchange resolve": ["00000000-0000-0000-0000-000000000001", "mine"],
        "exchange peer": ["Peer", "--confidential"],
        "verify": [refs["people_file"]],
        "self-test": [],
        "court small": ["NO-SUCH-COURT"],
        "court chairman": ["NO-SUCH-COURT", "--clear"],
        "court coordinator": ["NO-SUCH-COURT", "--clear"],
        "court offices": [],
        "monitoring template": ["--out", str(tmp / "m.xlsx")],
        "monitoring preview": [refs["people_file"]],
        "monitoring import": [refs["people_file"]],
        "evaluation protocol": [
            "--round",
            str(uuid.UUID(int=1)),
            "--number",
            "1",
            "--held-on",
            "2026-01-01",
            "--chair",
            "A",
            "--secretary",
            "B",
        ],
        "evaluation acknowledge": ["--sheet", str(uuid.UUID(int=1)), "--on", "2026-01-01"],
        "staff adapt": [
            *("000000000000", "--tutor", "000000000000"),
            *("--hired", "2026-03-02", "--end", "2026-06-01"),
        ],
        "staff plan": ["000000000000", "--item", "2026-03-05", "x"],
        "staff result": ["000000000000", "--adapted", "--by", "x"],
        "staff list": [],
        "staff schedule": [
            *("000000000000", "--place", "x"),
            *("--start", "2026-04-06", "--end", "2026-04-17"),
        ],
        "staff held": ["00000000-0000-0000-0000-000000000001"],
        "staff change": ["00000000-0000-0000-0000-000000000001", "--place", "x"],
        "staff cancel": ["00000000-0000-0000-0000-000000000001", "--reason", "x"],
        "staff internships": [],
    }
    reports = {
        "report roster": ["--region", refs["region"], "--format", "csv", *out],
        "report mentoring-year": [
            "--year",
            YEAR,
            "--region",
            refs["region"],
            "--format",
            "csv",
            *out,
        ],
        "report protocol": ["--number", "1", *pdf],
        "report programme": ["--pair", str(uuid.UUID(int=1)), *pdf],
        "report adaptation-plan": ["--adaptation", str(uuid.UUID(int=1)), *pdf],
        "report evaluation-summary": ["--template", "x", "--period", "x", "--format", "csv", *out],
        "report cpd-individual": ["--year", YEAR, *pdf],
        "report sign-in-sheet": ["--session", str(uuid.UUID(int=1)), *pdf],
        "report people-register": ["--format", "csv", *out],
        "report courts-register": ["--format", "csv", *out],
        "report mentoring-needs": ["--format", "csv", *out],
        "report evaluation-protocol": [
            "--round",
            str(uuid.UUID(int=1)),
            "--protocol",
            str(uuid.UUID(int=1)),
            *pdf,
        ],
        "report evaluation-acknowledgement": ["--round", str(uuid.UUID(int=1)), *pdf],
    }
    samples |= reports
    if key in samples:
        return samples[key]
    assert key.startswith("report "), f"no sample command line for {key!r}: add one"
    from app.documents.catalogue import find

    fmt = "csv" if "csv" in find(key.split()[1]).formats else "xlsx"
    return ["--year", YEAR, "--format", fmt, "--out", str(tmp / f"out.{fmt}")]


@pytest.fixture(scope="module")
def prepared(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A store with demo people, logins on and one user of every role; files the samples use."""
    from app.demo.generator import generate

    folder = tmp_path_factory.mktemp("registry")
    path = folder / "talimger.db"
    shutil.copyfile(template_db, path)
    store = open_store(path, backup=False)
    try:
        with store.write() as session:
            generate(session, SYSTEM.__class__("demo"), scale="region", seed=3)
            admin = create_first_administrator(
                session, UserInput("administrator", "", frozenset(), PASSWORD)
            )
            del admin
        from app.security.authentication import login

        boss = login(store, "administrator", PASSWORD)
        with store.write() as session:
            for role in ROLES:
                if role != ADMINISTRATOR:
                    create_user(session, boss, UserInput(role, "", frozenset({role}), PASSWORD))
    finally:
        store.dispose()
    password_file = folder / "pw.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    people_file = folder / "people.csv"
    people_file.write_text("x;y\n1;2\n", encoding="utf-8")
    backup = folder / "backup.db"
    shutil.copyfile(path, backup)
    conn = sqlite3.connect(path)
    try:
        region = conn.execute("SELECT min(region_code) FROM court").fetchone()[0] or ""
    finally:
        conn.close()
    return {
        "db": str(path),
        "password_file": str(password_file),
        "people_file": str(people_file),
        "cpd_file": str(people_file),
        "backup": str(backup),
        "region": region,
        "peer_key": _a_public_key(),
    }


def _a_public_key() -> str:
    """Another PC's Ed25519 public key, as `exchange key` shows it there."""
    import base64

    from Crypto.PublicKey import ECC

    raw = ECC.generate(curve="Ed25519").public_key().export_key(format="raw")
    return base64.b64encode(raw).decode("ascii")


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the store but a login's own bookkeeping (its audit entry, the attempt)."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if r[0] not in {"login_attempt", "app_user", "audit_entry"}
        ]
        rows = {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
        rows["app_user"] = sorted(
            map(repr, conn.execute("SELECT id, username, roles, password_hash FROM app_user"))
        )
        rows["audit_entry"] = [
            r[0]
            for r in conn.execute("SELECT hash, action FROM audit_entry ORDER BY seq")
            if r[1] not in LOGIN_TRAIL
        ]
        return rows  # type: ignore[return-value]
    finally:
        conn.close()


def _audit_actions(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT action FROM audit_entry ORDER BY seq")]
    finally:
        conn.close()


def test_every_registered_command_declares_its_permission() -> None:
    undeclared = [
        key for key in registry() if permission_for(key) not in set(COMMAND_PERMISSIONS.values())
    ]
    assert undeclared == []
    missing = [
        key
        for key in registry()
        if not any(key == k or key.startswith(k + " ") for k in COMMAND_PERMISSIONS)
    ]
    assert missing == [], "declare these in app/cli/__init__.py COMMAND_PERMISSIONS"
    # The recovery code authenticates `user recover` (for an administrator who cannot log in).
    assert [k for k in registry() if permission_for(k) == OPEN] == ["user recover", "verify"]


@pytest.mark.parametrize("key", registry())
def test_command_runs_or_is_refused_by_its_permission_for_every_role(
    key: str, prepared: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if key == "self-test":
        pytest.skip("opens the window: tests/app/cli/test_login_everywhere.py refuses it unnamed")
    needed = permission_for(key)
    for role in ROLES:
        work = tmp_path / role
        work.mkdir()
        db = work / "talimger.db"
        shutil.copyfile(prepared["db"], db)
        before = _snapshot(db)
        trail = len(_audit_actions(db))
        argv = ["--db", str(db), "--lang", "ru", *key.split(), *_argv(key, work, prepared)]
        argv += ["--user", role, "--password-file", prepared["password_file"]]
        code = main(argv)
        err = capsys.readouterr().err
        assert code != 70, (key, role, err)
        if needed == OPEN or needed in ROLE_PERMISSIONS[role]:
            assert not (code == 3 and f"\u00ab{needed}\u00bb" in err), (key, role, err)
            continue
        assert code == 3, (key, role, code, err)
        assert f"\u00ab{needed}\u00bb" in err, (key, role, err)  # named, in Russian quotes
        assert _snapshot(db) == before, (key, role)
        assert _audit_actions(db)[trail:] == ["login", "refuse"], (key, role)
