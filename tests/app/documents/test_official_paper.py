"""Every catalogue document printed in kk and ru on the demo reads as official paper (issue 13):
no page holding only a signature block, no developer text or English, Kazakh dates in the
"жылғы" form, no word broken without a hyphen."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader
from sqlalchemy import String, Text, select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.documents.catalogue import CATALOGUE
from app.documents.output import centre_name, produce
from db.base import Base
from db.models import Court, Person
from tests.demo_store import demo_db

LANGS = ("kk", "ru")
PDF_DOCS = [d.id for d in CATALOGUE if "pdf" in d.formats]
FOOTER = re.compile(r"^(Бет \d+ / \d+|Стр\. \d+ из \d+|Басып шығарылды: .*|Напечатано: .*)$")
SIGNATURE = re.compile(r"_{8,}")
RULE_ID = re.compile(r"\b[MIECTPS]-\d{1,2}\b")
# Latin words allowed on paper: the academic degree's own spelling (seed 004, C-1).
LATIN_ALLOWED = {"PhD", "Ph", "D", "DD"}
KK_MONTHS = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
KK_DATE = re.compile(rf"(?:(\S+) (\S+) )?\d{{1,2}} (?:{KK_MONTHS})")


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(demo_db(template_db, tmp_path_factory), backup=False)
    yield store
    store.dispose()


@pytest.fixture(scope="module")
def printed(demo: Store) -> dict[tuple[str, str], list[str]]:
    """Each PDF document of the catalogue in each language: its pages' text."""
    with demo.read() as s:
        iin = s.scalars(select(Person.iin).order_by(Person.iin)).first()
    out: dict[tuple[str, str], list[str]] = {}
    for doc_id in PDF_DOCS:
        params = {"person": (iin,)} if doc_id == "cpd-individual" else {}
        for lang in LANGS:
            with demo.read() as s:
                pdf = produce(s, local_actor(), doc_id, params, fmt="pdf", lang=lang).pdf
            assert pdf is not None
            out[doc_id, lang] = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    return out


@pytest.fixture(scope="module")
def stored_words(demo: Store) -> set[str]:
    """The words of the store's texts: what users entered (printed as entered)."""
    stored: set[str] = set()
    with demo.read() as s:
        for table in Base.metadata.sorted_tables:
            cols = [c for c in table.columns if isinstance(c.type, String | Text)]
            if cols:
                for row in s.execute(select(*cols)):
                    stored.update(w for v in row if isinstance(v, str) for w in _words(v))
    return stored


