"""The one place that loads: documents and catalogs read, checked and compiled once, through the cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SiteCopy

from openletter.cache import Cache
from openletter.content.segments import new_markdown
from openletter.errors import ContentError, ErrorList, OpenletterError
from openletter.languages import Language
from openletter.loading import LoadedCatalogs, load_documents
from openletter.po.compiled import CompiledCatalog


def load(project: SiteCopy, cache: Cache) -> LoadedCatalogs:
    markdown = new_markdown()
    return LoadedCatalogs.load(project.project, load_documents(project.project, markdown), markdown, 1_000_000, cache)


def test_documents_are_the_home_document_first(project: SiteCopy) -> None:
    documents = load_documents(project.project, new_markdown())
    assert [document.domain for document in documents] == ["letter", "about"]


@pytest.mark.parametrize("name", ["translate", "review", "theme"])
def test_a_content_file_may_not_take_a_name_every_language_has(project: SiteCopy, name: str) -> None:
    (project.root / "content" / f"{name}.md").write_text("Title: x\n\nText.\n", encoding="utf-8")
    with pytest.raises(ContentError, match="may not be named") as raised:
        load_documents(project.project, new_markdown())
    assert raised.value.path == Path("content") / f"{name}.md"


def test_check_reuses_reports_until_a_catalog_changes(project: SiteCopy, tmp_path: Path) -> None:
    project.add_pseudo_language("eo")
    cache = Cache(tmp_path / "cache")
    first = load(project, cache)
    assert (cache.hits, cache.misses) == (0, 3) and first.problems() == []
    load(project, cache)
    assert cache.hits == 3
    path = project.po("eo")
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "‹', 'msgstr "<b>‹', 1), encoding="utf-8")
    third = load(project, cache)
    assert cache.hits == 5  # the about and theme catalogs only
    assert [p.code for p in third.problems()] == ["html"]


def test_a_cached_report_brings_its_compiled_catalog_plural_rule_included(project: SiteCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project.add_pseudo_language("pl")
    cache = Cache(tmp_path / "cache")
    first = load(project, cache)
    pl = Language.parse("pl")
    compiled = {domain: report.compiled for domain, report in first.reports[pl].items()}
    assert all(value is not None for value in compiled.values())

    def compiled_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(CompiledCatalog, "compile", compiled_again)
    second = load(project, cache)
    for domain, report in second.reports[pl].items():
        assert report.compiled is not None and report.compiled.messages == compiled[domain].messages
    theme = second.reports[pl]["theme"].compiled
    assert theme is not None and [theme.plural_forms.index(n) for n in (1, 2, 5, 22)] == [0, 1, 2, 1]  # Polish, from the pickle


def test_a_broken_language_stops_everything_or_is_left_out(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.add_pseudo_language("de")
    path = project.po("de", "about")
    path.write_text(path.read_text(encoding="utf-8").replace('"Language: de\\n"', '"Language: fr\\n"'), encoding="utf-8")
    loaded = load(project, Cache(None))
    with pytest.raises(OpenletterError, match="Language is 'fr' but the folder is 'de'"):
        loaded.refuse_broken(skip_broken=False)
    skipped = loaded.refuse_broken(skip_broken=True)
    assert [(language.code, [p.code for p in problems]) for language, problems in skipped.items()] == [("de", ["language-header"])]
    assert [language.code for language in loaded.usable()] == ["eo"]


def test_a_missing_catalog_and_a_bad_folder_are_errors_together(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.po("eo", "about").unlink()
    (project.root / "locale" / "FR").mkdir()
    with pytest.raises(ErrorList) as raised:
        load(project, Cache(None)).refuse_broken(skip_broken=False)
    assert sorted(str(error) for error in raised.value.errors) == [
        "locale/FR: language code 'FR' is not in canonical form; use 'fr'",
        "locale/eo/LC_MESSAGES/about.po: catalog missing; run 'invoke update'",
    ]


def test_stats_count_every_readable_catalog(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    rows = load(project, Cache(None)).stats()
    assert sorted((row.domain, row.translated == row.total) for row in rows) == [("about", True), ("letter", True), ("theme", True)]

