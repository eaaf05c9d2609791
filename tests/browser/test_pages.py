"""Every language page of the shipped site in Chromium: language, direction, switcher, notice,
its script's webfont, no errors, nothing leaving the site, accessibility (axe-core), print, and valid HTML (Nu checker)."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO
from playwright.sync_api import Page

from browser.conftest import ARTIFACTS, Served, axe_violations, new_context, screenshot_on_failure, watch
from openletter.fonts import family_for
from openletter.fonts.constants import SYSTEM_FALLBACK
from openletter.languages import Language
from openletter.po.pofile import read_po

LANGUAGES = ["en", *sorted(p.name for p in (REPO / "locale").iterdir() if p.is_dir())]
#: Where the reader's own language offers no notice, axe runs every rule, the page prints to PDF
#: and is left from the keyboard: the templates are the same, the direction and kind of script differ.
ONE_PER_KIND = {"en", "ar", "ja", "hi"}
#: One language of each script (and direction) the site is written in (those above among them):
#: axe's language rules and the print layout run on these.
ONE_PER_SCRIPT = set({(Language.parse(code).script, Language.parse(code).direction): code for code in sorted(LANGUAGES, key=lambda code: code in ONE_PER_KIND)}.values())
#: axe's rules about languages and text, run on every script's page.
LANGUAGE_RULES = ("html-has-lang", "html-lang-valid", "html-xml-lang-mismatch", "valid-lang", "document-title")
#: Letters whose screenshot at a phone's width goes to test-artifacts/scripts/ on every run, to be
#: looked at: Nastaliq, Thai, Burmese, Ethiopic, Sinhala and Georgian.
LOOKED_AT = {"ur", "th", "my", "am", "si", "ka"}
SHOTS = ARTIFACTS / "scripts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 720}
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: The JVM's quick compiler alone: a run of a few seconds is over before the optimizing one pays
#: for itself (half the CPU), with the bigger stack its frames need for the HTML schema.
JAVA = ["java", "-XX:TieredStopAtLevel=1", "-Xss4m"]


#: The reader's preferred languages, as each test sets them for the next page loads (the shared
#: tab below cannot change its context's locale; the tests with real locales are further down).
PREFERRED = """
const preferred = sessionStorage.getItem("test:languages");
if (preferred) Object.defineProperty(Navigator.prototype, "languages", {get: () => JSON.parse(preferred)});
"""


@pytest.fixture(scope="module")
def tab(browser, served: Served) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    """One tab for every language's page: a new context per language costs a renderer process."""
    context = new_context(browser, served, bypass_csp=True, viewport=DESKTOP)  # bypass: to inject axe
    context.add_init_script(PREFERRED)
    page = context.new_page()
    page.goto(served.base, wait_until="load")
    yield page
    context.close()


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_page_in_chromium(tab: Page, served: Served, code: str) -> None:
    """Every language's page declares its language and direction, marks itself in the menu and
    offers the *next* language of the list to a reader whose browser prefers that one (so every
    language's notice is seen once, in its own words and direction, with one page load each), its
    letter set in its own webfont; one page per script also runs axe's language rules and prints;
    one per kind of script more (above)."""
    language = Language.parse(code)
    offered = Language.parse(LANGUAGES[(LANGUAGES.index(code) + 1) % len(LANGUAGES)])
    page = tab
    page.evaluate("tag => { localStorage.clear(); sessionStorage.setItem('test:languages', JSON.stringify([tag])); }", offered.tag)
    watched = watch(page)
    try:
        page.goto(served.base + language.slug + "/", wait_until="load")
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [language.tag, language.direction]
        assert page.evaluate("getComputedStyle(document.querySelector('article.letter')).direction") == language.direction
        assert page.locator("nav.languages a[aria-current=page]").get_attribute("hreflang") == language.tag
        # A reader whose browser prefers another language (and who has not chosen in the menu) is
        # offered it, in its own words and direction.
        notice = page.locator(".language-notice")
        notice.wait_for()
        assert (notice.get_attribute("lang"), notice.get_attribute("dir")) == (offered.tag, offered.direction)
        assert notice.locator("a").get_attribute("hreflang") == offered.tag
        # Every character of it and of the letter drawn by a webfont (the notice's own faces are in
        # theme/fonts/_notice-<tag>.css): no glyph, or no cluster of a letter and its marks, left
        # to a system font.
        page.wait_for_function("[...document.fonts].some(f => f.family.endsWith('OL notice') && f.status === 'loaded')")
        page.evaluate("document.fonts.ready")
        letter, headings, paragraphs = fonts_of(page, [".language-notice, article.letter", "article.letter h1", "article.letter p"])
        assert system_fonts(letter) == []
        # The heading and the paragraphs drawn mostly by the language's own design (Noto Naskh
        # Arabic for Arabic, Noto Serif JP for Japanese…), not by another family of the stack.
        design = family_for(language.tag).design
        assert all(family.startswith(design) for family in drawn_mostly_in(headings + paragraphs)), (design, drawn_mostly_in(headings + paragraphs))
        if code in LOOKED_AT:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.set_viewport_size(PHONE)
            top = page.evaluate("document.querySelector('article.letter').getBoundingClientRect().top + scrollY")
            page.screenshot(path=str(SHOTS / f"letter-{code}.png"), full_page=True, clip={"x": 0, "y": top, **PHONE})  # the letter, not the notice
            page.set_viewport_size(DESKTOP)
        if code in ONE_PER_SCRIPT:  # the same templates: what differs between languages is the script
            # Accessible (axe-core's rules about languages) and printable: no menu, nothing wider than the paper.
            assert axe_violations(page, LANGUAGE_RULES) == []
            page.emulate_media(media="print")
            assert page.evaluate("getComputedStyle(document.querySelector('nav.languages')).display") == "none"
            assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
            page.emulate_media(media="screen")
        if code in ONE_PER_KIND:
            page.evaluate("tag => sessionStorage.setItem('test:languages', JSON.stringify([tag]))", language.tag)
            page.reload(wait_until="load")
            assert page.locator(".language-notice").count() == 0  # the browser prefers this very language
            # No serious or critical violation of any axe-core rule; a PDF on A4 and on Letter.
            assert axe_violations(page) == []
            for paper in ("A4", "Letter"):
                pdf = page.pdf(format=paper)
                assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1
            # The switcher: a keyboard can open it and move to another language.
            page.keyboard.press("Tab")  # skip link
            page.keyboard.press("Tab")  # the menu's summary
            page.keyboard.press("Enter")
            target = Language.parse("de" if code != "de" else "ja")
            page.locator(f"nav.languages a[hreflang='{target.tag}']").click()
            page.wait_for_url(served.base + target.slug + "/")
            assert page.evaluate("document.documentElement.lang") == target.tag
        assert watched.console_errors == [] and watched.page_errors == [], (watched.console_errors, watched.page_errors)
    except BaseException:
        screenshot_on_failure(page, f"page-{code}")
        raise
    finally:
        watched.stop()
    assert served.foreign_requests == []


