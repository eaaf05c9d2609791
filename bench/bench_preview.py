"""Edit-preview at N languages: from saving one .po to the rebuilt site being live.

    .venv/bin/python bench/bench_preview.py            # N = 26 and 100, 5 edits each
    .venv/bin/python bench/bench_preview.py --sizes 200 --translator-pages

The preview (openletter.commands.preview, behind `invoke preview`) watches the sources with
watchfiles and runs the same warm build as `invoke build` for every change; each edit changes one
language's letter title, and the time from the write to the rebuilt site being swapped in is
measured (it includes the watcher's debounce).  Baseline in the same run: a full warm
`openletter build` of the same project.
"""

from __future__ import annotations

import argparse
import queue
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import bench_build  # noqa: E402

from openletter.commands.build import build  # noqa: E402
from openletter.commands.preview import Preview, Rebuilt  # noqa: E402
from openletter.po.pofile import read_po  # noqa: E402
from openletter.po.powriter import PoWriter  # noqa: E402


def measure(size: int, edits: int, translator_pages: bool) -> None:
    with tempfile.TemporaryDirectory() as temp:
        codes = bench_build.language_codes(size)
        config = bench_build.make_ours(Path(temp) / "ours", codes, translator_pages=translator_pages)
        build(config, Path(temp) / "full")  # warms the caches
        full = []
        for _ in range(3):
            started = time.perf_counter()
            build(config, Path(temp) / "full")
            full.append(time.perf_counter() - started)
        stop, rebuilds = threading.Event(), queue.Queue[Rebuilt]()
        preview = Preview(config, Path(temp) / "preview", report=lambda message: None)
        thread = threading.Thread(target=lambda: [rebuilds.put(rebuilt) for rebuilt in preview.watch(stop)], daemon=True)
        thread.start()
        rebuilds.get(timeout=600)  # the first build
        times = []
        for number in range(edits):
            code = codes[number * 7 % len(codes)]
            path = config.parent / "locale" / code / "LC_MESSAGES" / "letter.po"
            catalog = read_po(path)
            catalog.entries[0].msgstr = f"Edited title {number}"
            started = time.perf_counter()
            path.write_bytes(PoWriter().dump_bytes(catalog))
            rebuilds.get(timeout=600)
            times.append(time.perf_counter() - started)
            slug = code.lower().replace("_", "-")
            assert f"Edited title {number}" in (Path(temp) / "preview" / slug / "index.html").read_text(encoding="utf-8")
        stop.set()
        thread.join(timeout=30)
        print(
            f"N = {size}{' with translators pages' if translator_pages else ''}: save-to-page median "
            f"{statistics.median(times) * 1000:.0f} ms (max {max(times) * 1000:.0f} ms) vs full warm build "
            f"{statistics.median(full) * 1000:.0f} ms: ratio {statistics.median(times) / statistics.median(full):.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[26, 100])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--translator-pages", action="store_true", help="build the dashboards and review pages too")
    args = parser.parse_args()
    for size in args.sizes:
        measure(size, args.edits, args.translator_pages)


if __name__ == "__main__":
    main()
