"""The evaluation page in real widgets: filling a sheet, the required comment, sign-off lock,
forming a round and the summary table (E-1, E-3)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.context import CENTRE_OFFICER, Actor
from app.core.store import Store
from app.demo import evaluation as eval_demo
from app.demo import internships as demo
from app.evaluation.queries import round_sheets
from app.evaluation.rounds import list_rounds
from app.evaluation.sheets import get_sheet
from i18n import format_number
from ui.context import UiContext
from ui.evaluation.evaluation_page import EvaluationPage
from ui.evaluation.sheet_dialog import SheetDialog
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

from ..typing import type_text


def test_fill_sheet_needs_comment_then_sign_off_locks(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    store: Store,
    actor: Actor,
    ui_ctx: UiContext,
) -> None:
    with store.write() as s:
        demo.generate(s, actor, year=2027, judges_per_region=5, regions=1)
    page = window.page("evaluation")
    assert isinstance(page, EvaluationPage)
    page.setCurrentWidget(page.rounds)
    rounds = page.rounds
    rounds.template.setCurrentIndex(rounds.template.findData("judge_activity"))
    type_text(rounds.period, "2027")
    rounds.region.setCurrentIndex(0)
    qtbot.mouseClick(rounds.create_button, Qt.MouseButton.LeftButton)
    assert rounds.rounds.count() == 1
    rounds.rounds.setCurrentRow(0)
    with store.read() as s:
        (made,) = list_rounds(s)
    assert rounds.table.model().rowCount() == made.sheets > 0
    qtmodeltester.check(rounds.table.model())  # type: ignore[attr-defined]
    first = rounds.sheet_at(0)
    assert first is not None
    sheet_id = first.id
    dialog = SheetDialog(ui_ctx, sheet_id, page)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "1" in dialog.heading.text()  # the template version is shown
    for box in dialog.values.values():
        box.setCurrentIndex(1)  # 1 on a 1–5 scale, "yes" on a yes/no one
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "түсініктеме қажет" in dialog.errors.text()
    with store.read() as s:
        assert get_sheet(s, sheet_id).status == "draft"
    for cid, comment in dialog.comments.items():
        c = next(x for x in dialog.sheet.template.criteria() if x.id == cid)
        if c.comment_required:
            type_text(comment, "Негізделген")
    asked: list[str] = []
    _answer_yes(asked)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    # Signing asks first and names the judge, the period and the rater (issue 11).
    assert len(asked) == 1 and "2027" in asked[0] and dialog.rater.currentText() in asked[0]
    with store.read() as s:
        signed = get_sheet(s, sheet_id)
    assert signed.status == "signed" and signed.total is not None
    assert not dialog.save_button.isEnabled()
    assert not next(iter(dialog.values.values())).isEnabled()
    # As people read it (a comma, no trailing zeros), not Decimal's "25.00" (issue 11, formats).
    assert format_number(signed.total) in dialog.total.text() and "." not in dialog.total.text()
    assert dialog.ack_button.isEnabled()
    qtbot.mouseClick(dialog.ack_button, Qt.MouseButton.LeftButton)
    assert not dialog.ack_button.isEnabled() and "танысты" in dialog.ack_button.text()
    with store.read() as s:
        assert get_sheet(s, sheet_id).acknowledged_on is not None


def _answer_yes(asked: list[str]) -> None:
    """Click Yes on the next question box (the sign-off confirmation), keeping its text."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(20, poll)


def test_summary_table_on_screen_and_exported(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    store: Store,
    actor: Actor,
    tmp_path: Path,
    switcher: LanguageSwitcher,
) -> None:
    with store.write() as s:
        demo.generate(s, actor, year=2027, judges_per_region=8, regions=2)
        eval_demo.generate(s, actor, periods=("2026", "2027"))
    page = window.page("evaluation")
    assert isinstance(page, EvaluationPage)
    summary = page.summary
    summary.template.setCurrentIndex(summary.template.findData("judge_activity"))
    summary.period.setCurrentIndex(summary.period.findData("2027"))
    assert summary.table_data is not None
    assert summary.table.model().rowCount() == len(summary.table_data.judges) + len(
        summary.table_data.courts
    )
    assert "2026" in summary.note.text()
    qtmodeltester.check(summary.table.model())  # type: ignore[attr-defined]
    window.grab().save(str(tmp_path / "evaluation-kk.png"))
    switcher.switch("ru")
    qtbot.waitUntil(lambda: "изменение" in summary.note.text(), timeout=2000)
    window.grab().save(str(tmp_path / "evaluation-ru.png"))
    out = summary.export(tmp_path / "s.xlsx")
    assert out is not None
    assert load_workbook(out).active.max_row == summary.table.model().rowCount() + 1
    with store.read() as s:
        (r27,) = [r for r in list_rounds(s) if r.period == "2027"]
        assert len(round_sheets(s, r27.id)) == r27.sheets


