"""Shared helpers of the hand-run benchmarks: demo databases, medians, machine description."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE = Path(os.environ.get("TALIMGER_BENCH_CACHE", "/tmp/talimger-bench"))


def demo_db(scale: str) -> Path:
    """A migrated demo database of a scale, built once and reused (delete CACHE to rebuild)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{scale}.db"
    if not path.exists():
        tmp = path.with_suffix(".tmp.db")
        tmp.unlink(missing_ok=True)
        # The people register alone (what these benchmarks measure), in "no login" mode so the
        # first-run dialog does not wait for an answer.
        args = [sys.executable, "-m", "app", "--db", str(tmp), "demo", "--people-only"]
        if scale != "region":
            args += ["--scale", scale]
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
        subprocess.run(
            [sys.executable, "-m", "app", "--db", str(tmp), "user", "no-login"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        tmp.rename(path)
    return path


def child_env(tmp: Path) -> dict[str, str]:
    """Environment of a measured child: off-screen, settings and data in a scratch folder."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        PYTHONPATH=str(ROOT),
    )
    return env


def median(values: list[float]) -> float:
    """Median of the runs."""
    return statistics.median(values)


def machine() -> str:
    """One line describing the machine and the toolchain."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f", {kb / 2**20:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import PySide6

    return (
        f"{os.cpu_count()} CPUs ({cpu}){ram}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}"
    )


def verdict(value: float, target: float) -> str:
    """'ok' or 'OVER' against a target."""
    return "ok" if value <= target else "OVER"
