"""Pseudo-translation: visibly "translated", longer text that keeps every bit of Markdown.

Used by ``invoke build --pseudo`` (the pseudo-locale ``en-XA``: any English left on its pages
is a theme string nobody marked for translation, see :mod:`openletter.pages.unmarked`), by the tests (a translated page is obvious at
a glance) and by the benchmarks (N synthetic languages from the real letter and theme strings).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from babel import Locale

from openletter.languages import Language
from openletter.po.pofile import Catalog

_ACCENTS = str.maketrans(
    "aeiouyAEIOUYcnszCNSZ",
    "áéîõüýÁÉÎÕÜÝçñšžÇÑŠŽ",
)
#: Spans that must survive untouched: link targets, code, HTML tags, URLs, %-placeholders, escapes.
_PROTECTED = re.compile(
    r"\]\([^)]*\)|`[^`]*`|<[^>]*>|https?://\S+|%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%%|\\."
)


def outside_protected(text: str, transform: Callable[[str], str]) -> str:
    """``text`` with ``transform`` applied to each run outside the protected spans (which stay)."""
    parts, position = [], 0
    for match in _PROTECTED.finditer(text):
        parts.append(transform(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(transform(text[position:]))
    return "".join(parts)


def pseudo(text: str, expand: float = 0.3) -> str:
    """Accent letters outside protected spans, lengthen by ``expand``, wrap in ‹ ›."""
    if not text:
        return text
    padding = "·" * int(len(text) * expand)
    return "‹" + outside_protected(text, lambda run: run.translate(_ACCENTS)) + (" " + padding if padding else "") + "›"


def pseudo_translate(catalog: Catalog, expand: float = 0.3, translate: Callable[[str], str] | None = None) -> Catalog:
    """Fill every entry of ``catalog`` in place with its pseudo-translation (not fuzzy): by
    :func:`pseudo`, or by ``translate`` (see :mod:`openletter.exemplars`)."""
    translate = translate or (lambda text: pseudo(text, expand))
    for entry in catalog.entries:
        entry.fuzzy = False
        if entry.msgid_plural is None:
            entry.msgstr = translate(entry.msgid)
        else:
            entry.msgstr_plural = [
                translate(entry.msgid if index == 0 else entry.msgid_plural)
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
    catalog = template.copy()
    catalog.set_header_field("Language", PSEUDO_CODE)
    catalog.set_header_field("Plural-Forms", str(PseudoLanguage().plural_forms))
    return pseudo_translate(catalog, expand)
