"""The webfont families: one Noto family per script, the script of a language from CLDR.

A language's text is set in the Noto family of its script (Babel's CLDR likely subtags give the
script of every locale: ``th`` -> Thai, ``am`` -> Ethiopic, ``zh_Hant`` -> Han Traditional).
The table below maps scripts, not languages, to ``@fontsource`` packages (pinned by
package-lock.json): the serif design where Google Fonts has one, the sans design otherwise.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from openletter.languages import script_of

#: Bytes of its own faces a page may load (its own language's text, fetched with the page):
#: alphabetic and Indic scripts, and the fonts that hold thousands of glyphs (CJK, Tibetan with
#: its stacks, Nastaliq with its contextual forms: an Urdu letter's subset is ~240 KB), for which a
#: whole letter needs most of the font (1 KB = 1000 bytes).
BUDGET_DEFAULT = 150_000
BUDGET_LARGE = 400_000
#: Bytes of the shared faces a page's text in other languages may load: at 150 languages in 44
#: scripts, one small face per script for the language menu's names (fetched once it is opened).
BUDGET_SHARED = 200_000


@dataclass(frozen=True)
class Family:
    """One webfont family: the npm package it comes from and the names CSS uses for it."""

    package: str  # @fontsource/<package>
    scripts: tuple[str, ...]  # ISO 15924 codes it is the family of
    large: bool = False  # thousands of glyphs: a page in its script gets BUDGET_LARGE
    #: Languages set in this family rather than in their script's when written in ``style_of``
    #: (a style Unicode does not encode apart: Urdu is written in Nastaliq, Arabic in Naskh).
    languages: tuple[str, ...] = ()
    style_of: str = ""

    @property
    def key(self) -> str:
        return self.package

    @functools.cached_property
    def design(self) -> str:
        """The family's own name, as installed systems know it (``Noto Serif Thai``)."""
        words = self.package.split("-")
        special = {"jp": "JP", "kr": "KR", "sc": "SC", "tc": "TC", "hk": "HK", "nko": "NKo"}
        return " ".join(special.get(word, word.capitalize()) for word in words)

    @functools.cached_property
    def css_name(self) -> str:
        """The name of the page's own faces: distinct from any installed font."""
        return f"{self.design} OL"

    @functools.cached_property
    def site_name(self) -> str:
        """The name of the faces every page shares, for text in other languages than the page's."""
        return f"{self.design} OL site"

    @functools.cached_property
    def notice_name(self) -> str:
        """The name of the faces of a language notice (text a script shows on any page)."""
        return f"{self.design} OL notice"


#: In fallback order: a character goes to the first family of a language's list that has it (the
#: language's own family first); Latin, Greek and Cyrillic first, as most text mixes them in.
FAMILIES: tuple[Family, ...] = (
    Family("noto-serif", ("Latn", "Grek", "Cyrl")),
    Family("noto-naskh-arabic", ("Arab",)),
    Family("noto-nastaliq-urdu", (), large=True, languages=("ur", "pa", "ks", "skr"), style_of="Arab"),
    Family("noto-serif-hebrew", ("Hebr",)),
    Family("noto-serif-devanagari", ("Deva",)),
    Family("noto-serif-bengali", ("Beng",)),
    Family("noto-serif-armenian", ("Armn",)),
    Family("noto-serif-georgian", ("Geor",)),
    Family("noto-serif-gujarati", ("Gujr",)),
    Family("noto-sans-gurmukhi", ("Guru",)),
    Family("noto-sans-oriya", ("Orya",)),
    Family("noto-serif-tamil", ("Taml",)),
    Family("noto-serif-telugu", ("Telu",)),
    Family("noto-sans-kannada", ("Knda",)),
    Family("noto-serif-malayalam", ("Mlym",)),
    Family("noto-serif-sinhala", ("Sinh",)),
    Family("noto-serif-thai", ("Thai",)),
    Family("noto-serif-lao", ("Laoo",)),
    Family("noto-serif-khmer", ("Khmr",)),
    Family("noto-serif-myanmar", ("Mymr",)),
    Family("noto-serif-tibetan", ("Tibt",), large=True),
    Family("noto-sans-ethiopic", ("Ethi",)),
    Family("noto-sans-thaana", ("Thaa",)),
    Family("noto-sans-syriac", ("Syrc",)),
    Family("noto-sans-mongolian", ("Mong",)),
    Family("noto-sans-tifinagh", ("Tfng",)),
    Family("noto-sans-nko", ("Nkoo",)),
    Family("noto-sans-adlam", ("Adlm",)),
    Family("noto-sans-ol-chiki", ("Olck",)),
    Family("noto-sans-cherokee", ("Cher",)),
    Family("noto-sans-canadian-aboriginal", ("Cans",)),
    Family("noto-sans-meetei-mayek", ("Mtei",)),
    Family("noto-sans-hanifi-rohingya", ("Rohg",)),
    Family("noto-sans-tai-viet", ("Tavt",)),
    Family("noto-sans-vai", ("Vaii",)),
    Family("noto-sans-yi", ("Yiii",)),
    Family("noto-sans-osage", ("Osge",)),
    Family("noto-sans-coptic", ("Copt",)),
    Family("noto-sans-deseret", ("Dsrt",)),
    Family("noto-sans-shavian", ("Shaw",)),
    Family("noto-serif-nyiakeng-puachue-hmong", ("Hmnp",)),
    Family("noto-serif-sc", ("Hans",), large=True),
    Family("noto-serif-tc", ("Hant",), large=True),
    Family("noto-serif-jp", ("Jpan", "Hira", "Kana"), large=True),
    Family("noto-serif-kr", ("Kore", "Hang"), large=True),
)
_BY_SCRIPT = {script: family for family in FAMILIES for script in family.scripts}
_BY_LANGUAGE = {(language, family.style_of): family for family in FAMILIES for language in family.languages}
_BY_KEY = {family.key: family for family in FAMILIES}
_BY_SITE_NAME = {family.site_name: family for family in FAMILIES}
_LATIN = FAMILIES[0]


def family_by_key(key: str) -> Family:
    return _BY_KEY[key]


def family_by_site_name(name: str) -> Family:
    """The family whose shared faces CSS calls ``name``."""
    return _BY_SITE_NAME[name]


@functools.lru_cache(maxsize=4096)
def family_for(lang: str) -> Family:
    """The family a language's text is set in: its own style's (Nastaliq for Urdu), else its
    script's.  ``ur-PK`` is set as ``ur``; ``pa-Arab`` as Punjabi in Nastaliq, ``pa`` as Gurmukhi."""
    script = script_of(lang) or "Latn"
    return _BY_LANGUAGE.get((lang.split("-")[0].lower(), script)) or _BY_SCRIPT.get(script, _LATIN)


@functools.lru_cache(maxsize=4096)
def stack_for(lang: str) -> tuple[Family, ...]:
    """The fallback order for text in ``lang``: its own family, then all others in FAMILIES order.

    Every family is in every list, so a character the language's family lacks (a Latin name in
    Hebrew text) still finds a shipped font before any system font."""
    first = family_for(lang)
    return (first, *(family for family in FAMILIES if family is not first))


def budget_for(lang: str) -> int:
    """The most bytes of its own faces a page in ``lang`` may load (CJK and Tibetan fonts need far
    more per character)."""
    return BUDGET_LARGE if family_for(lang).large else BUDGET_DEFAULT
