"""The paged compliance model: ids held, pages judged on demand, the same verdicts (C-2)."""

from __future__ import annotations

from datetime import date, timedelta

from app.cpd.compliance import compliance
from app.cpd.dto import ComplianceFilter
from tests.app.cpd.helpers import make_person
from ui.context import UiContext
from ui.cpd.compliance_table_model import ComplianceTableModel
from ui.cpd.cpd_page import CpdPage
from ui.main_window import MainWindow

from ..typing import type_text
from .test_cpd_ui import _seminars


def test_compliance_model_pages_by_id_and_passes_qt_model_tester(
    qtmodeltester: object, ui_ctx: UiContext
) -> None:
    store, actor = ui_ctx.store, ui_ctx.actor
    day = date.today() - timedelta(days=1)
    appointed = date.today() - timedelta(days=400)
    people = [
        make_person(store, actor, surname=f"Әлиев{chr(0x430 + i)}", appointed=appointed)[0]
        for i in range(12)
    ]
    for person in people[:5]:
        _seminars(store, actor, person, day, 5)
    model = ComplianceTableModel(ui_ctx)
    model.PAGE_SIZE = 5
    model.set_filter(ComplianceFilter(year=day.year))
    assert model.rowCount() == 12 and model._pages == {}
    assert model.courts[0].people == 12 and model.totals["compliant"] == 5
    with store.read() as s:
        expected = compliance(s, ComplianceFilter(year=day.year))
    shown = [model.row_at(r) for r in range(12)]
    assert shown == expected  # page by page, the same verdicts in the same order
    assert len(model._pages) == 3
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    model.set_filter(ComplianceFilter(year=day.year, status="compliant"))
    assert model.rowCount() == 5 and model.totals["compliant"] == 5
    assert {model.row_at(r).status for r in range(5)} == {"compliant"}  # type: ignore[union-attr]
    assert model.index(0, 5).data() == "Талапқа сай"
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_every_cpd_list_model_passes_qt_model_tester(
    qtmodeltester: object, window: MainWindow, ui_ctx: UiContext
) -> None:
    day = date.today() - timedelta(days=1)
    person, _iin = make_person(ui_ctx.store, ui_ctx.actor, surname="Оспанова")
    _seminars(ui_ctx.store, ui_ctx.actor, person, day, 2)
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    page.compliance.year.setValue(day.year)
    page.compliance.refresh()
    type_text(page.ledger.search, "Оспанова")
    page.ledger.year.setValue(day.year)
    models = [
        page.compliance.model,
        page.compliance.courts,
        page.ledger.model,
        page.rules.model,
        page.plan.model,
        page.training.model,
    ]
    assert all(m.rowCount() for m in models[:4])
    for model in models:
        qtmodeltester.check(model)  # type: ignore[attr-defined]
