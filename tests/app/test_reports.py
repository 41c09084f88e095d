"""The printing base: Kazakh text survives into the PDF, page footer counts pages."""

from __future__ import annotations

import io
import uuid
from datetime import date

from pypdf import PdfReader

from app.documents.people_register import build_people_register
from app.people.dto import PersonRow


def _rows(n: int) -> list[PersonRow]:
    return [
        PersonRow(
            uuid.uuid4(),
            "800503300120",
            f"Әбілқайырова Гүлнұр Ұлықпанқызы {i}",
            "judge",
            "Шығыс Қазақстан облыстық соты",
            "Восточно-Казахстанский областной суд",
            "Судья",
            "civil",
            date(2010, 1, 1),
            "childcare_leave",
        )
        for i in range(n)
    ]


def test_kazakh_text_and_tenge_are_intact() -> None:
    pdf = build_people_register(
        _rows(3), lang="kk", centre_name="Оқу орталығы ₸", today=date(2026, 11, 21)
    )
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(reader.pages[0].extract_text().split())  # cells wrap across lines
    for expected in (
        "Әбілқайырова Гүлнұр Ұлықпанқызы 0",
        "Шығыс Қазақстан облыстық соты",
        "Тұлғалар тізілімі",
        "2026 жылғы 21 қарашадағы",
        "₸",
        "Бала күтімі жөніндегі демалыс",
    ):
        assert expected in text
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()}  # type: ignore[index]
    assert fonts  # fonts embedded (subset) rather than a base-14 face


def test_footer_counts_pages_in_each_language() -> None:
    kk = PdfReader(io.BytesIO(build_people_register(_rows(80), lang="kk")))
    ru = PdfReader(io.BytesIO(build_people_register(_rows(80), lang="ru")))
    pages = len(kk.pages)
    assert pages >= 3
    assert f"Бет 1 / {pages}" in kk.pages[0].extract_text()
    assert f"Стр. {pages} из {pages}" in ru.pages[-1].extract_text()
    assert "Реестр лиц" in ru.pages[0].extract_text()
