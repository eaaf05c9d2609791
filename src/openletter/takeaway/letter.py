"""A language's letter as its page shows it: read back from the built, guarded page.

The takeaway files are made from the page itself, not from the catalogs again, so they hold
exactly what the page shows (the title, the date, the review-state and partial-translation
notices, the letter, English paragraphs still untranslated) however the theme words it, and
nothing the guard took out.  What is read: ``<html lang dir>``, and the ``<article>`` whose
class is ``letter``, as HTML (for the PDF) and as blocks of styled text (for text and Markdown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from openletter.errors import OpenletterError

_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\b(lang|dir)="([^"]*)"')
_ARTICLE = re.compile(r'<article class="letter">.*?</article>', re.DOTALL)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre"}
_INLINE_STYLES = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code"}


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a block's text with one style (``""``, ``em``, ``strong``, ``code``) and link."""

    text: str
    style: str = ""
    href: str | None = None


@dataclass(slots=True)
class Block:
    """One block of the letter: its kind (``title``, ``heading``, ``paragraph``, ``item``), its
    runs, and what it sits in (a notice, a quotation, a list with its marker)."""

    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 1
    marker: str = ""
    notice: bool = False
    quote: bool = False
    lang: str = ""

    @property
    def text(self) -> str:
        return _SPACES.sub(" ", "".join(run.text for run in self.runs).replace("\n", "\x00")).strip(" ").replace("\x00", "\n")


@dataclass(frozen=True, slots=True)
class PageLetter:
    """The letter of one built page: its language, direction, title, article and blocks."""

    page: Path  # site-relative, for messages
    lang: str
    direction: str
    title: str
    title_lang: str  # the title's own lang when it is shown in another language (untranslated)
    article: str  # the <article> element as the page has it
    blocks: tuple[Block, ...]

    @property
    def text(self) -> str:
        """What the page shows of the letter, a block a line."""
        return "\n".join(block.text for block in self.blocks)


def read_letter(html: str, page: Path) -> PageLetter:
    """The letter a built page shows; an error naming the page when it has no letter."""
    found = _ARTICLE.search(html)
    head = _HTML_TAG.search(html)
    if found is None or head is None:
        raise OpenletterError('no <article class="letter"> to make the takeaway files from', path=page)
    attributes = dict(_ATTRIBUTE.findall(head[1]))
    parser = _BlockReader()
    parser.feed(found[0])
    parser.close()
    blocks = tuple(block for block in parser.blocks if block.text)
    title = next((block for block in blocks if block.kind == "title"), None)
    if title is None:
        raise OpenletterError("the letter has no <h1> title", path=page)
    return PageLetter(page, attributes.get("lang", ""), attributes.get("dir", "ltr"), title.text, title.lang, found[0], blocks)


class _BlockReader(HTMLParser):
    """The article's blocks: text by style and link, ``hidden`` elements and what is in them left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._hidden = 0
        self._block: Block | None = None
        self._counters: list[int] = []  # per open list: 0 for <ul>, the next number for <ol>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in ("br", "hr", "img", "wbr"):
            if tag == "br" and self._block is not None and not self._hidden:
                self._block.runs.append(Run("\n"))
            return
        self._stack.append((tag, attributes))
        if self._hidden or "hidden" in attributes:
            self._hidden += 1
            return
        if tag in ("ul", "ol"):
            self._counters.append(int(attributes.get("start", "1") or 1) if tag == "ol" else 0)
        elif tag in _BLOCKS:
            self._block = self._new_block(tag, attributes)
            self.blocks.append(self._block)

    def _new_block(self, tag: str, attributes: dict[str, str]) -> Block:
        classes = {word for _, attrs in self._stack for word in attrs.get("class", "").split()}
        langs = [attrs["lang"] for _, attrs in self._stack if attrs.get("lang")]
        block = Block("paragraph", notice="notice" in classes, quote=any(name == "blockquote" for name, _ in self._stack), lang=langs[-1] if langs else "")
        if tag == "h1":
            block.kind = "title"
        elif tag[0] == "h":
            block.kind, block.level = "heading", int(tag[1])
        elif tag == "li":
            block.kind = "item"
            if self._counters and self._counters[-1]:
                block.marker = f"{self._counters[-1]}."
                self._counters[-1] += 1
            else:
                block.marker = "-"
        return block

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                for name, attributes in reversed(self._stack[depth:]):
                    self._close(name, attributes)
                del self._stack[depth:]
                return

    def _close(self, tag: str, attributes: dict[str, str]) -> None:
        if self._hidden:
            self._hidden -= 1
            return
        if tag in ("ul", "ol") and self._counters:
            self._counters.pop()
        if tag in _BLOCKS:
            self._block = None

    def handle_data(self, data: str) -> None:
        if self._hidden or self._block is None:
            return
        style = next((_INLINE_STYLES[name] for name, _ in reversed(self._stack) if name in _INLINE_STYLES), "")
        href = next((attributes.get("href") for name, attributes in reversed(self._stack) if name == "a"), None)
        self._block.runs.append(Run(data, style, href))
