"""What signatories cost a build: the shipped site (every language) with 10,000 and 100,000
synthetic signers in many scripts, against the same site with none, in the same run.

    .venv/bin/python bench/bench_signatures.py                 # 10,000 and 100,000 signers
    .venv/bin/python bench/bench_signatures.py --sizes 10000

For each size: a cold build (empty cache, no previous site), a warm one (cache and live site
from the cold build: unchanged list pages are copied from it) and one more (the site before last
is the staging folder: unchanged list pages are kept in it) of the site without signers and with
them; the time to load and check the
records alone; a build after adding one signer (list pages rendered vs carried over); the
weight of a list page (HTML, raw and gzip), of the search index (raw and gzip) and of all the
list pages.  Names come from CLDR's exemplar characters of ten scripts (openletter.exemplars).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from benchlib import machine  # noqa: E402

from openletter.commands.build import build  # noqa: E402
from openletter.exemplars import Exemplars  # noqa: E402
from openletter.languages import Language  # noqa: E402
from openletter.project import Project  # noqa: E402
from openletter.settings import OPTIONS_KEY, load_settings  # noqa: E402
from openletter.signatures.check import check_signatures  # noqa: E402
from openletter.signatures.synthetic import synthetic_names, write_record, write_synthetic_records  # noqa: E402

SCRIPTS = ("de", "ru", "ar", "ja", "hi", "el", "ko", "zh_Hans", "th", "he")


def project(root: Path) -> Path:
    """The repository's content, theme, catalogs and settings under ``root``, with its own cache."""
    for name in ("content", "theme", "locale"):
        shutil.copytree(ROOT / name, root / name)
    config = root / "pelicanconf.py"
    config.write_text(
        (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
        + f"OPENLETTER_CACHE_PATH = {str(root / '.cache')!r}\nOPENLETTER_NODE_MODULES = {str(ROOT / 'node_modules')!r}\n",
        encoding="utf-8",
    )
    return config


def seconds(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def list_pages(output: Path) -> list[Path]:
    return sorted(output.glob("*/signatures/**/index.html"))


def measure(size: int, temp: Path) -> None:
    bare, signed = temp / f"bare-{size}", temp / f"signed-{size}"
    configs = {"none": project(bare), "signed": project(signed)}
    scripts = [Exemplars.load(ROOT / "node_modules", Language.parse(code)) for code in SCRIPTS]
    made = seconds(lambda: write_synthetic_records(signed, synthetic_names(scripts, size), ["en", "de", "ar", "ja", "hi"]))
    options = load_settings(configs["signed"])[OPTIONS_KEY]
    loading = seconds(lambda: check_signatures(Project.from_options(options)))
    times: dict[str, dict[str, float]] = {}
    for name, config in configs.items():
        output = config.parent / "output"
        cold = seconds(lambda: build(config, output))
        warm = seconds(lambda: build(config, output))  # the live site from the cold build, no spare yet
        again = seconds(lambda: build(config, output))  # the site before last recycled as the staging folder
        times[name] = {"cold": cold, "warm": warm, "warm again": again}
    output = signed / "output"
    pages = list_pages(output)
    before = {page: page.stat().st_mtime_ns for page in pages}
    write_record(signed, "Ωμέγα Ζωή", "en", date(2025, 6, 1), "bbbbbbbb")
    added = seconds(lambda: build(configs["signed"], output))
    rerendered = sum(1 for page in list_pages(output) if before.get(page) != page.stat().st_mtime_ns)
    first = (output / "de" / "signatures" / "index.html").read_bytes()
    second = next(page for page in pages if page.parent.parent.name == "signatures" and page.parent.parent.parent.name == "de").read_bytes()
    shards = [path.read_bytes() for path in sorted((output / "signatures" / "index").glob("*.json"))]
    largest = max(shards, key=len)
    places = [path.read_bytes() for path in sorted((output / "de" / "signatures" / "places").glob("*.json"))]
    total = sum(page.stat().st_size for page in pages)
    print(f"\n## {size:,} signers ({made:.1f} s to write the records)\n")
    print("| build | no signers | with signers | added | ratio |")
    print("|---|---|---|---|---|")
    for kind in ("cold", "warm", "warm again"):
        none, with_ = times["none"][kind], times["signed"][kind]
        print(f"| {kind} | {none:.1f} s | {with_:.1f} s | +{with_ - none:.1f} s | ×{with_ / none:.2f} |")
    print(f"| one signer added (warm) | | {added:.1f} s | | |")
    print()
    print(f"- loading and checking the {size:,} records (`check_signatures`, part of every build): {loading:.2f} s")
    print(f"- list pages: {len(pages):,} ({len(pages) // 50 if pages else 0} a language), {total / 1e6:.1f} MB in all")
    print(f"- first list page (de, with the table of pages): {len(first) / 1e3:.1f} kB, {len(gzip.compress(first)) / 1e3:.1f} kB gzip")
    print(f"- a list page after it (de): {len(second) / 1e3:.1f} kB, {len(gzip.compress(second)) / 1e3:.1f} kB gzip")
    whole = sum(map(len, shards)), sum(len(gzip.compress(shard)) for shard in shards)
    middle = sorted(shards, key=len)[len(shards) // 2]
    print(f"- search index (for every language, {len(shards)} files): {whole[0] / 1e6:.2f} MB, {whole[1] / 1e6:.2f} MB gzip in all;"
          f" a search fetches one: median {len(middle) / 1e3:.1f} kB ({len(gzip.compress(middle)) / 1e3:.1f} kB gzip),"
          f" largest {len(largest) / 1e3:.1f} kB ({len(gzip.compress(largest)) / 1e3:.1f} kB gzip)")
    print(f"- places (de: each signer's page, {len(places)} files of 2,048 signers): {len(places[0]) / 1e3:.1f} kB a file,"
          f" {len(gzip.compress(places[0])) / 1e3:.1f} kB gzip")
    print(f"- after adding one signer: {rerendered:,} of {len(pages):,} list pages rendered, the rest carried over")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as temp:
        for size in args.sizes:
            measure(size, Path(temp))


if __name__ == "__main__":
    main()
