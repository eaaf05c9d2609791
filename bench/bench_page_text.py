"""Page text extraction (what the font builder subsets per page): html.parser vs the fast path.

    .venv/bin/python bench/bench_page_text.py             # N = 100, 5 repeats
    .venv/bin/python bench/bench_page_text.py --size 200 --repeats 3

Builds N pseudo-translated languages with the translator pages (`bench_build.make_ours`), then
times `openletter.fonts.text` on the N + 1 translators' dashboards (each lists every language:
the largest pages) and on every other page: the reference (`html.parser`, `_reference_page_text`)
against `page_text` (the fast tokenizer, which falls back to the reference on markup it does
not know).  Both are run on the same decoded pages in the same process, interleaved; each
result is checked equal to the reference's before anything is timed.
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
from benchlib import machine  # noqa: E402

from openletter.commands.build import build  # noqa: E402
from openletter.fonts import pages_from_site  # noqa: E402
from openletter.fonts.text import _fast_page_text, _reference_page_text, page_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        codes = bench_build.language_codes(args.size)
        config = bench_build.make_ours(Path(temp) / "ours", codes, translator_pages=True)
        site = Path(temp) / "site"
        build(config, site)
        pages = {page: (page.read_text(encoding="utf-8"), lang) for page, lang in pages_from_site(site).items()}
        dashboards = {
            page: item for page, item in pages.items() if page.relative_to(site).parts[-2:] == ("translate", "index.html")
        }
        others = {page: item for page, item in pages.items() if page not in dashboards}
        print(machine())
        fallbacks = [page for page, (html, lang) in pages.items() if _fast_page_text(html, lang) is None]
        for page, (html, lang) in pages.items():
            assert page_text(html, lang) == _reference_page_text(html, lang), page
        print(f"N = {args.size}: {len(pages)} pages checked equal, {len(fallbacks)} fell back to html.parser")
        for name, group in (("dashboards", dashboards), ("other pages", others)):
            size = sum(len(html) for html, _ in group.values())
            times: dict[str, list[float]] = {"reference": [], "fast": []}
            for _ in range(args.repeats):
                for kind, function in (("reference", _reference_page_text), ("fast", page_text)):
                    started = time.perf_counter()
                    for html, lang in group.values():
                        function(html, lang)
                    times[kind].append(time.perf_counter() - started)
            reference, fast = statistics.median(times["reference"]), statistics.median(times["fast"])
            print(f"  {len(group)} {name} ({size / len(group) / 1000:.0f} kB each): html.parser "
                  f"{reference * 1000:.0f} ms, fast {fast * 1000:.0f} ms, ratio {reference / fast:.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
