"""CPD & Training page in real widgets: an event typed in, people registered from a search,
attendance marked, the points in their ledgers and their verdict changing (T-2, C-2)."""

from __future__ import annotations

import io
import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.core.context import Actor
from app.core.store import Store
from app.cpd.dto import ActivityInput
from app.cpd.ledger import add_activity, review_activity
from app.cpd.rules import form_by_code
from i18n import set_language
from tests.app.cpd.helpers import make_person
from ui.context import UiContext
from ui.cpd.activity_dialog import ActivityDialog
from ui.cpd.cpd_page import CpdPage
from ui.cpd.exemption_dialog import ExemptionDialog
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher
from ui.training.training_view import ATTENDED

from ..typing import type_text

SHOTS = os.environ.get("TALIMGER_SHOTS", "")


def _seminars(store: Store, actor: Actor, person: object, on: date, count: int) -> None:
    with store.write() as s:
        form = form_by_code(s, "F02")
        assert form is not None
        for n in range(count):
            a = add_activity(
                s,
                actor,
                ActivityInput(
                    person_id=person,
                    form_id=form.id,
                    event=f"Вебинар {n + 1}",
                    starts_on=on,
                    ends_on=on,
                ),
                today=date.today(),
            )
            review_activity(s, actor, a.id, confirm=True)


