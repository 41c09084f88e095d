"""Environment failures are one translated line and exit 4, leaving nothing behind (issue 15, 9)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.__main__ import main


def _mount(folder: Path, size: str, *options: str) -> None:
    folder.mkdir(exist_ok=True)
    opts = ",".join((f"size={size}", *options))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("a small tmpfs needs root and mount permission (the honest disk-full test)")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 1.5 MB disk: room for the ~1 MB test store, not for a second copy of it."""
    folder = tmp_path / "disk"
    _mount(folder, "1500k")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if "partial" in p.name or p.stat().st_size == 0)


def test_backup_onto_a_full_disk(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    disk = tmp_path / "small"
    _mount(disk, "256k")
    request_cleanup = ["umount", "-l", str(disk)]
    assert main(["--db", str(db_path), "--lang", "ru", "backup", "--out", str(disk / "b.db")]) == 4
    err = capsys.readouterr().err
    assert "заполнен" in err and str(disk) in err and "Traceback" not in err
    assert _leftovers(disk) == [] and not (disk / "b.db").exists()
    subprocess.run(request_cleanup, check=False)


def test_restore_onto_a_full_disk_keeps_the_store(
    db_path: Path, disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = disk / "talimger.db"
    shutil.copyfile(db_path, live)
    before = live.read_bytes()
    assert main(["--db", str(live), "--lang", "ru", "restore", str(db_path)]) == 4
    err = capsys.readouterr().err
    assert "заполнен" in err and "Traceback" not in err
    assert live.read_bytes() == before
    assert [p for p in _leftovers(disk) if not p.endswith(".lock")] == []


def test_read_only_folder_is_not_called_damaged(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    _mount(folder, "4m")
    try:
        live = folder / "talimger.db"
        shutil.copyfile(db_path, live)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        before = live.read_bytes()
        for command in (["check"], ["restore", str(db_path)]):
            assert main(["--db", str(live), "--lang", "ru", *command]) == 4, command
            err = capsys.readouterr().err
            assert "Traceback" not in err and "повреждена" not in err, err
            assert "только для чтения" in err or "запис" in err, err
        assert live.read_bytes() == before
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
