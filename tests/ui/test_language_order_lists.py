"""Issue 11, P-2: the lists of CPD, evaluation, internships and training in the shown language's
alphabet (Kazakh in kk, Russian in ru), re-sorted when the language is switched."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.demo import evaluation as eval_demo
from app.internships.dto import InternshipInput
from app.internships.hosts import add_offer
from app.internships.queries import schedule
from app.internships.service import save_internship
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from app.training.dto import EventInput, SessionInput
from app.training.service import add_session, create_event, register
from db.models import Court
from i18n import set_language
from ui.cpd.cpd_page import CpdPage
from ui.evaluation.evaluation_page import EvaluationPage
from ui.internships.internships_page import InternshipsPage
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher
from ui.training.training_view import ATTENDED

# Entered in neither order; І (U+0406) and Ә (U+04D8) would put a code-point sort wrong too.
SURNAMES = (
    "Өтебаев",
    "Іскаков",
    "Кузнецов",
    "Әбілов",
    "Усенов",
    "Ыбыраев",
    "Құдайбергенов",
    "Абаев",
    "Үмбетов",
    "Иванов",
    "Орлов",
)
ORDER = {
    # Kazakh alphabet: ә after а, қ after к, ө after о, ұ ү after у, і after ы.
    "kk": [
        "Абаев",
        "Әбілов",
        "Иванов",
        "Кузнецов",
        "Құдайбергенов",
        "Орлов",
        "Өтебаев",
        "Усенов",
        "Үмбетов",
        "Ыбыраев",
        "Іскаков",
    ],
    # Russian dictionaries: the Kazakh letters after the Russian ones they resemble, і after и.
    "ru": [
        "Абаев",
        "Әбілов",
        "Иванов",
        "Іскаков",
        "Кузнецов",
        "Құдайбергенов",
        "Орлов",
        "Өтебаев",
        "Усенов",
        "Үмбетов",
        "Ыбыраев",
    ],
}
YEAR = date.today().year


def _add_judges(store: Store, actor: Actor, appointed: date) -> dict[str, uuid.UUID]:
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert regional is not None
        court = add_district_court(
            s, actor, DistrictCourtInput(regional, "Көкшетау қалалық соты", "Кокшетауский суд")
        ).id
        ids = {
            surname: create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1975, 1, 2 + n), 40 + n),
                    surname,
                    "Әлия",
                    court_id=court,
                    specialisation="civil",
                    first_appointed_on=appointed,
                ),
            ).id
            for n, surname in enumerate(SURNAMES)
        }
    return ids


@pytest.fixture
def judges(store: Store, actor: Actor) -> Iterator[dict[str, uuid.UUID]]:
    """Eleven experienced judges of one district court of Akmola region, by surname."""
    yield _add_judges(store, actor, date(2010, 1, 1))
    set_language("kk")


def test_mentoring_needs_in_each_alphabet_keeping_the_chosen_protege(
    qtbot: QtBot, window: MainWindow, store: Store, actor: Actor, switcher: LanguageSwitcher
) -> None:
    _add_judges(store, actor, date.today() - timedelta(days=100))  # new judges need a guide
    view = window.page("mentoring").pairs  # type: ignore[attr-defined]
    view.region.setCurrentIndex(view.region.findData("AKM"))
    view.select_need(next(r.full_name for r in view.need_rows.rows if "Іскаков" in r.full_name))
    _both_languages(qtbot, switcher, lambda: [r.full_name for r in view.need_rows.rows])
    chosen = view.needs.selectionModel().selectedRows()
    assert [view.need_rows.rows[i.row()].full_name.split()[0] for i in chosen] == ["Іскаков"]


def _ours(names: list[str]) -> list[str]:
    surnames = [n.split()[0] for n in names]
    return [n for n in surnames if n in SURNAMES]


def _both_languages(
    qtbot: QtBot, switcher: LanguageSwitcher, shown: Callable[[], list[str]]
) -> None:
    """The list in Kazakh order now; in Russian order once the language is switched."""
    assert _ours(shown()) == ORDER["kk"]
    switcher.switch("ru")
    qtbot.waitUntil(lambda: _ours(shown()) == ORDER["ru"], timeout=5000)
    switcher.switch("kk")
    qtbot.waitUntil(lambda: _ours(shown()) == ORDER["kk"], timeout=5000)


def test_cpd_compliance_in_each_alphabet(
    qtbot: QtBot, window: MainWindow, judges: dict[str, uuid.UUID], switcher: LanguageSwitcher
) -> None:
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    view = page.compliance
    view.year.setValue(YEAR)
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)

    def shown() -> list[str]:
        rows = (view.model.row_at(r) for r in range(view.model.rowCount()))
        return [r.full_name for r in rows if r is not None]

    _both_languages(qtbot, switcher, shown)


def test_evaluation_sheets_and_summary_in_each_alphabet(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    actor: Actor,
    judges: dict[str, uuid.UUID],
    switcher: LanguageSwitcher,
) -> None:
    with store.write() as s:
        eval_demo.generate(s, actor, periods=("2027",))
    page = window.page("evaluation")
    assert isinstance(page, EvaluationPage)
    rounds = page.rounds
    rounds.reload()
    rounds.rounds.setCurrentRow(0)

    def sheets_shown() -> list[str]:  # the paged list, every row read back
        rows = (rounds.sheet_at(i) for i in range(rounds.sheet_rows.rowCount()))
        return [r.subject_name for r in rows if r is not None]

    assert sheets_shown()
    _both_languages(qtbot, switcher, sheets_shown)
    # the round is named by its template's title in the language shown, not by its code
    assert "judge_activity" not in rounds.rounds.item(0).text()
    assert rounds.template.currentText() and "judge_activity" not in rounds.template.currentText()
    summary = page.summary
    summary.template.setCurrentIndex(summary.template.findData("judge_activity"))
    summary.period.setCurrentIndex(summary.period.findData("2027"))

    def judges_shown() -> list[str]:
        data = summary.table_data
        return [] if data is None else [j.name for j in data.judges]

    # the rows on screen are the table's judges, court by court
    assert summary.table.model().rowCount() == len(judges_shown()) + 1
    _both_languages(qtbot, switcher, judges_shown)


def test_internships_due_list_in_each_alphabet(
    qtbot: QtBot, window: MainWindow, judges: dict[str, uuid.UUID], switcher: LanguageSwitcher
) -> None:
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    due = page.due
    due.year.setValue(YEAR + 1)
    due.region.setCurrentIndex(due.region.findData("AKM"))
    name_column = 0
    due.table.sortByColumn(name_column, Qt.SortOrder.AscendingOrder)
    _both_languages(qtbot, switcher, lambda: [r.full_name for r in due.rows])
    # the region list follows the language too
    switcher.switch("ru")
    qtbot.waitUntil(lambda: due.region.itemText(0) != "Барлық өңірлер", timeout=5000)
    assert due.region.currentData() == "AKM"


def test_internship_schedule_in_each_alphabet(
    store: Store, actor: Actor, judges: dict[str, uuid.UUID]
) -> None:
    """The schedule (the calendar's and the print-out's rows): one host, one start day."""
    start = date(YEAR + 1, 3, 1)
    with store.write() as s:
        host = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert host is not None
        add_offer(s, actor, host, starts_on=start, ends_on=date(YEAR + 1, 12, 20), capacity=20)
        for person in judges.values():
            save_internship(s, actor, InternshipInput(person, host, start, start + timedelta(13)))
    for lang in ("kk", "ru"):
        set_language(lang)
        with store.read() as s:
            rows = schedule(s, YEAR + 1)
        assert _ours([r.person_name for r in rows]) == ORDER[lang]


def test_training_registrations_in_each_alphabet(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    actor: Actor,
    judges: dict[str, uuid.UUID],
    switcher: LanguageSwitcher,
) -> None:
    day = date.today() - timedelta(days=1)
    with store.write() as s:
        event = create_event(s, actor, EventInput("Сот әдебі", "seminar", day.year))
        ts = add_session(s, actor, SessionInput(event.id, day, day, "Көкшетау"))
        register(s, actor, ts.id, list(judges.values()))
    page = window.page("cpd")
    assert isinstance(page, CpdPage)
    training = page.training
    training.year.setValue(day.year)
    training.refresh_sessions(ts.id)
    model = training.model
    # a tick not yet saved stays on its person through the re-sorting
    row = next(i for i, r in enumerate(model.rows) if r.person_id == judges["Іскаков"])
    model.setData(model.index(row, ATTENDED), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    _both_languages(qtbot, switcher, lambda: [r.full_name for r in model.rows])
    switcher.switch("ru")
    qtbot.waitUntil(lambda: _ours([r.full_name for r in model.rows]) == ORDER["ru"], timeout=5000)
    ticked = [r.full_name.split()[0] for r, on in zip(model.rows, model.checks, strict=True) if on]
    assert ticked == ["Іскаков"]
    # The sheet's numbers are the Kazakh order's in both languages: typed back after switching,
    # row 11 is still Іскаков, shown fourth in Russian.
    shown = [r for r in model.rows if r.full_name.startswith("Іскаков")]
    assert shown[0].no == 11 and model.rows.index(shown[0]) == 3
    training.sheet_rows.setText("11")
    qtbot.mouseClick(training.sheet_button, Qt.MouseButton.LeftButton)
    attended = [r.full_name.split()[0] for r in model.rows if r.attended]
    assert attended == ["Іскаков"]


def test_busy_periods_judge_picker_in_each_alphabet(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    judges: dict[str, uuid.UUID],
    switcher: LanguageSwitcher,
) -> None:
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    busy = page.busy
    page.setCurrentWidget(busy)
    with store.read() as s:
        court = s.scalar(select(Court.id).where(Court.name_kk == "Көкшетау қалалық соты"))
    busy.court.setCurrentIndex(busy.court.findData(str(court)))
    busy.person.setCurrentIndex(busy.person.findData(str(judges["Іскаков"])))
    _both_languages(
        qtbot, switcher, lambda: [busy.person.itemText(i) for i in range(busy.person.count())]
    )
    assert busy.person.currentData() == str(judges["Іскаков"])  # the chosen judge stays chosen


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_due_list_print_out_in_its_languages_order(
    store: Store, actor: Actor, judges: dict[str, uuid.UUID], lang: str
) -> None:
    """The printed list's rows in the order of the language it is printed in (window's)."""
    import io

    from pypdf import PdfReader

    from app.documents.output import produce

    set_language(lang)
    params = {"year": YEAR + 1, "region": "AKM"}  # equal priorities: by name
    with store.read() as s:
        pdf = produce(s, actor, "internships-due", params, fmt="pdf", lang=lang).pdf
    assert pdf is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    found = sorted(SURNAMES, key=text.find)
    assert all(n in text for n in SURNAMES) and found == ORDER[lang]
