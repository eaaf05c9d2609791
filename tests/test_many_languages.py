"""The shipped theme at 150 real languages in every script a webfont covers (built once per session).

What a browser shows of it is in browser/test_many_languages.py.
"""

from __future__ import annotations

import re
from collections import Counter

from conftest import MANY, ManyLanguages

from openletter.fonts.families import FAMILIES

#: The most bytes of HTML around a page's ``<main>`` (head, language menu, footer) at 150
#: languages: about 150 bytes per language in the menu, nothing per language in the head.
CHROME_BUDGET = 32_000
#: The most bytes of the chooser and of the source language's dashboard (a row per language).
LIST_PAGE_BUDGET = {"index.html": 64_000, "translate/index.html": 160_000}


def chrome_bytes(html: str) -> int:
    return len(re.sub(r"<main.*</main>", "", html, flags=re.DOTALL).encode("utf-8"))


def test_every_language_of_every_script_is_published_without_a_warning(many_languages: ManyLanguages) -> None:
    assert many_languages.warnings == []  # no font-coverage or font-budget warning, nor any other
    languages = many_languages.languages
    assert len(languages) == MANY
    covered = {script for family in FAMILIES for script in family.scripts}
    scripts = Counter(language.script for language in languages)
    assert len(scripts) >= 40 and set(scripts) <= covered
    for language in languages:
        html = (many_languages.output / language.slug / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language.tag}" dir="{language.direction}">' in html


def test_every_page_is_within_its_html_budget(many_languages: ManyLanguages) -> None:
    output = many_languages.output
    for page in output.rglob("*.html"):
        relative = page.relative_to(output).as_posix()
        html = page.read_text(encoding="utf-8")
        if relative in LIST_PAGE_BUDGET:
            assert len(html.encode("utf-8")) <= LIST_PAGE_BUDGET[relative], relative
        else:
            assert chrome_bytes(html) <= CHROME_BUDGET, relative


def test_the_hreflang_cluster_is_in_the_sitemap_not_in_every_head(many_languages: ManyLanguages) -> None:
    output = many_languages.output
    thai = (output / "th" / "index.html").read_text(encoding="utf-8")
    head = thai.split("</head>")[0]
    assert '<link rel="alternate" hreflang' not in head and "og:locale:alternate" not in head
    assert '<meta property="og:locale" content="th_TH">' in head
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    entries = sitemap.split("<url>")[1:]
    assert len(entries) == MANY + 1
    thai_entry = next(entry for entry in entries if re.search(r"<loc>[^<]*/th/</loc>", entry))
    assert thai_entry.count('<xhtml:link rel="alternate" hreflang=') == MANY + 2  # every language, and x-default
    assert 'hreflang="bo"' in thai_entry and 'hreflang="x-default"' in thai_entry


def test_the_menu_groups_languages_under_their_scripts_names_in_the_pages_language(many_languages: ManyLanguages) -> None:
    output = many_languages.output
    german = (output / "de" / "index.html").read_text(encoding="utf-8")
    menu = re.search(r'<nav class="languages".*?</nav>', german, flags=re.DOTALL)
    assert menu is not None
    headings = re.findall(r'<h2 id="menu-(\w+)">([^<]+)</h2>', menu.group(0))
    names = dict(headings)
    assert names["Latn"] == "Lateinisch" and names["Ethi"] == "Äthiopisch" and names["Tibt"] == "Tibetisch"
    assert headings[0][0] == "Latn"  # the biggest group first
    items = re.findall(r'<li><a href="[^"]*" hreflang="([^"]+)"', menu.group(0))
    assert sorted(items) == sorted(language.tag for language in [*many_languages.languages, many_languages.project.options.source_language])
    assert 'class="language-filter" hidden' in menu.group(0)  # shown by languages.js only
    # Each language is once in its own script's group.
    amharic = re.search(r'<section class="language-group" aria-labelledby="menu-Ethi">.*?</section>', menu.group(0), flags=re.DOTALL)
    assert amharic is not None and 'hreflang="am"' in amharic.group(0)


def test_each_dashboard_shows_its_language_and_the_source_dashboard_every_language(many_languages: ManyLanguages) -> None:
    output = many_languages.output
    source = (output / "translate" / "index.html").read_text(encoding="utf-8")
    assert source.count("<progress ") == MANY
    thai = (output / "th" / "translate" / "index.html").read_text(encoding="utf-8")
    assert thai.count("<progress ") == 1 and 'href="../../translate/"' in thai


def test_the_pages_of_a_group_share_one_font_stylesheet(many_languages: ManyLanguages) -> None:
    fonts = many_languages.output / "theme" / "fonts"
    shared = sorted(path.name for path in fonts.glob("_shared-*.css"))
    assert shared == ["_shared-chooser.css", "_shared-pages.css", "_shared-translators.css"]
    # Each language's notice has faces of its own, linked by notice.js when it shows the notice.
    assert len(list(fonts.glob("_notice-*.css"))) == MANY + 1
    # A page's own stylesheet holds its own faces (a translators' page: its letter's too) and its
    # language's list: nothing per other language, so it does not grow with the number of languages.
    own = [path for path in fonts.glob("*.css") if not path.name.startswith("_")]
    assert len(own) == 3 * MANY + 3 and max(path.stat().st_size for path in own) < 12_000
    assert max((fonts / name).stat().st_size for name in shared) < 60_000


def test_every_script_has_its_shared_face(many_languages: ManyLanguages) -> None:
    css = (many_languages.output / "theme" / "fonts" / "_shared-chooser.css").read_text(encoding="utf-8")
    families = set(re.findall(r'font-family: "([^"]+) OL site";', css))
    wanted = {family.design for family in FAMILIES if any(language.script in family.scripts for language in many_languages.languages)}
    assert wanted <= families