def fonts_of(page: Page, selectors: list[str]) -> list[list[tuple[str, list[dict]]]]:
    """For each selector, (text, fonts) of every element it matches: the fonts Chromium drew the
    element's text with (CDP ``CSS.getPlatformFontsForNode``), through one CDP session."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        found = []
        for selector in selectors:
            texts = page.evaluate("selector => [...document.querySelectorAll(selector)].map(e => e.textContent)", selector)
            nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
            assert len(nodes) == len(texts)
            found.append([(text, cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]) for node, text in zip(nodes, texts)])
        return found
    finally:
        cdp.detach()


def system_fonts(drawn: list[tuple[str, list[dict]]]) -> list[tuple[str, str]]:
    """(text, font) of what Chromium drew in a font the page did not serve (a system font: what a
    missing glyph in the webfonts falls back to).  Blank and format characters no Noto face maps
    (:data:`SYSTEM_FALLBACK`, e.g. the narrow no-break space) may be."""
    found = []
    for text, fonts in drawn:
        blank = sum(char in SYSTEM_FALLBACK for char in text)
        found += [(text[:80], font["familyName"]) for font in fonts if not font["isCustomFont"] and font["glyphCount"] > blank]
    return found


def drawn_mostly_in(drawn: list[tuple[str, list[dict]]]) -> list[str]:
    """The family that drew the most glyphs of each element."""
    return [max(fonts, key=lambda font: font["glyphCount"])["familyName"] for _, fonts in drawn]


@pytest.mark.parametrize(("browser_locale", "page_code", "expected"), [("de-DE", "fr", "de"), ("zh-TW", "en", "zh-Hant"), ("pt-PT", "es", "pt-PT"), ("pt-BR", "es", "pt-BR"), ("fa-IR", "ar", "fa")])
def test_notice_offers_the_readers_language_until_they_choose(browser, served: Served, browser_locale: str, page_code: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, served, locale=browser_locale)
    page = context.new_page()
    try:
        page.goto(served.base + Language.parse(page_code).slug + "/")
        notice = page.locator(".language-notice")
        notice.wait_for()
        assert notice.get_attribute("lang") == expected
        link = notice.locator("a")
        assert link.get_attribute("hreflang") == expected
        # In the offered language's own words, from its catalog.
        catalog = read_po(REPO / "locale" / expected.replace("-", "_") / "LC_MESSAGES" / "theme.po")
        words = catalog.by_key()[(None, "This letter is also available in English.")].msgstr
        assert words and words in notice.inner_text()
        # Drawn by the webfont cut for the notice's words (theme/fonts/_notice-<tag>.css, linked by notice.js).
        assert page.locator(f"link[rel=stylesheet][href$='/theme/fonts/_notice-{expected}.css']").count() == 1
        page.evaluate("document.fonts.ready")
        assert page.evaluate("[...document.fonts].some(f => f.family.endsWith('OL notice') && f.status === 'loaded')")
        # An explicit choice in the switcher is remembered: the notice stays away afterwards.
        page.locator("nav.languages summary").click()
        page.locator(f"nav.languages a[hreflang='{Language.parse(page_code).tag}']").click()
        page.wait_for_load_state()
        page.reload()
        page.wait_for_timeout(200)
        assert page.locator(".language-notice").count() == 0
    except BaseException:
        screenshot_on_failure(page, f"notice-{browser_locale}-{page_code}")
        raise
    finally:
        context.close()


def test_dismissing_the_notice_keeps_it_away(browser, served: Served) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, served, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(served.base + "en/")
        page.locator(".language-notice button").click()
        assert page.locator(".language-notice").count() == 0
        page.reload()
        page.wait_for_timeout(200)
        assert page.locator(".language-notice").count() == 0
    finally:
        context.close()


def test_everything_works_without_javascript(browser, served: Served) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, served, java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(served.base + "fr/")
        assert page.locator(".language-notice").count() == 0
        page.locator("nav.languages summary").click()
        page.locator("nav.languages a[hreflang='de']").click()
        page.wait_for_url(served.base + "de/")
        assert page.locator("article.letter h1").inner_text().startswith("Widerspruch")
    finally:
        context.close()


def test_nu_html_checker_finds_no_errors(site: Path) -> None:
    assert VNU.exists(), "run `npm ci` (vnu-jar comes from package-lock.json)"
    assert nu_errors(site) == []


def nu_errors(folder: Path) -> list[dict]:
    """The Nu HTML checker's errors in the HTML files under ``folder``."""
    result = subprocess.run([*JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(folder)], capture_output=True, text=True)
    messages: list[dict] = json.loads(result.stderr or '{"messages": []}')["messages"]
    return messages


def test_the_nu_checker_as_run_here_reports_an_error(tmp_path: Path) -> None:
    """The checker run with the JVM options above still reads and judges pages (not a vacuous pass)."""
    (tmp_path / "index.html").write_text("<!DOCTYPE html><html lang=en><title>t</title><p><div></span>", encoding="utf-8")
    errors = nu_errors(tmp_path)
    assert errors and {message["type"] for message in errors} == {"error"}, errors


def test_budgets_html_and_css_under_48_kb(site: Path) -> None:
    css = sum(path.stat().st_size for path in (site / "theme" / "css").glob("*.css"))
    for code in LANGUAGES:
        page = site / Language.parse(code).slug / "index.html"
        fonts_css = [site / "theme" / "fonts" / f"{page.parent.name}.css", site / "theme" / "fonts" / "_shared-pages.css"]
        total = page.stat().st_size + css + sum(path.stat().st_size for path in fonts_css)
        # 48 KB uncompressed: 51 languages' names in the menu and the faces of 30 scripts in the shared
        # stylesheet (40 KB held at 26 languages; the Burmese letter alone is 12 KB of UTF-8).
        assert total <= 48 * 1024, (code, total)
