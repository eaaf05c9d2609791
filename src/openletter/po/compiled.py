"""Compiled catalogs: the entries a build may use, and gettext for the theme.

What ``msgfmt`` would put in a ``.mo`` (translated, not fuzzy), compiled in
memory once per language and build: there is nothing to gain from a binary
file that only this process reads.  Theme strings also have to survive
Jinja2's ``translation % variables``; one that would not is left out here
rather than crash the build or a reader's page.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from openletter.errors import OpenletterError
from openletter.po.plurals import GERMANIC, PluralForms, PluralFormsError
from openletter.po.pofile import Catalog, Entry

_PLACEHOLDER_RE = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%%")
_PERCENT_RE = re.compile(r"%")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry the build did not use, and why (shown as a build warning)."""

    entry: Entry
    reason: str
    #: The msgstr form (0, or the plural index) the reason is about.
    form: int = 0

    @property
    def line(self) -> int:
        """The line of that msgstr: where the translator has to look."""
        return self.entry.msgstr_line(self.form)


def placeholders(text: str) -> list[str]:
    """Python ``%(name)s`` placeholders of a theme string, sorted (``%%`` excluded)."""
    return sorted(name for name in _PLACEHOLDER_RE.findall(text) if name)


def _format_safe(entry: Entry, text: str) -> str | None:
    """Why ``text`` cannot stand for ``entry.msgid`` in a template, or None if it can."""
    if "%" not in text:  # no placeholder, no stray '%': ``text % {...}`` gives ``text`` (most strings)
        return None
    wanted = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural or ""))
    used = set(placeholders(text))
    covered = {index for match in _PLACEHOLDER_RE.finditer(text) for index in range(match.start(), match.end())}
    if any(match.start() not in covered for match in _PERCENT_RE.finditer(text)):
        return "a '%' that is not a %(name)s placeholder (write %% for a percent sign)"
    if not used <= wanted:
        return f"placeholder(s) {', '.join(sorted(used - wanted))} not in the source"
    try:
        text % {name: 1 for name in wanted}
    except (ValueError, TypeError, KeyError) as error:
        return f"not a valid format string ({error})"
    return None


@dataclass(slots=True)
class CompiledCatalog:
    """Usable translations of one catalog: msgid (and context) -> forms."""

    messages: dict[tuple[str | None, str], list[str]] = field(default_factory=dict)
    lines: dict[tuple[str | None, str], int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    #: The catalog's plural rule (gettext's default, ``n != 1``, when it declares none).
    plural_forms: PluralForms = GERMANIC

    @classmethod
    def compile(
        cls, catalog: Catalog, *, format_strings: bool = False, excluded: Collection[tuple[str | None, str]] = ()
    ) -> CompiledCatalog:
        """What msgfmt would compile (translated, not fuzzy), less ``excluded``; with
        ``format_strings``, less what ``translation % variables`` would break on (listed in
        :attr:`skipped`).  The catalog's ``Plural-Forms`` must have passed the checks."""
        compiled = cls()
        value = catalog.header_fields().get("Plural-Forms")
        if value:
            try:
                compiled.plural_forms = PluralForms.parse(value)
            except PluralFormsError as error:
                raise OpenletterError(
                    f"Plural-Forms: {error}", path=catalog.path, line=catalog.header.line if catalog.header else None, value=value
                ) from None
        for entry in catalog.entries:
            if not entry.translated or entry.key in excluded:
                continue
            if format_strings:
                problem = next(((form, p) for form, t in enumerate(entry.translations) if (p := _format_safe(entry, t))), None)
                if problem:
                    compiled.skipped.append(Skipped(entry, problem[1], problem[0]))
                    continue
            compiled.messages[entry.key] = entry.translations
            compiled.lines[entry.key] = entry.line
        return compiled

    def get(self, msgid: str, context: str | None = None) -> str | None:
        forms = self.messages.get((context, msgid))
        return forms[0] if forms else None


class UiTranslations:
    """gettext/ngettext for theme strings; translations come back HTML-escaped.

    Jinja2's ``{% trans %}`` and newstyle ``_()`` mark translations safe without
    escaping them, so a translator could otherwise inject markup into every page.
    """

    def __init__(self, compiled: CompiledCatalog | None) -> None:
        self.compiled = compiled

    def gettext(self, message: str) -> Markup:
        return escape(self.text(message))

    def text(self, message: str) -> str:
        """The translation as plain text (for a script or a JSON file, which escape it their way)."""
        found = self.compiled.get(message) if self.compiled else None
        return found if found is not None else message

    def ngettext(self, singular: str, plural: str, number: int) -> Markup:
        if self.compiled:
            forms = self.compiled.messages.get((None, singular))
            if forms:
                index = self.compiled.plural_forms.index(number)
                if 0 <= index < len(forms):
                    return escape(forms[index])
        return escape(singular if number == 1 else plural)
