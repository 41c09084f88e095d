"""Gather the licence texts and versions of every shipped component into one folder (build time)."""

from __future__ import annotations

import json
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.components import COMPONENTS, MANIFEST, version_of  # noqa: E402

LICENCE_WORDS = ("licen", "copying", "notice", "authors")


def _python_licence() -> Path | None:
    for base in (sysconfig.get_paths()["stdlib"], sys.base_prefix):
        for name in ("LICENSE.txt", "LICENSE"):
            candidate = Path(base) / name
            if candidate.exists():
                return candidate
    return None


def write_licenses(target: Path) -> list[str]:
    """Copy every component's licence files under target/<component>/; the missing ones."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    kept = ROOT / "resources" / "licenses"
    missing = []
    versions = {}
    for component in COMPONENTS:
        folder = target / "".join(c if c.isalnum() or c in "-_." else "_" for c in component.name)
        folder.mkdir()
        copied = 0
        for text in component.texts:
            source = kept / text if (kept / text).exists() else ROOT / "resources" / "fonts" / text
            shutil.copyfile(source, folder / text)
            copied += 1
        if component.name == "Python":
            found = _python_licence()
            if found:
                shutil.copyfile(found, folder / "LICENSE.txt")
                copied += 1
        if component.dist:
            try:
                files = metadata.distribution(component.dist).files or []
            except metadata.PackageNotFoundError:
                files = []
            for file in files:
                lowered = str(file).lower()
                if ".dist-info" in lowered and any(w in lowered for w in LICENCE_WORDS):
                    destination = folder / Path(*Path(str(file)).parts[1:])
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(Path(str(file.locate())), destination)
                    copied += 1
        versions[component.name] = version_of(component)
        if not copied:
            missing.append(component.name)
    (target / MANIFEST).write_text(json.dumps(versions, indent=1), encoding="utf-8")
    return missing


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/licenses")
    print("missing:", write_licenses(out))
