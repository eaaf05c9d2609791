"""What CLDR (through Babel) says about a language: names, direction, plural rule, tags."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.core import get_global, get_locale_identifier, parse_locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit
from markupsafe import Markup, escape

from openletter.errors import LanguageError
from openletter.po.cldr import plural_forms_for
from openletter.po.plurals import PluralForms

if TYPE_CHECKING:
    from openletter.cache import Memo


@dataclass(frozen=True)
class Language:
    """A published language, identified by its gettext/Babel code (``pt_BR``, ``zh_Hans``)."""

    code: str

    @classmethod
    def parse(cls, code: str) -> Language:
        """Accept only a known locale written in Babel's canonical form (the folder name)."""
        try:
            locale = Locale.parse(code)
        except UnknownLocaleError:
            raise LanguageError(f"unknown language code {code!r} (not in CLDR)", value=code) from None
        except (ValueError, TypeError) as error:
            raise LanguageError(f"invalid language code {code!r}: {error}", value=code) from None
        canonical = str(locale)
        if canonical != code:
            raise LanguageError(
                f"language code {code!r} is not in canonical form; use {canonical!r}", value=code
            )
        return cls(canonical)

    @classmethod
    def from_input(cls, code: str) -> Language:
        """A code as people type it: CLDR or BCP 47, any case, ``-`` or ``_`` (``pt-BR``, ``PT_br``,
        ``zh-hans``), as the canonical CLDR locale (``pt_BR``, ``zh_Hans``: the folder name).

        A deprecated code becomes the one CLDR uses (``iw`` -> ``he``) without the region Babel's
        alias adds (``he_IL``): nobody asked for one.  An unknown code is refused with the close
        code CLDR has, or the code of the language of that English name (``german`` -> ``de``)."""
        text = code.strip()
        if not _INPUT_RE.fullmatch(text):
            usable = babel_canonical(text) or _close_code(text)
            hint = f"; use {usable!r}" if usable else " (a code is letters, digits and - or _, such as de, pt-BR, zh-Hans)"
            raise LanguageError(f"invalid language code {code!r}{hint}", value=code)
        try:
            language, territory, _, _ = parse_locale(text.replace("-", "_"))
            locale = None if language in _NOT_LANGUAGES else Locale.parse(text.replace("-", "_"))
        except (ValueError, TypeError) as error:
            raise LanguageError(f"invalid language code {code!r}: {error}", value=code) from None
        except UnknownLocaleError:
            locale = None
        if locale is None:
            close = _close_code(text)
            hint = f"; did you mean {close!r}?" if close else ""
            raise LanguageError(f"unknown language code {code!r} (not in CLDR){hint}", value=code)
        identifier = get_locale_identifier((locale.language, locale.territory if territory else None, locale.script, locale.variant))
        return cls.parse(identifier if babel_canonical(identifier) == identifier else str(locale))

    @cached_property
    def short_code(self) -> str | None:
        """The code without its region when CLDR's likely region for the rest is this one (``ca``
        for ``ca_ES``, ``pt`` for ``pt_BR``, ``zh_Hans`` for ``zh_Hans_CN``): CLDR's shorter code
        names the same language as written there.  None without a region, or for another region."""
        locale = self.locale
        if not locale.territory or locale.variant:
            return None
        shorter = get_locale_identifier((locale.language, None, locale.script))
        if babel_canonical(shorter) != shorter or _likely_territory(Locale.parse(shorter)) != locale.territory:
            return None
        return shorter

    @cached_property
    def locale(self) -> Locale:
        return Locale.parse(self.code)

    @cached_property
    def tag(self) -> str:
        """BCP 47 tag for ``lang`` attributes and hreflang (``pt-BR``, ``zh-Hans``)."""
        locale = self.locale
        return get_locale_identifier(
            (locale.language, locale.territory, locale.script, locale.variant), sep="-"
        )

    @cached_property
    def slug(self) -> str:
        """The URL path segment: the BCP 47 tag in lowercase (``pt-br``)."""
        return self.tag.lower()

    @cached_property
    def direction(self) -> str:
        """``rtl`` or ``ltr``, from CLDR's character order."""
        return self.locale.text_direction

    @cached_property
    def native_name(self) -> str:
        """The language's name in itself, capitalized as a menu item (``Français``) where its
        script capitalizes: Georgian is written without capitals (Unicode's Mtavruli ``Ქ`` is
        for all-caps titling only), so ``ქართული`` stays as it is."""
        name = self.locale.get_display_name(self.locale) or self.code
        first = name[:1].upper()
        return name if "\u1c90" <= first <= "\u1cbf" else first + name[1:]

    @cached_property
    def english_name(self) -> str:
        return self.locale.get_display_name("en") or self.code

    @cached_property
    def plural_forms(self) -> PluralForms:
        """The language's plural rule as gettext writes it (``Plural-Forms``), with CLDR's partition
        of whole numbers (:mod:`openletter.po.cldr`, the one authority for plural rules)."""
        return plural_forms_for(str(self.locale))

    @cached_property
    def og_locale(self) -> str:
        """Open Graph locale (``de_DE``-style when CLDR knows the likely territory)."""
        likely = self.locale.territory or _likely_territory(self.locale)
        return f"{self.locale.language}_{likely}" if likely else self.locale.language

    @cached_property
    def script(self) -> str:
        """The ISO 15924 script the language is written in (``Latn``, ``Arab``, ``Hant``)."""
        return script_of(self.tag) or "Latn"

    def script_name(self, script: str) -> str:
        """A script's name in this language (CLDR: ``Arabisch`` for ``Arab`` in German); empty
        when CLDR has none in this language."""
        return self._remembered(("script", script), lambda: self.locale.scripts.get(script) or "")  # type: ignore[arg-type]

    def script_heading(self, script: str) -> tuple[str, str | None]:
        """A script's name for a heading in this language's page, and the ``lang`` to mark it with
        when CLDR has no name in this language and it is given in English (``None`` otherwise)."""
        own = self.script_name(script)
        if own:
            return own, None
        english = _ENGLISH.script_name(script) or script
        return english, (None if self.locale.language == "en" else "en")

    #: What the theme reads of every language on every page, each needing the locale's CLDR data
    #: (a few ms to load and merge per locale): worth remembering between builds (Site.load).
    CLDR_FACTS = ("direction", "native_name", "english_name", "og_locale", "script")

    @property
    def memo_key(self) -> tuple[str, str]:
        """What a memoized value of this language is filed under (the pseudo-locale's differ)."""
        return (type(self).__name__, self.code)

    def cldr_facts(self) -> dict[str, str]:
        """The values of :attr:`CLDR_FACTS` (loads the locale's data)."""
        return {name: getattr(self, name) for name in self.CLDR_FACTS}

    def preload(self, facts: dict[str, str]) -> None:
        """Take :attr:`CLDR_FACTS` values remembered from :meth:`cldr_facts` (by this Babel)."""
        for name in self.CLDR_FACTS:
            self.__dict__[name] = facts[name]  # where cached_property keeps its value

    def format_date(self, value: date) -> str:
        """A long-form date as readers of the language write it, in CLDR's default digits
        (Babel formats dates with ASCII digits only; Persian readers expect ۲۶ نوامبر ۲۰۲۶)."""
        return self.localize_digits(format_date(value, format="long", locale=self.locale))

    @cached_property
    def _formatted(self) -> dict[tuple[str, float], str]:
        """Numbers already formatted: a dashboard writes the same few counts for every language."""
        return {}

    def format_number(self, value: int) -> str:
        """An integer as the language writes it (CLDR separators and digits: ۱۲ in Persian)."""
        return self._remembered(("number", value), lambda: self.localize_digits(format_decimal(value, locale=self.locale, numbering_system="default")))

    def format_percent(self, fraction: float) -> str:
        """A percentage as the language writes it (``93 %`` in French, ``۹۳%`` in Persian), rounded
        down: 99.6 % translated is not "100 %"."""
        whole = math.floor(fraction * 100 + 1e-9) / 100
        return self._remembered(("percent", whole), lambda: self.localize_digits(format_percent(whole, locale=self.locale, numbering_system="default")))

    def format_size(self, size: int) -> str:
        """A file's size in kilobytes (1000 bytes) as the language writes it: CLDR's short unit and
        the language's digits (``18 kB``, ``۱۸ کیلوبایت``)."""
        kilobytes = max(1, round(size / 1000))
        return self._remembered(
            ("size", kilobytes),
            lambda: self.localize_digits(format_unit(kilobytes, "digital-kilobyte", length="short", locale=self.locale)),
        )

    @property
    def digits(self) -> str:
        """The digits zero to nine of the language's default numbering system (page numbers)."""
        return self.localize_digits("0123456789")

    def _remembered(self, key: tuple[str, float], compute: Callable[[], str]) -> str:
        """A formatted value from this process, from the build's memo (:meth:`remember_with`),
        or formatted now (which loads the locale's CLDR data)."""
        if key not in self._formatted:
            memo = self.__dict__.get("_memo")
            self._formatted[key] = memo.get((*self.memo_key, *key), compute) if memo else compute()
        return self._formatted[key]

    def remember_with(self, memo: Memo) -> None:
        """Keep formatted numbers and list patterns in ``memo`` too: every dashboard writes the same
        few counts in every language, and a locale's CLDR data costs more to load than its page to render."""
        self.__dict__["_memo"] = memo

    def format_list(self, items: Sequence[str]) -> Markup:
        """``A, B and C`` with the language's CLDR list pattern (``A、B、C`` in Japanese).

        Items that are :class:`~markupsafe.Markup` (links) stay markup; anything else is escaped."""
        slots = [f"<{index}>" for index in range(len(items))]
        pattern = escape(self.list_pattern(slots))
        # One pass, so an item that happens to read "<1>" is never taken for a slot.
        return Markup(_SLOT_RE.sub(lambda match: escape(items[int(match.group(1))]), pattern))

    def list_pattern(self, slots: Sequence[str]) -> str:
        """The CLDR list pattern of the language filled with ``slots``."""
        pattern = self._remembered(("list", len(slots)), lambda: format_list([f"\x00{index}\x00" for index in range(len(slots))], locale=self.locale))
        return _PATTERN_SLOT_RE.sub(lambda match: slots[int(match.group(1))], pattern)

    def localize_digits(self, text: str) -> str:
        """ASCII digits replaced by those of the locale's default numbering system."""
        zero = _ZERO_DIGITS.get(self.locale.default_numbering_system)
        if zero is None:
            return text
        return text.translate({ord("0") + index: chr(zero + index) for index in range(10)})


