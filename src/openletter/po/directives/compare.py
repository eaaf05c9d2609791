"""A translation's format directives against its source's, as ``msgfmt --check-format`` compares them.

For an entry flagged ``c-format`` (or ``objc-format``), ``python-format`` or
``python-brace-format`` (``possible-…`` too), msgfmt refuses a translation that is not a valid
format string of that language, or whose directives would take other arguments than the
source's: a ``%(name)s`` or ``{name}`` dropped, added or renamed, a ``%d`` become ``%s``, one
``%s`` too many.  These rules are gettext 0.21's (``format.c``, ``format-c.c``,
``format-python.c``, ``format-python-brace.c``), with one correction from gettext 0.24
(commit 0ee87eb94): in a plural form where a directive may be omitted, 0.21 also let a
``{name}`` the source does not have through; we refuse it, as gettext does since.

Plural entries: msgfmt compares the translations with ``msgid_plural``.  A ``msgstr[i]`` that
only ever stands for one number (the "one" form of most languages: form ``i`` is used for
fewer than 5 of n = 0…1000) may leave a directive out (C: the last ones; Python: any named
one); every other form must have them all.  A ``range: a..b`` flag that lets a form stand for
at most one number relaxes it too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from openletter.po.directives import PARSERS
from openletter.po.directives.brace import BraceSpec
from openletter.po.directives.c import CSpec
from openletter.po.directives.python import PY_ANY, PythonSpec
from openletter.po.directives.scan import ERROR, Arg, Invalid, Scan
from openletter.po.flags import Flags
from openletter.po.plurals import PluralForms
from openletter.po.pofile import Entry

#: The formats compared here, as gettext names them.
CHECKED_FORMATS = ("c", "objc", "python", "python-brace")
_PRETTY = {"c": "C", "objc": "Objective C", "python": "Python", "python-brace": "Python brace"}
#: msgl-check.c: a form used for at least this many of n = 0…1000 is used "often".
_OFTEN = 5


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One finding: in ``msgstr[form]``, at character ``offset`` (None: the translation as a whole)."""

    form: int
    offset: int | None
    message: str


class Distribution:
    """Which plural forms of a catalog stand for many numbers (``check_plural_eval``)."""

    def __init__(self, forms: PluralForms | None) -> None:
        self.forms = forms
        self.often = _often(forms)

    def index(self, number: int) -> int:
        return self.forms.index(number) if self.forms is not None else int(number != 1)

    def strict(self, form: int, count: int, bounds: tuple[int, int] | None) -> bool:
        """Whether ``msgstr[form]`` (of ``count`` forms) must keep every directive."""
        if count <= 1:
            return True
        if self.often is None or form >= len(self.often) or not self.often[form]:
            return False
        if bounds is None:
            return True
        low = max(bounds[0], 0)
        high = min(bounds[1], low + 1000)
        return sum(1 for number in range(low, high + 1) if self.index(number) == form) > 1


@functools.lru_cache(maxsize=64)
def _often(forms: PluralForms | None) -> tuple[bool, ...] | None:
    """For each plural form, whether it stands for many of the numbers 0..1000 (None: too many
    forms to say); worked out once per rule, not once per catalog (a thousand evaluations each)."""
    if forms is None:  # no Plural-Forms: gettext assumes n != 1, form 1 the "often" one
        return (False, True)
    if forms.nplurals > 100:
        return None
    counts = [0] * forms.nplurals
    for number in range(1001):
        counts[forms.index(number)] += 1
    return tuple(count >= _OFTEN for count in counts)


def _parse(language: str, text: str, translated: bool) -> tuple[object, Scan]:
    """The parsed string, or the :class:`Invalid` that stopped it, and the scan (bytes and marks)."""
    scan = Scan(text.encode("utf-8"), translated)
    try:
        return PARSERS[language](scan), scan
    except Invalid as error:
        return error, scan


def _offset(scan: Scan, byte: int) -> int:
    """The character offset of ``byte`` in the scanned string."""
    return len(scan.data[:byte].decode("utf-8", "ignore"))


def _shown(scan: Scan, start: int, end: int) -> str:
    return scan.text(start, end)


