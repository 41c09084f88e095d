"""Build the one-folder bundle, run its frozen self-test and report its size on disk.

    /work/venv/bin/python scripts/build_bundle.py [--distpath DIR] [--workpath DIR] [--skip-build]

Exit status 0 only when the build succeeds, the frozen `self-test`, `demo` and `check` exit 0
(also on a fresh PostgreSQL database when TALIMGER_TEST_PG_URL names a server), the icon, the
licences and ReportLab's accelerator are inside, and the bundle is within the size budget.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bytes on disk (du): issue 17 raised it from 150 MiB for the PostgreSQL driver (libpq, OpenSSL,
# Kerberos), the licence texts, the icon and ReportLab's accelerator.
SIZE_BUDGET = 160 * 1024 * 1024


def disk_usage(folder: Path) -> int:
    """Bytes the folder takes on disk, like `du -s` (symbolic links counted once, not followed)."""
    total = 0
    seen: set[tuple[int, int]] = set()
    for path in folder.rglob("*"):
        st = path.lstat()
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        blocks = getattr(st, "st_blocks", None)
        total += blocks * 512 if blocks is not None else st.st_size
    return total


def frozen_executable(dist: Path) -> Path:
    """The console executable of the bundle (talimger-cli.exe on Windows)."""
    if sys.platform == "win32":
        return dist / "Talimger" / "talimger-cli.exe"
    return dist / "Talimger" / "Talimger"


def build(distpath: Path, workpath: Path) -> None:
    """Run PyInstaller on build.spec."""
    pyinstaller = Path(sys.executable).with_name(
        "pyinstaller.exe" if sys.platform == "win32" else "pyinstaller"
    )
    command = [str(pyinstaller)] if pyinstaller.exists() else [sys.executable, "-m", "PyInstaller"]
    command += [
        "build.spec",
        "--noconfirm",
        "--distpath",
        str(distpath),
        "--workpath",
        str(workpath),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


# One user data folder (logs, audit anchors, backups) for the whole smoke run, not the build
# user's: anchors that other stores left there would make `check` report a trimmed audit log.
DATA_HOME = Path(tempfile.mkdtemp(prefix="talimger-frozen-data-"))


def run_frozen(exe: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run the frozen app off-screen in a clean folder, capturing its output."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(DATA_HOME))
    env.pop("PYTHONPATH", None)
    with tempfile.TemporaryDirectory(prefix="talimger-frozen-") as cwd:
        return subprocess.run(
            [str(exe), *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )


def smoke(exe: Path) -> list[str]:
    """Frozen self-test, demo, check, a signed exchange and an encrypted store; the failures."""
    failures = []
    result = run_frozen(exe, "--lang", "kk", "self-test")
    print(result.stdout.strip())
    if result.returncode != 0 or "Өзін-өзі тексеру сәтті өтті." not in result.stdout:
        failures.append(f"self-test exited {result.returncode}: {result.stderr[-2000:]}")
    with tempfile.TemporaryDirectory(prefix="talimger-frozen-db-") as tmp:
        failures += _exchange_and_encryption(exe, Path(tmp))
    return failures


def _exchange_and_encryption(exe: Path, tmp: Path) -> list[str]:
    """A district PC sends a signed package to a centre whose store the bundle encrypted."""
    failures: list[str] = []
    # Two PCs, two folders: stores in one folder share its backups/ and every backup manifest
    # there is taken for an anchor of the store being checked (reported to the lead, issue 10).
    (tmp / "district").mkdir()
    (tmp / "centre").mkdir()
    db, centre = str(tmp / "district" / "demo.db"), str(tmp / "centre" / "centre.db")
    passphrase = tmp / "pass.txt"
    passphrase.write_text("frozen-passphrase", encoding="utf-8")
    wrong = tmp / "wrong.txt"
    wrong.write_text("not-the-password", encoding="utf-8")
    package = str(tmp / "district.tlx")
    login = ("--user", "admin", "--password-file", str(passphrase))

    def step(*args: str, expect: int = 0) -> str:
        result = run_frozen(exe, *args)
        print(result.stdout.strip())
        if result.returncode != expect:
            failures.append(
                f"{' '.join(args)} exited {result.returncode}, not {expect}: {result.stderr}"
            )
        return result.stdout

    step("--db", db, "demo")
    step("--db", db, "check")
    step("--db", db, "exchange", "name", "District")
    step("--db", centre, "init")
    step("--db", centre, "exchange", "name", "Centre")
    # Logins (argon2 via CFFI) and SQLCipher: setup-admin encrypts the store in place (issue 10).
    step("--db", centre, "user", "setup-admin", "admin", "--new-password-file", str(passphrase))
    if Path(centre).read_bytes()[:16] == b"SQLite format 3\x00":
        failures.append("the centre's store is still plain SQLite after setup-admin")
    step("--db", centre, "check", *login)
    step("--db", centre, "check", "--user", "admin", "--password-file", str(wrong), expect=3)
    # Signed packages (Ed25519) travel only between paired PCs.
    keys = {}
    for name, path, extra in (("District", db, ()), ("Centre", centre, login)):
        shown = step("--db", path, "exchange", "key", *extra).splitlines()
        keys[name] = shown[0].rsplit(" ", 1)[-1] if shown else ""
    step("--db", centre, "exchange", "pair", "District", keys["District"], *login)
    step("--db", db, "exchange", "pair", "Centre", keys["Centre"])
    # Package encryption (AES-GCM) and the import into the encrypted store.
    secret = ("--passphrase-file", str(passphrase))
    step("--db", db, "exchange", "export", "--to", "Centre", "--out", package, *secret)
    step("--db", centre, "--lang", "ru", "exchange", "import", package, *secret, *login)
    step("--db", centre, "check", *login)
    return failures


def contents(folder: Path) -> list[str]:
    """What must be inside the bundle besides working code; the list of what is missing."""
    missing = []
    names = {p.name for p in folder.rglob("*")}
    if "talimger.png" not in names:
        missing.append("the window icon resources/icons/talimger.png")
    manifest = next(folder.rglob("licenses/components.json"), None)
    if manifest is None:
        missing.append("licenses/components.json")
    else:
        empty = [d.name for d in manifest.parent.iterdir() if d.is_dir() and not any(d.iterdir())]
        if empty:
            missing.append(f"licence texts of {empty}")
    if not any(n.startswith("_rl_accel") for n in names):
        missing.append("ReportLab's accelerator _rl_accel")
    if not any(n.startswith("psycopg_binary") or n.startswith("libpq") for n in names):
        missing.append("the PostgreSQL driver (psycopg_binary)")
    return missing


def smoke_postgres(exe: Path, admin_url: str) -> list[str]:
    """The frozen app creates, checks and fills a fresh database on the PostgreSQL server."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"talimger_bundle_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    failures = []
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        for args in (("--db", url, "check"), ("--db", url, "demo", "--people-only")):
            result = run_frozen(exe, *args)
            print(result.stdout.strip())
            if result.returncode != 0:
                failures.append(
                    f"PostgreSQL: {args[2]} exited {result.returncode}: {result.stderr}"
                )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return failures


def main(argv: list[str] | None = None) -> int:
    """Build (unless --skip-build), smoke-test and measure the bundle."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build")
    parser.add_argument("--skip-build", action="store_true", help="test an existing bundle")
    args = parser.parse_args(argv)
    if not args.skip_build:
        build(args.distpath, args.workpath)
    exe = frozen_executable(args.distpath)
    failures = smoke(exe) + contents(args.distpath / "Talimger")
    if os.environ.get("TALIMGER_TEST_PG_URL"):
        failures += smoke_postgres(exe, os.environ["TALIMGER_TEST_PG_URL"])
    size = disk_usage(args.distpath / "Talimger")
    print(
        f"bundle size on disk: {size / 2**20:.1f} MiB ({size / 1e6:.1f} MB), "
        f"budget {SIZE_BUDGET / 2**20:.0f} MiB, ratio {size / SIZE_BUDGET:.2f}"
    )
    if size > SIZE_BUDGET:
        failures.append(f"bundle is {size / 2**20:.1f} MiB, over the budget")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
