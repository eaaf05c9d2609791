"""The build cache: results come back only for byte-identical inputs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SiteCopy
from openletter.cache import ContentCache, Memo
from openletter.checks.checker import check_project
from openletter.pages.guard import PageGuard
from openletter.content.segments import new_markdown
from openletter.gettext.compiled import CompiledCatalog


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


def test_memo_persists_what_a_build_used_and_nothing_else(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path)
    calls: list[str] = []

    def compute(value: str) -> Callable[[], str]:
        return lambda: calls.append(value) or value.upper()

    first = Memo(cache, "words", "v1")
    assert first.get(("a",), compute("a")) == "A" and first.get(("a",), compute("a")) == "A"
    assert first.get(("b",), compute("b")) == "B" and calls == ["a", "b"]
    assert first.save() and not first.save()  # written once; unchanged since, so not again
    second = Memo(cache, "words", "v1")
    assert second.get(("a",), compute("a")) == "A" and calls == ["a", "b"]  # from the file
    assert second.save()  # it holds only "a" now: what this build used
    third = Memo(cache, "words", "v1")
    assert third.get(("b",), compute("b")) == "B" and calls == ["a", "b", "b"]  # "b" was not used by the second build
    other_version = Memo(cache, "words", "v2")
    assert other_version.get(("a",), compute("a")) == "A" and calls[-1] == "a"


def test_memo_without_a_cache_folder_or_with_a_damaged_file_computes(tmp_path: Path) -> None:
    memo = Memo(ContentCache(None), "words")
    assert memo.get(1, lambda: "one") == "one" and not memo.save()
    cache = ContentCache(tmp_path)
    stored = Memo(cache, "words")
    stored.get(1, lambda: "one")
    stored.save()
    next(tmp_path.rglob(stored.key)).write_bytes(b"\x80 damaged")
    assert Memo(cache, "words").get(1, lambda: "recomputed") == "recomputed"


def test_a_cached_report_brings_its_compiled_catalog_plural_rule_included(project: SiteCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project.add_pseudo_language("pl")
    cache = ContentCache(tmp_path / "cache")
    first = check_project(project.project, new_markdown(), {}, cache=cache)
    compiled = {key: report.compiled for key, report in first.catalogs.items()}
    assert all(value is not None for value in compiled.values())

    def compiled_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(CompiledCatalog, "compile", compiled_again)
    second = check_project(project.project, new_markdown(), {}, cache=cache)
    for key, report in second.catalogs.items():
        assert report.compiled is not None and report.compiled.messages == compiled[key].messages
    theme = next(report.compiled for (language, domain), report in second.catalogs.items() if domain == "theme")
    assert theme.plural_expression and [theme.plural(n) for n in (1, 2, 5, 22)] == [0, 1, 2, 1]  # Polish, from the pickle


def test_a_memo_that_cannot_be_written_is_not_an_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    memo = Memo(ContentCache(blocked), "words")  # its entries would go under a file: OSError
    assert memo.get(1, lambda: "one") == "one" and memo.save() is False
