"""Per entry, against its source unit: links, markup, placeholders, edges, invisible characters.

A content error makes only that entry unusable: the page shows the source text for it.  A
translator may silence one named *warning* on one entry with a translator comment
``# noqa: code[, code]``; errors cannot be silenced.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from openletter.content.markup import InlineMarkup, inline_markup
from openletter.errors import Severity
from openletter.po.compiled import placeholders
from openletter.po.flags import Flags
from openletter.po.pofile import Entry

NOQA_RE = re.compile(r"^\s*noqa\s*:\s*(.+)$", re.IGNORECASE)
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = set("\u200b\u2060\ufeff\u180e")
_JOINERS = set("\u200c\u200d")

ContentCheck = Callable[[Entry, str, "CheckContext"], Iterable[tuple[Severity, str, str]]]


@dataclass(slots=True)
class CheckContext:
    markdown: MarkdownIt
    references: dict[str, object]
    #: Markup of source texts, parsed once for all languages.
    source_markup: dict[str, InlineMarkup] = field(default_factory=dict)

    def markup_of_source(self, text: str) -> InlineMarkup:
        if text not in self.source_markup:
            self.source_markup[text] = inline_markup(self.markdown, text, self.references)
        return self.source_markup[text]


def check_markup(entry: Entry, text: str, context: CheckContext) -> Iterator[tuple[Severity, str, str]]:
    source = context.markup_of_source(entry.msgid)
    translated = inline_markup(context.markdown, text, context.references)
    if sorted(source.links) != sorted(translated.links):
        yield "error", "links", f"links {sorted(translated.links)} differ from the source's {sorted(source.links)}"
    if sorted(source.images) != sorted(translated.images):
        yield "error", "images", f"images {sorted(translated.images)} differ from the source's {sorted(source.images)}"
    for name in ("emphasis", "strong", "code"):
        if getattr(source, name) != getattr(translated, name):
            yield "error", "markup", f"{getattr(translated, name)} {name} where the source has {getattr(source, name)}"
    if translated.html and not source.html:
        yield "error", "html", "raw HTML in the translation; the source has none"
    elif translated.html != source.html:
        yield "error", "html", f"{translated.html} raw HTML tags where the source has {source.html}"


def check_placeholders(entry: Entry, text: str, context: CheckContext) -> Iterator[tuple[Severity, str, str]]:
    """``%(name)s`` as the theme substitutes them, in an entry without ``python-format``; a
    python-format entry (and a c- or python-brace-format one) is compared as msgfmt compares it,
    by :mod:`openletter.po.directives.compare`, which names the directive and its line."""
    if "python" in Flags.parse(entry.flags).languages():
        return
    expected = sorted(set(placeholders(entry.msgid) + placeholders(entry.msgid_plural or "")))
    found = sorted(set(placeholders(text)))
    if found != expected:
        yield "error", "placeholders", f"placeholders {found} differ from the source's {expected}"


def check_edges(entry: Entry, text: str, context: CheckContext) -> Iterator[tuple[Severity, str, str]]:
    for side, source_edge, text_edge in (("start", entry.msgid[:1], text[:1]), ("end", entry.msgid[-1:], text[-1:])):
        if (source_edge == "\n") != (text_edge == "\n"):
            yield "error", "newline", f"the source {'does' if source_edge == chr(10) else 'does not'} {side} with a newline; the translation must match"
        elif (source_edge in " \t") != (text_edge in " \t") and "\n" not in (source_edge, text_edge):
            yield "warning", "whitespace", f"space at the {side} differs from the source"


_INVISIBLE_RE = re.compile(
    "[" + "".join(sorted(_BIDI | _ZERO_WIDTH | _JOINERS)) + "\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def check_invisible(entry: Entry, text: str, context: CheckContext) -> Iterator[tuple[Severity, str, str]]:
    for match in _INVISIBLE_RE.finditer(text):
        char, index = match.group(), match.start()
        if char in entry.msgid:
            continue
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        if char in _BIDI:
            yield "warning", "invisible", f"bidirectional control {name} at character {index + 1}"
        elif char in _ZERO_WIDTH:
            yield "warning", "invisible", f"zero-width character {name} at character {index + 1}"
        elif char in _JOINERS:
            if not _between_letters(text, index):
                yield "warning", "invisible", f"{name} at character {index + 1} does not join two letters"
        else:
            yield "error", "control-char", f"control character U+{ord(char):04X} at character {index + 1}"


def _between_letters(text: str, index: int) -> bool:
    """ZWNJ/ZWJ are spelling in Persian, Indic scripts…: fine between two non-ASCII letters or marks."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return all(ch and ord(ch) > 0x7F and unicodedata.category(ch)[0] in "LM" for ch in (before, after))


CONTENT_CHECKS: list[ContentCheck] = [check_markup, check_placeholders, check_edges, check_invisible]


def noqa_codes(entry: Entry) -> set[str]:
    """Warning codes a translator silenced on this entry (``# noqa: whitespace, invisible``)."""
    codes: set[str] = set()
    for comment in entry.translator_comments:
        match = NOQA_RE.match(comment)
        if match:
            codes |= {code.strip() for code in match.group(1).split(",") if code.strip()}
    return codes
