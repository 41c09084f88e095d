"""The list model over one query, and refusals shown inline: with a real store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.core.context import Actor
from app.core.errors import DomainError
from app.core.progress import Progress
from app.core.store import Session
from app.courts.dto import CourtDTO
from app.courts.service import list_courts
from i18n import N_
from ui.context import UiContext
from ui.kit.list_table_model import ListTableModel
from ui.kit.op import Op
from ui.kit.paged_table_model import Column

COLUMNS = (Column[CourtDTO](N_("Court"), lambda c: c.name), Column(N_("Code"), lambda c: c.code))


def test_list_model_holds_one_query_and_sorts_the_rows(
    qtbot: QtBot, qtmodeltester: object, ui_ctx: UiContext
) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    model = ListTableModel(ui_ctx, COLUMNS, view, sort_keys=(lambda c: c.name, None))
    assert model.rowCount() == 0
    model.show(lambda s: list_courts(s, "regional"))
    regional = [c.name for c in list_courts_now(ui_ctx)]
    assert model.rowCount() == len(regional) > 10
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Сот"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == sorted(
        regional, reverse=True
    )
    model.sort(1)  # the code column has no key: the order stays
    assert model.index(0, 0).data() == max(regional)
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    def refused(_s: Session) -> list[CourtDTO]:
        raise DomainError(N_("This court was deleted by someone else."))

    model.show(refused)  # a refused read: an empty list and the reason next to the view
    assert model.rowCount() == 0 and model.rows == []
    assert [b for b in view.findChildren(QMessageBox) if b.objectName() == "refusal"]


def list_courts_now(ui_ctx: UiContext) -> list[CourtDTO]:
    from ui.kit.op import Query

    return Query(None, ui_ctx, lambda s: list_courts(s, "regional")).run() or []


def test_refusal_can_go_to_a_label_beside_the_action(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    label = QLabel(page)

    def work(_s: Session, _actor: Actor, _p: Progress) -> None:
        raise DomainError(N_("This court was deleted by someone else."))

    failures: list[DomainError] = []
    Op(page, ui_ctx, work).refusals_to(label.setText).failure(failures.append).run()
    assert label.text() == failures[0].message() != failures[0].message_id
    assert not page.findChildren(QMessageBox)  # inline instead of a box, not both


def test_check_column_is_user_checkable_and_sorts_along(
    qtbot: QtBot, qtmodeltester: object, ui_ctx: UiContext
) -> None:
    view = QWidget()
    qtbot.addWidget(view)
    model = ListTableModel(
        ui_ctx,
        COLUMNS,
        view,
        sort_keys=(lambda c: c.name, None),
        check_column=1,
        checked=lambda c: c.code.endswith("1"),
    )
    courts = list_courts_now(ui_ctx)
    model.set_rows(courts)
    check = Qt.ItemDataRole.CheckStateRole
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(0, 0).data(check) is None
    ticked = {c.code for c in courts if c.code.endswith("1")}
    assert {r.code for r, on in zip(model.rows, model.checks, strict=True) if on} == ticked
    first = model.rows[0]
    assert model.setData(model.index(0, 1), Qt.CheckState.Checked, check)
    assert model.index(0, 1).data(check) == Qt.CheckState.Checked
    model.sort(0, Qt.SortOrder.DescendingOrder)  # the ticks travel with their rows
    marked = {r.code for r, on in zip(model.rows, model.checks, strict=True) if on}
    assert marked == ticked | {first.code}
    assert not model.setData(model.index(0, 0), Qt.CheckState.Checked, check)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
