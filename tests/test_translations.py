"""Compiled catalogs: only usable entries, theme strings escaped and format-safe."""

from __future__ import annotations

from openletter.po.compiled import CompiledCatalog, UiTranslations
from openletter.po.pofile import parse_po

CATALOG = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\\n"

msgid "translated"
msgstr "übersetzt"

#, fuzzy
msgid "fuzzy"
msgstr "unscharf"

msgid "empty"
msgstr ""

#, python-format
msgid "Published on %(date)s"
msgstr "Veröffentlicht am %(datum)s"

msgid "stray percent"
msgstr "100 % sicher"

msgid "<b>markup</b>"
msgstr "<script>alert(1)</script>"

#, python-format
msgid "%(num)d part"
msgid_plural "%(num)d parts"
msgstr[0] "zero %(num)d"
msgstr[1] "one %(num)d"
msgstr[2] "two %(num)d"
msgstr[3] "few %(num)d"
msgstr[4] "many %(num)d"
msgstr[5] "other %(num)d"
'''


def test_only_translated_non_fuzzy_entries_are_compiled() -> None:
    compiled = CompiledCatalog.compile(parse_po(CATALOG))
    assert compiled.get("translated") == "übersetzt"
    assert compiled.get("fuzzy") is None and compiled.get("empty") is None


def test_theme_strings_that_would_break_formatting_are_skipped_with_a_reason() -> None:
    compiled = CompiledCatalog.compile(parse_po(CATALOG), format_strings=True)
    reasons = {skipped.entry.msgid: skipped.reason for skipped in compiled.skipped}
    assert "datum not in the source" in reasons["Published on %(date)s"]
    assert "write %% for a percent sign" in reasons["stray percent"]
    assert compiled.get("Published on %(date)s") is None


def test_ui_translations_are_escaped_and_plurals_follow_the_header_rule() -> None:
    ui = UiTranslations(CompiledCatalog.compile(parse_po(CATALOG), format_strings=True))
    assert str(ui.gettext("<b>markup</b>")) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert [str(ui.ngettext("%(num)d part", "%(num)d parts", n)) for n in (0, 1, 2, 5, 11, 100)] == [
        "zero %(num)d", "one %(num)d", "two %(num)d", "few %(num)d", "many %(num)d", "other %(num)d"
    ]  # fmt: skip
    assert str(UiTranslations(None).ngettext("a", "as", 2)) == "as"


def test_a_theme_string_without_percent_signs_is_format_safe_and_plural_rules_are_shared() -> None:
    """No '%' at all: nothing to check (``text % {...}`` gives the text back), even when the
    translation leaves out the source's placeholder. Catalogs with one rule share its function."""
    source = CATALOG + '\n#, python-format\nmsgid "%(count)s languages"\nmsgstr "Sprachen"\n'
    first = CompiledCatalog.compile(parse_po(source), format_strings=True)
    assert first.get("%(count)s languages") == "Sprachen" and first.get("<b>markup</b>") is not None
    assert {skipped.entry.msgid for skipped in first.skipped} == {"Published on %(date)s", "stray percent"}
    second = CompiledCatalog.compile(parse_po(CATALOG))
    assert second.plural_forms.function is first.plural_forms.function
    assert [first.plural_forms.index(n) for n in (0, 1, 2, 5, 11, 100)] == [0, 1, 2, 3, 4, 5]
