"""Can a catalog file be trusted at all?  Its characters, header, charset, Language and plural forms.

A structural error makes the whole catalog unusable: the build stops (or, with
``--skip-broken``, leaves the language out).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from openletter.errors import Problem
from openletter.languages import Language
from openletter.po.cldr import cldr_rule, describe, rule_disagreement
from openletter.po.plurals import PluralForms, PluralFormsError
from openletter.po.pofile import Catalog
from openletter.po.states import REVIEW_HEADER, REVIEWED, declared_review_state, review_progress, review_state


def structure_problems(path: Path, catalog: Catalog, language: Language | None) -> Iterator[Problem]:
    """The header's problems, and plural entries whose form count does not match it.

    A header finding names the line of its field inside the header's msgstr (or the msgstr's
    first line when the field is missing), not the ``msgid ""`` line.
    """
    header = catalog.header
    if header is None:
        yield Problem(path, 1, "error", "header", "no header entry (msgid \"\") at the top of the file")
        return
    fields = catalog.header_fields()

    def line_of(name: str) -> int:
        return catalog.header_field_line(name) or header.msgstr_line()

    content_type = fields.get("Content-Type", "")
    charset = content_type.partition("charset=")[2].strip()
    if not content_type:
        yield Problem(path, line_of("Content-Type"), "error", "header", "header has no Content-Type")
    elif charset.upper() != "UTF-8":
        yield Problem(path, line_of("Content-Type"), "error", "charset", f"charset is {charset or 'missing'!r}; catalogs must be UTF-8")
    if header.fuzzy:
        yield Problem(path, header.line, "warning", "header", "header is marked fuzzy")
    if language is None:
        return
    declared = fields.get("Language")
    if declared is None:
        yield Problem(path, line_of("Language"), "error", "language-header", f"header has no Language (expected {language.code!r})")
    elif declared != language.code:
        yield Problem(path, line_of("Language"), "error", "language-header", f"Language is {declared!r} but the folder is {language.code!r}")
    yield from plural_forms_problems(path, catalog, language, line_of("Plural-Forms"))
    yield from review_state_problems(path, catalog, line_of(REVIEW_HEADER))


def review_state_problems(path: Path, catalog: Catalog, line: int) -> Iterator[Problem]:
    """A hand-typed ``X-Review-State`` that the per-unit review marks contradict (a warning: the
    site follows the marks, see :mod:`openletter.po.states`)."""
    if REVIEW_HEADER not in catalog.header_fields():
        return
    declared, derived = declared_review_state(catalog), review_state(catalog)
    if declared == derived:
        return
    reviewed, total = review_progress(catalog)
    if declared == REVIEWED:
        message = (f"{REVIEW_HEADER} says reviewed, but {reviewed} of {total} units carry a review mark; "
                   "the site shows the marks: review the others on the review page, or write unreviewed")
    else:
        message = f"every unit carries a review mark: {REVIEW_HEADER} can say reviewed (the site already shows the translation reviewed)"
    yield Problem(path, line, "warning", "review-state", message)


def plural_forms_problems(path: Path, catalog: Catalog, language: Language, line: int) -> Iterator[Problem]:
    """``Plural-Forms`` against GNU's grammar and CLDR, and each plural entry's number of forms.

    An expression msgfmt refuses, or a form count other than the language's, is an *error*: the
    catalog cannot be compiled, or its entries are shaped for another language.  A rule with the
    right count that groups numbers differently from CLDR (``plural=(n > 1)`` for Catalan) is a
    *warning* (``plural-rule``): every form has text and msgfmt accepts it, only some counts
    would read wrong, and an error would take the whole language off the site for that.
    """
    expected = language.plural_forms
    value = catalog.header_fields().get("Plural-Forms")
    forms: PluralForms | None = None
    if value is None:
        yield Problem(path, line, "error", "plural-forms", f"header has no Plural-Forms (expected for {language.english_name}: {expected})")
    else:
        try:
            forms = PluralForms.parse(value)
        except PluralFormsError as error:
            yield Problem(path, line, "error", "plural-forms", f"Plural-Forms: {value!r}: {error} (expected for {language.english_name}: {expected})")
    if forms is not None and forms.nplurals != expected.nplurals:
        yield Problem(
            path, line, "error", "plural-forms",
            f"Plural-Forms says nplurals={forms.nplurals} but {language.english_name} has {expected.nplurals} (CLDR: {expected})",
        )  # fmt: skip
    elif forms is not None:
        apart = rule_disagreement(forms, str(language.locale))
        if apart is not None:
            first, second = apart
            rule = cldr_rule(str(language.locale))
            together = forms.index(first) == forms.index(second)
            yield Problem(
                path, line, "warning", "plural-rule",
                f"Plural-Forms {value!r} {'gives' if together else 'does not give'} {first} and {second} the same form, "
                f"but CLDR's rule for {language.english_name} ({describe(rule)}) {'does not' if together else 'does'}; "
                f"expected 'Plural-Forms: {expected}'",
            )  # fmt: skip
    count = forms.nplurals if forms is not None else expected.nplurals
    for entry in catalog.entries:
        found = len(entry.msgstr_plural)
        if entry.msgid_plural is not None and found != count:
            where = entry.msgstr_line(count) if found > count else entry.msgstr_line(found - 1)
            yield Problem(
                path, where, "error", "plural-forms",
                f"{found} plural forms (msgstr[N]) where Plural-Forms has nplurals={count}",
            )  # fmt: skip


_FILE_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def file_problems(path: Path, text: str) -> Iterator[Problem]:
    """Characters no catalog should contain anywhere (NUL and other C0/C1 controls, CR)."""
    for match in _FILE_CONTROL_RE.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        number = text.count("\n", 0, match.start()) + 1
        column = match.start() - start + 1
        char = match.group()
        if char == "\r" and text[match.end() : match.end() + 1] in ("\n", ""):
            yield Problem(path, number, "warning", "line-ending", "CRLF line ending; save with LF (Unix) line endings")
        else:
            yield Problem(path, number, "error", "control-char-file", f"control character U+{ord(char):04X} at column {column}")
