"""What a page shows: its rendered characters by ``lang`` and weight, collected from its HTML."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from openletter.cache import Cache
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


def _bold_parts(selectors: Iterable[str]) -> tuple[set[str], set[str], list[tuple[str, str | None]]]:
    """The tiny selector list (``tag``, ``.class``, ``[attr]``, ``[attr=value]``) split by kind."""
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
    return tags, classes, attrs


def _bold_matcher(selectors: Iterable[str]) -> Callable[[str, dict[str, str]], bool]:
    """Turn the tiny selector list (``tag``, ``.class``, ``[attr]``, ``[attr=value]``) into a test."""
    tags, classes, attrs = _bold_parts(selectors)

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


def _reference_page_text(html: str, lang: str, bold: Iterable[str] = DEFAULT_BOLD) -> PageText:
    """``page_text`` by ``html.parser``: the reference the fast path must equal, and its fallback."""
    collector = _TextCollector(lang, bold)
    collector.feed(html)
    collector.close()
    return collector.result


# The fast path: the same events as ``HTMLParser`` (Python 3.11) for the markup a built page
# is made of, the whole page cut into (text, markup) tokens by one regular expression, and
# the collector's rules inlined.  The grammar is deliberately narrower than the parser's: markup it
# does not match exactly (``<?``, ``<![CDATA[``, other ``<!`` declarations, ``</ x>``, an end
# tag with attributes, attributes not separated by ASCII whitespace, ``a==b``, an unquoted value
# with a quote, ``=``, ``<`` or a backtick, a tag cut off by the end of the page...) is a "bad"
# token, and the whole page goes to the reference parser: a malformed page costs time, never
# correctness.
_WS = r"[ \t\n\r\f]"
#: One attribute (after the whitespace before it): a name, then maybe a value in double quotes,
#: in single quotes or bare; {0} is "(" to capture the name and each kind of value, "(?:" not to.
#: Possessive (``*+``): a value never needs to give back characters for the tag to match, so a
#: tag that would need it is not one the fast path reads (and is left to the parser).
_ATTR_SRC = (
    _WS + r"++{0}[a-zA-Z_:][-a-zA-Z0-9_:.]*+)"
    r"(?:" + _WS + "*+=" + _WS + r"""*+(?:"{0}[^"]*+)"|'{0}[^']*+)'|{0}[^\s"'=<>`]++)))?"""
)
#: 1 the name, 2 a double-quoted, 3 a single-quoted, 4 a bare value.
_ATTR = re.compile(_ATTR_SRC.format("("))
_ATTRS = f"((?:{_ATTR_SRC.format('(?:')})*+)"
#: The text up to the next ``<`` (group 1), then what starts there, told by the last group
#: matched (``lastindex``): a ``<script>`` (2: its attributes) or a ``<style>`` (3) with its raw
#: text and end tag as the parser finds them (it has only these two CDATA elements; it looks for
#: ``</\s*script\s*>`` in any case, then reads an end tag in ASCII: ``</ſcript>`` is raw text);
#: any other start tag (4 name, 5 attributes, 6 the ``/`` of ``/>``); an end tag (7 name); a
#: ``<`` the parser passes on as text (8); anything else (9: "bad"); or nothing more (1: a
#: comment, a doctype, or the end of the page).
_TOKEN = re.compile(
    rf"""([^<]*+)(?:
        <(?:
            [sS][cC][rR][iI][pP][tT]{_ATTRS}{_WS}*>.*?</\s*[sS][cC][rR][iI][pP][tT]\s*>
          | [sS][tT][yY][lL][eE]{_ATTRS}{_WS}*>.*?</\s*[sS][tT][yY][lL][eE]\s*>
          | ([a-zA-Z][-a-zA-Z0-9]*){_ATTRS}{_WS}*(/?)>
          | /([a-zA-Z][-.a-zA-Z0-9:_]*){_WS}*>
          | !--.*?--\s*>
          | ![dD][oO][cC][tT][yY][pP][eE][^>]*>
        )
      | (<)(?![a-zA-Z/!?])
      | (<)
      | \Z
    )""",
    re.VERBOSE | re.DOTALL,
)
_SCRIPT, _STYLE, _START, _END, _LESS_THAN, _BAD = 2, 3, 6, 7, 8, 9

#: What a tag's attributes (their source text) mean here, by bold selectors: the ``lang`` they
#: set (None if none or malformed), whether they make the element bold, and the ``alt`` and
#: ``placeholder`` texts they show.  Pages share most attributes (every dashboard has the same
#: links), so this outlives a page; it is emptied when it grows large.
_ATTRIBUTE_MEANINGS: dict[tuple[str, ...], dict[str, tuple[str | None, bool, tuple[str, ...]]]] = {}
#: Text with character references, unescaped (``&nbsp;`` in every row of a dashboard).
_UNESCAPED: dict[str, str] = {}
_CACHE_MAX = 100_000


