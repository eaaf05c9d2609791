"""The pseudo-locale: obviously translated, longer, and every Markdown construct intact."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openletter.content.segments import new_markdown
from openletter.languages import Language
from openletter.po.pofile import parse_po
from openletter.pseudo import PseudoLanguage, pseudo, pseudo_catalog


def test_pseudo_keeps_links_code_placeholders_and_escapes() -> None:
    text = "See [the site](https://example.org/path) and `code`, %(num)d items, \\*not emphasis\\*."
    result = pseudo(text)
    assert result.startswith("‹Šéé") and result.endswith("›")
    for kept in ("](https://example.org/path)", "`code`", "%(num)d", "\\*"):
        assert kept in result
    assert len(result) > len(text) * 1.25


def test_pseudo_text_renders_with_the_same_elements() -> None:
    markdown = new_markdown()
    text = "A *b* **c** [d](https://e.f/) `g`"
    source, translated = markdown.render(text), markdown.render(pseudo(text))
    for tag in ("<em>", "<strong>", '<a href="https://e.f/">', "<code>g</code>"):
        assert tag in source and tag in translated


# -- the pseudo-locale ------------------------------------------------------------------------


def test_pseudo_language_is_en_xa_left_to_right_and_not_a_real_language() -> None:
    language = PseudoLanguage()
    assert (language.tag, language.slug, language.direction) == ("en-XA", "en-xa", "ltr")
    assert language != Language("en_XA") and language.native_name.startswith("‹")
    assert language.format_date(date(2026, 11, 26)).startswith("‹Ñõvémbér")
    assert str(language.format_list(["A", "B", "C"])) == "‹A, B, áñd C›"


def test_pseudo_catalog_fills_a_copy_of_the_template_with_a_usable_header() -> None:
    template = parse_po(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"\n\n'
        'msgid "Skip"\nmsgstr ""\n\nmsgid "%(n)d part"\nmsgid_plural "%(n)d parts"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        Path("theme.pot"),
    )
    catalog = pseudo_catalog(template)
    assert [entry.msgstr for entry in template.entries] == ["", ""]  # the template is untouched
    assert catalog.entries[0].msgstr == pseudo("Skip") and catalog.entries[1].msgstr_plural == [pseudo("%(n)d part"), pseudo("%(n)d parts")]
    assert catalog.header_fields()["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert catalog.header_fields()["Language"] == "en_XA"
