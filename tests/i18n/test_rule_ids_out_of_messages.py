"""Issue 11: rule IDs only in a tooltip or the details, never in the words shown to the user."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from i18n.rule_ids import RULE, split_rules

LOCALE = Path(__file__).resolve().parents[2] / "i18n" / "locale"


def _translations(lang: str) -> list[str]:
    with (LOCALE / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    out: list[str] = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        out += [s for s in strings if s]
    return out


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_rule_id_in_the_catalogs_can_be_moved_out_of_the_message(lang: str) -> None:
    """Every msgstr citing a rule cites it where split_rules finds it ("— M-11" at the end,
    "(M-11)", "(правило I-3)", "(I-3 ереже)"): the words shown keep no ID, none is lost."""
    cited = [s for s in _translations(lang) if re.search(RULE, s)]
    assert len(cited) > 20  # the refusals of the mentoring rules at least
    left = []
    for text in cited:
        plain, rules = split_rules(text)
        if re.search(RULE, plain) or set(rules) != set(re.findall(RULE, text)):
            left.append(text)
    assert left == []


def test_the_words_stay_whole() -> None:
    assert split_rules("Судья не может быть наставником самому себе — M-1") == (
        "Судья не может быть наставником самому себе",
        ("M-1",),
    )
    assert split_rules("Жылдың тағылымдамалары (I-1 ереже).") == (
        "Жылдың тағылымдамалары.",
        ("I-1",),
    )
    assert split_rules("Протокол № 7 подписан (Төлеуов А. Б.) — M-11") == (
        "Протокол № 7 подписан (Төлеуов А. Б.)",
        ("M-11",),
    )
    assert split_rules("Нет правила здесь, 7-8 дней") == ("Нет правила здесь, 7-8 дней", ())


def test_each_line_of_a_list_of_refusals_loses_its_id() -> None:
    """A RuleError lists one refusal a line (the roster's eligibility lines, M-1 and M-3)."""
    text = (
        "Әлиева Ә. С. is a judge for 100 days; a tutor needs 5 years — M-1\n"
        "Ибраев Б. is not on the approved roster of this region as a mentor — M-3."
    )
    assert split_rules(text) == (
        "Әлиева Ә. С. is a judge for 100 days; a tutor needs 5 years\n"
        "Ибраев Б. is not on the approved roster of this region as a mentor.",
        ("M-1", "M-3"),
    )


def test_a_conflict_line_loses_its_leading_id() -> None:
    """The internship planner's conflicts read "I-3: …" (Conflict.message, the CLI's line)."""
    text = "I-3: no place left at the host court\nI-1, I-2: the judge is busy then"
    assert split_rules(text) == (
        "no place left at the host court\nthe judge is busy then",
        ("I-3", "I-1", "I-2"),
    )
