"""Issue 11: council protocols listed, loaded, never carried over, printed via the preview."""

from __future__ import annotations

import io
from datetime import date, timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.main_window import MainWindow
from ui.mentoring.council_tab import CouncilTab
from ui.mentoring.mentoring_view import MentoringView

from ..typing import type_text
from .conftest import Region

SECOND = "Бекова Дана Маратқызы"
ASK_TO_SELECT = "Жоғарыдағы тізімнен хаттаманы таңдаңыз немесе жаңасын жасаңыз."


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _pair_up(qtbot: QtBot, view: MentoringView, protege: str) -> None:
    view.select_need(protege)
    _click(qtbot, view.form_pair_button)
    _click(qtbot, view.start_button)
    assert view.message.text() == "" and view.selected_pair().state == "active"


def _select_pair_of(view: MentoringView, protege: str) -> None:
    row = next(r for r, p in enumerate(view.pair_rows.rows) if p.protege_name == protege)
    view.pairs.selectRow(row)
    assert view.panel.pair is not None and view.panel.pair.protege_name == protege


def _listed(council: CouncilTab) -> list[tuple[str, str]]:
    model = council.protocols.model
    return [(model.index(r, 0).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def test_protocols_listed_loaded_never_carried_over_and_printed_m11(
    qtbot: QtBot, window: MainWindow, region: Region, ui_ctx
) -> None:
    with ui_ctx.store.write() as s:
        court = s.scalar(select(Court).where(Court.name_kk == "Көкшетау қалалық соты"))
        create_person(
            s,
            ui_ctx.actor,
            PersonInput(
                iin=make_iin(date(1985, 3, 3), 7),
                surname="Бекова",
                first_name="Дана",
                patronymic="Маратқызы",
                role="judge",
                court_id=court.id,
                specialisation="civil",
                first_appointed_on=date.today() - timedelta(days=60),
            ),
        )
    view = window.page("mentoring").pairs  # type: ignore[attr-defined]
    view.region.setCurrentIndex(view.region.findData("AKM"))
    _pair_up(qtbot, view, region.protege)
    _pair_up(qtbot, view, SECOND)
    council = view.panel.council
    view.panel.setCurrentWidget(council)

    # No protocol yet: the list says so, and every button on a protocol says why it did nothing.
    _select_pair_of(view, region.protege)
    assert _listed(council) == [] and council.protocols.hint.text()
    for button in (
        council.update_protocol_button,
        council.print_button,
        council.sign_button,
        council.copy_centre_button,
        council.copy_hr_button,
    ):
        view.message.clear()
        _click(qtbot, button)
        assert view.message.text() == ASK_TO_SELECT, button.text()

    # Drawn up: listed as a draft and shown in the form.
    for field, text in (
        (council.protocol_number, "7"),
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
    assert _listed(council) == [("7", "Жоба")]
    assert council.protocols.current() is not None

    # Another pair: its form is empty, nothing of protocol 7 carried over.
    _select_pair_of(view, SECOND)
    assert _listed(council) == []
    assert council.protocol_id is None
    assert [f.text() for f in (council.protocol_number, council.chair, council.agenda)] == [""] * 3
    # The region's protocols: selecting 7 loads its meeting; it decides nothing on this pair.
    council.protocols.scope.setCurrentIndex(council.protocols.scope.findData("region"))
    assert _listed(council) == [("7", "Жоба")]
    council.protocols.table.selectRow(0)
    assert council.protocol_number.text() == "7" and council.chair.text() == "Төлеуов А. Б."
    assert council.decision_text.text() == ""
    # "New protocol" empties the form again.
    _click(qtbot, council.new_button)
    assert council.protocol_id is None and council.protocol_number.text() == ""

    # Back to the first pair: its latest protocol is loaded, its decision too.
    council.protocols.scope.setCurrentIndex(council.protocols.scope.findData("pair"))
    _select_pair_of(view, region.protege)
    assert council.protocol_number.text() == "7"
    assert council.decision_text.text() == "Мақсаттарға жетті"
    assert council.members.text() == "Төлеуов А. Б., Мұратова Г. С."

    # Print goes through the preview, which shows this very protocol.
    _click(qtbot, council.print_button)
    shown = [d for d in council.findChildren(PrintPreviewDialog) if d.isVisible()]
    assert len(shown) == 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(shown[0].pdf)).pages)
    assert "Мақсаттарға жетті" in text and "7" in text
    shown[0].close()

    # Signed: the list and the state line say so; copies are recorded.
    type_text(council.signed_by, "Төлеуов А. Б.")
    _click(qtbot, council.sign_button)
    assert view.message.text() == ""
    assert _listed(council) == [("7", "Қол қойылған")]
    _click(qtbot, council.copy_hr_button)
    assert view.message.text() == "" and "Кадр" in council.protocol_state.text()
