"""The translators' pages of a real build: dashboards, a review page, badges, downloads, credits,
and the pseudo-locale (built on request, never listed)."""

from __future__ import annotations

import re
from html import escape as html_escape
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import SiteCopy

from openletter.checks.credits import CREDITS_HEADER
from openletter.commands.build import build
from openletter.errors import ContentError
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter
from openletter.po.stats import catalog_stats
from openletter.pseudo import pseudo_translate

BODY = (
    "First paragraph about our goals.\n\n"
    "Second paragraph about [the means](https://example.org/means).\n\n"
    "Third paragraph stays as it is.\n"
)
EDITED = (
    "First paragraph about our goals.\n\n"
    "Second paragraph about [the methods](https://example.org/means).\n\n"
    "Third paragraph stays as it is.\n\n"
    "Fourth paragraph is new.\n"
)


def write_po(path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    path.write_bytes(PoWriter().dump_bytes(catalog))


@pytest.fixture
def translated(project: SiteCopy) -> SiteCopy:
    """German: translated, then the source edited (one fuzzy, one new), one hostile entry, credits."""
    project.write_content(BODY)
    catalogs = project.catalogs()
    catalogs.extract()
    catalogs.add_language("de")
    for domain in ("letter", "theme"):
        write_po(project.po("de", domain), pseudo_translate(read_po(project.po("de", domain))))
    project.write_content(EDITED)
    catalogs.extract()
    catalogs.update()
    catalog = read_po(project.po("de"))
    third = next(entry for entry in catalog.entries if entry.msgid.startswith("Third"))
    third.msgstr = "Dritter [Absatz](https://tracker.example/)."  # a link the source does not have: an error
    catalog.set_header_field(CREDITS_HEADER, "Ana Souza; ana@example.org; João Lima")
    write_po(project.po("de"), catalog)
    project.list_every_language()  # de is partly translated: listed only so (a test below makes it a draft)
    return project


@pytest.fixture
def site(translated: SiteCopy) -> tuple[SiteCopy, Path, list[str]]:
    output = translated.root / "output"
    result = build(translated.config, output)
    return translated, output, [str(warning) for warning in result.warnings]


def units_of(html: str) -> dict[str, dict[str, str]]:
    """Each unit of a review page by id: its state (class), line text and the two columns."""
    units = {}
    for chunk in html.split('<li class="unit ')[1:]:
        match = re.match(r'(\w+)" id="([\w-]+)"[^>]*>', chunk)
        assert match, chunk[:80]
        body = chunk[match.end() :].split("</ol>")[0]  # after the tag (its data-unit repeats the texts)
        units[match.group(2)] = {"state": match.group(1), "body": body}
    return units


def test_review_page_lists_every_unit_with_state_line_and_findings(site: tuple[SiteCopy, Path, list[str]]) -> None:
    project, output, _ = site
    html = (output / "de" / "review" / "index.html").read_text(encoding="utf-8")
    catalog = read_po(project.po("de"))
    lines = {entry.msgid: entry.line for entry in catalog.entries}
    units = units_of(html)
    letter = [units[f"letter-{number}"] for number in range(1, 7)]  # title, summary, four paragraphs
    assert [unit["state"] for unit in letter] == ["translated", "translated", "translated", "fuzzy", "rejected", "untranslated"]
    for unit, msgid in zip(letter[2:], EDITED.strip().split("\n\n")):
        assert unescape(msgid) in unescape(unit["body"])  # the source, as the translator sees it
        assert re.search(rf"\b{lines[msgid]}\b", unit["body"])  # its line in letter.po
    assert "<del>means</del><ins>methods</ins>" in letter[3]["body"]  # what changed in the source
    assert "https://tracker.example/" in letter[4]["body"] and 'class="error"' in letter[4]["body"]  # shown as text, with the error
    assert "<a" not in letter[4]["body"].split('class="translation"')[1]  # never as a link
    theme_units = [unit for key, unit in units.items() if key.startswith("theme-")]
    assert theme_units and all(unit["state"] == "translated" for unit in theme_units)


def test_review_page_says_which_units_a_reviewer_marked(translated: SiteCopy) -> None:
    from openletter.po.reviewmarks import mark_reviewed

    catalog = read_po(translated.po("de"))
    mark_reviewed(catalog.entries[0], "Ana")  # the title
    write_po(translated.po("de"), catalog)
    output = translated.root / "output"
    build(translated.config, output)
    units = units_of((output / "de" / "review" / "index.html").read_text(encoding="utf-8"))
    label = html_escape(read_po(translated.po("de", "theme")).by_key()[(None, "reviewed by a native speaker")].msgstr)  # in the page's language
    marked = [name for name, unit in units.items() if label in unit["body"].split("</p>")[0]]
    assert marked == ["letter-1"]
    # The dashboard and the badge count it too, over the documents' catalogs (the theme is not the translation's text).
    total = len(catalog.entries) + len(read_po(translated.po("de", "about")).entries)
    dashboard = (output / "de" / "translate" / "index.html").read_text(encoding="utf-8")
    progress = dashboard.split('class="review-progress">', 1)[1].split("</small>", 1)[0]
    assert re.search(rf"\b1\b.*\b{total}\b", progress), progress
    badge = ElementTree.parse(output / "translate" / "badges" / "de.svg").getroot()
    assert badge.get("aria-label").endswith(f", 1 of {total} units reviewed")


def test_review_page_is_noindex_and_never_listed(site: tuple[SiteCopy, Path, list[str]]) -> None:
    _, output, _ = site
    html = (output / "de" / "review" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html and 'rel="alternate"' not in html
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "review" not in sitemap and "translate" not in sitemap
    assert "review/" not in (output / "de" / "index.html").read_text(encoding="utf-8")


def test_dashboard_in_every_language_with_progress_review_and_downloads(site: tuple[SiteCopy, Path, list[str]]) -> None:
    project, output, _ = site
    english = (output / "translate" / "index.html").read_text(encoding="utf-8")
    german = (output / "de" / "translate" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de" dir="ltr">' in german and "‹" in german.split("<main")[1]  # in the page's language
    assert 'hreflang="de" href="../de/translate/"' in english and 'hreflang="en" href="../../translate/"' in german
    stats = [catalog_stats(read_po(project.po("de", domain)), "de", domain) for domain in ("letter", "about", "theme")]
    translated, total = sum(s.translated for s in stats), sum(s.total for s in stats)
    assert f'<progress max="{total}" value="{translated}" aria-labelledby="language-de">' in english
    fuzzy = sum(s.fuzzy for s in stats)
    # The review page's three counts, in its words: translated · needs review · missing.
    assert f"{translated} translated ·\n{fuzzy} needs review ·\n{total - translated - fuzzy} missing" in english and fuzzy == 1
    assert "not yet reviewed" in english and 'href="../de/review/"' in english
    for domain in ("letter", "about", "theme"):
        assert f'href="../locale/de/LC_MESSAGES/{domain}.po" download' in english
        assert (output / "locale" / "de" / "LC_MESSAGES" / f"{domain}.po").read_bytes() == project.po("de", domain).read_bytes()
        assert (output / "locale" / f"{domain}.pot").read_bytes() == (project.root / "locale" / f"{domain}.pot").read_bytes()
        assert f'href="../locale/{domain}.pot" download' in english


def test_badges_match_the_dashboard(site: tuple[SiteCopy, Path, list[str]]) -> None:
    project, output, _ = site
    stats = [catalog_stats(read_po(project.po("de", domain)), "de", domain) for domain in ("letter", "about", "theme")]
    translated, total = sum(s.translated for s in stats), sum(s.total for s in stats)
    badge = ElementTree.parse(output / "translate" / "badges" / "de.svg").getroot()
    assert badge.get("aria-label") == f"de: {100 * translated // total}% translated ({translated} of {total}), not reviewed"
    summary = ElementTree.parse(output / "translate" / "badges" / "languages.svg").getroot()
    assert summary.get("aria-label") == "translations: 1 language"


def test_credits_show_opted_in_names_only(site: tuple[SiteCopy, Path, list[str]]) -> None:
    _, output, warnings = site
    page = (output / "de" / "index.html").read_text(encoding="utf-8")
    credit = re.search(r'<p class="credits">(.*?)</p>', page)
    assert credit and "Ana Souza" in credit.group(1) and "João Lima" in credit.group(1) and credit.group(1).startswith("‹")
    assert "ana@example.org" not in page and "ana@example.org" not in (output / "translate" / "index.html").read_text(encoding="utf-8")
    assert any("credits" in warning and "ana@example.org" in warning for warning in warnings)
    assert '<p class="credits">' not in (output / "en" / "index.html").read_text(encoding="utf-8")


def test_pseudo_locale_only_on_request_and_never_listed(translated: SiteCopy) -> None:
    output = translated.root / "output"
    build(translated.config, output)
    assert not (output / "en-xa").exists()
    result = build(translated.config, output, pseudo=True)
    page = (output / "en-xa" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-XA" dir="ltr">' in page and '<meta name="robots" content="noindex">' in page
    assert (output / "en-xa" / "translate" / "index.html").exists() and (output / "en-xa" / "review" / "index.html").exists()
    for listing in ("index.html", "sitemap.xml", "de/index.html", "translate/index.html"):
        assert "en-xa" not in (output / listing).read_text(encoding="utf-8"), listing
    assert not (output / "translate" / "badges" / "en-xa.svg").exists() and not (output / "locale" / "en_XA").exists()
    assert [w for w in result.warnings if w.code == "unmarked"] == []  # the shipped theme marks every string
    review = (output / "en-xa" / "review" / "index.html").read_text(encoding="utf-8")
    assert 'class="unit translated"' in review and 'class="unit untranslated"' not in review  # its in-memory catalogs


def test_pseudo_locale_reveals_a_theme_string_nobody_marked(translated: SiteCopy) -> None:
    template = translated.root / "theme" / "templates" / "page.html"
    html = template.read_text(encoding="utf-8")
    template.write_text(html.replace('<article class="letter">', '<article class="letter">\n<p>Share this letter</p>'), encoding="utf-8")
    result = build(translated.config, translated.root / "output", pseudo=True)
    unmarked = [w for w in result.warnings if w.code == "unmarked"]
    assert [(str(w.path), w.message) for w in unmarked] == [
        ("en-xa/about/index.html", "'Share this letter' is not marked for translation"),  # page.html: both documents
        ("en-xa/index.html", "'Share this letter' is not marked for translation"),
    ]
    built = (translated.root / "output" / "en-xa" / "index.html").read_text(encoding="utf-8").splitlines()
    assert "Share this letter" in built[unmarked[0].line - 1]


def test_translator_pages_can_be_turned_off(translated: SiteCopy) -> None:
    with translated.config.open("a", encoding="utf-8") as handle:
        handle.write("OPENLETTER_TRANSLATOR_PAGES = False\n")
    output = translated.root / "output"
    build(translated.config, output)
    assert (output / "de" / "index.html").exists()
    assert not (output / "translate").exists() and not (output / "de" / "review").exists() and not (output / "locale").exists()


@pytest.mark.parametrize("name", ["review", "translate"])
def test_a_content_file_may_not_take_a_translator_page_name(project: SiteCopy, name: str) -> None:
    (project.root / "content" / f"{name}.md").write_text("Title: T\n\nText.\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        build(project.config, project.root / "output")
    assert raised.value.path == Path("content") / f"{name}.md" and name in raised.value.message


def test_a_draft_language_is_on_the_dashboard_but_its_dashboard_is_not_listed(translated: SiteCopy) -> None:
    with translated.config.open("a", encoding="utf-8") as handle:
        handle.write("OPENLETTER_PUBLISH_THRESHOLD = 100\n")  # de has a fuzzy and a missing paragraph: a draft
    output = translated.root / "output"
    build(translated.config, output)
    english = (output / "translate" / "index.html").read_text(encoding="utf-8")
    row = english.split('id="language-de"')[1].split("</tr>")[0]
    assert "draft: not yet listed" in row  # still on the dashboard, so translators find it
    assert 'hreflang="de"' not in english.split("<main")[0]  # but not in the dashboards' hreflang cluster
    german = (output / "de" / "translate" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in german
    summary = ElementTree.parse(output / "translate" / "badges" / "languages.svg").getroot()
    assert summary.get("aria-label") == "translations: 0 languages"


def test_review_page_links_the_forge_and_carries_the_suggestion_data(translated: SiteCopy) -> None:
    """With a forge and an address set: "Edit on GitHub" per unit (at its line), how to suggest
    without JavaScript, and the templates and words the page's script fills, escaped."""
    with translated.config.open("a", encoding="utf-8") as handle:
        handle.write('OPENLETTER_REPOSITORY_URL = "https://github.com/o/letter/tree/dev"\nOPENLETTER_SUGGESTIONS_EMAIL = "r@example.org"\n')
    output = translated.root / "output"
    build(translated.config, output)
    page = (output / "de" / "review" / "index.html").read_text(encoding="utf-8")
    line = read_po(translated.po("de")).entries[0].line
    assert f'<a class="edit" href="https://github.com/o/letter/edit/dev/locale/de/LC_MESSAGES/letter.po#L{line}">' in page
    assert page.count('class="how-to-suggest"') == 2 and 'href="mailto:r@example.org"' in page
    assert 'data-issue="https://github.com/o/letter/issues/new?title={title}&amp;body={body}"' in page
    assert 'data-mail="mailto:r@example.org?subject={title}&amp;body={body}"' in page
    assert 'data-new-file="https://github.com/o/letter/new/dev?filename=suggestions%2Fde-letter-suggestion.po&amp;value={value}"' in page
    # The hostile translation's link is inert text inside an attribute the script reads with JSON.parse.
    assert "https://tracker.example/" in page and 'href="https://tracker.example/' not in page
    version = re.search(r'data-version="(\w+)"', page)
    assert version
    catalog = read_po(translated.po("de"))
    catalog.entries[0].msgstr += " (neu)"
    write_po(translated.po("de"), catalog)
    build(translated.config, output)
    changed = (output / "de" / "review" / "index.html").read_text(encoding="utf-8")
    assert f'data-version="{version.group(1)}"' not in changed  # work kept for the old catalog is not offered on the new


def test_review_page_without_a_forge_has_no_edit_links(site: tuple[SiteCopy, Path, list[str]]) -> None:
    _, output, _ = site
    page = (output / "de" / "review" / "index.html").read_text(encoding="utf-8")
    assert 'class="edit"' not in page and "how-to-suggest" not in page and 'data-issue=""' in page
