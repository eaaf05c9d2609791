"""The HTML documents Chromium renders: the letter for print (a PDF per paper size) and the share card.

Each is self-contained: the theme's stylesheet (``letter.css``, whose print rules a reader's
browser uses too), the webfonts cut for the document's own text (:meth:`FontBuilder.document_fonts`,
so a document depends on nothing else the site shows), and a few rules of its own.  A
:class:`Document` is everything Chromium may load for it, by name; its :meth:`~Document.key` is
what the build cache files the rendered bytes under.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from openletter.fonts import DocumentFonts, FontBuilder, page_text
from openletter.takeaway.files import CARD_HEIGHT, CARD_WIDTH
from openletter.takeaway.letter import PageLetter

#: The theme's stylesheet, as the document links it (its bytes come from the built site).
THEME_CSS = "letter.css"

#: The print rules added to the theme's: the margins, page numbers in the language's digits (CSS
#: counter style ``ol-digits``), the page's address at the end.  The paper is the renderer's to
#: set (``@page { size }``), so that one loaded document prints on every paper.
PRINT_CSS = """@page { margin: 18mm 16mm 20mm; @bottom-center { content: counter(page, ol-digits); font-size: 9pt; color: #5b5b66; } }
@counter-style ol-digits { system: numeric; symbols: %(digits)s; }
.letter-address { margin-block-start: 2em; font-size: 9pt; color: #5b5b66; }
"""

#: The share card: the title as large as fits above the language's name, an accent rule at the
#: inline start (the right in right-to-left languages).
CARD_CSS = f"""html {{ background: #fdfcf9; color: #1d1d1f; }}
body {{ margin: 0; inline-size: {CARD_WIDTH}px; block-size: {CARD_HEIGHT}px; box-sizing: border-box; overflow: hidden;
  padding-block: 64px 56px; padding-inline: 88px; border-inline-start: 24px solid #7a2e12;
  display: flex; flex-direction: column; justify-content: space-between; }}
h1 {{ font-size: 80px; line-height: 1.25; margin: 0; overflow-wrap: break-word; }}
p {{ margin: 0; font-size: 30px; line-height: 1.4; color: #5b5b66; max-block-size: 2.8em; overflow: hidden; }}
"""
#: The title's largest and smallest size on a card (px), and the room it has (px): a long title
#: is set smaller until it fits (see :data:`FIT_TITLE`).
TITLE_ROOM = 400
#: Run in the card before its picture is taken: the title shrunk in steps until it fits.
FIT_TITLE = f"""() => {{
  const title = document.querySelector('h1');
  let size = 80;
  while (title.scrollHeight > {TITLE_ROOM} && size > 28) {{ size -= 4; title.style.fontSize = size + 'px'; }}
  return size;
}}"""


@dataclass(frozen=True)
class Document:
    """An HTML document and every file it may load (by the name its links use)."""

    name: str  # the file it becomes (letter.de.a4.pdf), for messages
    html: str
    files: Mapping[str, bytes]
    missing: tuple[str, ...] = ()  # characters it shows that no shipped font has

    def key(self, *more: str) -> tuple[str, ...]:
        """The document's inputs for the build cache: its HTML (whose font URLs name each face by
        its digest) and the digests of its other files."""
        return (self.html, *(f"{name}={hashlib.sha256(data).hexdigest()}" for name, data in sorted(self.files.items())), *more)

    def standalone(self, base: str) -> str:
        """The HTML with its files in it (each stylesheet link as a ``<style>``, each face as a
        ``data:`` URL) and ``base`` as its address: a browser shows it without a request (each
        request would go through the driver and back)."""

        def inline_url(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.files:
                return match.group(0)
            return f'url("data:{_media_type(name)};base64,{base64.b64encode(self.files[name]).decode("ascii")}")'

        def inline_link(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.files:
                return match.group(0)
            return f"<style>\n{_URL.sub(inline_url, self.files[name].decode('utf-8'))}</style>"

        html = _STYLESHEET.sub(inline_link, self.html)
        return _URL.sub(inline_url, html).replace("<head>", f'<head>\n<base href="{escape(base)}">', 1)


_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_URL = re.compile(r'url\("([^"]+)"\)')


def _media_type(name: str) -> str:
    return "font/woff2" if name.endswith(".woff2") else "text/css" if name.endswith(".css") else "application/octet-stream"


def _with_fonts(name: str, head: str, body: str, lang: str, fonts: FontBuilder, extra_chars: str = "") -> tuple[str, DocumentFonts]:
    """The fonts of a document whose ``<head>`` and ``<body>`` are given, and the document."""
    text = page_text(f"{head}{body}", lang)
    if extra_chars:
        text.add(lang, 400, extra_chars)
    found = fonts.document_fonts(name, text)
    return head.replace("</head>", f"<style>\n{found.css}</style>\n</head>") + body, found


def print_document(name: str, letter: PageLetter, url: str, digits: str, theme_css: bytes, fonts: FontBuilder) -> Document:
    """The letter as the page shows it, for print (on any paper), ending with the page's address."""
    css = PRINT_CSS % {"digits": " ".join(f'"{digit}"' for digit in digits)}
    head = (
        f'<!DOCTYPE html>\n<html lang="{escape(letter.lang)}" dir="{escape(letter.direction)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(letter.title)}</title>\n"
        f'<link rel="stylesheet" href="{THEME_CSS}">\n<style>\n{css}</style>\n</head>\n'
    )
    body = f'<body>\n<main>\n{letter.article}\n<p class="letter-address"><a href="{escape(url)}" dir="ltr">{escape(url)}</a></p>\n</main>\n</body>\n</html>\n'
    html, found = _with_fonts(name, head, body, letter.lang, fonts, digits)
    return Document(name, html, {THEME_CSS: theme_css, **found.files}, found.missing)


def card_document(name: str, lang: str, direction: str, title: str, title_lang: str, lines: Iterable[tuple[str, str, str]], fonts: FontBuilder) -> Document:
    """A share card: ``title`` (in ``title_lang`` when it is not in the card's ``lang``) and a
    line of ``(text, lang, dir)`` items under it (the language's name; the chooser's: every one)."""
    head = f'<!DOCTYPE html>\n<html lang="{escape(lang)}" dir="{escape(direction)}">\n<head>\n<meta charset="utf-8">\n<style>\n{CARD_CSS}</style>\n</head>\n'
    marked = f' lang="{escape(title_lang)}"' if title_lang and title_lang != lang else ""
    items = " · ".join(f'<span lang="{escape(item_lang)}" dir="{escape(item_dir)}">{escape(text)}</span>' for text, item_lang, item_dir in lines)
    body = f"<body>\n<h1{marked}>{escape(title)}</h1>\n<p>{items}</p>\n</body>\n</html>\n"
    html, found = _with_fonts(name, head, body, lang, fonts)
    return Document(name, html, found.files, found.missing)
