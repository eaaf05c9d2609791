"""Edit-preview at N languages: from saving one .po to that language's page being rewritten.

    .venv/bin/python bench/bench_preview.py            # N = 100, 5 edits
    .venv/bin/python bench/bench_preview.py --size 200
    .venv/bin/python bench/bench_preview.py --translator-pages   # with dashboards and review pages

The preview session (openletter.commands.preview, behind `invoke livereload`) stays warm; each edit
changes one language's letter title, then the time of `poll()` (detect, re-check, re-render,
fonts, guard, write) is measured.  Baseline in the same run: a full warm `openletter build`.
With ``--translator-pages`` the site also has the dashboards and review pages (as by default):
a text edit then also rewrites that language's review page, and an edit that changes a
language's counts (here: a translation emptied) rewrites every dashboard, which is timed apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import bench_build  # noqa: E402

from openletter.commands.build import build  # noqa: E402
from openletter.po.pofile import read_po  # noqa: E402
from openletter.po.powriter import PoWriter  # noqa: E402
from openletter.commands.preview import PreviewSession  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--translator-pages", action="store_true", help="build the dashboards and review pages too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        codes = bench_build.language_codes(args.size)
        config = bench_build.make_ours(Path(temp) / "ours", codes, translator_pages=args.translator_pages)
        build(config, Path(temp) / "full")  # warms the caches
        full = []
        for _ in range(3):
            started = time.perf_counter()
            build(config, Path(temp) / "full")
            full.append(time.perf_counter() - started)
        session = PreviewSession(config, Path(temp) / "preview")
        session.start()
        edits = []
        for number in range(args.edits):
            path = config.parent / "locale" / codes[number * 7 % len(codes)] / "LC_MESSAGES" / "letter.po"
            catalog = read_po(path)
            catalog.entries[0].msgstr = f"Edited title {number}"
            path.write_bytes(PoWriter().dump_bytes(catalog))
            started = time.perf_counter()
            updates = session.poll()
            edits.append(time.perf_counter() - started)
            assert updates and f"Edited title {number}" in (updates[0].pages[0]).read_text(encoding="utf-8")
        print(f"N = {args.size}: save-to-page median {statistics.median(edits) * 1000:.0f} ms "
              f"(max {max(edits) * 1000:.0f} ms) vs full warm build {statistics.median(full):.2f} s: "
              f"ratio {statistics.median(edits) / statistics.median(full):.3f}")
        if args.translator_pages:
            counted, dashboards = [], []
            for number in range(args.edits):
                path = config.parent / "locale" / codes[(number * 7 + 3) % len(codes)] / "LC_MESSAGES" / "letter.po"
                catalog = read_po(path)
                catalog.entries[-1].msgstr = ""  # one message fewer: that language's dashboard row changes
                path.write_bytes(PoWriter().dump_bytes(catalog))
                started = time.perf_counter()
                session.poll()  # the language's own pages
                counted.append(time.perf_counter() - started)
                started = time.perf_counter()
                [update] = session.poll()  # then every dashboard
                dashboards.append(time.perf_counter() - started)
                assert len(update.pages) == args.size + 1
            print(f"  an edit that changes the counts: its pages median {statistics.median(counted) * 1000:.0f} ms "
                  f"(max {max(counted) * 1000:.0f} ms), then the {args.size + 1} dashboards "
                  f"{statistics.median(dashboards) * 1000:.0f} ms (max {max(dashboards) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