#: What a language code may be made of as typed: letters, then subtags of letters or digits after - or _.
_INPUT_RE = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")
#: Codes CLDR has that name no language: undetermined (Babel maps it to en_US) and the root locale.
_NOT_LANGUAGES = frozenset({"und", "root"})


def babel_canonical(code: str) -> str | None:
    """Babel's canonical spelling of ``code`` (``en_US`` for ``en_US.UTF-8``), or None."""
    try:
        return str(Locale.parse(code))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _close_code(text: str) -> str | None:
    """What an unknown code probably meant: the language of that English name (``German`` -> ``de``),
    the language of that country code (``jp`` -> ``ja``), or the language without the region or
    script CLDR lacks (``pt_XY`` -> ``pt``); else None."""
    named = {name.casefold(): code for code, name in Locale("en").languages.items()}
    if text.casefold() in named:
        return babel_canonical(named[text.casefold()])
    parts = re.split(r"[-_]", text)
    if len(parts) == 1 and len(text) == 2 and text.isalpha():
        likely = get_global("likely_subtags").get(f"und_{text.upper()}")
        return babel_canonical(likely.split("_")[0]) if likely else None
    if len(parts) > 1 and _INPUT_RE.fullmatch(parts[0]) and parts[0].lower() not in _NOT_LANGUAGES:
        return babel_canonical(parts[0].lower())
    return None


