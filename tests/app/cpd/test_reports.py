"""Printed CPD documents read back: the seed 004 form in kk and ru (C-5), batch with cancel,
the yearly summary (C-7), the plan (T-3), and the headless commands."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.__main__ import main
from app.core.context import Actor
from app.core.progress import CancelledError, Progress
from app.core.store import Store
from app.cpd.evidence import attach_evidence
from app.cpd.workflow import accept_report, open_report, submit_report
from app.demo.training import generate_training
from app.documents.cpd_individual import print_individual_reports
from app.documents.output import produce, write
from app.training.queries import list_events
from tests.app.cpd.helpers import TODAY, add, make_person


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_individual_report_follows_the_seed_form_in_kk_and_ru(store: Store, actor: Actor) -> None:
    """C-5: No., form, event, organiser, points, total, signatures, dates, comment, attachments."""
    person, iin = make_person(store, actor, surname="Құрманғалиева")
    a = add(store, actor, person, "F04", date(2025, 4, 4), event="Медиация бойынша баяндама")
    add(store, actor, person, "F02", date(2025, 5, 5))
    with store.write() as s:
        attach_evidence(
            s,
            actor,
            a.id,
            kind="certificate",
            filename="сертификат-ұлттық.pdf",
            content=b"%PDF cert",
        )
        r = open_report(s, actor, person, 2025, today=date(2026, 2, 1))
        r = submit_report(s, actor, r.id, today=date(2026, 2, 2))
        accept_report(
            s,
            actor,
            r.id,
            officer_name="Серікова Ә.Б.",
            comment="Келіспеушілік тіркелді",
            today=date(2026, 2, 9),
        )
    with store.read() as s:
        kk = _text(print_individual_reports(s, [person], 2025, lang="kk", today=TODAY))
        ru = _text(print_individual_reports(s, [person], 2025, lang="ru", today=TODAY))
    for fragment in (
        # Seed 004's Kazakh title names the legal consultant (issue 13).
        "2025 жылғы заң консультантының біліктілігін арттыру",
        "ЕСЕП",
        "Қатысу нысаны",
        "Іс-шараның атауы",
        "Ұйымдастырушының",
        "Жалпы балл саны",
        "Заң консультантының қолы",  # seed 004: the legal consultant signs
        "Есепті қабылдау күні",
        "09.02.2026",
        "Серікова Ә.Б.",
        "Келіспеушілік тіркелді",
        "Есепке мыналар қоса беріледі",
        "сертификат-ұлттық.pdf",
        "Құрманғалиева",
        iin,
        "Медиация бойынша",
    ):
        assert fragment in kk, fragment
    for fragment in (
        "Отчет о повышении квалификации",
        "Форма участия",
        "Наименование мероприятия",
        "Общее количество баллов",
        "Комментарии ответственного лица",
        "К отчету прилагаются",
    ):
        assert fragment in ru, fragment
    assert "\n5\n" in kk or " 5\n" in kk or "5" in kk.split("Жалпы балл саны")[1][:8]


def test_c5_consultant_report_is_the_seed_004_form_field_by_field(
    store: Store, actor: Actor
) -> None:
    """C-5, seed 004: the title names the legal consultant, "member since", the organisation
    at the responsible person, blanks in the seed's order; two lines leave no unnumbered row."""
    person, _iin = make_person(store, actor, surname="Жұмабекова", appointed=date(2023, 5, 12))
    add(store, actor, person, "F02", date(2025, 3, 3))
    add(store, actor, person, "F11", date(2025, 6, 6))
    texts = {}
    with store.read() as s:
        for lang in ("kk", "ru"):
            pdf = print_individual_reports(s, [person], 2025, lang=lang, today=TODAY)
            pages = PdfReader(io.BytesIO(pdf)).pages
            assert len(pages) == 1  # one page per person while the lines fit
            texts[lang] = " ".join(pages[0].extract_text().split())
    kk, ru = texts["kk"], texts["ru"]
    for fragment in (
        "2025 жылғы заң консультантының біліктілігін арттыру туралы ЕСЕП",
        "2023 жылғы 12 мамырдан бастап мүшесі",
        "Заң консультантының біліктілікті арттыру бойынша өткізген іс-шаралары:",
        "Заң консультантының қолы",
        "Есепті толтыру күні: 20__ жылғы «__»",
        "жауапты адамы (аты-жөні, қолы)",
        "Есепті қабылдау күні: 20__ жылғы «__»",
    ):
        assert fragment in kk, fragment
    for fragment in (
        "Отчет о повышении квалификации юридического консультанта за 2025 год",
        "с 12 мая 2023 года",
        "Мероприятия, пройденные юридическим консультантом по повышению квалификации:",
        "Подпись юридического консультанта",
        "Дата заполнения отчета: «__» ____________ 20__ г.",
        "Ответственное лицо «",
        "Дата принятия отчета: «__» ____________ 20__ г.",
    ):
        assert fragment in ru, fragment
    assert kk.index("қолы") < kk.index("толтыру күні") < kk.index("жауапты адамы")
    # Two lines: the form's third line is numbered like the seed's blank rows.
    assert re.search(r"\b3 Жалпы балл саны", kk), kk


