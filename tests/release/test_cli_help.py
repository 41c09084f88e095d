"""`--help` of every command speaks kk or ru: no English besides what the user types (issue 17)."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from i18n import set_language, translator

ROOT = Path(__file__).resolve().parents[2]
# Names, formats and codes that read the same in every language (and appear in kk/ru texts).
NOT_ENGLISH = {"SQLAlchemy", "URL", "XLSX", "CSV", "PDF", "AKM", "Tälimger", "python", "app"}
LATIN_WORD = re.compile(r"[A-Za-zÄä]{2,}")


def _parsers(lang: str) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    from app.__main__ import build_parser

    set_language(lang)
    try:
        parser = build_parser()
    finally:
        set_language("kk")

    def walk(
        path: list[str], p: argparse.ArgumentParser
    ) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
        yield path, p
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk([*path, name], sub)

    yield from walk([], parser)


def _typed_words(parsers: list[argparse.ArgumentParser]) -> set[str]:
    """What a user types literally: option names, command names, choices."""
    words: set[str] = set()
    for p in parsers:
        for action in p._actions:
            typed = list(action.option_strings)
            if action.choices:
                typed += [str(c) for c in action.choices]
            for text in typed:
                words.update(LATIN_WORD.findall(text))
    return words


def english_words(text: str, typed: set[str]) -> list[str]:
    """Latin words of a help text that the user does not type and are not names or codes."""
    kept = []
    for token in text.split():
        # paths (the log file), environment variables, `commands`, {choices}, --options, M-9
        if "/" in token or "TALIMGER_" in token or "`" in token or token.startswith("[-"):
            continue
        bare = token.strip("[](),;.:")
        if bare.startswith(("-", "{")) or re.search(r"\b[A-Z]-\d", token):
            continue
        if re.fullmatch(r"[a-z]+(_[a-z]+)+", bare):  # a code to type, e.g. judge_activity
            continue
        kept += [w for w in LATIN_WORD.findall(token) if w not in typed | NOT_ENGLISH]
    return kept


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_help_page_has_no_english(lang: str) -> None:
    pages = list(_parsers(lang))
    typed = _typed_words([p for _path, p in pages])
    assert len(pages) > 30  # the top level, every command and every report
    found = {
        " ".join(path) or "(top)": words
        for path, p in pages
        if (words := english_words(p.format_help(), typed))
    }
    assert not found, f"English left in --help ({lang}): {found}"


def test_the_detector_sees_english() -> None:
    typed = {"out", "search"}
    assert english_words("  --out OUT   output file", typed) == ["OUT", "output", "file"]
    assert english_words("  --search МӘТІН  іздеу мәтіні (TALIMGER_X)", typed) == []
    assert english_words("[--password-file PASSWORD_FILE]", typed) == [
        "PASSWORD",
        "FILE",
    ]


def _help(lang: str, *command: str, encoding: str | None) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONIOENCODING", None)
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    result = subprocess.run(
        [sys.executable, "-m", "app", "--lang", lang, *command, "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode(encoding or "utf-8")  # strict: undecodable output fails


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("encoding", ["cp1251", None], ids=["cp1251", "pipe"])
def test_help_on_a_windows_console_and_a_pipe(lang: str, encoding: str | None) -> None:
    pages = list(_parsers(lang))
    typed = _typed_words([p for _path, p in pages])
    for command in ((), ("check",), ("exchange", "export"), ("report", "cpd-individual")):
        shown = _help(lang, *command, encoding=encoding)
        assert "python -m app" in shown  # the name it was started by, not "__main__.py"
        assert not english_words(shown, typed), (command, shown)
        heading = translator(lang)("options")  # Cyrillic that cp1251 has in kk and ru
        assert heading in shown and heading != "options"
        if encoding is None:  # in cp1251 ә, қ, ң... become "?"
            assert translator(lang)("show this help message and exit") in shown