_SLOT_RE = re.compile(r"&lt;(\d+)&gt;")
_PATTERN_SLOT_RE = re.compile(r"\x00(\d+)\x00")

#: First digit of the decimal numbering systems CLDR names as a locale default (numberingSystems.xml).
_ZERO_DIGITS = {
    "arab": 0x0660, "arabext": 0x06F0, "beng": 0x09E6, "deva": 0x0966, "gujr": 0x0AE6, "guru": 0x0A66,
    "knda": 0x0CE6, "mlym": 0x0D66, "mymr": 0x1040, "orya": 0x0B66, "tamldec": 0x0BE6, "telu": 0x0C66,
    "thai": 0x0E50, "tibt": 0x0F20, "khmr": 0x17E0, "laoo": 0x0ED0, "nkoo": 0x07C0, "olck": 0x1C50,
}  # fmt: skip


def _likely_territory(locale: Locale) -> str | None:
    """CLDR's likely territory for the locale, its script included (``zh_Hant`` -> ``TW``, ``zh`` -> ``CN``)."""
    from babel.core import get_global

    subtags = get_global("likely_subtags")
    keys = [f"{locale.language}_{locale.script}"] if locale.script else []
    likely = next((subtags[key] for key in [*keys, locale.language] if subtags.get(key)), None)
    if not likely:
        return None
    territories = [part for part in likely.split("_")[1:] if part.isupper() and len(part) == 2]
    return territories[0] if territories else None


#: Regions whose Chinese is written in traditional characters (CLDR: zh_TW, zh_HK, zh_MO).
_TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})


@functools.lru_cache(maxsize=4096)
def script_of(lang: str) -> str | None:
    """The ISO 15924 script a BCP 47 tag is written in: its script subtag, else CLDR's likely one."""
    subtags = lang.replace("_", "-").split("-")
    script = next((s.title() for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    if script:
        return script
    region = next((s.upper() for s in subtags[1:] if len(s) == 2 and s.isalpha()), None)
    language = subtags[0].lower()
    if language == "zh" and region in _TRADITIONAL_REGIONS:
        return "Hant"
    likely = get_global("likely_subtags")
    for key in ([f"{language}_{region}"] if region else []) + [language]:
        found = likely.get(key)
        if found:
            return next((part for part in found.split("_")[1:] if len(part) == 4), None)
    try:  # a tag CLDR spells differently (``iw``, ``in``): ask Babel for the locale it means
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    found = likely.get(locale.language)
    return next((part for part in found.split("_")[1:] if len(part) == 4), None) if found else None


#: Where a language's CLDR data lacks a name (a script's), the English one is given, marked ``lang="en"``.
_ENGLISH = Language("en")
