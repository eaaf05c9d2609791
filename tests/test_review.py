"""The review page's model: each source unit beside its entry, state, findings, line and changes."""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.etree import ElementTree

from openletter.errors import Problem
from openletter.po.pofile import parse_po
from openletter.site.review import SourceUnit, review_units, template_units, word_diff

CATALOG = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"X-Review-State: reviewed\\n"

#. paragraph
msgid "We agree on goals."
msgstr "Wir teilen die Ziele."

#, fuzzy
#| msgid "We disagree on the means."
msgid "We disagree on the methods."
msgstr "Wir sind uns über die Mittel uneins."

msgid "A link to [the site](https://example.org/)."
msgstr "Ein Link zu [der Seite](https://evil.example/)."

msgid "Not yet."
msgstr ""
'''
SOURCES = [
    SourceUnit("We agree on goals.", "paragraph"),
    SourceUnit("We disagree on the methods.", "paragraph"),
    SourceUnit("A link to [the site](https://example.org/).", "paragraph"),
    SourceUnit("Not yet.", "paragraph"),
    SourceUnit("Brand new paragraph.", "paragraph"),
]
PATH = Path("locale/de/LC_MESSAGES/letter.po")


def units():  # type: ignore[no-untyped-def]
    catalog = parse_po(CATALOG, PATH)
    link_entry = catalog.entries[2]
    problems = [
        Problem(PATH, link_entry.line, "error", "links", "link target changed"),
        Problem(PATH, 1, "warning", "header", "a header problem"),
    ]
    return catalog, review_units(SOURCES, catalog, problems, rejected={link_entry.key})


def test_every_source_unit_gets_its_state_in_source_order() -> None:
    _, result = units()
    assert [(unit.number, unit.state) for unit in result] == [
        (1, "translated"), (2, "fuzzy"), (3, "rejected"), (4, "untranslated"), (5, "untranslated"),
    ]  # fmt: skip


def test_each_unit_carries_its_po_line_translation_and_notes() -> None:
    catalog, result = units()
    text = CATALOG.splitlines()
    for unit, entry in zip(result, catalog.entries):
        assert unit.line == entry.line
        assert text[unit.line - 1] == f'msgid "{unit.source.msgid}"'  # the line a reviewer can point at
    assert result[0].translations == ("Wir teilen die Ziele.",)
    assert result[0].notes == ("paragraph",)
    assert result[3].translations == () and result[3].line is not None
    assert result[4].translations == () and result[4].line is None  # not in the catalog at all


def test_findings_go_to_the_unit_on_their_line_only() -> None:
    _, result = units()
    assert [problem.code for problem in result[2].problems] == ["links"]
    assert all(not unit.problems for index, unit in enumerate(result) if index != 2)


def test_a_fuzzy_unit_shows_what_changed_in_the_source_word_by_word() -> None:
    _, result = units()
    assert str(result[1].changes) == "We disagree on the <del>means</del><ins>methods</ins>."
    assert result[0].changes is None


def test_word_diff_escapes_both_texts_and_reads_back_as_either() -> None:
    old, new = "Say <b>hi</b> & go", "Say <script>alert(1)</script> & go"
    diff = str(word_diff(old, new))
    assert "<script>" not in diff and "<b>" not in diff and "&amp;" in diff
    ElementTree.fromstring(f"<p>{diff}</p>")  # well-formed: every ins/del closed
    assert html.unescape(re.sub(r"<del>.*?</del>|</?ins>", "", diff)) == new
    assert html.unescape(re.sub(r"<ins>.*?</ins>|</?del>", "", diff)) == old


def test_word_diff_of_equal_texts_has_no_marks() -> None:
    assert str(word_diff("same words here", "same words here")) == "same words here"


def test_template_units_follow_the_template_order_with_plurals() -> None:
    template = parse_po(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "One"\nmsgstr ""\n\nmsgid "%(n)d part"\nmsgid_plural "%(n)d parts"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        Path("theme.pot"),
    )
    assert template_units(template) == [SourceUnit("One"), SourceUnit("%(n)d part", "", "%(n)d parts")]


def test_a_unit_a_reviewer_marked_reads_reviewed_until_its_text_changes() -> None:
    from openletter.po.reviewmarks import mark_reviewed

    catalog = parse_po(CATALOG, PATH)
    mark_reviewed(catalog.entries[0], "Ana")
    mark_reviewed(catalog.entries[2], "Ana")  # then rejected by a check: not shown as reviewed
    result = review_units(SOURCES, catalog, rejected={catalog.entries[2].key})
    assert [unit.reviewed for unit in result] == [True, False, False, False, False]
    catalog.entries[0].msgstr = "Wir teilen die Ziele, sagt man."
    assert review_units(SOURCES, catalog)[0].reviewed is False


def test_each_unit_carries_what_the_page_script_needs_to_suggest() -> None:
    import json

    from openletter.po.reviewmarks import unit_digest

    catalog, result = units()
    first = json.loads(result[0].data)
    assert first == {
        "msgctxt": None, "msgid": "We agree on goals.", "plural": None, "msgstr": ["Wir teilen die Ziele."],
        "digest": unit_digest(catalog.entries[0]), "line": catalog.entries[0].line, "reviewable": True,
    }  # fmt: skip
    assert [json.loads(unit.data)["reviewable"] for unit in result[:4]] == [True, False, False, False]  # fuzzy, rejected, empty
    assert json.loads(result[3].data)["msgstr"] == [""]  # untranslated: a suggestion may fill it in
    assert result[4].data == ""  # not in the catalog yet: nothing to base a suggestion on


def test_plural_units_carry_every_form_even_empty_ones() -> None:
    import json

    catalog = parse_po(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "menu"\nmsgid "%(n)d part"\nmsgid_plural "%(n)d parts"\nmsgstr[0] "%(n)d Teil"\nmsgstr[1] ""\n',
        PATH,
    )
    (unit,) = review_units([SourceUnit("%(n)d part", "", "%(n)d parts", "menu")], catalog)
    data = json.loads(unit.data)
    assert (data["msgctxt"], data["plural"], data["msgstr"]) == ("menu", "%(n)d parts", ["%(n)d Teil", ""])
