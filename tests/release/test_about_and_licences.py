"""The About dialog lists what ships, with versions; the licence folder holds every text."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import PySide6
import reportlab
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.core.components import COMPONENTS, MANIFEST, licenses_dir
from i18n import set_language, translator
from ui.about_dialog import AboutDialog

ROOT = Path(__file__).resolve().parents[2]


def test_about_lists_components_with_versions(qtbot: QtBot) -> None:
    set_language("ru")
    dialog = AboutDialog("/tmp/talimger.db")
    qtbot.addWidget(dialog)
    table = dialog.components
    rows = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }
    assert rows["Qt 6 (Qt for Python, PySide6)"] == (PySide6.__version__, "LGPL-3.0")
    assert rows["ReportLab"][0] == reportlab.Version
    assert rows["Python"][0] == platform.python_version()
    assert "PDFium (pypdfium2)" in rows and "DejaVu fonts" in rows
    assert translator("ru")("Version") in [
        table.horizontalHeaderItem(c).text() for c in range(table.columnCount())
    ]
    assert (licenses_dir() / "LGPL-3.0.txt").exists()


def test_build_gathers_a_licence_for_every_component(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from licenses import write_licenses
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    missing = write_licenses(tmp_path / "licenses")
    assert missing == []
    versions = json.loads((tmp_path / "licenses" / MANIFEST).read_text(encoding="utf-8"))
    assert set(versions) == {c.name for c in COMPONENTS}
    qt = next(p for p in (tmp_path / "licenses").iterdir() if p.name.startswith("Qt_6"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (qt / "LGPL-3.0.txt").read_text(encoding="utf-8")


def test_the_icon_is_committed_and_readable() -> None:
    png = QImage(str(ROOT / "resources" / "icons" / "talimger.png"))
    assert png.width() == 256 and png.height() == 256
    assert (ROOT / "resources" / "icons" / "talimger.ico").stat().st_size > 1000
