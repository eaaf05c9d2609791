"""Helpers shared by the bench_*.py scripts (not a benchmark itself)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path


def timed(action: Callable[[], object], before: Callable[[], object] | None = None, repeats: int = 5) -> list[float]:
    """Wall times of ``action``, once per repeat (``before`` runs untimed ahead of each)."""
    times = []
    for _ in range(repeats):
        if before:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def run(command: list[str], cwd: Path | None = None) -> None:
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def machine() -> str:
    """One line naming the machine the figures come from."""
    import os
    import platform

    import pelican

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores{', ' + model if model else ''}, {platform.machine()}, "
            f"Python {platform.python_version()}, Pelican {pelican.__version__}")  # fmt: skip