def test_sampling_codes_for_everyone_key_for_the_coordinator(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    store: Store,
    actor: Actor,
    tmp_path: Path,
) -> None:
    """E-2: codes shown to all; the key only to the coordinator (others get a refusal)."""
    from sqlalchemy import select

    from db.models import Person

    with store.write() as s:
        demo.generate(s, actor, year=2027, judges_per_region=3, regions=1)
        iins = list(s.scalars(select(Person.iin).limit(2)))
    path = tmp_path / "cases.csv"
    path.write_text(
        "IIN;case\n" + "".join(f"{iins[i % 2]};2-{i}/27\n" for i in range(20)), encoding="utf-8"
    )
    page = window.page("evaluation")
    assert isinstance(page, EvaluationPage)
    page.setCurrentWidget(page.sampling)
    view = page.sampling
    view.import_list(path)
    assert "20" in view.loaded.text()
    view.per_judge.setValue(3)
    view.seed.setValue(2027)
    qtbot.mouseClick(view.draw_button, Qt.MouseButton.LeftButton)
    model = view.table.model()
    assert model.rowCount() == 2
    codes = model.index(0, 2).data().split(", ")
    assert len(codes) == 3 and all(c.startswith("A-") for c in codes)
    assert model.index(0, 1).data() == "2027"
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    view.table.setCurrentIndex(model.index(0, 0))
    key = view.key_text()
    assert key is not None and all(c in key for c in codes) and "/27" in key
    view._ctx = UiContext(store, Actor("officer", frozenset({CENTRE_OFFICER})), view._ctx.settings)
    assert view.key_text() is None
    shown = [b.text() for b in view.findChildren(QMessageBox) if b.objectName() == "refusal"]
    assert shown and "үйлестіруші" in shown[0]


def test_dossier_collects_sheets_and_internships(
    qtbot: QtBot, store: Store, actor: Actor, ui_ctx: UiContext
) -> None:
    """E-1: the dossier shows the judge's sheets with their template version and internships."""
    from app.internships.queries import schedule
    from app.internships.service import start_result_sheet
    from ui.evaluation.dossier_dialog import DossierDialog

    with store.write() as s:
        demo.generate(s, actor, year=2027, judges_per_region=5, regions=1)
        done = schedule(s, None, kind="judge")[0]
        start_result_sheet(s, actor, done.id)
    dialog = DossierDialog(ui_ctx, done.person_id, done.person_name)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert done.person_name in text
    assert "Тағылымдама нәтижесін бағалау парағы, 1-нұсқа" in text
    assert done.host_name_kk in text


def test_template_new_version_checks_the_weight_rule(
    qtbot: QtBot, store: Store, ui_ctx: UiContext
) -> None:
    """E-1: weights must total 100% per section; a saved change is a new version."""
    from app.evaluation.templates import current_template
    from ui.evaluation.template_dialog import TemplateDialog

    with store.read() as s:
        template = current_template(s, "event_feedback")
    dialog = TemplateDialog(ui_ctx, template)
    qtbot.addWidget(dialog)
    weight = dialog.table.item(0, 6)
    assert weight is not None and weight.text() == "50"
    weight.setText("40")
    dialog.save()
    assert "90%" in dialog.errors.text() and dialog.saved is None
    weight.setText("45")
    second = dialog.table.item(1, 6)
    assert second is not None
    second.setText("55")
    dialog.save()
    assert dialog.saved is not None and dialog.saved.version_no == 2
    with store.read() as s:
        newest = current_template(s, "event_feedback")
    assert newest.version_no == 2
    assert [c.weight for c in newest.sections[0].criteria] == [45, 55]
    assert len(newest.sections) == 2


def test_the_summary_opens_on_signed_sheets_and_rounds_are_named(
    qtbot: QtBot, window: MainWindow, store: Store, actor: Actor, switcher: LanguageSwitcher
) -> None:
    """Issue 11: the summary opens on the template that has signed rounds (not the first one,
    saying there are none), and the rounds list names templates, not their codes."""
    with store.write() as s:
        demo.generate(s, actor, year=2027, judges_per_region=8, regions=2)
        eval_demo.generate(s, actor, periods=("2026", "2027"))
        signed = {(r.template_code, r.period) for r in list_rounds(s) if r.signed}
    assert signed and all(code != "event_feedback" for code, _p in signed)
    page = window.page("evaluation")
    assert isinstance(page, EvaluationPage)
    summary = page.summary
    code, period = summary.template.currentData(), summary.period.currentData()
    assert summary.template.currentIndex() != 0 or summary.template.itemData(0) == code
    assert (code, period) in signed
    assert summary.table_data is not None and summary.table.model().rowCount() > 0
    model = summary.table.model()
    cells = [model.index(0, c).data() for c in range(3, model.columnCount() - 1)]
    assert any("," in c for c in cells) and not any("." in c for c in cells), cells
    # The rounds tab opens on the newest round with its sheets listed, not an empty table.
    assert page.rounds.rounds.currentRow() == 0 and page.rounds.sheet_rows.rowCount() > 0
    for lang, title in (("kk", "бағалау парағы"), ("ru", "Оценочный лист")):
        switcher.switch(lang)
        QApplication.processEvents()
        names = [page.rounds.rounds.item(i).text() for i in range(page.rounds.rounds.count())]
        assert names and all(title in n for n in names), names
        assert not any(code in n for n in names for code, _p in signed), names


