"""Issue 11: the start page and the Reports page show no rule ID in their words, in kk and ru;
the IDs are in the tooltips (the calendar's banner and the roster: their own UI tests)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.agenda.dto import OVERDUE, AgendaItem, Target
from app.agenda.service import StartPage
from app.documents.catalogue import CATALOGUE
from i18n.rule_ids import RULE
from ui.context import UiContext
from ui.dashboard.dashboard_view import DashboardView
from ui.documents.reports_view import ReportsView
from ui.qt_i18n import LanguageSwitcher

LANGS = ["kk", "ru"]
# Every key app.agenda.text.title_of reads, with the rule the agenda gives it.
AGENDA = {
    "cpd_reports": "C-5",
    "cpd_summary": "C-7",
    "cpd_lines": "C-3",
    "academy_overdue": "T-1",
    "academy_due": "T-1",
    "training_plan": "T-3",
    "regional_events": "T-4",
    "pairs_ending": "M-4",
    "pairs_past_term": "M-11",
    "protocols_unsigned": "M-11",
    "protocol_copies": "M-11",
    "programmes_unapproved": "M-7",
    "internships_due": "I-1",
    "host_places": "I-1",
    "sheets_unsigned": "E-1",
}


@pytest.mark.parametrize("lang", LANGS)
def test_reports_page_descriptions_are_sentences_with_the_rule_in_the_tooltip(
    qtbot: QtBot, ui_ctx: UiContext, switcher: LanguageSwitcher, lang: str
) -> None:
    switcher.switch(lang)
    view = ReportsView(ui_ctx)
    qtbot.addWidget(view)
    cited = 0
    for row, doc in enumerate(CATALOGUE):
        view.list.setCurrentRow(row)
        text = view.description.text()
        assert text and not re.search(RULE, text), (doc.id, text)
        for rule in re.findall(RULE, doc.description):
            cited += 1
            assert rule in view.description.toolTip(), (doc.id, view.description.toolTip())
    assert cited >= 10  # the descriptions citing C-2, C-5, E-3, I-1 … M-13 at least


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_items_are_sentences_with_the_rule_in_the_tooltip(
    qtbot: QtBot, ui_ctx: UiContext, switcher: LanguageSwitcher, lang: str
) -> None:
    switcher.switch(lang)
    view = DashboardView(ui_ctx)
    qtbot.addWidget(view)
    on = date(2026, 11, 30)
    items = tuple(
        AgendaItem(key, rule, on, 3, OVERDUE, Target("people"), 2026, ("Іскақова Ә.",))
        for key, rule in AGENDA.items()
    )
    view.page = StartPage(on, items, None, False)
    view.retranslate_ui()
    assert view.due.topLevelItemCount() == len(AGENDA)
    for i, (key, rule) in enumerate(AGENDA.items()):
        row = view.due.topLevelItem(i)
        shown = [row.text(c) for c in range(view.due.columnCount())]
        assert not any(re.search(RULE, t) for t in shown), (key, shown)
        assert not re.search(RULE, row.toolTip(2)), (key, row.toolTip(2))
        assert rule in row.toolTip(0), (key, row.toolTip(0))
    view.banner.offer(on, list(items))
    assert not re.search(RULE, view.banner.text.text())
