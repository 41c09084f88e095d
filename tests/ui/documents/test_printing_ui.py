"""One way to print in the window: the Reports page reaches every catalogue document, and
Ctrl+P previews the document of the page that is open."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.documents.catalogue import CATALOGUE
from app.documents.output import centre_name
from db.models import Person
from i18n import translator
from tests.demo_store import demo_copy
from ui.context import UiContext
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.main_window import MainWindow


@pytest.fixture
def demo(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> Iterator[Store]:
    store = open_store(demo_copy(template_db, tmp_path_factory, tmp_path / "d.db"), backup=False)
    yield store
    store.dispose()


@pytest.fixture
def demo_window(qtbot: QtBot, demo: Store, tmp_path: Path, switcher: object) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = UiContext(store=demo, actor=local_actor(), settings=settings)
    win = MainWindow(ctx, switcher.switch)  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.show()
    return win


def _first_page(dialog: PrintPreviewDialog) -> str:
    return " ".join(PdfReader(io.BytesIO(dialog.pdf)).pages[0].extract_text().split())


def test_every_catalogue_document_is_reachable_from_the_reports_page(
    qtbot: QtBot, demo_window: MainWindow, demo: Store
) -> None:
    page = demo_window.page("reports")
    listed = [page.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.list.count())]  # type: ignore[attr-defined]
    assert listed == [d.id for d in CATALOGUE]
    with demo.read() as s:
        centre = centre_name(s, "kk")
        iin = s.scalars(select(Person.iin).order_by(Person.iin)).first()
    for doc in CATALOGUE:
        page.select(doc.id)  # type: ignore[attr-defined]
        form = page.form  # type: ignore[attr-defined]
        assert form is not None and set(form.fields) == {p.name for p in doc.params}
        assert page.format.count() == len(doc.formats)  # type: ignore[attr-defined]
        if doc.id == "cpd-individual":
            form.fields["person"].setText(iin)
        page.open_current()  # type: ignore[attr-defined]
        dialog = page.last_preview  # type: ignore[attr-defined]
        assert isinstance(dialog, PrintPreviewDialog), doc.id
        assert dialog.objectName() == doc.id
        assert centre in _first_page(dialog)
        dialog.close()


def _page_documents() -> dict[str, tuple[str, str]]:
    """What Ctrl+P prints on each page: the document id and its title in kk."""
    tr_ = translator("kk")
    year = date.today().year
    return {
        "people": ("people-register", tr_("Register of people")),
        "mentoring": ("mentoring-needs", tr_("Need for judicial mentoring")),
        "internships": (
            "internships-due",
            tr_("Judges due for an internship at a higher court in {year}").format(year=year + 1),
        ),
        "evaluation": ("evaluation-summary", tr_("Summary table by criterion")),
        "cpd": ("cpd-compliance", tr_("CPD compliance for {year}").format(year=year)),
        "reports": ("people-register", tr_("Register of people")),
    }


def test_ctrl_p_previews_the_open_pages_document(qtbot: QtBot, demo_window: MainWindow) -> None:
    expected = _page_documents()
    action = demo_window.actions_["print"]
    for spec in demo_window.pages:
        demo_window.page(spec.key)
        if spec.key not in expected:
            assert not action.isEnabled(), spec.key
            continue
        assert action.isEnabled(), spec.key
        qtbot.keyClick(demo_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        dialog = demo_window.preview_dialog
        assert isinstance(dialog, PrintPreviewDialog), spec.key
        doc_id, title = expected[spec.key]
        assert dialog.objectName() == doc_id
        assert title in _first_page(dialog), spec.key
        dialog.close()
        demo_window.preview_dialog = None


def test_every_page_prints_through_the_preview_to_a_pdf_file(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    """Issue 11: from every page, Ctrl+P, then the preview's Save as PDF and Print to a PDF
    file printer: the saved file's first page is that page's document, and the printed one has
    the pages chosen (here the first), on paper of the document's first page."""
    for key, (doc_id, title) in _page_documents().items():
        demo_window.page(key)
        qtbot.keyClick(demo_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        dialog = demo_window.preview_dialog
        assert isinstance(dialog, PrintPreviewDialog) and dialog.objectName() == doc_id, key
        saved = tmp_path / f"{key}.pdf"
        dialog.save_to(saved)
        first = PdfReader(saved).pages[0]
        assert title in " ".join(first.extract_text().split()), key
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"{key}-printed.pdf"))
        printer.setResolution(48)
        ranges = QPageRanges()
        ranges.addRange(1, 1)
        printer.setPageRanges(ranges)
        assert dialog.print_to(printer) == 1, key
        printed = PdfReader(tmp_path / f"{key}-printed.pdf").pages
        assert len(printed) == 1, key
        landscape = first.mediabox.width > first.mediabox.height
        assert (printed[0].mediabox.width > printed[0].mediabox.height) == landscape, key
        dialog.close()
        demo_window.preview_dialog = None


