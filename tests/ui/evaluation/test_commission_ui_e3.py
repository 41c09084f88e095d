"""E-3 (seed 001 §7.1.12): the commission's protocol from the rounds tab, in Kazakh and Russian."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.evaluation.commission import content, protocols_of_round
from tests.app.evaluation.test_commission_e3 import round_  # noqa: F401  (the fixture)
from ui.evaluation.commission_dialog import CommissionDialog
from ui.evaluation.rounds_view import RoundsView

from ..typing import type_text

NO_DECISION = {"kk": "шешім жоқ", "ru": "без решения"}
MISSING = {"kk": "міндетті", "ru": "Обязательное"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_e3_commission_protocol_recorded_from_the_dialog(
    qtbot: QtBot,
    ui_ctx,
    switcher,
    store,
    round_,  # noqa: F811  (the fixture imported above)
    lang: str,
) -> None:
    switcher.switch(lang)
    round_id, (first, _second, _draft) = round_
    view = RoundsView(ui_ctx)
    qtbot.addWidget(view)
    view.rounds.setCurrentRow(0)
    listed = [view.sheet_at(r) for r in range(view.sheet_rows.rowCount())]
    dialog = CommissionDialog(ui_ctx, round_id, [sh for sh in listed if sh is not None])
    qtbot.addWidget(dialog)
    assert len(dialog.decisions) == 2  # the draft sheet is not offered
    assert dialog.decisions[0].currentText() == NO_DECISION[lang]
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # nothing filled in
    assert MISSING[lang] in dialog.rows["number"].error.text()
    type_text(dialog.number, "3")
    type_text(dialog.chair, "Ахметов Б. С.")
    type_text(dialog.secretary, "Ли О. В.")
    dialog.decisions[0].setCurrentIndex(dialog.decisions[0].findData("internship"))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    with store.read() as s:
        (pid, number, _day), *_ = protocols_of_round(s, round_id)
        lines = content(s, round_id, pid).lines
    assert number == "3" and [(x.sheet_id, x.decision) for x in lines] == [(first, "internship")]
