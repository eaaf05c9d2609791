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
from openletter.po.plurals import PluralForms, PluralFormsError
from openletter.po.pofile import Catalog


def structure_problems(path: Path, catalog: Catalog, language: Language | None) -> Iterator[Problem]:
    """The header's problems, and plural entries whose form count does not match it."""
    header = catalog.header
    if header is None:
        yield Problem(path, 1, "error", "header", "no header entry (msgid \"\") at the top of the file")
        return
    fields = catalog.header_fields()
    line = header.line
    content_type = fields.get("Content-Type", "")
    charset = content_type.partition("charset=")[2].strip()
    if not content_type:
        yield Problem(path, line, "error", "header", "header has no Content-Type")
    elif charset.upper() != "UTF-8":
        yield Problem(path, line, "error", "charset", f"charset is {charset or 'missing'!r}; catalogs must be UTF-8")
    if header.fuzzy:
        yield Problem(path, line, "warning", "header", "header is marked fuzzy")
    if language is None:
        return
    declared = fields.get("Language")
    if declared is None:
        yield Problem(path, line, "error", "language-header", f"header has no Language (expected {language.code!r})")
    elif declared != language.code:
        yield Problem(path, line, "error", "language-header", f"Language is {declared!r} but the folder is {language.code!r}")
    expected = language.plural_forms
    value = fields.get("Plural-Forms")
    forms: PluralForms | None = None
    if value is None:
        yield Problem(path, line, "error", "plural-forms", f"header has no Plural-Forms (CLDR: {expected})")
    else:
        try:
            forms = PluralForms.parse(value)
        except PluralFormsError as error:
            yield Problem(path, line, "error", "plural-forms", f"{error} (CLDR: {expected})")
    if forms is not None and forms.nplurals != expected.nplurals:
        yield Problem(
            path, line, "error", "plural-forms",
            f"Plural-Forms says nplurals={forms.nplurals} but {language.english_name} has {expected.nplurals} (CLDR: {expected})",
        )  # fmt: skip
    count = forms.nplurals if forms is not None else expected.nplurals
    for entry in catalog.entries:
        if entry.msgid_plural is not None and len(entry.msgstr_plural) != count:
            yield Problem(
                path, entry.line, "error", "plural-forms",
                f"{len(entry.msgstr_plural)} plural forms (msgstr[N]) where Plural-Forms has nplurals={count}",
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
