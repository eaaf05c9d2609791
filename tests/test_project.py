"""Settings to folders, and language folders checked once."""

from __future__ import annotations

import pytest
from conftest import SiteCopy

from openletter.errors import ErrorList, LanguageError


def test_languages_are_the_locale_folders(project: SiteCopy) -> None:
    for name in ("pt_BR", "de", ".git-keep"):
        (project.root / "locale" / name).mkdir()
    assert [language.code for language in project.project.languages()] == ["de", "pt_BR"]


def test_a_source_language_folder_is_refused(project: SiteCopy) -> None:
    (project.root / "locale" / "en").mkdir()
    with pytest.raises(LanguageError, match="source language"):
        project.project.languages()


def test_several_bad_folders_are_reported_together(project: SiteCopy) -> None:
    for name in ("EN_us", "../", "zz"):
        (project.root / "locale" / name).mkdir(exist_ok=True)
    with pytest.raises(ErrorList) as raised:
        project.project.languages()
    assert len(raised.value.errors) == 2


def test_folder_problems_name_both_folders_of_one_locale(project: SiteCopy) -> None:
    for name in ("fr", "FR", "xx", "en"):
        (project.root / "locale" / name).mkdir()
    languages, problems = project.project.discover_languages()
    assert [language.code for language in languages] == ["fr"]
    assert [str(p) for p in problems] == [
        "locale/fr: error: same-locale: locale/FR, locale/fr name the same locale (fr)",
        "locale/FR: error: locale-folder: language code 'FR' is not in canonical form; use 'fr'",
        "locale/en: error: locale-folder: folder for the source language; its text is content/ itself",
        "locale/xx: error: locale-folder: unknown language code 'xx' (not in CLDR)",
    ]


def test_documents_are_the_home_document_first_then_the_others_by_name(project: SiteCopy) -> None:
    for name in ("about", "zebra", "0-first"):
        (project.root / "content" / f"{name}.md").write_text(f"Title: {name}\n\nText.\n", encoding="utf-8")
    assert project.project.content_domains() == ["letter", "0-first", "about", "zebra"]
    assert project.project.domains()[-1] == "theme"
