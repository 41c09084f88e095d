"""The one summary of an exchanged package (CLI and window alike), in kk and ru."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from app.exchange.dto import ExportSummary, ImportSummary
from app.exchange.summary import export_lines, import_lines
from i18n import set_language

PACKAGE = uuid.UUID(int=7)


@pytest.mark.parametrize(
    ("lang", "written", "held_back"),
    [
        ("kk", "Орталық үшін пакет p.tlx файлына жазылды: 12 жазба", "тек үйлестіруші жібереді"),
        ("ru", "Пакет для Орталық записан в p.tlx: записей — 12", "только координатор"),
    ],
)
def test_export_lines_say_what_was_written_and_held_back(
    lang: str, written: str, held_back: str
) -> None:
    set_language(lang)
    plain = ExportSummary(PACKAGE, "Орталық", records=12, deletions=1, audit_entries=3)
    assert len(export_lines(plain, Path("p.tlx"))) == 1
    assert export_lines(plain, Path("p.tlx"))[0].startswith(written)
    held = ExportSummary(PACKAGE, "Орталық", 12, 1, 3, confidential_held_back=True)
    lines = export_lines(held, Path("p.tlx"))
    assert len(lines) == 2 and held_back in lines[1] and "Орталық" in lines[1]


def test_import_lines_count_lost_packages_in_russian_plural_forms() -> None:
    set_language("ru")
    got = ImportSummary(PACKAGE, "Абай", inserted=4, updated=2, deleted=1, conflicts=3)
    assert import_lines(got) == [
        "Пакет от Абай: добавлено 4, обновлено 2, удалено 1, конфликтов для разрешения: 3."
    ]
    lost = {n: import_lines(ImportSummary(PACKAGE, "Абай", lost_before=n))[1] for n in (1, 2, 5)}
    assert lost[1].startswith("1 более ранний пакет от Абай не дошёл")
    assert lost[2].startswith("2 более ранних пакета")
    assert lost[5].startswith("5 более ранних пакетов")


def test_a_package_imported_before_is_one_line() -> None:
    set_language("kk")
    again = ImportSummary(PACKAGE, "Абай", already_imported=True, lost_before=2)
    assert import_lines(again) == ["Бұл пакет бұрын импортталған; ештеңе өзгерген жоқ."]