def _attribute_meaning(
    source: str, classes: set[str], attrs: list[tuple[str, str | None]]
) -> tuple[str | None, bool, tuple[str, ...]]:
    """``_TextCollector.handle_starttag``'s reading of attributes (as matched by ``_ATTRS``)."""
    attributes = {}
    for name, double, single, bare in _ATTR.findall(source):
        value = double or single or bare
        attributes[name.lower()] = unescape(value) if value else value
    lang = attributes.get("lang", "")
    bold = bool(classes & set(attributes.get("class", "").split())) or any(
        name in attributes and (value is None or attributes[name] == value) for name, value in attrs
    )
    shown = tuple(attributes[name] for name in ("alt", "placeholder") if attributes.get(name))
    return (lang if _LANG_TAG.fullmatch(lang) else None), bold, shown


#: What a start tag's name (as written) means here, by bold selectors (see ``_tag_meaning``).
_TAG_MEANINGS: dict[tuple[str, ...], dict[str, tuple[str, bool, bool, bool, bool]]] = {}


def _tag_meaning(name: str, bold_tags: set[str]) -> tuple[str, bool, bool, bool, bool]:
    """A tag's name in lower case, whether it is bold, hides its text, is void, and needs a closer look."""
    tag = name.lower()
    return tag, tag in bold_tags, tag in _HIDDEN_TEXT or tag == "head", tag in _VOID, tag in _SPECIAL


#: Start tags with a rule of their own: a list item's marker, the title, unclosed raw text.
_SPECIAL = frozenset({"li", "title", "script", "style"})


def _fast_page_text(html: str, root_lang: str, bold: tuple[str, ...] = DEFAULT_BOLD) -> PageText | None:
    """``_reference_page_text``'s result, or None where the page has markup the fast grammar lacks.

    Text is gathered per (lang, weight) and recorded once at the end: ``PageText.add`` of the
    joined chunks equals adding each (a union; whitespace becomes a space either way).
    """
    bold_tags, bold_classes, bold_attrs = _bold_parts(bold)
    meanings = _ATTRIBUTE_MEANINGS.setdefault(bold, {})
    tag_meanings = _TAG_MEANINGS.setdefault(bold, {})
    for cache in (meanings, tag_meanings):
        if len(cache) > _CACHE_MAX:
            cache.clear()
    regular, heavy = WEIGHTS
    result = PageText(root_lang)
    langs = result.langs
    parts: dict[tuple[str, int], list[str]] = {}
    # _TextCollector's stack: [tag, lang, bold, hidden, ordered-list counter, where its text goes]
    sink: list[str] | None = parts.setdefault((root_lang, regular), [])
    top: list = ["#root", root_lang, False, False, 0, sink]
    stack = [top]
    unescaped = _UNESCAPED
    if len(unescaped) > _CACHE_MAX:
        unescaped.clear()
    # the token kinds as locals: _SCRIPT, _STYLE, _START, _END, _LESS_THAN (_BAD: the rest)
    script_kind, style_kind, start_kind, end_kind, less_than_kind = _SCRIPT, _STYLE, _START, _END, _LESS_THAN
    for token in _TOKEN.finditer(html):
        kind = token.lastindex
        if sink is not None:
            text = token[1]
            if text:
                if "&" in text:
                    text = unescaped.get(text) or unescaped.setdefault(text, unescape(text))
                sink.append(text)
        if kind == end_kind:  # close the innermost open element of that name, if any
            tag = token[end_kind].lower()
            if top[0] == tag:
                if len(stack) == 1:
                    continue
                stack.pop()
            else:
                for depth in range(len(stack) - 2, 0, -1):
                    if stack[depth][0] == tag:
                        break
                else:
                    continue
                del stack[depth:]
            top = stack[-1]
            sink = top[5]
            continue
        if kind == start_kind:
            name, source, slash = token.group(4, 5, 6)
            tag_meaning = tag_meanings.get(name)
            if tag_meaning is None:
                tag_meaning = tag_meanings[name] = _tag_meaning(name, bold_tags)
        elif kind == 1:
            continue  # a comment, a doctype, or the end of the page
        elif kind == script_kind or kind == style_kind:  # with its raw text and end tag: hidden, skipped
            tag_meaning = _tag_meaning("script" if kind == script_kind else "style", bold_tags)
            source, slash = token[kind], "/"
        elif kind == less_than_kind:
            if sink is not None:
                sink.append("<")
            continue
        else:
            return None  # markup the fast grammar does not know
        # a start tag: _TextCollector.handle_starttag
        tag, tag_is_bold, hides, void, special = tag_meaning
        if special and not slash and (tag == "script" or tag == "style"):
            return None  # no end tag: the parser drops the rest of the page; left to it
        lang, is_heavy, hidden = top[1], top[2], top[3]
        if source:
            meaning = meanings.get(source)
            if meaning is None:
                meaning = meanings[source] = _attribute_meaning(source, bold_classes, bold_attrs)
            if meaning[0] is not None:
                lang = meaning[0]
                langs.add(lang)
            is_heavy = is_heavy or tag_is_bold or meaning[1]
            if meaning[2] and not (hidden or hides):
                parts.setdefault((lang, heavy if is_heavy else regular), []).extend(meaning[2])
        else:
            is_heavy = is_heavy or tag_is_bold
        hidden = hidden or hides
        if special:
            if tag == "li" and top[0] == "ol" and not hidden:
                top[4] += 1
                parts.setdefault((lang, heavy if is_heavy else regular), []).append(f"{top[4]}. ")
            elif tag == "title":
                hidden = False
        if slash or void:
            continue  # a void element, <x/>, or a script or style with its raw text and end tag
        if lang is not top[1] or is_heavy is not top[2] or hidden is not top[3]:
            sink = None if hidden else parts.setdefault((lang, heavy if is_heavy else regular), [])
        top = [tag, lang, is_heavy, hidden, 0, sink]
        stack.append(top)
    for (lang, weight), chunks in parts.items():
        result.add(lang, weight, "".join(chunks))
    return result


