"""What the program is built from: every shipped component, its version and its licence."""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from app.core.paths import resources_dir


@dataclass(frozen=True)
class Component:
    """One shipped component; `dist` is its Python distribution (None: not a Python package)."""

    name: str
    dist: str | None
    licence: str
    # Licence texts kept in resources/licenses/ (for what ships without its own text).
    texts: tuple[str, ...] = ()


COMPONENTS: tuple[Component, ...] = (
    Component("Python", None, "PSF-2.0"),
    Component(
        "Qt 6 (Qt for Python, PySide6)",
        "PySide6-Essentials",
        "LGPL-3.0",
        ("LGPL-3.0.txt", "GPL-3.0.txt"),
    ),
    Component("Shiboken6", "shiboken6", "LGPL-3.0", ("LGPL-3.0.txt", "GPL-3.0.txt")),
    Component("ICU (in Qt)", None, "Unicode-3.0", ("ICU.txt",)),
    Component("ReportLab", "reportlab", "BSD-3-Clause"),
    Component("rl_accel", "rl_accel", "BSD-3-Clause"),
    Component("PDFium (pypdfium2)", "pypdfium2", "BSD-3-Clause, Apache-2.0"),
    Component("pypdf", "pypdf", "BSD-3-Clause"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("Alembic", "alembic", "MIT"),
    Component("Mako", "Mako", "MIT"),
    Component("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    Component("Babel (Unicode CLDR data)", "babel", "BSD-3-Clause, Unicode-3.0"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("et_xmlfile", "et_xmlfile", "MIT"),
    Component("qrcode", "qrcode", "BSD-3-Clause"),
    Component("Pillow", "pillow", "MIT-CMU"),
    Component("argon2-cffi", "argon2-cffi", "MIT"),
    Component("argon2-cffi-bindings (Argon2)", "argon2-cffi-bindings", "MIT, CC0-1.0"),
    Component("cffi", "cffi", "MIT-0"),
    Component("PyCryptodome", "pycryptodome", "BSD-2-Clause, Unlicense"),
    Component("typing_extensions", "typing_extensions", "PSF-2.0"),
    Component("psycopg", "psycopg", "LGPL-3.0", ("LGPL-3.0.txt", "GPL-3.0.txt")),
    Component(
        "psycopg-binary (libpq, OpenSSL, Kerberos, OpenLDAP, Cyrus SASL)",
        "psycopg-binary",
        "LGPL-3.0; PostgreSQL; Apache-2.0; MIT; OpenLDAP; BSD",
        (
            "PostgreSQL-libpq.txt",
            "OpenSSL.txt",
            "Apache-2.0.txt",
            "MIT-Kerberos.txt",
            "OpenLDAP.txt",
            "Cyrus-SASL.txt",
            "keyutils.txt",
            "LGPL-2.1.txt",
            "com_err.txt",
            "libxcrypt.txt",
        ),
    ),
    Component("DejaVu fonts", None, "Bitstream Vera / DejaVu (free)", ("LICENSE-DejaVu.txt",)),
)
MANIFEST = "components.json"


def licenses_dir() -> Path:
    """The licences folder: beside the program in the bundle, resources/licenses in a checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "licenses"
    return resources_dir() / "licenses"


def version_of(component: Component) -> str:
    """The installed version ('' when the component is not installed)."""
    if component.dist is None:
        return platform.python_version() if component.name == "Python" else ""
    try:
        return metadata.version(component.dist)
    except metadata.PackageNotFoundError:
        return ""


def shipped() -> list[tuple[Component, str]]:
    """Every component with its version: from the bundle's manifest, else from this install."""
    manifest = licenses_dir() / MANIFEST
    recorded: dict[str, str] = {}
    if manifest.exists():
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
    rows = []
    for component in COMPONENTS:
        version = recorded.get(component.name) if recorded else version_of(component)
        if component.dist is not None and not version and not recorded:
            continue  # e.g. the PostgreSQL driver in an install without it
        rows.append((component, version or ""))
    return rows
