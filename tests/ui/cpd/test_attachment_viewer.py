"""Attached scans in real widgets: a ledger line's image fitted and zoomed, its PDF handed to the
system's viewer as an exact copy (C-3); kk and ru."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.cpd.dto import ActivityInput
from app.cpd.ledger import add_activity
from app.cpd.rules import form_by_code
from tests.app.cpd.helpers import make_person
from ui.context import UiContext
from ui.cpd.cpd_page import CpdPage
from ui.cpd.evidence_button import EvidenceButton
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

from ..typing import type_text

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_c3_a_lines_scan_is_shown_fitted_and_zoomed_and_its_pdf_copied_for_the_system_viewer(
    qtbot: QtBot,
    window: MainWindow,
    ui_ctx: UiContext,
    switcher: LanguageSwitcher,
    tmp_path: Path,
    lang: str,
) -> None:
    day = date.today() - timedelta(days=1)
    person, _iin = make_person(ui_ctx.store, ui_ctx.actor, surname="Оспанова")
    with ui_ctx.store.write() as s:
        form = form_by_code(s, "F02")
        assert form is not None
        add_activity(
            s,
            ui_ctx.actor,
            ActivityInput(
                person_id=person, form_id=form.id, event="Вебинар", starts_on=day, ends_on=day
            ),
            today=date.today(),
        )
    switcher.switch(lang)
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    page.setCurrentWidget(page.ledger)
    ledger = page.ledger
    type_text(ledger.search, "Оспанова")
    ledger.year.setValue(day.year)
    assert ledger.model.rowCount() == 1
    (button,) = ledger.findChildren(EvidenceButton)
    ledger.table.selectRow(0)
    button.click()
    assert button.viewer is None  # nothing attached yet: the status bar says so
    scan, pdf = tmp_path / "сертификат.png", tmp_path / "бағдарлама.pdf"
    scan.write_bytes(_png(1200, 1700))
    pdf.write_bytes(PDF)
    for path in (scan, pdf):  # attaching copies the file into the store, as before
        ledger.table.selectRow(0)
        ledger.attach_file(path)
    ledger.table.selectRow(0)
    button.click()
    viewer = button.viewer
    assert viewer is not None
    qtbot.waitExposed(viewer)
    assert viewer.choice.count() == 2 and viewer.choice.isVisibleTo(viewer)
    viewer.choice.setCurrentIndex([viewer.choice.itemText(i) for i in range(2)].index(scan.name))
    assert "1200" in viewer.note.text() and "1700" in viewer.note.text()
    fitted = viewer.picture.pixmap().size()
    room = viewer.area.viewport().size()
    assert fitted.width() <= room.width() and fitted.height() <= room.height()
    qtbot.mouseClick(viewer.zoom_in_button, Qt.MouseButton.LeftButton)
    assert viewer.picture.pixmap().width() > fitted.width()
    qtbot.mouseClick(viewer.actual_button, Qt.MouseButton.LeftButton)
    assert viewer.picture.pixmap().size().toTuple() == (1200, 1700)
    qtbot.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    assert viewer.picture.pixmap().size() == fitted
    # A PDF is not drawn here (no QtPdf in PySide6-Essentials): it goes to the system's viewer.
    viewer.choice.setCurrentIndex([viewer.choice.itemText(i) for i in range(2)].index(pdf.name))
    assert pdf.name in viewer.note.text()
    assert not viewer.zoom_in_button.isEnabled() and viewer.external_button.isEnabled()
    copy = viewer.temp_copy()
    assert copy is not None and copy.name == pdf.name and copy.read_bytes() == PDF
    viewer.close()
    folder = copy.parent
    viewer.deleteLater()
    qtbot.waitUntil(lambda: not folder.exists())  # the copy goes with the viewer
