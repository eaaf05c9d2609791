"""The webfont families: which Noto family sets a language's text, its fallback order, its byte budget."""

from __future__ import annotations

import functools
from dataclasses import dataclass

#: Font bytes a page may load: alphabetic and Indic pages, and CJK pages (1 KB = 1000 bytes).
BUDGET_DEFAULT = 150_000
BUDGET_CJK = 350_000


@dataclass(frozen=True)
class Family:
    """One webfont family: the npm package it comes from and the names CSS uses for it."""

    key: str
    package: str  # @fontsource/<package>
    css_name: str  # the @font-face family, distinct from any installed system font
    local_names: tuple[str, ...]  # system fonts of the same design, the fallback while loading
    cjk: bool = False


#: In fallback order: a character goes to the first family in a language's list that has it.
#: The language's own family comes first; the rest follow in this order.
FAMILIES: tuple[Family, ...] = (
    Family("serif", "noto-serif", "Noto Serif OL", ("Noto Serif",)),
    Family("arabic", "noto-naskh-arabic", "Noto Naskh Arabic OL", ("Noto Naskh Arabic",)),
    Family("hebrew", "noto-serif-hebrew", "Noto Serif Hebrew OL", ("Noto Serif Hebrew",)),
    Family("devanagari", "noto-serif-devanagari", "Noto Serif Devanagari OL", ("Noto Serif Devanagari",)),
    Family("bengali", "noto-serif-bengali", "Noto Serif Bengali OL", ("Noto Serif Bengali",)),
    Family("sc", "noto-serif-sc", "Noto Serif SC OL", ("Noto Serif SC", "Noto Serif CJK SC"), cjk=True),
    Family("tc", "noto-serif-tc", "Noto Serif TC OL", ("Noto Serif TC", "Noto Serif CJK TC"), cjk=True),
    Family("jp", "noto-serif-jp", "Noto Serif JP OL", ("Noto Serif JP", "Noto Serif CJK JP"), cjk=True),
    Family("kr", "noto-serif-kr", "Noto Serif KR OL", ("Noto Serif KR", "Noto Serif CJK KR"), cjk=True),
)
_BY_KEY = {family.key: family for family in FAMILIES}

_LANGUAGE_FAMILY = {
    "ar": "arabic", "fa": "arabic", "ur": "arabic", "ps": "arabic", "ckb": "arabic", "ug": "arabic", "sd": "arabic",
    "he": "hebrew", "iw": "hebrew", "yi": "hebrew",
    "hi": "devanagari", "mr": "devanagari", "ne": "devanagari", "sa": "devanagari", "mai": "devanagari",
    "bn": "bengali", "as": "bengali",
    "zh": "sc", "yue": "tc", "ja": "jp", "ko": "kr",
}  # fmt: skip
_SCRIPT_FAMILY = {
    "arab": "arabic", "hebr": "hebrew", "deva": "devanagari", "beng": "bengali",
    "hans": "sc", "hant": "tc", "jpan": "jp", "hrkt": "jp", "kore": "kr", "hang": "kr",
    "latn": "serif", "cyrl": "serif", "grek": "serif",
}  # fmt: skip
_TRADITIONAL_CHINESE_REGIONS = frozenset({"tw", "hk", "mo"})


@functools.lru_cache(maxsize=4096)  # called per (lang, weight) of every page; tags repeat across pages
def family_for(lang: str) -> Family:
    """The family a language's text is set in, from its BCP 47 tag (script subtag first)."""
    subtags = lang.lower().replace("_", "-").split("-")
    script = next((s for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    if script in _SCRIPT_FAMILY:
        return _BY_KEY[_SCRIPT_FAMILY[script]]
    region = next((s for s in subtags[1:] if (len(s) == 2 and s.isalpha()) or (len(s) == 3 and s.isdigit())), None)
    if subtags[0] == "zh" and region in _TRADITIONAL_CHINESE_REGIONS:
        return _BY_KEY["tc"]
    return _BY_KEY[_LANGUAGE_FAMILY.get(subtags[0], "serif")]


@functools.lru_cache(maxsize=4096)
def stack_for(lang: str) -> tuple[Family, ...]:
    """The fallback order for text in ``lang``: its own family, then all others in FAMILIES order.

    Every family is in every list, so a character the language's family lacks (a Latin
    name in Hebrew text) still finds a shipped font before any system font.
    """
    first = family_for(lang)
    return (first, *(family for family in FAMILIES if family is not first))


def budget_for(lang: str) -> int:
    """The most font bytes a page in ``lang`` may load (CJK fonts need far more per character)."""
    return BUDGET_CJK if family_for(lang).cjk else BUDGET_DEFAULT
