"""Pseudo-translation: visibly "translated", longer text that keeps every bit of Markdown.

Used by the tests (a translated page is obvious at a glance) and by the
benchmarks (N synthetic languages from the real letter and theme strings).
"""

from __future__ import annotations

import re

from openletter.pofile import Catalog

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
