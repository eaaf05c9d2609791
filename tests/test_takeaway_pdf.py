"""The letter's PDFs (openletter.takeaway): one per language and paper, the page's text, tagged, in the
language's direction and digits, set in the shipped webfonts only."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import TAKEAWAY_SITEURL, TakeawaySite
from pypdf import PdfReader

from openletter.languages import Language
from openletter.takeaway.letter import read_letter

#: Page sizes in PDF points (1/72 in): A4 is 210 × 297 mm, US Letter 8.5 × 11 in.
SIZES = {"a4": (595.3, 841.9), "us-letter": (612.0, 792.0)}
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def languages(site: TakeawaySite) -> list[str]:
    return sorted(folder.name for folder in site.output.iterdir() if (folder / "index.html").is_file() and folder.name not in ("translate",))


def page_letter(site: TakeawaySite, slug: str):  # type: ignore[no-untyped-def]
    page = site.output / slug / "index.html"
    return read_letter(page.read_text(encoding="utf-8"), page)


def normalized(text: str) -> str:
    """Text as compared: NFKC, without bidi controls, white space or the characters pdftotext
    cannot order in a line that mixes directions (punctuation between runs), letters and digits kept."""
    text = unicodedata.normalize("NFKC", text).translate(_BIDI_CONTROLS)
    return "".join(char for char in text if unicodedata.category(char)[0] in "LMN")


def pdftotext(path: Path) -> str:
    """The text a reader copies out of the PDF (poppler honours ActualText; pypdf does not)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_every_language_has_a_pdf_per_paper_with_its_title_language_and_size(takeaway_site: TakeawaySite) -> None:
    slugs = languages(takeaway_site)
    assert len(slugs) == 51
    for slug in slugs:
        letter = page_letter(takeaway_site, slug)
        for paper, (width, height) in SIZES.items():
            reader = PdfReader(takeaway_site.output / slug / f"letter.{slug}.{paper}.pdf")
            assert reader.metadata is not None and reader.metadata.title == letter.title, slug
            root = reader.trailer["/Root"]
            assert root["/Lang"] == letter.lang, slug
            assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], f"{slug}: not a tagged PDF"
            box = reader.pages[0].mediabox
            assert abs(float(box.width) - width) < 1 and abs(float(box.height) - height) < 1, (slug, paper, box)


@pytest.mark.parametrize("slug", ["ar", "fa", "ur", "hi", "bn", "ja", "zh-hant", "th", "de"])
def test_the_pdf_text_is_the_page_text(takeaway_site: TakeawaySite, slug: str) -> None:
    """What a reader copies is what the page says: every letter right, in order.  Right-to-left
    text is compared letter for letter but not in order: pdftotext orders a line's glyphs by their
    position, and puts Naskh letters that descend below the line on lines of their own."""
    letter = page_letter(takeaway_site, slug)
    lines = [line.translate(_BIDI_CONTROLS).strip() for line in pdftotext(takeaway_site.output / slug / f"letter.{slug}.a4.pdf").splitlines()]
    address = f"{TAKEAWAY_SITEURL}/{slug}/"
    assert address in lines, "the PDF ends with the page's address"
    digits = Language(next(code for code in _codes() if Language(code).slug == slug)).digits
    body = normalized("\n".join(line for line in lines if line != address and not (line and set(line) <= set(digits))))
    if letter.direction == "rtl":
        assert sorted(body) == sorted(normalized(letter.text))
    else:
        assert body == normalized(letter.text)


def _codes() -> list[str]:
    return [folder.name for folder in (Path(__file__).resolve().parent.parent / "locale").iterdir() if folder.is_dir()] + ["en"]


def test_page_numbers_are_in_the_language_digits(takeaway_site: TakeawaySite) -> None:
    for slug, one in (("fa", "۱"), ("bn", "১"), ("mr", "१"), ("de", "1")):
        lines = [line.translate(_BIDI_CONTROLS).strip() for line in pdftotext(takeaway_site.output / slug / f"letter.{slug}.a4.pdf").splitlines()]
        assert one in lines, (slug, lines[-8:])


def test_only_the_shipped_webfonts_are_embedded(takeaway_site: TakeawaySite) -> None:
    for slug in ("ar", "hi", "ja", "de", "am"):
        reader = PdfReader(takeaway_site.output / slug / f"letter.{slug}.a4.pdf")
        fonts = {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
        assert fonts and all("Noto" in name for name in fonts), (slug, fonts)


def _first_line_x(path: Path) -> tuple[float, float, float]:
    """Where the date line (the first line with a digit) starts and ends, and the page's width."""
    reader = PdfReader(path)
    page = reader.pages[0]
    pieces: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            pieces.append((round(cm[5] + tm[5] * cm[3], 1), cm[4] + tm[4] * cm[0], text))

    page.extract_text(visitor_text=visit)
    dated = next(y for y, _, text in sorted(pieces, key=lambda piece: -piece[0]) if re.search(r"\d", text))
    xs = [x for y, x, _ in pieces if y == dated]
    return min(xs), max(xs), float(page.mediabox.width)


@pytest.mark.parametrize("slug, rtl", [("ar", True), ("fa", True), ("he", True), ("de", False), ("hi", False)])
def test_right_to_left_letters_are_set_from_the_right(takeaway_site: TakeawaySite, slug: str, rtl: bool) -> None:
    start, _, width = _first_line_x(takeaway_site.output / slug / f"letter.{slug}.a4.pdf")
    margin = 16 / 25.4 * 72  # the theme's print margin at the inline start and end
    if rtl:
        assert start > width / 3, f"{slug}: the date line starts at x={start:.0f} of {width:.0f}: not set from the right"
    else:
        assert abs(start - margin) < 3, f"{slug}: the date line starts at x={start:.0f}, not at the left margin {margin:.0f}"