def mismatches(entry: Entry, distribution: Distribution) -> list[Mismatch]:
    """Everything ``msgfmt --check-format`` refuses in the entry's translations (none for a fuzzy
    or untranslated entry, which msgfmt does not compile)."""
    if entry.is_header or entry.fuzzy or not entry.translations or entry.translations[0] == "":
        return []
    flags = Flags.parse(entry.flags)
    found: list[Mismatch] = []
    source_name = "msgid_plural" if entry.msgid_plural is not None else "msgid"
    for language in flags.languages():
        if language not in CHECKED_FORMATS:
            continue
        source, source_scan = _parse(language, entry.msgid_plural if entry.msgid_plural is not None else entry.msgid, False)
        if isinstance(source, Invalid):
            continue  # msgfmt checks nothing when the source itself is no valid format string
        forms = entry.translations
        for form, text in enumerate(forms):
            translation, scan = _parse(language, text, True)
            if isinstance(translation, Invalid):
                at = next((index for index, flag in enumerate(scan.marks) if flag & ERROR), None)
                found.append(Mismatch(
                    form, _offset(scan, at) if at is not None else None,
                    f"not a valid {_PRETTY[language]} format string, unlike the {source_name} ({translation.reason})",
                ))  # fmt: skip
                continue
            strict = entry.msgid_plural is None or distribution.strict(form, len(forms), flags.range)
            compare = {"c": _compare_c, "objc": _compare_c, "python": _compare_python, "python-brace": _compare_brace}[language]
            for offset, message in compare(source, source_scan, translation, scan, strict):
                found.append(Mismatch(form, offset, f"{message} ({language}-format; the {source_name} is {_quoted(source_scan)})"))
    return found


def _quoted(scan: Scan) -> str:
    text = scan.text(0, scan.length)
    return repr(text if len(text) <= 60 else text[:57] + "…")


Finding = Iterator[tuple[int | None, str]]


def _positional(
    source_scan: Scan, wanted: list[Arg], scan: Scan, given: list[Arg], all_needed: bool, same: Callable[[int, int], bool]
) -> Finding:
    """Arguments taken in order: as many as the source's (or, unless ``all_needed``, no more), the
    n-th of a type the n-th of the source's is (``same``)."""
    if len(given) > len(wanted):
        extra = given[len(wanted)]
        yield _offset(scan, extra.start), f"{_shown(scan, extra.start, extra.end)} takes argument {len(wanted) + 1}, which the source does not have"
        return
    if all_needed and len(given) < len(wanted):
        missing = wanted[len(given)]
        yield None, f"the translation has no directive for argument {len(given) + 1} ({_shown(source_scan, missing.start, missing.end)} in the source)"
        return
    for number, (want, have) in enumerate(zip(wanted, given, strict=False), start=1):
        if not same(want.type, have.type):
            yield (
                _offset(scan, have.start),
                f"{_shown(scan, have.start, have.end)} where the source has {_shown(source_scan, want.start, want.end)} (argument {number})",
            )


def _compare_c(source: object, source_scan: Scan, translation: object, scan: Scan, strict: bool) -> Finding:
    """format-c.c's ``format_check``: the same argument types in the same order (the translation
    may stop early where ``strict`` is false)."""
    assert isinstance(source, CSpec) and isinstance(translation, CSpec)
    yield from _positional(source_scan, source.args, scan, translation.args, strict, lambda want, have: want == have)


def _compare_python(source: object, source_scan: Scan, translation: object, scan: Scan, strict: bool) -> Finding:
    """format-python.c's ``format_check``: the same names (the translation may leave one out
    where ``strict`` is false), each of the same type; unnamed directives as in C, all of them."""
    assert isinstance(source, PythonSpec) and isinstance(translation, PythonSpec)
    if source.named and translation.unnamed:
        arg = translation.unnamed[0]
        yield _offset(scan, arg.start), f"{_shown(scan, arg.start, arg.end)} takes an argument by position, but the source names its arguments (%(name)s)"
        return
    if source.unnamed and translation.named:
        arg = next(iter(translation.named.values()))
        yield _offset(scan, arg.start), f"{_shown(scan, arg.start, arg.end)} names an argument, but the source takes its arguments by position (%s)"
        return
    for name, arg in translation.named.items():
        if name not in source.named:
            yield _offset(scan, arg.start), f"{_shown(scan, arg.start, arg.end)}: the source has no argument named {name!r}"
            return
    if strict:
        for name, arg in source.named.items():
            if name not in translation.named:
                yield None, f"the translation drops {_shown(source_scan, arg.start, arg.end)}"
                return
    for name, arg in translation.named.items():
        want = source.named[name]
        if not (want.type == arg.type or (not strict and PY_ANY in (want.type, arg.type))):
            yield _offset(scan, arg.start), f"{_shown(scan, arg.start, arg.end)} where the source has {_shown(source_scan, want.start, want.end)}"
            return
    yield from _positional(
        source_scan, source.unnamed, scan, translation.unnamed, True,
        lambda want, have: want == have or (not strict and PY_ANY in (want, have)),
    )  # fmt: skip


def _compare_brace(source: object, source_scan: Scan, translation: object, scan: Scan, strict: bool) -> Finding:
    """format-python-brace.c's ``format_check`` as fixed in gettext 0.24: every field the
    translation names is the source's; it names all of them where ``strict``."""
    assert isinstance(source, BraceSpec) and isinstance(translation, BraceSpec)
    for name, (start, end) in translation.names.items():
        if name not in source.names:
            yield _offset(scan, start), f"{_shown(scan, start, end)}: the source has no field {{{name}}}"
            return
    if strict:
        for name, (start, end) in source.names.items():
            if name not in translation.names:
                yield None, f"the translation drops {_shown(source_scan, start, end)}"
                return