def test_event_registration_attendance_points_and_verdict(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    actor: Actor,
    tmp_path: Path,
    switcher: LanguageSwitcher,
) -> None:
    day = date.today() - timedelta(days=1)
    appointed = date.today() - timedelta(days=400)
    first, _ = make_person(store, actor, surname="Тлеубаева", appointed=appointed)
    second, _ = make_person(store, actor, surname="Тлеубаев", appointed=appointed)
    make_person(store, actor, surname="Жүсіпов", appointed=appointed)
    _seminars(store, actor, first, day, 4)  # 8 points: short of the 10 (C-2)

    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    training = page.training
    type_text(training.event_box.title, "Сот әдебі: өңірлік семинар")
    training.event_box.kind.setCurrentIndex(training.event_box.kind.findData("seminar"))
    training.event_box.starts_on.set_value(day)
    training.event_box.ends_on.set_value(day)
    type_text(training.event_box.place, "Көкшетау, 3-зал")
    type_text(training.event_box.trainer, "Қасымов Е.")
    qtbot.mouseClick(training.event_box.create_button, Qt.MouseButton.LeftButton)
    assert training.sessions.count() == 1
    assert "Сот әдебі: өңірлік семинар" in training.sessions.currentText()
    training.event_box.starts_on.set_value(day + timedelta(days=30))
    training.event_box.ends_on.set_value(day + timedelta(days=30))
    qtbot.mouseClick(training.event_box.add_session_button, Qt.MouseButton.LeftButton)
    assert training.sessions.count() == 2  # a second run of the same event
    training.sessions.setCurrentIndex(0)

    type_text(training.search, "Тлеубае")
    qtbot.mouseClick(training.register_button, Qt.MouseButton.LeftButton)
    names = [r.full_name.split()[0] for r in training.model.rows]
    assert sorted(names) == ["Тлеубаев", "Тлеубаева"]
    assert "2" in training.outcome.text()
    sheet = tmp_path / "sheet.pdf"
    training.print_sheet(sheet)
    from pypdf import PdfReader

    sheet_text = PdfReader(str(sheet)).pages[0].extract_text()
    assert "Қатысушылардың тіркеу парағы" in sheet_text and "Тлеубаева" in sheet_text

    ledger = page.ledger
    type_text(ledger.search, "Тлеубаева")
    ledger.year.setValue(day.year)
    assert ledger.people.count() == 1
    before = ledger.verdict.text()
    assert "8" in before and "10" in before

    row = next(i for i, r in enumerate(training.model.rows) if r.person_id == first)
    training.model.setData(
        training.model.index(row, ATTENDED), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.mouseClick(training.save_attendance, Qt.MouseButton.LeftButton)
    assert training.model.rows[row].attended
    training.record_feedback(row, 5, "Өте пайдалы")  # participant feedback (T-2)
    assert training.model.data(training.model.index(row, 5)) == "5"
    assert training.model.rows[row].feedback == "Өте пайдалы"

    page.setCurrentWidget(ledger)
    events = [ledger.model.data(ledger.model.index(i, 2)) for i in range(ledger.model.rowCount())]
    assert "Сот әдебі: өңірлік семинар" in events
    points = [ledger.model.data(ledger.model.index(i, 4)) for i in range(ledger.model.rowCount())]
    assert points.count("2") == 5
    assert ledger.verdict.text().startswith("Жиналған балл: 10 / 10")
    assert "Талапқа сай" in ledger.verdict.text()

    with store.read() as s:
        from app.cpd.ledger import person_ledger

        assert person_ledger(s, second) == []  # registered but absent: no points

    page.grab().save(str(tmp_path / "cpd-kk.png"))
    switcher.switch("ru")
    qtbot.waitUntil(lambda: page.tabText(2) == "Выполнение требований", timeout=2000)
    qtbot.waitUntil(lambda: "Выполнено" in ledger.verdict.text(), timeout=2000)
    page.grab().save(str(tmp_path / "cpd-ru.png"))
    if SHOTS:
        page.resize(1100, 700)
        page.setCurrentWidget(training)
        training.grab().save(f"{SHOTS}/training-ru.png")
        page.setCurrentWidget(ledger)
        ledger.grab().save(f"{SHOTS}/ledger-ru.png")
        switcher.switch("kk")
        qtbot.waitUntil(lambda: page.tabText(2) == "Талаптардың орындалуы", timeout=2000)
        page.setCurrentWidget(training)
        training.grab().save(f"{SHOTS}/training-kk.png")
        page.setCurrentWidget(ledger)
        ledger.grab().save(f"{SHOTS}/ledger-kk.png")
    set_language("kk")


def test_compliance_view_counts_and_prints_reports_in_one_pdf(
    qtbot: QtBot, window: MainWindow, store: Store, actor: Actor, tmp_path: Path
) -> None:
    """C-2 counts per court and people at risk; C-5 batch printing behind the progress dialog."""
    day = date.today() - timedelta(days=1)
    appointed = date.today() - timedelta(days=400)
    done, _ = make_person(store, actor, surname="Әбенова", appointed=appointed)
    make_person(store, actor, surname="Бөкеев", appointed=appointed)
    _seminars(store, actor, done, day, 5)
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    view = page.compliance
    view.year.setValue(day.year)
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 2
    assert view.courts.rows[0].people == 2 and view.courts.rows[0].compliant == 1
    view.status.setCurrentIndex(view.status.findData("compliant"))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    listed = [view.model.row_at(r) for r in range(view.model.rowCount())]
    assert [r.full_name.split()[0] for r in listed if r] == ["Әбенова"]
    view.status.setCurrentIndex(0)
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    view.save(tmp_path / "summary.xlsx", summary=True)
    view.save(tmp_path / "list.csv", summary=False)
    assert "Әбенова" in (tmp_path / "list.csv").read_text(encoding="utf-8-sig")
    assert (tmp_path / "summary.xlsx").stat().st_size > 0
    out = tmp_path / "reports.pdf"
    assert view.print_reports(out)
    from pypdf import PdfReader

    reader = PdfReader(str(out))
    assert len(reader.pages) == 2
    assert "Әбенова" in reader.pages[0].extract_text()


def test_compliance_loads_when_its_tab_opens(
    qtbot: QtBot, window: MainWindow, store: Store, actor: Actor
) -> None:
    """Issue 11: the tab shows this year's verdicts when it opens, without a click on "Show",
    and never a row of zeros that reads as a result before they are computed."""
    appointed = date.today() - timedelta(days=400)
    make_person(store, actor, surname="Әбенова", appointed=appointed)
    make_person(store, actor, surname="Бөкеев", appointed=appointed)
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    view = page.compliance
    assert view.model.rowCount() == 0 and "0" not in view.totals.text()
    page.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert view.model.filter.year == date.today().year
    assert view.courts.rows and view.courts.rows[0].people == 2
    assert "2" in view.totals.text()


def test_ledger_line_typed_in_with_override_then_confirmed_with_a_document(
    qtbot: QtBot,
    window: MainWindow,
    ui_ctx: UiContext,
    store: Store,
    actor: Actor,
    tmp_path: Path,
) -> None:
    """C-1 override needs a reason; C-3 the officer confirms and a certificate is kept."""
    day = date.today() - timedelta(days=1)
    person, _ = make_person(
        store, actor, surname="Оспанова", appointed=date.today() - timedelta(days=400)
    )
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    ledger = page.ledger
    type_text(ledger.search, "Оспанова")
    ledger.year.setValue(day.year)

    dialog = ActivityDialog(ui_ctx, person, ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.setCurrentIndex(3)  # talks as lecturer: 3 points in seed 004
    type_text(dialog.event_title, "Медиация туралы баяндама")
    dialog.starts_on.set_value(day)
    dialog.ends_on.set_value(day)
    type_text(dialog.points, "4")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saved is None and "себебін" in dialog.rows["override_reason"].error.text()
    type_text(dialog.reason, "Екі баяндама")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.points == 4
    ledger.refresh()
    assert ledger.model.rowCount() == 1
    assert "0 / 10" in ledger.verdict.text()  # awaiting the officer's check

    ledger.table.selectRow(0)
    qtbot.mouseClick(ledger.confirm_button, Qt.MouseButton.LeftButton)
    cert = tmp_path / "сертификат.pdf"
    cert.write_bytes(b"%PDF-1.4 test")
    ledger.table.selectRow(0)
    ledger.attach_file(cert)
    assert ledger.verdict.text().startswith("Жиналған балл: 4 / 10")
    assert ledger.model.data(ledger.model.index(0, 6)) == "сертификат.pdf"
    assert ledger.model.data(ledger.model.index(0, 5)) == "Расталды"

    # C-5, C-6: the report of the year handed in, returned, corrected, accepted and printed.
    panel = ledger.report
    assert panel.submit_button.isEnabled() and not panel.accept_button.isEnabled()
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert panel.report is not None and panel.report.state == "submitted"
    panel.return_with("Бағдарламаны қосыңыз")
    assert "Ескертулермен қайтарылды" in panel.state.text()
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert panel.report.state == "corrected"
    panel.accept_as("Серікова Ә.Б.", "Бағдарлама берілмеді, келіспеді")
    assert panel.report.state == "accepted" and not panel.submit_button.isEnabled()
    out = tmp_path / "report.pdf"
    panel.print_to(out)
    from pypdf import PdfReader

    text = PdfReader(str(out)).pages[0].extract_text()
    assert "Серікова Ә.Б." in text and "Бағдарлама берілмеді" in text and "сертификат.pdf" in text


def test_needs_survey_plan_and_rules_tabs(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """T-2/T-3: survey answers become planned events, the plan is printed; C-1/C-9: a form added
    today gets points from next year, and the rules of each year are shown."""
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    plan = page.plan
    year = plan.year.value()
    type_text(plan.topic, "Медиация")
    plan.people.setValue(12)
    qtbot.mouseClick(plan.add_button, Qt.MouseButton.LeftButton)
    plan.court.setCurrentIndex(1)
    type_text(plan.topic, "Медиация")
    plan.people.setValue(3)
    qtbot.mouseClick(plan.add_button, Qt.MouseButton.LeftButton)
    assert [(r.topic, r.people, r.courts) for r in plan.model.rows] == [("Медиация", 15, 2)]
    qtbot.mouseClick(plan.build_button, Qt.MouseButton.LeftButton)
    assert f"01.12.{year - 1}" in plan.status.text() and "1" in plan.status.text()
    out = tmp_path / "plan.xlsx"
    plan.save(out, held=False)
    assert out.stat().st_size > 0

    rules = page.rules
    rules.year.setValue(2024)
    assert "2022" in rules.summary.text() and "10" in rules.summary.text()
    assert rules.model.rowCount() == 13
    type_text(rules.code, "MOOT")
    type_text(rules.name_kk, "Оқу сот процесі")
    type_text(rules.name_ru, "Учебный судебный процесс")
    rules.points.setValue(2)
    qtbot.mouseClick(rules.add_button, Qt.MouseButton.LeftButton)
    assert rules.year.value() == date.today().year + 1
    moot = next(r for r in rules.model.rows if r.code == "MOOT")
    assert moot.points == 2
    rules.year.setValue(date.today().year)
    assert next(r for r in rules.model.rows if r.code == "MOOT").points is None


def test_import_from_a_file_in_the_ledger_all_or_nothing(
    window: MainWindow, store: Store, actor: Actor, tmp_path: Path
) -> None:
    """C-3 import behind the progress dialog: a bad file adds nothing, a clean one adds once."""
    _pid, iin = make_person(
        store, actor, surname="Нұрланова", appointed=date.today() - timedelta(days=400)
    )
    day = (date.today() - timedelta(days=2)).strftime("%d.%m.%Y")
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    ledger = page.ledger
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"iin;form;event;starts_on\n{iin};F02;Семинар;{day}\n{iin};XX;Семинар;{day}\n",
        encoding="utf-8",
    )
    result, error = ledger.import_file(bad)
    assert result is None and error is not None and "XX" in error.message()
    good = tmp_path / "good.csv"
    good.write_text(f"iin;form;event;starts_on\n{iin};F02;Семинар;{day}\n", encoding="cp1251")
    first, _ = ledger.import_file(good)
    again, _ = ledger.import_file(good)
    assert first is not None and (first.imported, first.skipped) == (1, 0)
    assert again is not None and (again.imported, again.skipped) == (0, 1)
    type_text(ledger.search, "Нұрланова")
    ledger.year.setValue(date.today().year if day[-4:] == str(date.today().year) else int(day[-4:]))
    assert ledger.model.rowCount() == 1


def test_maternity_leave_typed_in_makes_the_year_exempt(
    qtbot: QtBot, window: MainWindow, ui_ctx: UiContext, store: Store, actor: Actor
) -> None:
    """C-4: a maternity leave covering the whole year exempts it."""
    person, _ = make_person(
        store, actor, surname="Сәрсенова", appointed=date.today() - timedelta(days=800)
    )
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    ledger = page.ledger
    type_text(ledger.search, "Сәрсенова")
    year = date.today().year
    ledger.year.setValue(year)
    assert "Тәуекел бар" in ledger.verdict.text()
    dialog = ExemptionDialog(ui_ctx, person, ledger)
    qtbot.addWidget(dialog)
    dialog.starts_on.set_value(date(year, 1, 1))
    dialog.ends_on.set_value(date(year, 1, 1) - timedelta(days=1))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saved is None and dialog.rows["ends_on"].error.text()
    dialog.ends_on.set_value(date(year, 12, 31))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    ledger.refresh()
    assert "Босатылған" in ledger.verdict.text()


def test_council_decision_typed_in_changes_next_year_only(window: MainWindow) -> None:
    """C-9 in the UI: today's decision changes the points and minimum of next year only."""
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    rules = page.rules
    this_year = date.today().year
    rules.year.setValue(this_year)
    row = next(i for i, r in enumerate(rules.model.rows) if r.code == "F02")
    rules.table.selectRow(row)
    rules.new_points.setValue(1)
    rules.new_minimum.setValue(12)
    type_text(rules.decision, "Кеңес шешімі №4")
    rules.change_button.click()
    assert rules.year.value() == this_year + 1
    assert next(r for r in rules.model.rows if r.code == "F02").points == 1
    assert "12" in rules.summary.text()
    rules.year.setValue(this_year)
    assert next(r for r in rules.model.rows if r.code == "F02").points == 2
    assert "12" not in rules.summary.text()


def test_compliance_opens_on_the_centres_region_and_prints_it(
    qtbot: QtBot, window: MainWindow, store: Store, actor: Actor
) -> None:
    """Issue 11: compliance judges the centre's region when the tab opens (the country's
    verdicts held at once were the CPD page's memory peak); all regions are one choice away,
    and Ctrl+P and the exports cover the region shown (C-2, C-7)."""
    from app.demo import internships as demo
    from tests.ui.evaluation.test_evaluation_ui import _centre_of_first_region

    with store.write() as s:
        demo.generate(s, actor, year=date.today().year, judges_per_region=6, regions=2)
    region, court_ru = _centre_of_first_region(store, actor)
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    view = page.compliance
    assert view.region.code() == region
    page.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    assert view.model.filter.region_code == region
    regional = view.model.rowCount()
    assert sum(view.model.totals.values()) == regional == sum(c.people for c in view.courts.rows)
    request = window.document_request()
    assert request == (
        "cpd-compliance",
        {"year": date.today().year, "status": "", "region": region},
    )
    _the_paper_names_its_region_and_status(store, actor, request[1], court_ru)
    view.region.setCurrentIndex(0)  # all regions
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() > regional
    assert sum(view.model.totals.values()) == view.model.rowCount()


def _the_paper_names_its_region_and_status(
    store: Store, actor: Actor, params: dict[str, object], court_ru: str
) -> None:
    """The compliance paper says under its title which region and which status it lists,
    in both languages; the whole store's names no region."""
    from pypdf import PdfReader

    from app.documents.output import produce

    with store.read() as s:
        for lang, region_word, only in (("ru", "Регион:", "Только: "), ("kk", "Өңір:", "Тек: ")):
            for status in ("", "compliant"):
                made = produce(
                    s, actor, "cpd-compliance", {**params, "status": status}, fmt="pdf", lang=lang
                )
                assert made.pdf is not None
                first = PdfReader(io.BytesIO(made.pdf)).pages[0].extract_text()
                assert region_word in first
                assert (only in first) == bool(status)
            made = produce(
                s, actor, "cpd-compliance", {**params, "region": ""}, fmt="pdf", lang=lang
            )
            assert made.pdf is not None
            assert region_word not in PdfReader(io.BytesIO(made.pdf)).pages[0].extract_text()
        ru = produce(s, actor, "cpd-compliance", params, fmt="pdf", lang="ru")
        assert ru.pdf is not None
        assert (
            court_ru.split(maxsplit=1)[0] in PdfReader(io.BytesIO(ru.pdf)).pages[0].extract_text()
        )
