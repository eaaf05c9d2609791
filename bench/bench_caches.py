"""Does each cache pay for itself?  A warm build with every cache, against warm builds with one
kind of cache turned off (never read, never written), in the same run.

    .venv/bin/python bench/bench_caches.py                 # N = 26 and 100, 5 repeats
    .venv/bin/python bench/bench_caches.py --sizes 200 --translator-pages

Each build runs in a fresh process (as `invoke build` does); the kinds are those of
openletter.cache: checked catalogs (``catalog-report``), guarded pages (``guarded-page``), the
memos (``memo:<name>``) and Jinja2's compiled templates (``jinja``).  The webfonts' caches are
measured by bench_build.py (cold against warm).  A ratio above 1 is what the cache saves.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import bench_build  # noqa: E402

KINDS = ("catalog-report", "guarded-page", "memo:dates", "memo:languages", "memo:numbers", "memo:escaped", "memo:rendered", "jinja")


def child(config: str, output: str, disabled: str) -> None:
    """One build with the ``disabled`` kind of cache off; prints its wall time as JSON."""
    from openletter import cache
    from openletter.commands.build import build
    from openletter.pelican_plugin import theme

    if disabled.startswith("memo:"):
        name = disabled.removeprefix("memo:")
        original_get = cache.Memo.get
        cache.Memo.get = lambda self, arguments, compute: compute() if self.name == name else original_get(self, arguments, compute)  # type: ignore[method-assign]
        original_save = cache.Memo.save
        cache.Memo.save = lambda self: False if self.name == name else original_save(self)  # type: ignore[method-assign]
    elif disabled == "jinja":
        theme.bytecode_cache = lambda environment, cache: None  # type: ignore[assignment]
    elif disabled:
        original_load, original_store = cache.Cache.load, cache.Cache.store
        cache.Cache.load = lambda self, kind, key: None if kind == disabled else original_load(self, kind, key)  # type: ignore[method-assign]
        cache.Cache.store = lambda self, kind, key, value: None if kind == disabled else original_store(self, kind, key, value)  # type: ignore[method-assign]
    started = time.perf_counter()
    build(Path(config), Path(output))
    print(json.dumps({"wall": time.perf_counter() - started}))


def timed(config: Path, output: Path, disabled: str) -> float:
    result = subprocess.run([sys.executable, __file__, "--child", str(config), str(output), disabled], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the build failed with {disabled or 'every cache'}:\n{result.stderr[-3000:]}")
    return float(json.loads(result.stdout.strip().splitlines()[-1])["wall"])


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[26, 100])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--translator-pages", action="store_true", help="build the dashboards and review pages too")
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as temp:
            config = bench_build.make_ours(Path(temp) / "ours", bench_build.language_codes(size), translator_pages=args.translator_pages)
            output = Path(temp) / "output"
            timed(config, output, "")  # fills every cache
            times: dict[str, list[float]] = {kind: [] for kind in ("", *KINDS)}
            for _ in range(args.repeats):
                for kind in times:  # interleaved, so drift hits every kind alike
                    times[kind].append(timed(config, output, kind))
            base = statistics.median(times[""])
            print(f"N = {size}{' with translators pages' if args.translator_pages else ''}: every cache {base * 1000:.0f} ms")
            for kind in KINDS:
                median = statistics.median(times[kind])
                print(f"  without {kind:16} {median * 1000:6.0f} ms  ratio {median / base:.2f}  (saves {(median - base) * 1000:+.0f} ms)")


if __name__ == "__main__":
    main()
