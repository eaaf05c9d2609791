"""One word for each state: entries and catalogs."""

from __future__ import annotations

from pathlib import Path

from openletter.po.pofile import Entry, parse_po
from openletter.po.states import declared_review_state, entry_state, review_state

PATH = Path("de.po")
CATALOG = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"X-Review-State: reviewed\\n"\n'


def test_the_declared_review_state_needs_the_exact_header_value() -> None:
    assert declared_review_state(parse_po(CATALOG, PATH)) == "reviewed"
    assert declared_review_state(parse_po(CATALOG.replace("reviewed", "yes"), PATH)) == "unreviewed"
    assert declared_review_state(parse_po(CATALOG.replace("X-Review-State", "X-Other"), PATH)) == "unreviewed"


def test_the_review_state_comes_from_the_marks_not_the_header() -> None:
    from openletter.po.reviewmarks import mark_reviewed

    catalog = parse_po(CATALOG + '\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n', PATH)
    assert review_state(catalog) == "unreviewed"  # the header says reviewed; no unit is
    mark_reviewed(catalog.entries[0], None)
    assert review_state(catalog) == "unreviewed"
    mark_reviewed(catalog.entries[1], "Ana")
    assert review_state(catalog) == "reviewed"
    catalog.set_header_field("X-Review-State", "unreviewed")
    assert review_state(catalog) == "reviewed"


def test_entry_states_as_msgfmt_counts_them() -> None:
    assert entry_state(None) == "untranslated"
    assert entry_state(Entry("a")) == "untranslated"
    assert entry_state(Entry("a", "b")) == "translated"
    assert entry_state(Entry("a", "", flags=["fuzzy"])) == "untranslated"  # a fuzzy entry without text
    assert entry_state(Entry("a", "b", flags=["fuzzy"])) == "fuzzy"
    assert entry_state(Entry("a", "b"), rejected={(None, "a")}) == "rejected"
    assert entry_state(Entry("a", msgid_plural="as", msgstr_plural=["b", ""])) == "translated"  # by its first form
