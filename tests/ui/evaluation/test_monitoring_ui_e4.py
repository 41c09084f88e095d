"""E-4 (seed 001 §7.2.1, §7.2.3): the monitoring tab previews a file, imports it, and the judge's
dossier shows it, in Kazakh and Russian.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.spreadsheet.writer import write_xlsx
from app.evaluation.monitoring import COLUMNS, lines_of
from db.models import Person
from tests.app.evaluation.helpers import judges
from ui.evaluation.dossier_dialog import DossierDialog
from ui.evaluation.monitoring_view import MonitoringView

WORDS = {
    "kk": ("Кассация", "Азаматтық істер", "3-жол", "Қосылды: 1", "Мониторинг деректері"),
    "ru": (
        "Кассация",
        "Гражданские дела",
        "Строка 3",
        "Добавлено: 1",
        "Данные мониторинга",
    ),
}
REVIEWED = {
    "kk": "4 іс қайта қаралды: 3 өзгеріссіз, 1 өзгертілді, 0 күші жойылды",
    "ru": "пересмотрено дел: 4; без изменения: 3, изменено: 1, отменено: 0",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_e4_preview_then_import_then_the_dossier(
    qtbot: QtBot, ui_ctx, switcher, store, actor, tmp_path: Path, lang: str
) -> None:
    switcher.switch(lang)
    _court, (person,) = judges(store, actor, 1)
    with store.read() as s:
        iin = s.scalar(select(Person.iin).where(Person.id == person))
    good = (iin, date(2026, 1, 1), date(2026, 6, 30), "cassation", "civil", 4, 3, 1, 0)
    bad = (iin, date(2026, 1, 1), date(2026, 6, 30), "appeal", "civil", 1, 1, 1, 0)
    path = tmp_path / "m.xlsx"
    write_xlsx(path, "E-4", COLUMNS, [good, bad])
    view = MonitoringView(ui_ctx)
    qtbot.addWidget(view)
    view.preview_file(path)
    kind, category, wrong, added, title = WORDS[lang]
    row = view.lines.topLevelItem(0)
    assert view.lines.topLevelItemCount() == 1 and row is not None
    assert (row.text(2), row.text(3), row.text(4)) == (kind, category, "4")
    assert not view.import_button.isEnabled() and wrong in view.status.text()
    write_xlsx(path, "E-4", COLUMNS, [good])
    view.preview_file(path)
    assert view.import_button.isEnabled()
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert added in view.status.text() and view.lines.topLevelItemCount() == 0
    with store.read() as s:
        assert len(lines_of(s, person)) == 1
    dialog = DossierDialog(ui_ctx, person, "Судья")
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert title in text and REVIEWED[lang] in text and category in text


def test_e4_template_is_written_in_the_active_language(
    qtbot: QtBot, ui_ctx, switcher, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    switcher.switch("ru")
    view = MonitoringView(ui_ctx)
    qtbot.addWidget(view)
    view.save_template(tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx").active
    assert [c.value for c in sheet[1]][:3] == ["ИИН", "Начало периода", "Конец периода"]