def test_every_catalogue_document_prints_from_its_own_page(
    qtbot: QtBot, demo_window: MainWindow, demo: Store
) -> None:
    """File → Print a document of this page lists the page's documents; the one the page
    shows prints with the page's choices, the others after a small dialog of their choices."""
    with demo.read() as s:
        centre = centre_name(s, "kk")
        iin = s.scalars(select(Person.iin).order_by(Person.iin)).first()
    menu = demo_window.print_menu
    direct = set()
    for doc in CATALOGUE:
        demo_window.page(doc.page)
        assert menu.isEnabled(), doc.page
        listed = [a.objectName() for a in menu.actions()]
        assert listed == [d.id for d in CATALOGUE if d.page == doc.page]
        menu.last_preview = menu.chooser = None
        next(a for a in menu.actions() if a.objectName() == doc.id).trigger()
        if menu.chooser is not None:  # not what the page shows: its choices first
            assert menu.last_preview is None
            assert set(menu.chooser.form.fields) == {p.name for p in doc.params}
            if doc.id == "cpd-individual":
                menu.chooser.form.fields["person"].setText(iin)  # type: ignore[attr-defined]
            menu.chooser.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        else:
            direct.add(doc.id)
        dialog = menu.last_preview
        assert isinstance(dialog, PrintPreviewDialog), doc.id
        assert dialog.objectName() == doc.id
        assert centre in _first_page(dialog), doc.id
        dialog.close()
    # the documents the open tabs show print at once, with the page's own filter
    assert {"people-register", "mentoring-needs", "internships-due", "cpd-compliance"} <= direct


def test_the_due_list_prints_through_the_catalogue_with_its_filter(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = demo_window.page("internships")
    due = page.due  # type: ignore[attr-defined]
    due.region.setCurrentIndex(0)
    assert len(due.rows) > 1
    first, other = due.rows[0].full_name, due.rows[-1].full_name
    due.search.setText(first.split()[0])
    assert first in [r.full_name for r in due.rows] and other not in [r.full_name for r in due.rows]
    dialog = due.print_preview()
    assert isinstance(dialog, PrintPreviewDialog)
    assert dialog.objectName() == "internships-due"
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(dialog.pdf)).pages
    )
    assert first in text and other not in text
    dialog.close()


def test_the_year_in_review_printed_from_the_window_has_the_centre_header(
    qtbot: QtBot, demo_window: MainWindow, demo: Store
) -> None:
    page = demo_window.page("mentoring")
    page.setCurrentIndex(2)  # type: ignore[attr-defined]
    demo_window.print_preview()
    dialog = demo_window.preview_dialog
    assert dialog is not None and dialog.objectName() == "mentoring-year"
    with demo.read() as s:
        assert centre_name(s, "kk") in _first_page(dialog)


def test_preview_rasterises_pages_as_they_come_into_view(qtbot: QtBot) -> None:
    from app.documents.people_register import build_people_register
    from tests.app.test_reports import _rows

    pdf = build_people_register(_rows(200), lang="ru")
    dialog = PrintPreviewDialog(pdf, "register.pdf")
    qtbot.addWidget(dialog)
    assert len(dialog.images) > 3
    assert dialog.images[0] is not None and dialog.images[-1] is None
    dialog.show()
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert dialog.images[-1] is not None
    assert any(image is None for image in dialog.images[1:-1])
