"""The whole life of a pair driven through real widgets (M-2 … M-11)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.documents.protocol_verify import UNALTERED, verify_pdf
from app.mentoring import protocol_queries
from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.roster import approve_roster
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court
from i18n.rule_ids import RULE
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.main_window import MainWindow
from ui.mentoring.mentoring_view import MentoringView

from ..typing import type_text
from .conftest import Region

DECISION = "Бағдарлама мақсаттарына қол жеткізілді"


def _type_into_cell(table: QTableWidget, row: int, col: int, text: str) -> None:
    """Open the cell's editor as a double click would, type, press Enter."""
    table.setCurrentCell(row, col)
    table.editItem(table.item(row, col))
    editors = [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    type_text(editor, text)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            editor, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )
    QApplication.processEvents()
    assert table.item(row, col).text() == text


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_whole_life_of_a_pair_in_real_widgets_m2_to_m11(
    qtbot: QtBot,
    window: MainWindow,
    region: Region,
    ui_ctx,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = window.page("mentoring").pairs  # type: ignore[attr-defined]
    assert isinstance(view, MentoringView)
    view.region.setCurrentIndex(view.region.findData("AKM"))
    panel = view.panel

    # M-2 needs list → M-3/M-6 ranked guide → pair
    view.select_need(region.protege)
    assert view.guide.count() == 1 and region.tutor in view.guide.itemText(0)
    _click(qtbot, view.form_pair_button)
    assert view.message.text() == ""
    assert view.selected_pair() is not None and view.selected_pair().state == "proposed"
    # Issue 11: the status bar names the pair it proposed (the list has selected it).
    pair = view.selected_pair()
    assert window.statusBar().currentMessage() == (
        f"Жұп ұсынылды: {pair.protege_name} және тәлімгер {pair.guide_name}."
    )
    _click(qtbot, view.start_button)
    assert view.selected_pair().state == "active"

    # M-7 programme drawn up, approved, then corrected with both versions kept
    panel.setCurrentIndex(0)
    for goal, activity in (("Судья әдебі", "Кодексті талдау"), ("Құжаттар", "Жобалар")):
        _click(qtbot, panel.programme.add_item_button)
        row = panel.programme.items.rowCount() - 1
        for col, text in ((0, goal), (1, activity)):
            _type_into_cell(panel.programme.items, row, col, text)
    _click(qtbot, panel.programme.save_programme_button)
    type_text(panel.programme.chairman, "Сейітқали Б.")
    _click(qtbot, panel.programme.approve_button)
    assert view.message.text() == "" and view.selected_pair().progress == 0
    for row in range(2):
        panel.programme.status_box(row).setCurrentIndex(
            panel.programme.status_box(row).findData("done")
        )
    _click(qtbot, panel.programme.save_programme_button)
    assert view.selected_pair().progress == 100
    _click(qtbot, panel.programme.compare_button)
    assert (
        "Жоспарланған" in panel.programme.changes.text()
        and "Орындалды" in panel.programme.changes.text()
    )

    # M-8/M-9 two meetings and a hearing review
    panel.setCurrentIndex(1)
    for topic in ("Бейімделу", "Судья әдебі"):
        type_text(panel.journal.meeting_topic, topic)
        _click(qtbot, panel.journal.log_meeting_button)
    type_text(panel.journal.case_number, "2-1234/2026")
    panel.journal.criteria["impartiality"].setChecked(True)
    _click(qtbot, panel.journal.review_button)
    assert (
        panel.journal.journal_list.text().count("\n") == 2
        and "2-1234/2026" in panel.journal.journal_list.text()
    )

    # M-10 the guide's and the protégé's reports
    panel.setCurrentIndex(2)
    panel.reports.report_author.setCurrentIndex(0)
    type_text(panel.reports.work_done, "Бағдарлама орындалды")
    _click(qtbot, panel.reports.submit_report_button)
    panel.reports.report_author.setCurrentIndex(1)
    type_text(panel.reports.knowledge, "Процесс жүргізу дағдылары")
    type_text(panel.reports.effectiveness, "Тиімді")
    panel.reports.score.setValue(5)
    _click(qtbot, panel.reports.submit_report_button)
    assert view.message.text() == ""
    panel.reports.report_author.setCurrentIndex(0)  # M-10: the guide petitions, goals reached
    type_text(panel.reports.petition_reasons, "Бағдарлама мақсаттарына жетті")
    _click(qtbot, panel.reports.petition_button)
    assert view.message.text() == "" and panel.reports.petition_reasons.text() == ""
    type_text(panel.reports.order_number, "45-ө")  # M-4: extension by the chairman's order
    panel.reports.order_months.setValue(30)
    _click(qtbot, panel.reports.extend_button)
    # The refusal names the total and the limit (M-4); rule IDs stay out of the sentence.
    assert "42" in view.message.text() and "36" in view.message.text()
    panel.reports.order_months.setValue(6)
    _click(qtbot, panel.reports.extend_button)
    assert view.message.text() == "" and view.selected_pair().extensions_months == 6

    # M-5 caseload reduction for the first six months, at most 30 %
    panel.reports.percent.setValue(40)
    panel.reports.reduce_from.set_value(date.today() - timedelta(days=100))
    panel.reports.reduce_to.set_value(date.today() + timedelta(days=50))
    _click(qtbot, panel.reports.caseload_button)
    assert "M-5" in view.message.toolTip() and "40" in view.message.text()
    panel.reports.percent.setValue(30)
    _click(qtbot, panel.reports.caseload_button)
    assert view.message.text() == ""

    # M-11 the council's protocol: drawn up, printed, signed, printed again and verified
    panel.setCurrentIndex(3)
    for field, text in (
        (panel.council.protocol_number, "7"),
        (panel.council.place, "Көкшетау қаласы"),
        (panel.council.chair, "Төлеуов А. Б."),
        (panel.council.secretary, "Мұратова Г. С."),
        (panel.council.members, "Төлеуов А. Б., Мұратова Г. С., Ким С. В."),
        (panel.council.agenda, "Жұптың қорытындысы"),
        (panel.council.decision_text, DECISION),
    ):
        type_text(field, text)
    _click(qtbot, panel.council.protocol_button)
    assert view.message.text() == "", view.message.text()
    out = tmp_path / "protocol.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _print_through_preview(qtbot, panel.council)
    assert DECISION in "".join(p.extract_text() for p in PdfReader(out).pages)
    type_text(panel.council.signed_by, "Төлеуов А. Б.")
    _click(qtbot, panel.council.sign_button)
    assert view.selected_pair().state == "completed"
    panel.council.lang.setCurrentIndex(1)  # ru
    _print_through_preview(qtbot, panel.council)
    with ui_ctx.store.read() as s:
        verdict = verify_pdf(
            out.read_bytes(), lambda code: protocol_queries.signed_content(s, code)
        )
    assert verdict.status == UNALTERED
    _click(qtbot, panel.council.copy_centre_button)
    _click(qtbot, panel.council.copy_hr_button)
    assert (
        "Оқу орталығы" in panel.council.protocol_state.text()
        and "Кадр" in panel.council.protocol_state.text()
    )

    # …and now nothing can change: the attempt says why
    panel.setCurrentIndex(1)
    type_text(panel.journal.meeting_topic, "Тағы бір кездесу")
    _click(qtbot, panel.journal.log_meeting_button)
    assert "M-11" in view.message.toolTip() and "7" in view.message.text()
    panel.setCurrentIndex(3)
    panel.council.place.clear()
    type_text(panel.council.place, "Астана")
    _click(qtbot, panel.council.update_protocol_button)  # the signed protocol itself refuses
    assert "M-11" in view.message.toolTip() and "Төлеуов А. Б." in view.message.text()
    _click(qtbot, panel.council.protocol_button)  # a new protocol deciding on the closed pair
    assert "M-11" in view.message.toolTip() and "M-11" not in view.message.text()
    panel.setCurrentIndex(0)
    assert panel.programme.status_box(0).currentText() == "Орындалды"
    window.grab().save(str(tmp_path / "mentoring-kk.png"))


def _print_through_preview(qtbot: QtBot, council: QWidget) -> None:
    """Print protocol… opens the preview; its Save as PDF writes the file (M-11)."""
    _click(qtbot, council.print_button)  # type: ignore[attr-defined]
    shown = [d for d in council.findChildren(PrintPreviewDialog) if d.isVisible()]
    assert [d.objectName() for d in shown] == ["protocol"]
    _click(qtbot, shown[0].save_button)
    shown[0].close()


def test_needs_list_filters_by_court_m2(qtbot: QtBot, window: MainWindow, region: Region) -> None:
    view = window.page("mentoring").pairs  # type: ignore[attr-defined]
    assert isinstance(view, MentoringView)
    view.region.setCurrentIndex(view.region.findData("AKM"))
    assert view.needs.model().rowCount() == 1
    regional = view.court.findText("Ақмола облыстық соты")
    view.court.setCurrentIndex(regional)  # nobody at the regional court needs a guide
    assert view.needs.model().rowCount() == 0
    view.court.setCurrentIndex(view.court.findText("Көкшетау қалалық соты"))
    assert view.needs.model().rowCount() == 1


def test_roster_order_and_seminar_in_real_widgets_m1_m3_m12(
    qtbot: QtBot,
    window: MainWindow,
    region: Region,
    ui_ctx,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.mentoring import seminars
    from ui.mentoring.roster_view import CHECKED

    page = window.page("mentoring")
    page.pairs.region.setCurrentIndex(page.pairs.region.findData("AKM"))  # type: ignore[attr-defined]
    view = page.roster  # type: ignore[attr-defined]
    page.setCurrentIndex(1)  # type: ignore[attr-defined]
    assert view.roster.count() == 1
    type_text(view.search, "Қасымова")
    assert view.candidates.count() == 1
    view.candidates.item(0).setCheckState(CHECKED)
    type_text(view.number, "31-ө")
    scan = tmp_path / "order.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    _click(qtbot, view.attach_button)
    _click(qtbot, view.approve_button)  # 100 days as a judge: refused, with the numbers (M-1)
    assert "M-1" in view.message.toolTip() and view.roster.count() == 1
    assert view.message.text() and not re.search(RULE, view.message.text())  # issue 11
    type_text(view.override, "Шағын сот")
    _click(qtbot, view.approve_button)
    assert view.message.text() == "" and view.roster.count() == 2
    assert any("*" in view.roster.item(i).text() for i in range(2))

    type_text(view.topic, "Менторлық институты")
    _click(qtbot, view.plan_button)
    _click(qtbot, view.invite_button)
    assert view.attendance.count() == 1
    view.attendance.item(0).setCheckState(CHECKED)
    with ui_ctx.store.read() as s:
        planned = seminars.seminars(s, "AKM")[0]
    assert (planned.invited, planned.attended) == (1, 1)


def test_amending_order_removes_a_guide_m3(
    qtbot: QtBot, window: MainWindow, region: Region
) -> None:
    from ui.mentoring.roster_view import CHECKED

    page = window.page("mentoring")
    page.pairs.region.setCurrentIndex(page.pairs.region.findData("AKM"))  # type: ignore[attr-defined]
    view = page.roster  # type: ignore[attr-defined]
    view.roster.item(0).setCheckState(CHECKED)
    type_text(view.number, "40-ө")
    _click(qtbot, view.approve_button)
    assert view.message.text() == "" and view.roster.count() == 0
    page.pairs.select_need(region.protege)  # type: ignore[attr-defined]
    assert page.pairs.guide.count() == 0  # type: ignore[attr-defined]


def test_career_event_puts_a_judge_on_the_needs_list_m2(
    qtbot: QtBot, window: MainWindow, region: Region
) -> None:
    from ui.mentoring.roster_view import CHECKED

    page = window.page("mentoring")
    page.pairs.region.setCurrentIndex(page.pairs.region.findData("AKM"))  # type: ignore[attr-defined]
    view = page.roster  # type: ignore[attr-defined]
    assert page.pairs.needs.model().rowCount() == 1  # type: ignore[attr-defined]
    type_text(view.search, "Өтегенов")
    view.candidates.item(0).setCheckState(CHECKED)
    view.event_kind.setCurrentIndex(view.event_kind.findData("specialisation_changed"))
    _click(qtbot, view.event_button)
    assert view.message.text() == ""
    needs = page.pairs.needs  # type: ignore[attr-defined]
    assert needs.model().rowCount() == 2
    reasons = [needs.model().index(r, 2).data() for r in range(2)]
    assert "Мамандануын ауыстырған" in reasons


def test_council_replaces_the_guide_and_keeps_history_m10(
    qtbot: QtBot, window: MainWindow, region: Region, ui_ctx
) -> None:
    today = date.today()
    with ui_ctx.store.write() as s:
        court = s.scalar(select(Court).where(Court.name_kk == "Көкшетау қалалық соты"))
        other = create_person(
            s,
            ui_ctx.actor,
            PersonInput(
                iin=make_iin(date(1975, 5, 5), 9),
                surname="Ильин",
                first_name="Сергей",
                patronymic="Петрович",
                role="judge",
                court_id=court.id,
                specialisation="criminal",
                first_appointed_on=today - timedelta(days=12 * 365),
            ),
        ).id
        approve_roster(
            s,
            ui_ctx.actor,
            RosterOrderInput(
                "AKM", "13-ө", today - timedelta(days=20), (RosterEntryInput(other, "tutor"),)
            ),
        )
    view = window.page("mentoring").pairs  # type: ignore[attr-defined]
    view.region.setCurrentIndex(view.region.findData("AKM"))
    view.select_need(region.protege)
    assert view.guide.itemText(0).startswith(region.tutor)  # same specialisation ranks first
    _click(qtbot, view.form_pair_button)
    _click(qtbot, view.start_button)
    council = view.panel.council
    view.panel.setCurrentIndex(3)
    for field, text in (
        (council.protocol_number, "8"),
        (council.place, "Көкшетау"),
        (council.chair, "Төлеуов"),
        (council.secretary, "Мұратова"),
        (council.members, "Төлеуов, Мұратова"),
        (council.agenda, "Ауыстыру"),
        (council.decision_text, "Протеженің өтініші бойынша"),
    ):
        type_text(field, text)
    council.decision.setCurrentIndex(council.decision.findData("replace"))
    council.new_guide.setCurrentIndex(council.new_guide.findText("Ильин Сергей Петрович"))
    _click(qtbot, council.protocol_button)
    type_text(council.signed_by, "Төлеуов")
    _click(qtbot, council.sign_button)
    assert view.message.text() == ""
    states = sorted(
        (view.pairs.model().index(r, 1).data(), view.pairs.model().index(r, 3).data())
        for r in range(view.pairs.model().rowCount())
    )
    assert states == [
        ("Ильин Сергей Петрович", "Жұмыс істеуде"),
        (region.tutor, "Мерзімінен бұрын тоқтатылды"),
    ]


def test_year_in_review_saved_as_pdf_and_xlsx_and_limit_setting_m13_m6(
    qtbot: QtBot, window: MainWindow, region: Region, ui_ctx, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from app.mentoring.roster import max_proteges

    page = window.page("mentoring")
    page.pairs.region.setCurrentIndex(page.pairs.region.findData("AKM"))  # type: ignore[attr-defined]
    view = page.results  # type: ignore[attr-defined]
    page.setCurrentIndex(2)  # type: ignore[attr-defined]
    assert "Басталған жұптар: 0" in view.summary.text()
    view.save(tmp_path / "year.pdf")
    view.save(tmp_path / "year.xlsx")
    assert "Судья менторлығы" in PdfReader(tmp_path / "year.pdf").pages[0].extract_text()
    rows = list(load_workbook(tmp_path / "year.xlsx").active.iter_rows(values_only=True))
    assert rows[1][:2] == ("Басталған жұптар", 0)
    view.limit.setValue(2)
    _click(qtbot, view.limit_button)
    with ui_ctx.store.read() as s:
        assert max_proteges(s) == 2


def test_refusal_while_reading_is_shown_not_lost_m11(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    region: Region,
    ui_ctx,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A protocol deleted on another PC: printing it reads nothing and says why on the page
    (before the Op runner the NotFoundError escaped the click's slot and the user saw nothing).
    """
    from sqlalchemy import delete

    from db.models import Protocol

    view = window.page("mentoring").pairs  # type: ignore[attr-defined]
    view.region.setCurrentIndex(view.region.findData("AKM"))
    view.select_need(region.protege)
    _click(qtbot, view.form_pair_button)
    _click(qtbot, view.start_button)
    qtmodeltester.check(view.needs.model())  # type: ignore[attr-defined]
    qtmodeltester.check(view.pairs.model())  # type: ignore[attr-defined]
    council = view.panel.council
    view.panel.setCurrentIndex(3)
    for field, text in (
        (council.protocol_number, "9"),
        (council.place, "Көкшетау"),
        (council.chair, "Төлеуов"),
        (council.secretary, "Мұратова"),
        (council.members, "Төлеуов, Мұратова"),
        (council.agenda, "Қорытынды"),
        (council.decision_text, DECISION),
    ):
        type_text(field, text)
    _click(qtbot, council.protocol_button)
    assert view.message.text() == "" and council.protocol_id is not None
    with ui_ctx.store.write() as s:  # the other PC
        s.execute(delete(Protocol).where(Protocol.id == council.protocol_id))
    out = tmp_path / "protocol.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _click(qtbot, council.print_button)
    assert view.message.text() == "Бұл хаттаманы басқа біреу жойып жіберді."
    assert not out.exists()


def test_mentoring_page_fits_1366_by_768_in_both_languages(
    qtbot: QtBot, window: MainWindow, region: Region, switcher
) -> None:
    """Kazakh runs longer than Russian; decisions and career events read as whole sentences."""
    page = window.page("mentoring")
    page.pairs.region.setCurrentIndex(page.pairs.region.findData("AKM"))  # type: ignore[attr-defined]
    for lang in ("kk", "ru"):
        switcher.switch(lang)
        QApplication.processEvents()
        for tab in range(page.count()):  # type: ignore[attr-defined]
            page.setCurrentIndex(tab)  # type: ignore[attr-defined]
            hint = window.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 768, (lang, tab, hint)
