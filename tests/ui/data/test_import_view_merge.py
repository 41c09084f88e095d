"""The import view shows each change old → new and imports an identity conflict only when ticked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.core.context import Actor
from app.people.service import get_person
from i18n import _
from tests.app.security.helpers import add_judge
from ui.context import UiContext
from ui.data.import_view import ImportView


def test_changes_and_a_conflict_confirmed_row_by_row(
    qtbot: object, ui_ctx: UiContext, actor: Actor, tmp_path: Path
) -> None:
    with ui_ctx.store.write() as s:
        judge = add_judge(s, actor, 601)
        other = add_judge(s, actor, 602)
    path = tmp_path / "people.csv"
    path.write_text(
        "ИИН;Фамилия;Имя;Роль;Должность\n"
        f"{judge.data.iin};Петров;Пётр;Судья;\n"
        f"{other.data.iin};Әбілова;Айгүл;Судья;төраға\n",
        encoding="utf-8",
    )
    view = ImportView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.load(path)
    conflict, update = view.table.item(0, 4).text(), view.table.item(1, 4).text()
    assert "Әбілова Айгүл Серікқызы" in conflict and "Петров Пётр" in conflict
    assert f"{_('Position')}: судья \u2192 төраға" in update
    assert view.table.item(0, 1).text() == _("identity conflict")
    assert not view.import_button.isEnabled()  # an unconfirmed conflict refuses the file
    view.table.item(0, 1).setCheckState(Qt.CheckState.Checked)
    assert view.confirmed_lines() == {2}
    assert view.import_button.isEnabled()
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    with ui_ctx.store.read() as s:
        renamed, promoted = get_person(s, judge.id).data, get_person(s, other.id).data
    assert (renamed.surname, renamed.patronymic, renamed.position) == (
        "Петров",
        "Серікқызы",
        "судья",
    )
    assert promoted.position == "төраға"
