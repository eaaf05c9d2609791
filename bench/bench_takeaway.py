"""What the letter to take away costs: the shipped site built with PDFs and share cards
(``invoke build --pdf``, what ``invoke publish`` builds) against the same site without them, cold
and warm, interleaved in one run.

    python bench/bench_takeaway.py                 # 3 repeats
    python bench/bench_takeaway.py --repeats 5

Each build is a fresh process (``openletter build``), timed from outside: wall seconds and the CPU
of the process and the children it waited for (the font workers; Chromium's own processes are
not its children and are not counted).  "Cold" is a first build: no ``.cache/`` and no previous
``output/``.  Every build without PDFs still writes each language's text and Markdown files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import machine

REPO = Path(__file__).resolve().parent.parent


def project(root: Path) -> Path:
    """A copy of the repository's project (content, locale, theme, settings) under ``root``."""
    for name in ("content", "locale", "theme"):
        shutil.copytree(REPO / name, root / name)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(REPO / name, root / name)
    (root / "node_modules").symlink_to(REPO / "node_modules")
    return root


def measure(root: Path, pdf: bool, cold: bool) -> tuple[float, float, int]:
    """(wall, CPU, files in the output) of one build in a fresh process."""
    output = root / "output"
    if cold:
        shutil.rmtree(root / ".cache", ignore_errors=True)
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(root / ".output-spare", ignore_errors=True)
    command = [sys.executable, "-m", "openletter.commands.cli", "build", "--output", "output", *(["--pdf"] if pdf else [])]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"the build failed:\n{errors.read()[-3000:].decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, sum(1 for path in output.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    runs = [("without PDFs, cold", False, True), ("with PDFs, cold", True, True),
            ("without PDFs, warm", False, False), ("with PDFs, warm", True, False)]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        roots = {pdf: project(Path(folder) / ("pdf" if pdf else "plain")) for pdf in (False, True)}
        results: dict[str, list[tuple[float, float, int]]] = {label: [] for label, _, _ in runs}
        for _ in range(args.repeats):
            for label, pdf, cold in runs:  # interleaved: a noisy moment costs every column alike
                results[label].append(measure(roots[pdf], pdf, cold))
    print(f"# {machine()}; the shipped site; medians of {args.repeats}")
    print("| build | wall s | CPU s | files | wall vs the same build without PDFs |")
    print("|---|---:|---:|---:|---:|")
    for label, _, cold in runs:
        wall = statistics.median(run[0] for run in results[label])
        cpu = statistics.median(run[1] for run in results[label])
        base = statistics.median(run[0] for run in results[f"without PDFs, {'cold' if cold else 'warm'}"])
        print(f"| {label} | {wall:.2f} | {cpu:.2f} | {results[label][-1][2]} | {wall / base:.2f}x |")


if __name__ == "__main__":
    main()
