"""Issue 14: every rule of DOMAIN.md has a test naming its ID and a row in README's rule table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The rule IDs of ../shared/DOMAIN.md, kept here too so the check runs where the brief is absent
# (a clone on CI); test_the_list_is_domain_md's list keeps the two equal where it is present.
RULES = (
    *(f"P-{n}" for n in range(1, 4)),
    *(f"M-{n}" for n in range(1, 14)),
    *(f"I-{n}" for n in range(1, 4)),
    *(f"E-{n}" for n in range(1, 5)),
    *(f"T-{n}" for n in range(1, 6)),
    *(f"C-{n}" for n in range(1, 10)),
    "S-1",
    "S-2",
)
# Requirements no code implements yet (issue 14): none since S-1 and S-2 (seed 003 §7.1.5,
# §7.1.6) were built. A new rule not built yet goes here until a test names it.
NOT_BUILT: frozenset[str] = frozenset()


def _domain_md() -> Path | None:
    for folder in ROOT.parents:
        candidate = folder / "shared" / "DOMAIN.md"
        if candidate.is_file():
            return candidate
    return None


def _named(rule: str, text: str) -> bool:
    # "M-1" but not "M-10": the ID followed by anything but a digit
    return re.search(rf"(?<![\w-]){re.escape(rule)}(?!\d)", text) is not None


def _test_texts() -> dict[Path, str]:
    here = Path(__file__).resolve()
    return {
        p: p.read_text(encoding="utf-8")
        for p in (ROOT / "tests").rglob("test_*.py")
        if p.resolve() != here
    }


def test_the_list_is_domain_md() -> None:
    found = _domain_md()
    if found is None:
        pytest.skip("../shared/DOMAIN.md is not beside this checkout")
    text = found.read_text(encoding="utf-8")
    ids = re.findall(r"^- (?:\*\*)?([A-Z]-\d+)", text, flags=re.MULTILINE)
    ids += re.findall(r"\*\*(S-\d+)", text)
    assert sorted(set(ids)) == sorted(RULES)


@pytest.mark.parametrize("rule", [r for r in RULES if r not in NOT_BUILT])
def test_every_rule_has_a_test_that_names_it(rule: str) -> None:
    naming = [p for p, text in _test_texts().items() if _named(rule, text)]
    assert naming, f"no test under tests/ names {rule}"


def test_rules_not_built_yet_are_named_by_no_test() -> None:
    # Once a test names one of them, it is built: take it off NOT_BUILT.
    texts = _test_texts().values()
    assert [r for r in sorted(NOT_BUILT) if any(_named(r, t) for t in texts)] == []


@pytest.mark.parametrize("rule", [r for r in RULES if r not in NOT_BUILT])
def test_readme_rule_table_says_where_each_rule_lives(rule: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Rules and where they live", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert any(_named(rule, row.split("|")[1]) for row in rows), f"README: no row for {rule}"
