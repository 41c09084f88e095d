"""Build the PyInstaller bundle and run the frozen app (TALIMGER_BUNDLE_TEST=1; minutes)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.timeout(1200),
    pytest.mark.skipif(
        os.environ.get("TALIMGER_BUNDLE_TEST") != "1",
        reason="builds the bundle with PyInstaller (minutes): set TALIMGER_BUNDLE_TEST=1",
    ),
]


def _build_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_bundle", ROOT / "scripts/build_bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh one-folder build in a temporary folder, or the dist TALIMGER_BUNDLE_DIST names."""
    # .ci/run builds the bundle beside the suite and hands its dist folder here.
    built = os.environ.get("TALIMGER_BUNDLE_DIST")
    if built:
        return Path(built)
    script = _build_script()
    dist = tmp_path_factory.mktemp("dist")
    script.build(dist, tmp_path_factory.mktemp("work"))
    return dist


def test_frozen_self_test_demo_and_check_exit_0(bundle: Path) -> None:
    script = _build_script()
    failures = script.smoke(script.frozen_executable(bundle))
    assert failures == []
    pg_url = os.environ.get("TALIMGER_TEST_PG_URL")
    if pg_url:  # CI sets it (.ci/run, the Windows workflow)
        assert script.smoke_postgres(script.frozen_executable(bundle), pg_url) == []


def test_icon_licences_accelerator_and_driver_are_inside(bundle: Path) -> None:
    script = _build_script()
    assert script.contents(bundle / "Talimger") == []


def test_bundle_is_within_budget_and_trimmed(bundle: Path) -> None:
    script = _build_script()
    folder = bundle / "Talimger"
    assert script.disk_usage(folder) <= script.SIZE_BUDGET
    names = {p.name for p in folder.rglob("*")}
    # Qt modules and plugins the app does not use are filtered out of the hooks' collection.
    for unwanted in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Pdf.so.6", "libqwayland.so"):
        assert unwanted not in names
    qm = {p.name for p in folder.rglob("*.qm")}
    assert {"qtbase_kk.qm", "qtbase_ru.qm"} <= qm
    assert all(name.split("_", 1)[1] in {"kk.qm", "ru.qm", "en.qm"} for name in qm)
    babel = {p.stem for p in folder.rglob("locale-data/*.dat")}
    assert {"root", "kk", "ru", "en"} <= babel
    assert not {"de", "fr", "zh", "en_GB"} & babel
    # Migrations ship as files Alembic can import; catalogs ship compiled.
    assert any(p.name == "env.py" for p in folder.rglob("migrations/env.py"))
    assert {p.parent.parent.name for p in folder.rglob("LC_MESSAGES/messages.mo")} == {"kk", "ru"}
    if sys.platform.startswith("linux"):
        assert not [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]