def page_text(html: str, lang: str, bold: Iterable[str] = DEFAULT_BOLD) -> PageText:
    """What ``html`` shows, by language and weight; ``lang`` applies where no ``lang`` attribute does.

    Most pages take the fast path; a page with markup it does not know takes ``html.parser``,
    whose result it equals wherever it answers.
    """
    bold = tuple(bold)
    fast = _fast_page_text(html, lang, bold)
    return fast if fast is not None else _reference_page_text(html, lang, bold)


def read_page_text(page: Path, lang: str, bold: tuple[str, ...], cache: Cache) -> PageText:
    """What a page shows (see :func:`page_text`), from the cache when its bytes were seen before;
    a page that cannot be read or is not UTF-8 is an error naming it."""
    try:
        html = page.read_bytes()
    except OSError as error:
        raise OpenletterError(f"cannot read page: {error}", path=page) from None

    def parse() -> PageText:
        try:
            text = html.decode("utf-8")
        except UnicodeDecodeError as error:
            raise OpenletterError(f"cannot read page: {error}", path=page) from None
        return page_text(text, lang, bold)

    return cache.get("font-text", (html, lang, *bold), parse, valid=PageText)


#: How much of a page ``pages_from_site`` searches for ``<html lang>``, in characters.
HEAD_CHARS = 4096
_HTML_LANG = re.compile(r"<html\b[^>]*\blang=[\"']?([A-Za-z0-9-]+)", re.IGNORECASE)


def page_start(page: Path, chars: int) -> str:
    """The first ``chars`` characters of a page as ``read_text`` gives them (UTF-8, universal
    newlines), decoding only the bytes they can take: at 200 languages a page is ~100 kB, and
    ``<html>`` is at its top. Invalid UTF-8 there is an error naming the page; a page the
    caches have not seen is decoded whole by the fonts and guard steps."""
    limit = 8 * chars  # 4 bytes a character, 2 characters for a CR LF read as one
    try:
        with page.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) <= limit:
            text = data.decode("utf-8")
        else:  # cut: the last character may be half of a CR LF pair, drop it
            text = codecs.getincrementaldecoder("utf-8")().decode(data[:limit])[:-1]
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if len(data) > limit and len(text) < chars:  # only a page of nothing but 4-byte characters and CRs
            text = page.read_text(encoding="utf-8")
        return text[:chars]
    except (OSError, UnicodeDecodeError) as error:
        raise OpenletterError(f"cannot read page: {error}", path=page) from None


def page_langs(pages: Iterable[Path], default_lang: str = "en") -> dict[Path, str]:
    """Each page with the ``lang`` of its ``<html>`` element (``default_lang`` when it has none)."""
    found = {}
    for page in pages:
        match = _HTML_LANG.search(page_start(page, HEAD_CHARS))
        found[page] = match[1] if match else default_lang
    return found


def pages_from_site(site_root: Path, default_lang: str = "en") -> dict[Path, str]:
    """Every ``*.html`` under ``site_root`` with the ``lang`` of its ``<html>`` element
    (for ``python -m openletter.fonts`` and checking a site afterwards)."""
    return page_langs(sorted(Path(site_root).rglob("*.html")), default_lang)