def test_batch_prints_one_document_with_progress_and_can_be_cancelled(
    store: Store, actor: Actor
) -> None:
    people = [make_person(store, actor, surname=n)[0] for n in ("Ақанов", "Бекова", "Ысқақов")]
    for p in people:
        add(store, actor, p, "F02", date(2025, 3, 3))
    calls: list[tuple[int, int]] = []
    with store.read() as s:
        pdf = print_individual_reports(
            s,
            people,
            2025,
            lang="kk",
            today=TODAY,
            progress=Progress(lambda d, t: calls.append((d, t))),
        )
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    assert all("Бет 1 / 1" in p.extract_text() for p in reader.pages)  # numbered per report
    assert calls[-1] == (3, 3)
    stopping = Progress(lambda d, _t: stopping.cancel() if d >= 1 else None)
    with store.read() as s, pytest.raises(CancelledError):
        print_individual_reports(s, people, 2025, lang="kk", today=TODAY, progress=stopping)


def test_summary_pdf_and_xlsx(store: Store, actor: Actor, tmp_path: Path) -> None:
    """C-7: people, verdicts, points by form and by court; due 1 March."""
    person, _ = make_person(store, actor)
    for m in (1, 3, 5, 7, 9):
        add(store, actor, person, "F02", date(2025, m, 1))
    with store.read() as s:
        as_of, params = date(2026, 1, 20), {"year": 2025}
        pdf = produce(s, actor, "cpd-summary", params, fmt="pdf", lang="ru", today=as_of)
        write(pdf, tmp_path / "s.pdf")
        xlsx = produce(s, actor, "cpd-summary", params, fmt="xlsx", lang="kk", today=as_of)
        write(xlsx, tmp_path / "s.xlsx")
        summary = pdf.data
    assert summary.due_on == date(2026, 3, 1)
    assert (summary.people, summary.totals["compliant"]) == (1, 1)
    text = _text((tmp_path / "s.pdf").read_bytes())
    assert "Итоги повышения квалификации за 2025 год" in text and "01.03.2026" in text
    wb = load_workbook(tmp_path / "s.xlsx")
    assert wb.sheetnames == ["Жиынтық", "Нысандар бойынша", "Соттар бойынша"]
    assert wb["Нысандар бойынша"]["D2"].value == 10


def test_plan_held_report_and_sign_in_sheet(store: Store, actor: Actor, tmp_path: Path) -> None:
    """T-2, T-3: the plan (due 1 December), the events held, the numbered sign-in sheet."""
    for n in ("Ақанов", "Бекова"):
        make_person(store, actor, surname=n)
    with store.write() as s:
        generate_training(s, actor, 2026, today=TODAY)
    with store.read() as s:
        plan = produce(s, actor, "training-plan", {"year": 2026}, lang="kk", today=TODAY)
        write(plan, tmp_path / "p.pdf")
        held = produce(
            s, actor, "training-plan", {"year": 2026, "held": True}, fmt="xlsx", lang="ru"
        )
        write(held, tmp_path / "h.xlsx")
        event = list_events(s, 2026)[0]
        from app.training.queries import event_sessions

        session_id = str(event_sessions(s, event.id)[0].id)
        sheet = produce(s, actor, "sign-in-sheet", {"session": session_id}, lang="kk").pdf
        assert sheet is not None
    assert plan.data.rows and held.data.rows
    text = _text((tmp_path / "p.pdf").read_bytes())
    assert "2026 жылға арналған оқу іс-шараларының жоспары" in text and "01.12.2025" in text
    assert "Қатысушылардың тіркеу парағы" in _text(sheet)


def test_headless_commands(
    store: Store, actor: Actor, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person, iin = make_person(store, actor)
    add(store, actor, person, "F02", date(2025, 3, 3))
    store.dispose()
    base = ["--db", str(db_path)]
    out = tmp_path / "ind.pdf"
    assert (
        main(
            [
                *base,
                "report",
                "cpd-individual",
                "--person",
                iin,
                "--year",
                "2025",
                "--lang",
                "ru",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "Отчет о повышении квалификации" in _text(out.read_bytes())
    for fmt in ("csv", "xlsx", "pdf"):
        assert (
            main(
                [
                    *base,
                    "report",
                    "cpd-compliance",
                    "--year",
                    "2025",
                    "--format",
                    fmt,
                    "--out",
                    str(tmp_path / f"c.{fmt}"),
                ]
            )
            == 0
        )
    assert (
        main([*base, "report", "cpd-summary", "--year", "2025", "--out", str(tmp_path / "s.pdf")])
        == 0
    )
    assert (
        main([*base, "report", "training-plan", "--year", "2026", "--out", str(tmp_path / "t.pdf")])
        == 0
    )
    tpl = tmp_path / "tpl.csv"
    assert main([*base, "template", "cpd", "--out", str(tpl)]) == 0
    tpl.write_text(
        tpl.read_text(encoding="utf-8-sig") + f"{iin};F11;Мақала;;01.02.2025;;;;\n"
        f"000000000000;F11;Мақала;;01.02.2025;;;;\n",
        encoding="utf-8",
    )
    assert main([*base, "import", "cpd", str(tpl)]) == 1
    err = capsys.readouterr().err
    assert "3" in err and "000000000000" in err
    assert (
        main(
            [
                *base,
                "report",
                "cpd-individual",
                "--person",
                "123",
                "--year",
                "2025",
                "--out",
                str(out),
            ]
        )
        == 3  # refused (no such person): exit codes of issue 17
    )
