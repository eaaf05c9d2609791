"""What a page shows: its rendered characters by ``lang`` and weight, collected from its HTML."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from openletter.errors import OpenletterError
from openletter.fonts.constants import DEFAULT_BOLD, WEIGHTS

_HTML_SPACE = frozenset("\t\n\f\r ")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_HIDDEN_TEXT = frozenset({"script", "style", "template"})
#: A well-formed BCP 47 tag, also safe to write into a CSS ``:lang()`` selector.
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


@dataclass
class PageText:
    """What a page renders: characters by (lang tag, weight), and the lang tags it uses."""

    root_lang: str
    usage: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    langs: set[str] = field(default_factory=set)

    def add(self, lang: str, weight: int, text: str) -> None:
        """Record ``text`` shown in ``lang`` at ``weight``; HTML whitespace renders as a space."""
        chars = set(text)
        if chars & _HTML_SPACE:
            chars = (chars - _HTML_SPACE) | {" "}
        if chars:
            self.usage.setdefault((lang, weight), set()).update(chars)

    def chars(self) -> set[str]:
        """Every character the page shows, in any language or weight."""
        return set().union(*self.usage.values()) if self.usage else set()


def _bold_matcher(selectors: Iterable[str]) -> Callable[[str, dict[str, str]], bool]:
    """Turn the tiny selector list (``tag``, ``.class``, ``[attr]``, ``[attr=value]``) into a test."""
    tags: set[str] = set()
    classes: set[str] = set()
    attrs: list[tuple[str, str | None]] = []
    for selector in selectors:
        if selector.startswith("."):
            classes.add(selector[1:])
        elif selector.startswith("[") and selector.endswith("]"):
            name, _, value = selector[1:-1].partition("=")
            attrs.append((name.strip().lower(), value.strip("\"' ") if value else None))
        else:
            tags.add(selector.lower())

    def is_bold(tag: str, attributes: dict[str, str]) -> bool:
        if tag in tags or classes & set(attributes.get("class", "").split()):
            return True
        return any(name in attributes and (value is None or attributes[name] == value) for name, value in attrs)

    return is_bold


class _TextCollector(HTMLParser):
    """Collects rendered text with the ``lang`` and weight it is shown in.

    Counts the body's text, ``<title>``, ``alt`` and ``placeholder`` texts and ``<ol>`` markers;
    skips ``script``/``style``/``template`` and the rest of ``<head>``.
    """

    def __init__(self, root_lang: str, bold: Iterable[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.result = PageText(root_lang)
        self._is_bold = _bold_matcher(bold)
        # (tag, lang, bold, hidden, ordered-list counter)
        self._stack: list[list[object]] = [["#root", root_lang, False, False, 0]]

    def _context(self) -> tuple[str, int, bool]:
        _, lang, bold, hidden, _ = self._stack[-1]
        return lang, WEIGHTS[1] if bold else WEIGHTS[0], hidden

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): (value or "") for name, value in attrs}
        parent_tag, lang, bold, hidden, _ = self._stack[-1]
        if _LANG_TAG.fullmatch(attributes.get("lang", "")):
            lang = attributes["lang"]  # an empty or malformed lang is ignored here as in CSS
            self.result.langs.add(lang)
        bold = bold or self._is_bold(tag, attributes)
        hidden = hidden or tag in _HIDDEN_TEXT or (tag == "head")
        weight = WEIGHTS[1] if bold else WEIGHTS[0]
        if not hidden:
            for name in ("alt", "placeholder"):
                if attributes.get(name):
                    self.result.add(lang, weight, attributes[name])
            if tag == "li" and parent_tag == "ol":
                self._stack[-1][4] += 1
                self.result.add(lang, weight, f"{self._stack[-1][4]}. ")
        if tag == "title":
            hidden = False  # the one part of <head> a person sees (tab, bookmarks, history)
        if tag not in _VOID:
            self._stack.append([tag, lang, bold, hidden, 0])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        lang, weight, hidden = self._context()
        if not hidden:
            self.result.add(lang, weight, data)


def page_text(html: str, lang: str, bold: Iterable[str] = DEFAULT_BOLD) -> PageText:
    """What ``html`` shows, by language and weight; ``lang`` applies where no ``lang`` attribute does."""
    collector = _TextCollector(lang, bold)
    collector.feed(html)
    collector.close()
    return collector.result


def _read_html(page: Path) -> bytes:
    """A page's bytes: hashed for the page cache before anything is parsed."""
    try:
        return page.read_bytes()
    except OSError as error:
        raise OpenletterError(f"cannot read page: {error}", path=page) from None


def _parse_page(page: Path, html: bytes, lang: str, bold: Iterable[str]) -> PageText:
    """Decode and parse a page's bytes; a page that is not UTF-8 is an error naming it."""
    try:
        text = html.decode("utf-8")
    except UnicodeDecodeError as error:
        raise OpenletterError(f"cannot read page: {error}", path=page) from None
    return page_text(text, lang, bold)


def _read_page(page: Path, lang: str, bold: Iterable[str]) -> PageText:
    """Read and parse one page, turning I/O and decoding problems into errors naming it."""
    return _parse_page(page, _read_html(page), lang, bold)
