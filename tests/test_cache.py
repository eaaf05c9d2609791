"""The build cache: results come back only for byte-identical inputs."""

from __future__ import annotations

from pathlib import Path

from conftest import SiteCopy
from openletter.cache import ContentCache
from openletter.checks import check_project
from openletter.guard import PageGuard
from openletter.segments import new_markdown


def test_store_load_and_corrupt_entries(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path)
    key = ContentCache.key(b"input", "setting")
    assert cache.load("kind", key) is None
    cache.store("kind", key, {"answer": 42})
    assert cache.load("kind", key) == {"answer": 42} and cache.hits == 1
    next(tmp_path.rglob(key)).write_bytes(b"not a pickle")
    assert cache.load("kind", key) is None
    assert ContentCache.key(b"ab", b"c") != ContentCache.key(b"a", b"bc")
    assert ContentCache(None).load("kind", key) is None


def test_check_reuses_reports_until_a_catalog_changes(project: SiteCopy, tmp_path: Path) -> None:
    project.add_pseudo_language("eo")
    cache = ContentCache(tmp_path / "cache")
    first = check_project(project.project, new_markdown(), {}, cache=cache)
    assert (cache.hits, cache.misses) == (0, 2) and first.problems() == []
    check_project(project.project, new_markdown(), {}, cache=cache)
    assert cache.hits == 2
    path = project.po("eo")
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "‹', 'msgstr "<b>‹', 1), encoding="utf-8")
    third = check_project(project.project, new_markdown(), {}, cache=cache)
    assert cache.hits == 3  # the theme catalog only
    assert [p.code for p in third.problems()] == ["html"]


def test_guard_results_are_reused_for_identical_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    page = site / "index.html"
    html = '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body><p onclick="x()">hi</p></body></html>'
    page.write_text(html, encoding="utf-8")
    cache = ContentCache(tmp_path / "cache")
    PageGuard().sanitize_tree(site, cache)
    cleaned = page.read_text(encoding="utf-8")
    assert "onclick" not in cleaned
    page.write_text(html, encoding="utf-8")
    PageGuard().sanitize_tree(site, cache)
    assert page.read_text(encoding="utf-8") == cleaned and cache.hits == 1
