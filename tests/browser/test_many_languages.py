"""The 150-language site in Chromium: every script in its webfont, the language menu and the
chooser found by typing, with the keyboard, and without JavaScript.

Screenshots of the menu and the chooser (phone and desktop widths) and of a Thai, an Amharic and
a Tibetan page go to test-artifacts/many-languages/ on every run, to be looked at.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator

import pytest
from conftest import ManyLanguages

from browser.conftest import ARTIFACTS, Served, _Quiet, new_context, screenshot_on_failure, serious_axe_violations, watch
from openletter.fonts import family_for

SHOTS = ARTIFACTS / "many-languages"
#: Fonts whose legacy family name (the one Chromium reports) is not their typographic one.
LEGACY_NAMES = {"Noto Serif Nyiakeng Puachue Hmong": "Noto Serif Hmong Nyiakeng"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def many_served(many_languages: ManyLanguages) -> Iterator[Served]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(many_languages.output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Served(many_languages.output, f"http://127.0.0.1:{server.server_address[1]}/")
    server.shutdown()
    server.server_close()


def platform_fonts(page, selector: str) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    """The fonts Chromium used for each element matching ``selector``, by its ``lang`` (or hreflang)."""
    page.evaluate("document.fonts.ready")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used = {}
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        attributes = cdp.send("DOM.describeNode", {"nodeId": node})["node"]["attributes"]
        named = dict(zip(attributes[::2], attributes[1::2]))
        used[named.get("lang") or named["hreflang"]] = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return used


def test_every_script_renders_in_its_webfont(browser, many_served: Served, many_languages: ManyLanguages) -> None:  # type: ignore[no-untyped-def]
    """No tofu and no system font: each language's name on the chooser is drawn by the webfont
    of its script, which the site served."""
    context = new_context(browser, many_served, viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(many_served.base, wait_until="load")
        used = platform_fonts(page, "ul.chooser li a")
        assert len(used) == len(many_languages.languages) + 1
        scripts_seen = set()
        for language in many_languages.languages:
            fonts = used[language.tag]
            assert fonts and all(font["isCustomFont"] for font in fonts), (language.code, fonts)
            main = max(fonts, key=lambda font: font["glyphCount"])
            design = family_for(language.tag).design
            assert main["familyName"].startswith(LEGACY_NAMES.get(design, design)), (language.code, fonts)  # "Noto Serif JP ExtraLight": the variable font's default name
            scripts_seen.add(language.script)
        assert len(scripts_seen) >= 40
    except BaseException:
        screenshot_on_failure(page, "many-chooser-fonts")
        raise
    finally:
        context.close()
    assert many_served.foreign_requests == []


@pytest.mark.parametrize(("code", "family"), [("th", "Noto Serif Thai"), ("am", "Noto Sans Ethiopic"), ("bo", "Noto Serif Tibetan")])
def test_a_page_is_set_in_its_own_scripts_webfont(browser, many_served: Served, code: str, family: str) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, many_served, viewport=DESKTOP)
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(f"{many_served.base}{code}/", wait_until="load")
        page.evaluate("document.fonts.ready")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"page-{code}.png"))
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        for selector in ("h1", "article p"):
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            assert all(font["isCustomFont"] for font in fonts), fonts
            assert max(fonts, key=lambda font: font["glyphCount"])["familyName"].startswith(family), fonts
        assert watched.console_errors == [] and watched.page_errors == []
    finally:
        context.close()
    assert many_served.foreign_requests == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_menu_finds_a_language_by_its_own_or_english_name(browser, many_served: Served, viewport: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, many_served, viewport=viewport)
    page = context.new_page()
    watched = watch(page)
    name = "phone" if viewport is PHONE else "desktop"
    try:
        page.goto(f"{many_served.base}de/", wait_until="load")
        page.locator("nav.languages summary").click()
        box = page.locator("nav.languages").get_by_role("searchbox")  # its label is in the page's (pseudo-)German
        box.wait_for(state="visible")  # added by languages.js when the menu opens
        assert page.evaluate("document.activeElement.type") == "search"  # opening the menu puts the cursor in the box
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"menu-{name}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # nothing wider than a phone
        for typed in ("አማርኛ", "amharic", "AMH", "am"):
            box.fill(typed)
            best = page.locator("nav.languages .language-best a")  # outlined: what Enter opens
            assert best.get_attribute("hreflang") == "am", typed
        box.fill("ไทย")
        assert [link.get_attribute("hreflang") for link in page.locator("nav.languages li:not([hidden]) a").all()] == ["th"]
        assert page.locator("nav.languages .language-group:not([hidden])").count() == 1  # only Thai's script heading is left
        page.screenshot(path=str(SHOTS / f"menu-{name}-typed.png"))
        box.fill("francais")  # no accents needed
        assert page.locator("nav.languages .language-best a").get_attribute("hreflang") == "fr"
        box.fill("zzzz")
        assert page.locator("nav.languages .language-none").is_visible()
        box.fill("tibetan")
        box.press("Enter")  # follows the first match
        page.wait_for_url(f"{many_served.base}bo/")
        assert watched.console_errors == [] and watched.page_errors == []
    except BaseException:
        screenshot_on_failure(page, f"many-menu-{name}")
        raise
    finally:
        context.close()


def test_the_menu_works_from_the_keyboard_alone(browser, many_served: Served) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, many_served, viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(f"{many_served.base}fr/", wait_until="load")
        for _ in range(10):  # from the top of the page to the menu
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "SUMMARY":
                break
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement && document.activeElement.type === 'search'")  # the box, focused on opening
        page.keyboard.type("አማ")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{many_served.base}am/")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_chooser_is_grouped_by_script_and_filters_as_one_types(browser, many_served: Served, viewport: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, many_served, viewport=viewport)
    page = context.new_page()
    name = "phone" if viewport is PHONE else "desktop"
    try:
        page.goto(many_served.base, wait_until="load")
        page.evaluate("document.fonts.ready")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"chooser-{name}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert page.get_by_role("heading", name="Ethiopic").count() == 1
        box = page.get_by_role("searchbox", name="Find a language")
        box.fill("tibet")
        visible = [link.get_attribute("hreflang") for link in page.locator("ul.chooser li:not([hidden]) a").all()]
        assert visible == ["bo"]
        page.screenshot(path=str(SHOTS / f"chooser-{name}-typed.png"))
    finally:
        context.close()


def test_without_javascript_the_lists_are_headed_by_script_and_the_box_is_hidden(browser, many_served: Served) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, many_served, java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(many_served.base, wait_until="load")
        assert not page.locator(".language-filter").first.is_visible()
        assert page.get_by_role("heading", name="Tibetan").is_visible()
        page.get_by_role("link", name="བོད་སྐད་").click()
        page.wait_for_url(f"{many_served.base}bo/")
        page.locator("nav.languages summary").click()
        assert page.locator("nav.languages .language-group").count() >= 40
        assert page.locator("nav.languages a[hreflang='am']").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "de/", "translate/"])
def test_the_big_lists_have_no_serious_accessibility_violation(browser, many_served: Served, path: str) -> None:  # type: ignore[no-untyped-def]
    assert serious_axe_violations(browser, many_served, path) == []


def test_a_page_fetches_the_menus_faces_only_when_the_menu_opens(browser, many_served: Served, many_languages: ManyLanguages) -> None:  # type: ignore[no-untyped-def]
    """The shared faces (every language's name in its script) cost a reader nothing until the
    menu is opened; then the names are drawn in their webfonts."""
    fonts = many_languages.output / "theme" / "fonts"
    faces = re.compile(r"""url\(["']?(?:[^"')]*/)?([^"'/)]+\.woff2)["']?\)""")
    own = set(faces.findall((fonts / "de.css").read_text(encoding="utf-8")))
    shared = set(faces.findall((fonts / "_shared-pages.css").read_text(encoding="utf-8"))) - own
    assert len(shared) >= 30
    context = new_context(browser, many_served, viewport=DESKTOP, locale="de-DE")  # no notice: the page is in the reader's language
    page = context.new_page()
    fetched: list[str] = []
    page.on("response", lambda response: fetched.append(response.url.rsplit("/", 1)[1]) if response.url.endswith(".woff2") else None)
    try:
        page.goto(f"{many_served.base}de/", wait_until="load")
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(300)
        assert fetched and not shared & set(fetched), fetched
        page.locator("nav.languages summary").click()
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(300)
        assert len(shared & set(fetched)) >= 30
    finally:
        context.close()
    assert many_served.foreign_requests == []
