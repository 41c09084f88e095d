"""Bundle size on disk (<= 150 MB), against a default PyInstaller build of a bare PySide6 window.

    /work/venv/bin/python tests/bench/bench_bundle_size.py [--rebuild]

Builds the baseline (a QMainWindow with one QTableView, `pyinstaller --onedir` with the default
hooks, no filtering) in a temporary folder, and measures dist/Talimger (built by
scripts/build_bundle.py; --rebuild builds it first). Sizes are `du -s`: blocks on disk.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, machine, verdict

sys.path.insert(0, str(ROOT / "scripts"))
from build_bundle import SIZE_BUDGET, build, disk_usage

HELLO = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTableView())
window.show()
sys.exit(0 if "--exit" in sys.argv else app.exec())
"""


def bare_bundle_size(tmp: Path) -> int:
    """du of a default one-folder PyInstaller build of the hello window."""
    script = tmp / "hello.py"
    script.write_text(HELLO)
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run(
        [
            str(pyinstaller),
            "--onedir",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp / "dist"),
            "--workpath",
            str(tmp / "build"),
            "--specpath",
            str(tmp),
            str(script),
        ],
        check=True,
        cwd=tmp,
    )
    return disk_usage(tmp / "dist" / "hello")


def main() -> int:
    """Print both sizes and their ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rebuild", action="store_true", help="build dist/Talimger first")
    args = parser.parse_args()
    if args.rebuild or not (ROOT / "dist" / "Talimger").exists():
        build(ROOT / "dist", ROOT / "build")
    ours = disk_usage(ROOT / "dist" / "Talimger")
    with tempfile.TemporaryDirectory(prefix="talimger-bench-bundle-") as tmp:
        bare = bare_bundle_size(Path(tmp))
    mib = 2**20
    print(machine())
    print(f"bare PySide6 window, default PyInstaller one-folder: {bare / mib:.1f} MiB")
    print(
        f"Tälimger one-folder bundle (build.spec): {ours / mib:.1f} MiB ({ours / 1e6:.1f} MB); "
        f"target <= 150 MiB: {verdict(ours, SIZE_BUDGET)}; ratio to bare {ours / bare:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