@pytest.fixture(scope="module")
def vocabulary(stored_words: set[str]) -> dict[str, set[str]]:
    """The words the documents are made of: the catalogs' texts and the store's texts."""
    root = Path(__file__).resolve().parents[3] / "i18n" / "locale"
    words = {}
    for lang in LANGS:
        with (root / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        texts = [
            t for m in catalog for t in ((m.string,) if isinstance(m.string, str) else m.string)
        ]
        words[lang] = stored_words | {w for t in texts for w in _words(t)}
    return words


def _words(text: str) -> list[str]:
    return [w for w in (t.strip(".,;:()«»\"'!?*") for t in text.split()) if w]


def _body(text: str, centre: str) -> list[str]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return [ln for ln in lines if ln != centre and not FOOTER.match(ln)]


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_holds_only_the_signature_block(
    demo: Store, printed: dict[tuple[str, str], list[str]], lang: str
) -> None:
    with demo.read() as s:
        centre = centre_name(s, lang)
    lonely = []
    for doc_id in PDF_DOCS:
        pages = printed[doc_id, lang]
        for n, text in enumerate(pages[1:], start=2):
            body = _body(text, centre)
            first_sign = next((i for i, ln in enumerate(body) if SIGNATURE.search(ln)), None)
            # The signatures carry the last content with them: at least a paragraph's worth
            # of lines precedes the first signature line on its page; no page is all footer.
            if len(body) < 2 or (first_sign is not None and first_sign < 2):
                lonely.append(f"{doc_id} p.{n}: {body[:4]}")
    assert not lonely, "\n".join(lonely)


@pytest.mark.parametrize("lang", LANGS)
def test_no_developer_text_or_english_on_paper(
    printed: dict[tuple[str, str], list[str]], stored_words: set[str], lang: str
) -> None:
    found = []
    for doc_id in PDF_DOCS:
        text = "\n".join(printed[doc_id, lang])
        if "python" in text.lower() or " -m app" in text:
            found.append(f"{doc_id}: command")
        found += [f"{doc_id}: rule {m}" for m in RULE_ID.findall(text)]
        # User text is printed as entered (an event "Excel for the courts"); the program's own
        # words are never English.
        latin = set(re.findall(r"[A-Za-z]{2,}", text)) - LATIN_ALLOWED - stored_words
        found += [f"{doc_id}: {w}" for w in sorted(latin)]
        if ".." in text.replace("...", ""):
            found.append(f"{doc_id}: double stop")
    assert not found, "\n".join(found)


def test_kazakh_dates_are_in_the_seed_form(printed: dict[tuple[str, str], list[str]]) -> None:
    wrong = []
    for doc_id in PDF_DOCS:
        text = " ".join(" ".join(printed[doc_id, "kk"]).split())
        for m in KK_DATE.finditer(text):
            if m[2] != "жылғы" or not re.fullmatch(r"\d{4}", m[1] or ""):
                wrong.append(f"{doc_id}: {m[0]}")
        wrong += [f"{doc_id}: {m}" for m in re.findall(r"\d{4} ж\.", text)]
        # Blank dates: "20__ жылғы «__» ____", never the Russian order.
        wrong += [f"{doc_id}: {m}" for m in re.findall(r"«_+»\s*_+\s*20__", text)]
    ru = " ".join(" ".join(printed[d, "ru"]) for d in PDF_DOCS)
    assert "жылғы" not in ru
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGS)
def test_no_word_is_broken_without_a_hyphen(
    printed: dict[tuple[str, str], list[str]], vocabulary: dict[str, set[str]], lang: str
) -> None:
    """Each line's last word joined with the next line's first word: when that makes a word
    of the source while the line's last word is not one, the line broke inside a word."""
    words = vocabulary[lang]
    broken = []
    for doc_id in PDF_DOCS:
        for text in printed[doc_id, lang]:
            lines = [_words(ln) for ln in text.splitlines()]
            for this, after in pairwise(lines):
                if not this or not after or this[-1].endswith("-"):
                    continue
                if this[-1].isdigit() and after[0].isdigit():
                    continue  # neighbouring number cells; row numbers: test_layout
                head, tail = this[-1], after[0]
                if head + tail in words and head not in words:
                    broken.append(f"{doc_id}: {head}/{tail}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize(
    ("lang", "title", "named"),
    [
        ("kk", "Тұлғалар тізілімі: іріктеу", "Рөлі: Сот қызметкері"),
        ("ru", "Реестр лиц: выборка", "Роль: Работник суда"),
    ],
)
def test_a_filtered_people_register_says_it_is_a_selection(
    demo: Store, lang: str, title: str, named: str
) -> None:
    with demo.read() as s:
        part = produce(s, local_actor(), "people-register", {"role": "staff"}, lang=lang).pdf
        whole = produce(s, local_actor(), "people-register", {}, lang=lang).pdf
    assert part is not None and whole is not None
    first = " ".join(PdfReader(io.BytesIO(part)).pages[0].extract_text().split())
    assert title in first
    assert named in first
    assert title not in PdfReader(io.BytesIO(whole)).pages[0].extract_text()


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_have_a_decimal_comma_and_never_minus_zero(
    printed: dict[tuple[str, str], list[str]], lang: str
) -> None:
    wrong = []
    for doc_id in PDF_DOCS:
        text = "\n".join(printed[doc_id, lang])
        # "3.5" is a point where kk and ru write "3,5"; "30.11.2026" is a date.
        wrong += [f"{doc_id}: {m}" for m in re.findall(r"(?<![\d.])\d+\.\d+(?![\d.])", text)]
        wrong += [f"{doc_id}: {m}" for m in re.findall(r"(?<![\d,])-0(?:,0+)?(?![\d,])", text)]
    assert not wrong, "\n".join(wrong)


def test_c5_a_batch_of_individual_reports_is_one_page_per_person(demo: Store) -> None:
    """Seed 004 form for a whole region: each report on one page while its lines fit (six
    activities and fewer); a longer one carries its last lines, the total and the whole
    closing to its second page, never a footnote or a signature block alone (issue 13)."""
    with demo.read() as s:
        region = s.scalars(select(Court.region_code).where(Court.level == "district")).first()
        out = produce(s, local_actor(), "cpd-individual", {"region": region}, lang="kk")
    assert out.pdf is not None
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.pdf)).pages]
    at = 0
    for report in out.data.reports:
        count = int(re.search(r"Бет 1 / (\d+)", pages[at])[1])  # type: ignore[index]
        if len(report.lines) <= 6:
            assert count == 1, report.full_name
        for later in pages[at + 1 : at + count]:
            assert "Жалпы балл саны" in later and re.search(r"^\s*\d+\s*$", later, re.M)
        at += count
    assert at == len(pages)
