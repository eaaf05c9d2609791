"""Share cards (openletter.takeaway): one PNG per language and the chooser's, declared in each page's
Open Graph and X tags with absolute URLs in a publish build."""

from __future__ import annotations

import re
import struct

from conftest import TAKEAWAY_SITEURL, TakeawaySite

from openletter.takeaway.files import CARD_HEIGHT, CARD_WIDTH

#: The most bytes a card may take (the issue's target).
CARD_BUDGET = 100_000


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (after checking the signature)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return found[1] if found else None


def test_every_card_is_a_png_of_the_declared_size_and_weight(takeaway_site: TakeawaySite) -> None:
    cards = sorted(takeaway_site.output.glob("*/letter.*.png")) + [takeaway_site.output / "letter.png"]
    assert len(cards) == 52
    for card in cards:
        data = card.read_bytes()
        assert png_size(data) == (CARD_WIDTH, CARD_HEIGHT), card
        assert len(data) <= CARD_BUDGET, f"{card.name}: {len(data):,} bytes"


def test_pages_declare_their_card_with_absolute_urls_in_the_publish_build(takeaway_site: TakeawaySite) -> None:
    for slug, card in (("de", "de/letter.de.png"), ("ar", "ar/letter.ar.png"), ("zh-hant", "zh-hant/letter.zh-hant.png"), ("", "letter.png")):
        html = (takeaway_site.output / slug / "index.html").read_text(encoding="utf-8")
        assert meta(html, "og:image") == meta(html, "twitter:image") == f"{TAKEAWAY_SITEURL}/{card}"
        assert (meta(html, "og:image:width"), meta(html, "og:image:height"), meta(html, "og:image:type")) == ("1200", "630", "image/png")
        assert meta(html, "twitter:card") == "summary_large_image" and html.count('name="twitter:card"') == 1
        title = re.search(r"<title>([^<]*)</title>", html)
        assert title is not None and title[1] in (meta(html, "og:image:alt") or "") and meta(html, "twitter:image:alt") == meta(html, "og:image:alt")
    german = (takeaway_site.output / "de" / "index.html").read_text(encoding="utf-8")
    assert (meta(german, "og:image:alt") or "").startswith("Der Titel des Briefs: "), "the alternative text is in the page's language"


def test_the_page_links_each_pdf_with_its_size_in_the_language(takeaway_site: TakeawaySite) -> None:
    sizes = takeaway_site.result.takeaway.sizes
    arabic = (takeaway_site.output / "ar" / "index.html").read_text(encoding="utf-8")
    kilobytes = round(sizes["ar/letter.ar.a4.pdf"] / 1000)
    assert f'<span data-size="letter.ar.a4.pdf">{kilobytes} كيلوبايت</span>' in arabic
    persian = (takeaway_site.output / "fa" / "index.html").read_text(encoding="utf-8")
    digits = str(round(sizes["fa/letter.fa.us-letter.pdf"] / 1000)).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert f'<span data-size="letter.fa.us-letter.pdf">{digits} kB</span>' in persian
    assert 'href="letter.fa.us-letter.pdf" type="application/pdf"' in persian
