"""Scripts of the shipped languages in Chromium at a phone's width: lines of Thai, Burmese and
Khmer broken between words, Nastaliq given room, Thai's SARA AM drawn, and no page of any kind
wider than a phone.  That each language's letter is set in its own webfont (and the screenshots
of six scripts' letters) is checked with each language's page, in test_pages.py.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from conftest import REPO
from playwright.sync_api import Page

from browser.conftest import Served, new_context
from browser.test_pages import LANGUAGES
from openletter.fonts import family_for
from openletter.languages import Language

PHONE = {"width": 390, "height": 844}
#: Scripts written without spaces between words: a browser breaks their lines with a dictionary.
DICTIONARY_BROKEN = [code for code in ("th", "my", "km") if (REPO / "locale" / code).is_dir()]

#: Where each line of an element starts (offsets into its textContent), and the word boundaries
#: ICU gives the same text (Intl.Segmenter uses the dictionaries Chromium breaks lines with).
LINES = """([index, lang]) => {
  const element = document.querySelectorAll('article.letter p')[index];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const starts = [];
  let offset = 0, top = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let index = 0; index < node.data.length; index++) {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const rect = range.getClientRects()[0];
      if (rect && rect.width > 0) {
        if (top !== null && rect.top > top + rect.height / 2) starts.push(offset + index);
        top = rect.top;
      }
    }
    offset += node.data.length;
  }
  const text = element.textContent;
  const words = [...new Intl.Segmenter(lang, {granularity: 'word'}).segment(text)].map(s => s.index);
  return {text, starts, words};
}"""


@pytest.fixture(scope="module")
def phone(browser, served: Served) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = new_context(browser, served, viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("code", DICTIONARY_BROKEN)
def test_lines_break_between_words_never_before_a_mark(phone: Page, served: Served, code: str) -> None:
    """At a phone's width every paragraph wraps; each line must start at a word boundary (as the
    language's dictionary has it) and never with a combining mark."""
    language = Language.parse(code)
    phone.goto(f"{served.base}{language.slug}/", wait_until="load")
    phone.evaluate("document.fonts.ready")
    count = phone.evaluate("document.querySelectorAll('article.letter p').length")
    breaks = 0
    for index in range(count):
        lines = phone.evaluate(LINES, [index, language.tag])
        text, words = lines["text"], set(lines["words"])
        for start in lines["starts"]:
            assert start in words, (index, text[max(0, start - 8) : start] + "|" + text[start : start + 8])
            assert not unicodedata.category(text[start]).startswith("M"), (index, start)
        breaks += len(lines["starts"])
    assert breaks > 10  # the letter really wrapped


def test_nastaliq_lines_and_headings_have_room(phone: Page, served: Served) -> None:
    """Nastaliq's steep descents need about twice the usual leading, or lines overlap."""
    phone.goto(f"{served.base}ur/", wait_until="load")
    ratios = phone.evaluate(
        """() => ['article.letter p', 'h1'].map(selector => {
             const style = getComputedStyle(document.querySelector(selector));
             return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
           })"""
    )
    assert ratios[0] >= 2.2 and ratios[1] >= 1.8, ratios


def test_thai_sara_am_is_drawn_with_its_circle(phone: Page, served: Served) -> None:
    """The shaper draws "ำ" as NIKHAHIT (a mark, no advance) + SARA AA; a face without NIKHAHIT drew
    a blank .notdef instead ("คำ" showing as "ค า"). In the page's webfont "คำ" must be as wide as
    "คา" and look different from it (the circle)."""
    phone.goto(f"{served.base}th/", wait_until="load")
    assert "คำ" in phone.inner_text("main")
    widths, same = phone.evaluate(
        """async (family) => {
             await document.fonts.load(`48px "${family}"`, "คำคา");
             const canvas = document.createElement("canvas");
             canvas.width = 160; canvas.height = 90;
             const context = canvas.getContext("2d");
             context.font = `48px "${family}"`;
             const pixels = text => {
               context.clearRect(0, 0, 160, 90);
               context.fillText(text, 10, 70);
               return Array.from(context.getImageData(0, 0, 160, 90).data).join(",");
             };
             return [[context.measureText("คำ").width, context.measureText("คา").width], pixels("คำ") === pixels("คา")];
           }""",
        family_for("th").css_name,
    )
    assert abs(widths[0] - widths[1]) < 0.5 and same is False, widths


#: The review pages checked at a phone's width: one per script and direction.  A review page is its
#: language's dashboard chrome (checked in every language) around units whose texts wrap anywhere
#: (``overflow-wrap: anywhere``), so what can differ between two languages of one script is not
#: their width; the 50 pages took half the test's time.
REVIEWED_AT_PHONE_WIDTH = {
    f"{language.slug}/review" for language in {(language.script, language.direction): language for language in map(Language.parse, LANGUAGES[1:])}.values()
}  # fmt: skip


def test_no_page_is_wider_than_a_phone(browser, served: Served) -> None:  # type: ignore[no-untyped-def]
    """Every page of every kind in every language (the review page in one language per script) at
    320 and 390 px: long words wrap, the dashboard's table scrolls inside its own region, the review
    page's columns stack."""
    root = served.root
    every = sorted(path.parent.relative_to(root).as_posix() for path in root.rglob("index.html"))
    pages = [path for path in every if not path.endswith("/review") or path in REVIEWED_AT_PHONE_WIDTH]
    kinds = {path.split("/")[-1] if "/" in path else "letter" for path in pages if path != "."}
    # Each page in a phone-wide frame of one test page, all laid out at once, then the frames
    # widened; the frames' sandbox runs none of their scripts (the pages as a reader without
    # JavaScript sees them) and lets the test page measure them.
    context = new_context(browser, served, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(served.base + "no-such-page-frames-the-others", wait_until="load")
        measured = page.evaluate(
            """async ([urls, widths]) => {
                document.body.replaceChildren();
                const frames = urls.map(url => {
                    const frame = document.createElement("iframe");
                    frame.sandbox = "allow-same-origin";
                    frame.style.cssText = `width: ${widths[0]}px; height: 640px; border: 0; display: block`;
                    frame.src = url;
                    document.body.append(frame);
                    return new Promise(resolve => frame.addEventListener("load", () => resolve(frame), {once: true}));
                });
                const loaded = await Promise.all(frames);
                await Promise.all(loaded.map(frame => frame.contentDocument.fonts.ready));
                const result = {};
                for (const width of widths) {
                    loaded.forEach(frame => { frame.style.width = `${width}px`; });
                    result[width] = loaded.map(frame => [frame.contentWindow.innerWidth, frame.contentDocument.documentElement.scrollWidth]);
                }
                return result;
            }""",
            [[f"{served.base}{'' if path == '.' else path + '/'}" for path in pages], [320, 390]],
        )
    finally:
        context.close()
    wider = []
    for width, widths in measured.items():
        assert {viewport for viewport, _ in widths} == {int(width)}
        wider += [(width, path, scrolled) for path, (_, scrolled) in zip(pages, widths) if scrolled > int(width)]
    reviewed = {path for path in pages if path.endswith("/review")}
    assert len(pages) >= 120 and kinds >= {"letter", "review", "translate"} and reviewed == REVIEWED_AT_PHONE_WIDTH and wider == []
