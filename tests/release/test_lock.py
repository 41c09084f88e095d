"""The lock files pin every dependency of pyproject.toml, with hashes, and the README uses them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETS = {"runtime": ("postgres",), "test": ("postgres", "test"), "bundle": ("postgres", "bundle")}


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(0)).lower()


def _pins(lock: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / f"{lock}.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)", line)
        if match:
            pins[_name(match.group(1))] = match.group(2)
    return pins


@pytest.mark.parametrize("lock", sorted(SETS))
def test_lock_pins_every_dependency_with_hashes(lock: str) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in SETS[lock]:
        wanted |= {_name(r) for r in project["optional-dependencies"][extra]}
    wanted |= {"setuptools", "wheel"}  # the build backend: installed with --no-build-isolation
    pins = _pins(lock)
    assert not wanted - pins.keys(), f"run scripts/lock.py: {sorted(wanted - pins.keys())}"
    text = (ROOT / "requirements" / f"{lock}.txt").read_text(encoding="utf-8")
    assert text.count("--hash=sha256:") >= len(pins)
    assert "sys_platform == 'win32'" in text, "not a universal lock: Windows pins are missing"


def test_sets_agree_on_versions() -> None:
    test = _pins("test")
    for lock in ("runtime", "bundle"):
        for name, version in _pins(lock).items():
            if name in test:
                assert test[name] == version, (lock, name)


def test_readme_commands_install_from_the_lock() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- test-command -->", 1)[1].split("```")[1]
    assert "pip install -r requirements/test.txt" in block
    assert "--no-deps" in block
    assert "pip install -r requirements/runtime.txt" in readme
