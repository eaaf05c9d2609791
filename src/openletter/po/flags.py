"""The ``#,`` flags of an entry, read and merged as GNU gettext does.

A ``#,`` line is a list of tokens separated by commas and white space (gettext's
``parse_comment_special``): ``fuzzy``; ``[no-|possible-|impossible-]LANG-format`` for a
language of :data:`~openletter.po.directives.FORMAT_LANGUAGES`; ``range: MIN..MAX``;
``wrap`` / ``no-wrap``.  Other tokens mean nothing to gettext, and ``msgcat`` drops them.

Several ``#,`` lines on one entry: GNU gettext 0.21 (``msgcat`` here) keeps only the last line's
flags and loses the others (a ``fuzzy`` on the first of two lines disappears); gettext 0.26 merges
them (commit 8d373b065, 2025-06-30): ``fuzzy`` if any line says so, each format flag as the last
line that names that language says, the union of the ranges, the last ``wrap``/``no-wrap``.  We
follow 0.26: a translator's ``fuzzy`` is never lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from openletter.po.directives import FORMAT_LANGUAGES

_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")
_PREFIXES = (("no-", "no"), ("possible-", "possible"), ("impossible-", "impossible"))
_INT_MAX = 2**31 - 1
_DIGITS = re.compile(r"[0-9]+")


def line_tokens(body: str) -> list[str]:
    """The flags of one ``#,`` line (the text after ``#,``), with ``range:`` joined to its value.

    Of several ranges on one line only the last valid one counts (``parse_comment_special``)."""
    words = [word for word in _SEPARATORS.split(body) if word]
    tokens: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word == "range:":
            value = words[index + 1] if index + 1 < len(words) else ""
            index += 1
            if parse_range(value) is not None:
                tokens = [token for token in tokens if not token.startswith("range: ")]
                tokens.append(f"range: {value}")
        else:
            tokens.append(word)
        index += 1
    return tokens


def parse_range(value: str) -> tuple[int, int] | None:
    """``MIN..MAX`` as gettext reads it: digits, two dots, digits (anything after them ignored),
    each capped at INT_MAX, and MIN <= MAX."""
    low = _DIGITS.match(value)
    if low is None or value[low.end() : low.end() + 2] != "..":
        return None
    high = _DIGITS.match(value, low.end() + 2)
    if high is None:
        return None
    minimum, maximum = min(int(low.group()), _INT_MAX), min(int(high.group()), _INT_MAX)
    return (minimum, maximum) if minimum <= maximum else None


def _format_flag(token: str) -> tuple[str, str] | None:
    """(language, yes|no|possible|impossible) of a ``…-format`` token, or None."""
    if not token.endswith("-format"):
        return None
    name, value = token[: -len("-format")], "yes"
    for prefix, meaning in _PREFIXES:
        if name.startswith(prefix):
            name, value = name[len(prefix) :], meaning
            break
    return (name, value) if name in FORMAT_LANGUAGES else None


@dataclass(slots=True)
class Flags:
    """What gettext keeps of an entry's flags."""

    fuzzy: bool = False
    #: language -> "yes" | "no" | "possible" | "impossible"
    formats: dict[str, str] = field(default_factory=dict)
    range: tuple[int, int] | None = None
    #: True for ``wrap``, False for ``no-wrap``, None when neither is given.
    wrap: bool | None = None
    #: Tokens gettext does not know, in order, once each.
    other: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, tokens: Iterable[str]) -> Flags:
        """Tokens in order, later ones overriding earlier ones as merged ``#,`` lines do."""
        flags = cls()
        for token in tokens:
            if token == "fuzzy":
                flags.fuzzy = True
            elif (found := _format_flag(token)) is not None:
                flags.formats[found[0]] = found[1]
            elif token.startswith("range: ") and (bounds := parse_range(token[len("range: ") :])) is not None:
                if flags.range is not None:
                    bounds = (min(bounds[0], flags.range[0]), max(bounds[1], flags.range[1]))
                flags.range = bounds
            elif token in ("wrap", "no-wrap"):
                flags.wrap = token == "wrap"
            elif token not in flags.other:
                flags.other.append(token)
        return flags

    def format_flags(self) -> list[str]:
        """The format flags ``msgcat`` prints, in gettext's order (``possible-`` printed plain)."""
        printed = []
        for language in FORMAT_LANGUAGES:
            value = self.formats.get(language)
            if value in ("yes", "possible"):
                printed.append(f"{language}-format")
            elif value == "no":
                printed.append(f"no-{language}-format")
        return printed

    @property
    def wrap_language(self) -> str | None:
        """The format whose directives ``msgcat`` keeps whole: the first one (in gettext's order)
        the entry is or may be in."""
        return next((language for language in FORMAT_LANGUAGES if self.formats.get(language) in ("yes", "possible")), None)

    def languages(self) -> list[str]:
        """Every format the entry is or may be in, as ``msgfmt --check-format`` checks them."""
        return [language for language in FORMAT_LANGUAGES if self.formats.get(language) in ("yes", "possible")]

    def tokens(self) -> list[str]:
        """The flags as one canonical list: known ones in gettext's order, then the others."""
        found = ["fuzzy"] if self.fuzzy else []
        for language in FORMAT_LANGUAGES:
            value = self.formats.get(language)
            if value is not None:
                found.append(f"{'' if value == 'yes' else value + '-'}{language}-format")
        if self.range is not None:
            found.append(f"range: {self.range[0]}..{self.range[1]}")
        if self.wrap is not None:
            found.append("wrap" if self.wrap else "no-wrap")
        return found + self.other
