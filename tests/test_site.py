"""The build model: each language rendered once, unusable translations reported, not used."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import SiteCopy

from openletter.content.render import Renderer
from openletter.content.segments import Assembler
from openletter.languages import Language
from openletter.pelican_plugin.run import Run
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter
from openletter.site.model import Site


def load(project: SiteCopy) -> Site:
    return Site.load(project.options)


def test_languages_source_first_then_by_tag(project: SiteCopy) -> None:
    for code in ("ar", "eo", "de"):
        project.add_pseudo_language(code)
    assert [language.code for language in load(project).languages] == ["en", "ar", "de", "eo"]


def test_each_edition_is_rendered_once_per_build(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    site = load(project)
    letter, about = site.documents
    eo = Language.parse("eo")
    assert site.edition(letter, eo) is site.edition(letter, eo)
    assert (site.url(letter, eo), site.url(about, eo)) == ("eo/", "eo/about/")
    assert site.edition(about, eo).save_as == "eo/about/index.html" and site.home is letter


def test_a_translation_that_cannot_stay_one_block_is_reported_and_not_used(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    catalog = read_po(project.po("eo"))
    catalog.entries[2].msgstr = "   "  # non-empty, but no paragraph at all
    project.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    site = load(project)
    edition = site.edition(site.home, Language.parse("eo"))
    assert edition.untranslated == 1
    line = catalog.entries[2].line
    assert [str(w) for w in site.warnings if w.code == "structure"] == [
        f"locale/eo/LC_MESSAGES/letter.po:{line}: error: structure: translation of the paragraph at content/letter.md:7 "
        "would change the document structure; not used"
    ]


def test_links_carry_titles_and_mark_untranslated_ones(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.catalogs().add_language("de")
    project.list_every_language()  # de, untranslated, is in the menus only so
    run = Run(load(project), project.options)
    links = {link.language.code: link for link in run.links(run.site.home, Language.parse("de"))}
    assert links["de"].current and links["de"].title_fallback
    assert links["eo"].title.startswith("‹") and not links["eo"].title_fallback
    assert not links["en"].title_fallback


def test_publish_threshold_edges_make_drafts(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.catalogs().add_language("de")
    catalog = read_po(project.po("de"))
    total = len(catalog.entries)
    for entry in catalog.entries[: total // 2]:
        entry.msgstr = "DE " + entry.msgid
    project.po("de").write_bytes(PoWriter().dump_bytes(catalog))
    translated = total // 2
    total += len(read_po(project.po("de", "about")).entries)  # every document counts (the about page: untranslated)
    exact = 100 * translated / total
    with project.config.open("a", encoding="utf-8") as handle:
        handle.write(f"OPENLETTER_PUBLISH_THRESHOLD = {exact!r}\n")
    site = load(project)
    assert site.is_published(Language.parse("de"))  # exactly at the threshold: published
    with project.config.open("a", encoding="utf-8") as handle:
        handle.write(f"OPENLETTER_PUBLISH_THRESHOLD = {exact + 0.01!r}\n")
    site = load(project)
    de = Language.parse("de")
    assert not site.is_published(de) and site.is_published(Language.parse("eo"))
    assert [link.language.code for link in Run(site, project.options).links(site.home, de)] == ["en", "eo"]


def test_a_second_load_takes_dates_cldr_facts_escaped_texts_and_bodies_from_its_memos(project: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    project.config.write_text(project.config.read_text(encoding="utf-8") + 'OPENLETTER_CACHE_PATH = ".cache-own"\n', encoding="utf-8")
    for code in ("fa", "de"):
        project.add_pseudo_language(code)
    day = date(2026, 11, 26)

    def seen(site: Site) -> list[object]:
        return [
            (language.code, site.edition(site.home, language).html, site.date_html(day, language), language.cldr_facts())
            for language in site.languages
        ]

    first = load(project)
    expected = seen(first)
    assert "۲۰۲۶" in str(expected[2][2]) and expected[2][3]["direction"] == "rtl"  # fa: Persian digits, RTL
    first.cache.save_memos()

    def recomputed(*args: object, **kwargs: object) -> None:
        raise AssertionError("recomputed instead of taken from the memo")

    monkeypatch.setattr("openletter.languages.format_date", recomputed)
    monkeypatch.setattr(Assembler, "escape", recomputed)
    monkeypatch.setattr(Renderer, "render", recomputed)
    monkeypatch.setattr(Language, "cldr_facts", lambda self: recomputed())
    second = load(project)
    assert all(set(Language.CLDR_FACTS) <= set(language.__dict__) for language in second.languages)
    monkeypatch.setattr(Language, "cldr_facts", lambda self: {name: getattr(self, name) for name in self.CLDR_FACTS})
    assert seen(second) == expected


def test_an_edited_translation_is_rendered_anew_not_served_from_the_memo(project: SiteCopy) -> None:
    project.config.write_text(project.config.read_text(encoding="utf-8") + 'OPENLETTER_CACHE_PATH = ".cache-own"\n', encoding="utf-8")
    project.add_pseudo_language("de")
    site = load(project)
    document = site.home
    before = site.edition(document, Language("de")).html
    site.cache.save_memos()
    catalog = read_po(project.po("de"))
    paragraph = next(entry for entry in catalog.entries if entry.msgid == document.body.units[-1].text)
    paragraph.msgstr = "Ein ganz neuer Absatz."
    project.po("de").write_bytes(PoWriter().dump_bytes(catalog))
    after = load(project).edition(document, Language("de")).html
    assert "Ein ganz neuer Absatz." in after and "Ein ganz neuer Absatz." not in before
