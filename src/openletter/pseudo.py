"""Pseudo-translation: visibly "translated", longer text that keeps every bit of Markdown.

Used by ``invoke build --pseudo`` (the pseudo-locale ``en-XA``: any English left on its pages
is a theme string nobody marked for translation), by the tests (a translated page is obvious at
a glance) and by the benchmarks (N synthetic languages from the real letter and theme strings).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from babel import Locale

from openletter.languages import Language
from openletter.gettext.pofile import Catalog

_ACCENTS = str.maketrans(
    "aeiouyAEIOUYcnszCNSZ",
    "áéîõüýÁÉÎÕÜÝçñšžÇÑŠŽ",
)
#: Spans that must survive untouched: link targets, code, HTML tags, URLs, %-placeholders, escapes.
_PROTECTED = re.compile(
    r"\]\([^)]*\)|`[^`]*`|<[^>]*>|https?://\S+|%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%%|\\."
)


def pseudo(text: str, expand: float = 0.3) -> str:
    """Accent letters outside protected spans, lengthen by ``expand``, wrap in ‹ ›."""
    if not text:
        return text
    parts, position = [], 0
    for match in _PROTECTED.finditer(text):
        parts.append(text[position : match.start()].translate(_ACCENTS))
        parts.append(match.group(0))
        position = match.end()
    parts.append(text[position:].translate(_ACCENTS))
    padding = "·" * int(len(text) * expand)
    return "‹" + "".join(parts) + (" " + padding if padding else "") + "›"


def pseudo_translate(catalog: Catalog, expand: float = 0.3) -> Catalog:
    """Fill every entry of ``catalog`` in place with its pseudo-translation (not fuzzy)."""
    for entry in catalog.entries:
        entry.fuzzy = False
        if entry.msgid_plural is None:
            entry.msgstr = pseudo(entry.msgid, expand)
        else:
            entry.msgstr_plural = [
                pseudo(entry.msgid if index == 0 else entry.msgid_plural, expand)
                for index in range(len(entry.msgstr_plural) or 2)
            ]
    return catalog


#: The pseudo-locale's code and BCP 47 tag: ``XA`` is a private-use region, as Android and
#: Chromium use it for their accented pseudo-locale (``en-XA``); CLDR has no data for it.
PSEUDO_CODE = "en_XA"


@dataclass(frozen=True)
class PseudoLanguage(Language):
    """A language built only on request, from the templates, to see what the theme leaves
    unmarked (English without ‹ ›) and what breaks with longer text; never published."""

    code: str = PSEUDO_CODE
    base: str = "en"

    @cached_property
    def locale(self) -> Locale:
        return Locale.parse(self.base)

    @cached_property
    def tag(self) -> str:
        return PSEUDO_CODE.replace("_", "-")

    @cached_property
    def native_name(self) -> str:
        return pseudo("Pseudo-English", expand=0)

    @cached_property
    def english_name(self) -> str:
        return "Pseudo-locale"

    def list_pattern(self, slots: Sequence[str]) -> str:
        """English's "A, B, and C" with its words accented (the slots look like tags: kept)."""
        return pseudo(super().list_pattern(slots), expand=0)

    def format_date(self, value: date) -> str:
        """English's date, accented: a date the theme prints is translated text too."""
        return pseudo(super().format_date(value), expand=0)


def pseudo_catalog(template: Catalog, expand: float = 0.3) -> Catalog:
    """A complete pseudo-translated catalog from ``template`` (the template is left untouched)."""
    catalog = copy.deepcopy(template)
    catalog.set_header_field("Language", PSEUDO_CODE)
    catalog.set_header_field("Plural-Forms", PseudoLanguage().plural_forms)
    return pseudo_translate(catalog, expand)


@dataclass(frozen=True, slots=True)
class Unmarked:
    """English on a pseudo-locale page: a theme string nobody marked for translation."""

    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: unmarked: {self.text!r} is not translated in the pseudo-locale"


class _PseudoText(HTMLParser):
    """The page's text in the pseudo-locale (code, and text in another ``lang``, left out)."""

    _VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
    _SKIPPED = frozenset({"code", "script", "style", "kbd", "samp"})

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag = tag
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self._VOID:
            self.stack.append((tag, dict(attrs).get("lang")))
        if tag in ("br", "img", "hr"):
            self.pieces.append((self.getpos()[0], " "))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        language = next((lang for _, lang in reversed(self.stack) if lang), None)
        if language == self.tag and not any(tag in self._SKIPPED for tag, _ in self.stack):
            self.pieces.append((self.getpos()[0], data))
        elif self.pieces and self.pieces[-1][1] != "\x00":
            self.pieces.append((self.getpos()[0], "\x00"))  # a hole: code or another language


def unmarked_text(html: str, path: Path, tag: str = PSEUDO_CODE.replace("_", "-")) -> list[Unmarked]:
    """Runs of Latin letters on ``html`` in language ``tag`` that are outside every ‹ › span."""
    reader = _PseudoText(tag)
    reader.feed(html)
    found: list[Unmarked] = []
    depth, run, run_line = 0, "", 0
    for line, data in [*reader.pieces, (0, "\x00")]:  # a final hole ends the last run
        for character in data:
            if character == "‹":
                depth += 1
            elif character == "›":
                depth = max(depth - 1, 0)
            elif depth == 0 and character != "\x00":
                if not run.strip():
                    run_line = line
                run += character
                continue
            if _LATIN_RE.search(run):
                found.append(Unmarked(path, run_line, " ".join(run.split())))
            run = ""
    return found


_LATIN_RE = re.compile(r"[A-Za-z]")
