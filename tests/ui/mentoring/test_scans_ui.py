"""Issue 11: mentoring's scans open from where they are attached: the roster order's image in the
viewer (M-3), the signed protocol's PDF in the system's viewer (M-11)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.roster import approve_roster
from db.models import Person
from i18n import _
from ui.context import UiContext
from ui.kit.attachment_viewer import AttachmentViewer
from ui.main_window import MainWindow
from ui.mentoring.mentoring_view import MentoringView

from ..typing import type_text
from .conftest import Region

# What a scanner writes at the start of every PDF; the viewer hands the file on unread.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _viewer(button: QPushButton) -> AttachmentViewer:
    viewer = getattr(button, "viewer", None)
    assert isinstance(viewer, AttachmentViewer) and viewer.isVisible()
    return viewer


@pytest.fixture
def opened() -> Iterator[list[QUrl]]:
    """QDesktopServices.openUrl (Qt's, not ours) replaced by a recorder for the test."""
    urls: list[QUrl] = []
    original = QDesktopServices.openUrl

    def record(url: QUrl) -> bool:
        urls.append(url)
        return True

    QDesktopServices.openUrl = record  # type: ignore[method-assign]
    yield urls
    QDesktopServices.openUrl = original  # type: ignore[method-assign]


def test_the_roster_orders_image_scan_opens_in_the_viewer_m3(
    qtbot: QtBot, window: MainWindow, region: Region, ui_ctx: UiContext
) -> None:
    page = window.page("mentoring")
    view = page.pairs  # type: ignore[attr-defined]
    view.region.setCurrentIndex(view.region.findData("AKM"))
    roster = page.roster  # type: ignore[attr-defined]
    page.setCurrentWidget(roster)  # type: ignore[attr-defined]
    roster.reload()
    # The fixture's order was approved without a scan: the button says why it cannot open one.
    assert not roster.scan_button.isEnabled()
    assert roster.scan_button.toolTip() == _("No order of the region has a scan attached.")

    with ui_ctx.store.write() as s:
        tutor = s.scalar(select(Person.id).where(Person.surname == "Өтегенов"))
        assert tutor is not None
        approve_roster(
            s,
            ui_ctx.actor,
            RosterOrderInput(
                "AKM",
                "15-ө",
                date.today() - timedelta(days=2),
                (RosterEntryInput(tutor, "tutor"),),
                attachment_name="order-15.png",
                attachment=_png(600, 800),
            ),
        )
    roster.reload()
    assert roster.scan_button.isEnabled()
    roster.scan_button.setFocus()
    qtbot.keyClick(roster.scan_button, Qt.Key.Key_Space)  # the keyboard opens it too
    viewer = _viewer(roster.scan_button)
    assert viewer.choice.itemText(0).startswith("№ 15-ө")
    assert viewer.picture.pixmap() is not None and not viewer.picture.pixmap().isNull()
    assert viewer.fit_button.isEnabled()
    assert "600 × 800" in viewer.note.text()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_the_signed_protocols_pdf_scan_goes_to_the_system_viewer_m11(
    qtbot: QtBot,
    window: MainWindow,
    region: Region,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    view: MentoringView = window.page("mentoring").pairs  # type: ignore[attr-defined]
    view.region.setCurrentIndex(view.region.findData("AKM"))
    view.select_need(region.protege)
    _click(qtbot, view.form_pair_button)
    _click(qtbot, view.start_button)
    council = view.panel.council
    view.panel.setCurrentWidget(council)
    scan = council.scan
    # No protocol yet: nothing to attach to, nothing to view, and both say why.
    assert not scan.view_button.isEnabled()
    assert scan.view_button.toolTip() == _("A scan is attached when the protocol is marked signed.")
    view.message.clear()
    _click(qtbot, scan.attach_button)
    assert view.message.text() == _(
        "Select a protocol not yet signed; its scan is kept when marked signed."
    )

    for field, text in (
        (council.protocol_number, "9"),
        (council.place, "Көкшетау"),
        (council.chair, "Төлеуов А. Б."),
        (council.secretary, "Мұратова Г. С."),
        (council.members, "Төлеуов А. Б., Мұратова Г. С."),
        (council.agenda, "Жұптың қорытындысы"),
        (council.decision_text, "Мақсаттарға жетті"),
    ):
        type_text(field, text)
    _click(qtbot, council.protocol_button)
    assert view.message.text() == ""
    file = tmp_path / "protocol-9.pdf"
    file.write_bytes(PDF)
    scan.attach(file)  # what the file dialog's choice does
    assert scan.attach_button.text() == "protocol-9.pdf"
    type_text(council.signed_by, "Төлеуов А. Б.")
    _click(qtbot, council.sign_button)
    assert view.message.text() == ""
    assert scan.view_button.isEnabled()
    assert scan.attach_button.text() == _("Attach the signed scan…")  # kept, not pending
    _click(qtbot, scan.attach_button)  # a signed protocol takes no other scan, and says so
    assert view.message.text() == _(
        "Select a protocol not yet signed; its scan is kept when marked signed."
    )

    _click(qtbot, scan.view_button)
    viewer = _viewer(scan.view_button)
    assert not viewer.fit_button.isEnabled()  # not an image: shown by the system's viewer
    assert "protocol-9.pdf" in viewer.note.text()
    _click(qtbot, viewer.external_button)
    assert len(opened) == 1 and opened[0].isLocalFile()
    handed = Path(opened[0].toLocalFile())
    assert handed.name == "protocol-9.pdf" and handed.read_bytes() == PDF
    viewer.close()
