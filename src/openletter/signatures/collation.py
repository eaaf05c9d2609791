"""Signatories in the order each language sorts names: ICU's collation, with the locale's tailoring.

Babel has no collation; PyICU (``pyicu-wheels``, ICU 77) does, and sorts 100,000 names in
~80 ms per language (icu4py 1.2.0, the other wheel, has no collator; see bench/README.md).  A
language ICU has no tailoring for gets the root collation (the Unicode Collation Algorithm's
default order), which is what CLDR prescribes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

T = TypeVar("T")


class Collation:
    """One language's collator (a language tag such as ``sv``, ``pt-BR``, ``zh-Hans``)."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self._collator = icu.Collator.createInstance(icu.Locale.forLanguageTag(tag))

    @property
    def rules(self) -> str:
        """The tailoring's rules: two languages with the same (empty for the root collation) sort alike."""
        return self._collator.getRules()

    def key(self, text: str) -> bytes:
        """The binary sort key of ``text``: keys compare as the language orders the texts."""
        return bytes(self._collator.getSortKey(text))

    def sorted(self, items: Iterable[T], *texts: Callable[[T], str]) -> list[T]:
        """``items`` ordered by ``texts[0]`` of each, ties by the next text, and so on."""
        return sorted(items, key=lambda item: tuple(self.key(text(item)) for text in texts))
