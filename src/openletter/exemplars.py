"""Pseudo-translation into a language's own script, from CLDR's exemplar characters.

The accented pseudo-locale (:mod:`openletter.pseudo`) shows what the theme leaves untranslated;
it cannot show whether a Tibetan or an Amharic page renders. For that, the tests and benchmarks
build sites of many real CLDR languages whose text is written in each language's script: every
English word becomes a word of the same length made of the language's exemplar characters (the
letters CLDR says the language is written with, from the pinned npm package ``cldr-misc-full``),
so every exemplar character reaches a page and every script meets its webfont.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from babel.localedata import locale_identifiers

from openletter.errors import LanguageError, OpenletterError
from openletter.languages import Language
from openletter.po.merge import merge
from openletter.pseudo import outside_protected, pseudo_translate

if TYPE_CHECKING:
    from openletter.maintenance import Catalogs

#: The npm package with CLDR's per-locale character data (pinned by package-lock.json).
CLDR_PACKAGE = "cldr-misc-full"
#: At most this many distinct exemplars go into one language's text: a Chinese or Japanese
#: letter uses a few hundred distinct characters, not CLDR's thousands.
MOST_EXEMPLARS = 600
#: Scripts whose every exemplar is a whole syllable or word: one per two English letters.
_DENSE = 300
_WORD = re.compile(r"[^\W\d_]+")
_ITEM = re.compile(r"\{(?P<cluster>[^}]*)\}|\\u(?P<hex>[0-9A-Fa-f]{4})|\\(?P<escaped>.)|(?P<char>\S)")


class ExemplarError(OpenletterError):
    """CLDR's character data is missing or unreadable for a language."""


def parse_unicode_set(text: str) -> list[str]:
    """The items of a CLDR exemplar set as the JSON data writes it: ``[a b {ch} \\u200C]``,
    adjacent characters being separate items and ``{...}`` one multi-character item."""
    body = text.strip()
    if not (body.startswith("[") and body.endswith("]")):
        raise ValueError(f"not a character set: {text[:40]!r}")
    items: list[str] = []
    for match in _ITEM.finditer(body[1:-1]):
        if match["cluster"] is not None:
            cluster = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m[1], 16)), match["cluster"])
            items.append(re.sub(r"\\(.)", r"\1", cluster))
        elif match["hex"]:
            items.append(chr(int(match["hex"], 16)))
        else:
            items.append(match["escaped"] or match["char"])
    return [item for item in items if item and not item.isspace() and unicodedata.category(item[0]) not in ("Cf", "Cc")]


def _is_mark(item: str) -> bool:
    return unicodedata.category(item[0]).startswith("M")