def _centre_of_first_region(store: Store, actor: Actor) -> tuple[str, str]:
    """Make this PC the training centre of a region with sheets; its (code, court name ru)."""
    from app.core.settings import set_setting
    from app.courts.centre import CENTRE_KEY
    from app.courts.service import list_centres, list_courts

    with store.write() as s:
        regional = {c.id: c for c in list_courts(s, level="regional")}
        centre = next(c for c in list_centres(s) if c.court_id in regional)
        set_setting(s, actor, CENTRE_KEY, str(centre.id))
        court = regional[centre.court_id]
        return court.region_code, court.name_ru


def test_the_summary_opens_on_the_centres_region_and_prints_what_is_shown(
    qtbot: QtBot, window: MainWindow, store: Store, actor: Actor, tmp_path: Path
) -> None:
    """Issue 11: the summary holds the centre's region, not the country (the national table
    was the program's memory peak); every region is one choice away, and Ctrl+P prints the
    region shown, named under the title (E-3)."""
    from pypdf import PdfReader

    from ui.documents.printing import save_to

    with store.write() as s:
        demo.generate(s, actor, year=2027, judges_per_region=8, regions=2)
        eval_demo.generate(s, actor, periods=("2026", "2027"))
    region, court_ru = _centre_of_first_region(store, actor)
    page = window.page("evaluation")
    assert isinstance(page, EvaluationPage)
    summary = page.summary
    assert summary.region.code() == region
    assert summary.table_data is not None
    mine = {r.court_id for r in summary.table_data.judges}
    regional = len(summary.table_data.judges)
    summary.region.setCurrentIndex(0)  # all regions
    assert summary.table_data is not None
    everyone = summary.table_data.judges
    assert len(everyone) > regional > 0
    assert mine < {r.court_id for r in everyone}
    summary.region.setCurrentIndex(summary.region.findData(region))
    request = window.document_request()
    assert request is not None and request[0] == "evaluation-summary"
    assert request[1]["region"] == region
    out = tmp_path / "summary.pdf"
    assert save_to(summary, window._ctx, *request, out, "pdf", lang="ru") is not None  # type: ignore[arg-type]
    first = PdfReader(str(out)).pages[0].extract_text()
    assert "Регион:" in first and court_ru.split()[0] in first


def test_the_summary_is_computed_off_the_window_thread_and_cancel_keeps_what_is_shown(
    window: MainWindow, store: Store, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The country's summary takes seconds on a national store: it is computed in a worker
    thread behind the progress dialog, and Cancel leaves the table and the choices as they
    were (issue 11; nothing freezes the window)."""
    import app.evaluation.summary as summary_module
    import ui.evaluation.summary_view as view_module

    with store.write() as s:
        demo.generate(s, actor, year=2027, judges_per_region=6, regions=2)
        eval_demo.generate(s, actor, periods=("2026", "2027"))
    region, _court_ru = _centre_of_first_region(store, actor)
    page = window.page("evaluation")
    assert isinstance(page, EvaluationPage)
    summary = page.summary
    summary.region.setCurrentIndex(summary.region.findData(region))
    shown = summary.table_data
    assert shown is not None and shown.region_code == region
    threads: list[threading.Thread] = []
    cancel = [False]

    def real_table(*args: Any) -> Any:
        threads.append(threading.current_thread())
        if cancel[0]:
            args[-1].cancel()  # the user's Cancel, before the work's first step
        return summary_module.summary_table(*args)

    monkeypatch.setattr(view_module, "summary_table", real_table)
    summary.region.setCurrentIndex(0)  # all regions
    assert threads and threads[-1] is not threading.main_thread()
    assert summary.table_data is not None and summary.table_data.region_code == ""
    everyone = summary.table_data
    cancel[0] = True
    summary.region.setCurrentIndex(summary.region.findData(region))
    assert summary.table_data is everyone  # the table shown stays, and so do its choices
    assert summary.region.code() == ""
    assert window.statusBar().currentMessage() == "Тоқтатылды: ештеңе өзгертілмеді."
    other = next(i for i in range(summary.period.count()) if i != summary.period.currentIndex())
    summary.period.setCurrentIndex(other)
    assert summary.table_data is everyone and summary.period.currentData() == everyone.period
    assert summary.period.count() == 2  # the template's periods, still all there
    cancel[0] = False
    summary.region.setCurrentIndex(summary.region.findData(region))
    assert summary.table_data is not None and summary.table_data.region_code == region
