"""The translators' dashboard and a review page of the shipped site in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from browser.conftest import Served, new_context, screenshot_on_failure, serious_axe_violations, watch
from openletter.languages import Language
from openletter.po.pofile import read_po

TRANSLATIONS = sorted(p.name for p in (REPO / "locale").iterdir() if p.is_dir())


def test_source_dashboard_lists_every_language_with_a_named_progress_bar(browser, served: Served) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, served)
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(served.base + "translate/", wait_until="load")
        bars = page.get_by_role("progressbar")
        assert bars.count() == len(TRANSLATIONS)
        for other in map(Language.parse, TRANSLATIONS):
            bar = page.get_by_role("progressbar", name=other.native_name, exact=True)
            assert bar.count() == 1, other.code  # its accessible name is the language's name
            assert bar.get_attribute("value") == bar.get_attribute("max")  # every shipped language is complete
        # The status badge is an image the page can show.
        assert page.evaluate("document.querySelector('main img').naturalWidth") > 50
        # Downloads: the catalog behind the link is the repository's file, byte for byte.
        link = page.locator("a[href$='locale/de/LC_MESSAGES/letter.po']")
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok and response.body() == (REPO / "locale" / "de" / "LC_MESSAGES" / "letter.po").read_bytes()
        # The review page link leads to that language's review page.
        page.locator("a[href$='de/review/']").click()
        page.wait_for_url(served.base + "de/review/")
        assert watched.console_errors == [] and watched.page_errors == []
    except BaseException:
        screenshot_on_failure(page, "dashboard-en")
        raise
    finally:
        context.close()
    assert served.foreign_requests == []


@pytest.mark.parametrize("code", ["ar", "ja"])
def test_a_languages_dashboard_shows_its_own_row_and_leads_to_every_language(browser, served: Served, code: str) -> None:  # type: ignore[no-untyped-def]
    language = Language.parse(code)
    context = new_context(browser, served)
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(served.base + f"{language.slug}/translate/", wait_until="load")
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [language.tag, language.direction]
        bar = page.get_by_role("progressbar")
        assert bar.count() == 1 and page.get_by_role("progressbar", name=language.native_name, exact=True).count() == 1
        response = page.request.get(page.locator(f"a[href$='locale/{language.code}/LC_MESSAGES/letter.po']").evaluate("a => a.href"))
        assert response.ok and response.body() == (REPO / "locale" / language.code / "LC_MESSAGES" / "letter.po").read_bytes()
        page.locator("main a[href$='/translate/']").first.click()
        page.wait_for_url(served.base + "translate/")
        assert page.get_by_role("progressbar").count() == len(TRANSLATIONS)
        assert watched.console_errors == [] and watched.page_errors == []
    except BaseException:
        screenshot_on_failure(page, f"dashboard-{code}")
        raise
    finally:
        context.close()
    assert served.foreign_requests == []


def test_dashboard_language_menu_leads_to_the_dashboard_in_another_language(browser, served: Served) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, served, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served.base + "translate/")
        page.locator("nav.languages summary").click()
        page.locator("nav.languages a[hreflang='fa']").click()
        page.wait_for_url(served.base + "fa/translate/")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        heading = page.locator("h1").inner_text()
        catalog = read_po(REPO / "locale" / "fa" / "LC_MESSAGES" / "theme.po")
        assert heading == next(entry.msgstr for entry in catalog.entries if entry.msgid == "Help translate the letter")
    finally:
        context.close()


@pytest.mark.parametrize("code", ["de", "ar"])
def test_review_page_shows_source_and_translation_side_by_side(browser, served: Served, code: str) -> None:  # type: ignore[no-untyped-def]
    language = Language.parse(code)
    context = new_context(browser, served, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(served.base + f"{language.slug}/review/", wait_until="load")
        assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"
        letter = read_po(REPO / "locale" / code / "LC_MESSAGES" / "letter.po")
        theme = read_po(REPO / "locale" / code / "LC_MESSAGES" / "theme.po")
        assert page.locator("li.unit").count() == len(letter.entries) + len(theme.entries)
        assert page.locator("li.unit.translated").count() == len(letter.entries) + len(theme.entries)
        first = page.locator("li.unit").first
        original, translation = first.locator(".original .text"), first.locator(".translation .text")
        assert translation.inner_text() == letter.entries[0].msgstr
        assert translation.get_attribute("lang") == language.tag and original.get_attribute("lang") == "en"
        assert f"{letter.entries[0].line}" in first.locator(".unit-state").inner_text().translate(
            {ord(digit): str(index) for index, digit in enumerate("٠١٢٣٤٥٦٧٨٩")}
        )
        # Side by side, in the page's reading order: the original comes first (right, in Arabic).
        left_original = original.bounding_box()["x"] < translation.bounding_box()["x"]
        assert left_original == (language.direction == "ltr")
        assert watched.console_errors == [] and watched.page_errors == []
    except BaseException:
        screenshot_on_failure(page, f"review-{code}")
        raise
    finally:
        context.close()


@pytest.mark.parametrize("path", ["translate/", "ar/translate/", "de/review/", "ar/review/"])
def test_axe_finds_no_serious_or_critical_violations(browser, served: Served, path: str) -> None:  # type: ignore[no-untyped-def]
    assert serious_axe_violations(browser, served, path) == []


def test_every_translator_page_exists(site: Path) -> None:
    for code in TRANSLATIONS:
        slug = Language.parse(code).slug
        assert (site / slug / "translate" / "index.html").is_file() and (site / slug / "review" / "index.html").is_file()
        assert (site / "translate" / "badges" / f"{slug}.svg").is_file()