@dataclass
class Exemplars:
    """One language's exemplar characters, and words written with them."""

    language: Language
    items: tuple[str, ...]
    _bases: tuple[str, ...] = field(init=False)
    _marks: tuple[str, ...] = field(init=False)
    _next: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        items = self.items
        if len(items) > MOST_EXEMPLARS:  # evenly spread over the set, kana and hanzi alike
            step = len(items) / MOST_EXEMPLARS
            items = tuple(items[int(index * step)] for index in range(MOST_EXEMPLARS))
        self._bases = tuple(item for item in items if not _is_mark(item))
        self._marks = tuple(item for item in items if _is_mark(item))
        if not self._bases:
            raise ExemplarError(f"{self.language.code}: no base letters among its exemplar characters")

    @classmethod
    def load(cls, node_modules: Path, language: Language) -> Exemplars:
        """The exemplar characters CLDR gives ``language`` (its locale, else its base language)."""
        main = node_modules / CLDR_PACKAGE / "main"
        for name in (language.tag, language.locale.language):
            path = main / name / "characters.json"
            if path.is_file():
                break
        else:
            raise ExemplarError(f"{main / language.tag}: no CLDR character data; run `npm ci`")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            text = next(iter(data["main"].values()))["characters"]["exemplarCharacters"]
            return cls(language, tuple(parse_unicode_set(text)))
        except (OSError, ValueError, KeyError, StopIteration) as error:
            raise ExemplarError(f"{path}: unreadable CLDR character data ({error})") from error

    @property
    def letters(self) -> frozenset[str]:
        """Every character the language's text is written with here, capitals included."""
        chars = {char for item in (*self._bases, *self._marks) for char in item}
        return frozenset(chars | {char.upper() for char in chars if len(char.upper()) == 1})

    @property
    def dense(self) -> bool:
        return len(self._bases) > _DENSE

    def _syllables(self) -> Iterator[str]:
        """Base letters in turn, every other one followed by the next mark: every exemplar comes
        round, and a mark never starts a word or follows another mark."""
        while True:
            index = self._next
            self._next += 1
            base = self._bases[index % len(self._bases)]
            yield base + (self._marks[(index // 2) % len(self._marks)] if self._marks and index % 2 else "")

    def word(self, english: str, start: int | None = None) -> str:
        """A word for ``english``: as many syllables as it has letters (half as many in a script of
        syllable or word signs), capitalized where it is; from syllable ``start`` of the cycle, if
        given (words that differ where the same length would repeat), else where the last one ended."""
        if start is not None:
            self._next = start
        count = max(1, math.ceil(len(english) / 2) if self.dense else len(english))
        syllables = self._syllables()
        text = "".join(next(syllables) for _ in range(count))
        return text[0].upper() + text[1:] if english[0].isupper() and text[0].upper() != text[0] and len(text[0].upper()) == 1 else text

    def translate(self, text: str) -> str:
        """``text`` with every English word outside Markdown, HTML and placeholders rewritten."""
        return outside_protected(text, lambda run: _WORD.sub(lambda match: self.word(match.group(0)), run))


def locale_ids() -> list[str]:
    """Babel's locales of a language (``sr_Latn`` but not ``sr_Latn_BA``), in a fixed order."""
    return sorted(code for code in locale_identifiers() if code != "root" and not any(part.isupper() or part.isdigit() for part in code.split("_")[1:]))


def sample_languages(count: int, node_modules: Path, usable: Callable[[Exemplars], bool], exclude: frozenset[str] = frozenset({"en"})) -> list[Language]:
    """``count`` CLDR languages whose exemplars are ``usable`` (a site can set them: a webfont
    covers them), one per script first, then the rest in code order; sorted by code."""
    found: list[Language] = []
    for code in locale_ids():
        if code.split("_")[0] in exclude:
            continue
        try:
            exemplars = Exemplars.load(node_modules, Language.parse(code))
        except (LanguageError, ExemplarError):  # not a language Babel knows, or CLDR lists no letters for it (``blt``)
            continue
        if usable(exemplars):
            found.append(exemplars.language)
    first: dict[str, Language] = {}
    for language in found:
        first.setdefault(language.script, language)
    chosen = list(first.values())[:count]
    chosen += [language for language in found if language not in chosen][: count - len(chosen)]
    if len(chosen) < count:
        raise ExemplarError(f"only {len(chosen)} usable CLDR languages with character data")
    return sorted(chosen, key=lambda language: language.code)


def add_scripted_languages(catalogs: Catalogs, count: int, node_modules: Path, usable: Callable[[Exemplars], bool]) -> list[Language]:
    """Add ``count`` real CLDR languages to ``catalogs``' project (one of every ``usable`` script
    first), every letter and theme entry written in the language's own script; the templates are
    extracted first.  For test and benchmark sites: a catalog written this way is complete but not
    a translation."""
    languages = sample_languages(count, node_modules, usable)
    catalogs.extract()
    templates = {domain: catalogs.template(domain) for domain in catalogs.project.domains()}
    for language in languages:  # as add_language makes them, translated before they are written once
        exemplars = Exemplars.load(node_modules, language)
        for domain, template in templates.items():
            catalog, _ = merge(catalogs.new_catalog(language, template), template)
            path = catalogs.project.catalog_path(language, domain)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(catalogs.writer.dump_bytes(pseudo_translate(catalog, translate=exemplars.translate)))
    return languages
