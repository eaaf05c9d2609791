"""bench/bench_build.py's baselines build what ours builds: a baseline that skips work (a template
reading what the shim does not give, rendered as nothing) makes every ratio a flattering one."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import bench_build  # noqa: E402


def test_the_native_baseline_writes_every_page_and_a_sitemap_with_every_alternate(tmp_path: Path) -> None:
    codes = bench_build.language_codes(2)
    config = bench_build.make_native(tmp_path / "native", codes)
    output = tmp_path / "output"
    bench_build.measure("native", config, output)  # a process of its own, as the bench runs it (Pelican's signals are global)
    slugs = ["en", *(code.lower().replace("_", "-") for code in codes)]
    assert all((output / slug / "index.html").is_file() for slug in slugs)
    urls = (output / "sitemap.xml").read_text(encoding="utf-8").split("<url>")[1:]
    assert sorted(re.search(r"<loc>\./([^<]*)/</loc>", url)[1] for url in urls) == sorted(slugs)  # type: ignore[index]
    for url in urls:
        assert url.count('<xhtml:link rel="alternate"') == len(slugs) + 1  # every language and x-default
