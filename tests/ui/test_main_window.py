"""The main window: language switch retranslates every open window; state and about."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui.context import UiContext
from ui.main_window import MainWindow
from ui.people.person_dialog import PersonDialog


def test_language_switch_retranslates_open_windows(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    people = window.page("people").people  # type: ignore[attr-defined]
    dialog = PersonDialog(ui_ctx, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert window.windowTitle() == "Тәлімгер — оқу орталығы"
    assert dialog.form.labels["surname"].text() == "Тегі"
    kk_save = save.text()

    window.actions_["lang_ru"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "Тәлімгер — учебный центр", timeout=2000)
    assert window.nav.item(1).text() == "Лица и суды"
    assert people.search.placeholderText() == "Поиск по ФИО или ИИН…"
    assert (
        people.model.headerData(
            1,
            people.model.HORIZONTAL
            if hasattr(people.model, "HORIZONTAL")
            else __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal,
        )
        == "ИИН"
    )
    assert dialog.windowTitle() == "Новое лицо"
    assert dialog.form.labels["surname"].text() == "Фамилия"
    assert save.text().replace("&", "") == "Сохранить"  # Qt's own button, from qtbase_ru
    assert save.text() != kk_save
    assert window.actions_["lang_ru"].isChecked()
    assert ui_ctx.settings.value("language") == "ru"

    window.actions_["lang_kk"].trigger()
    qtbot.waitUntil(lambda: dialog.form.labels["surname"].text() == "Тегі", timeout=2000)
    assert window.nav.item(1).text() == "Тұлғалар мен соттар"


def test_every_page_opens_and_state_is_kept(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    for spec in window.pages:
        page = window.page(spec.key)
        assert page.isVisible()
    window.close()
    assert ui_ctx.settings.value("window/page") == "settings"
    assert ui_ctx.settings.value("window/geometry") is not None


def test_print_preview_shows_the_register(qtbot: QtBot, window: MainWindow) -> None:
    from ui.kit.print_preview_dialog import PrintPreviewDialog

    people = window.page("people").people  # type: ignore[attr-defined]
    pdf = people.register_pdf()
    assert pdf is not None and pdf.startswith(b"%PDF")
    preview = PrintPreviewDialog(pdf, "register.pdf", window)
    qtbot.addWidget(preview)
    assert len(preview.images) == 1 and preview.images[0].width() > 500
    assert preview.page_count.text() == "Беттер: 1"


def test_window_paints_before_the_store_is_opened(
    qtbot: QtBot, ui_ctx: UiContext, switcher: object
) -> None:
    window = MainWindow(
        None,
        switcher.switch,
        actor=ui_ctx.actor,  # type: ignore[attr-defined]
        settings=ui_ctx.settings,
    )
    qtbot.addWidget(window)
    window.show()
    assert window.nav.count() == len(window.pages)
    assert not window.actions_["new_person"].isEnabled()
    window.nav.setCurrentRow(1)  # chosen while the store is still opening
    window.attach_store(ui_ctx.store)
    assert window.actions_["new_person"].isEnabled()
    people = window.stack.currentWidget()
    assert people.people.model.rowCount() == 0  # type: ignore[attr-defined]


def test_start_path_keeps_sqlalchemy_and_report_libraries_out() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ui.application; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'reportlab', 'openpyxl', "
        "'babel.dates') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()
    assert out == "[]"
