"""Updating a catalog: translations follow their paragraphs; nothing a translator wrote is lost."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from openletter.po.merge import merge
from openletter.po.pofile import Catalog, Entry, parse_po
from openletter.po.powriter import PoWriter

P = ["The cat sat on the mat today.", "Dogs bark at night in the town.", "Birds sing in the early morning.",
     "Fish swim in the deep blue sea.", "Horses run across the wide field."]  # fmt: skip


def template(*texts: str) -> Catalog:
    return Catalog(
        header=Entry(msgid="", msgstr="POT-Creation-Date: 2026-01-02 00:00+0000\n"),
        entries=[Entry(msgid=text, extracted_comments=["paragraph"], references=["content/letter.md"]) for text in texts],
    )


def translated(*texts: str) -> Catalog:
    catalog = template(*texts)
    catalog.header = Entry(msgid="", msgstr="Language: de\nPOT-Creation-Date: 2026-01-01 00:00+0000\nPlural-Forms: nplurals=2; plural=(n != 1);\n")
    for entry in catalog.entries:
        entry.msgstr = "DE " + entry.msgid
    return catalog


def read_po_text(text: str) -> Catalog:
    return parse_po(text, Path("de.po"))


def by_id(catalog: Catalog) -> dict[str, Entry]:
    return {entry.msgid: entry for entry in catalog.entries}


def test_unchanged_units_keep_their_translation_and_the_header_takes_the_template_date() -> None:
    merged, report = merge(translated(*P), template(*P))
    assert [e.msgstr for e in merged.entries] == ["DE " + p for p in P]
    assert not any(e.fuzzy for e in merged.entries)
    assert merged.header_fields()["POT-Creation-Date"] == "2026-01-02 00:00+0000"
    assert merged.header_fields()["Language"] == "de"
    assert (report.kept, report.fuzzy, report.new, report.obsoleted) == (5, 0, 0, 0)


def test_a_light_edit_becomes_fuzzy_with_the_previous_source() -> None:
    edited = P[1].replace("night", "dawn")
    merged, report = merge(translated(*P), template(P[0], edited, *P[2:]))
    entry = by_id(merged)[edited]
    assert entry.fuzzy and entry.msgstr == "DE " + P[1] and entry.previous_msgid == P[1]
    assert report.fuzzy == 1 and report.obsoleted == 0


def test_a_full_rewrite_in_place_keeps_the_old_translation_as_fuzzy() -> None:
    rewrite = "Completely different words replace everything that stood here before."
    merged, report = merge(translated(*P), template(P[0], P[1], rewrite, P[3], P[4]))
    entry = by_id(merged)[rewrite]
    assert entry.fuzzy and entry.msgstr == "DE " + P[2] and entry.previous_msgid == P[2]
    assert not merged.obsolete and report.new == 0


def test_insertions_are_new_and_deletions_obsolete() -> None:
    inserted = "A brand new paragraph appears between others."
    merged, report = merge(translated(*P), template(P[0], inserted, P[1], P[3], P[4]))
    assert by_id(merged)[inserted].msgstr == "" and not by_id(merged)[inserted].fuzzy
    assert [(e.msgid, e.msgstr, e.obsolete) for e in merged.obsolete] == [(P[2], "DE " + P[2], True)]
    assert merged.obsolete[0].references == [] and merged.obsolete[0].extracted_comments == []
    assert (report.new, report.obsoleted) == (1, 1)


def test_moved_units_keep_their_translation_exactly() -> None:
    merged, _ = merge(translated(*P), template(P[3], P[0], P[1], P[2], P[4]))
    assert [e.msgstr for e in merged.entries] == ["DE " + P[i] for i in (3, 0, 1, 2, 4)]
    assert not any(e.fuzzy for e in merged.entries) and not merged.obsolete


def test_a_unit_that_comes_back_is_resurrected_from_obsolete() -> None:
    first, _ = merge(translated(*P), template(*P[:4]))
    assert [e.msgid for e in first.obsolete] == [P[4]]
    second, report = merge(first, template(*P))
    assert by_id(second)[P[4]].msgstr == "DE " + P[4] and not second.obsolete and report.resurrected == 1


def test_an_exact_obsolete_match_wins_over_a_fuzzy_active_one_and_no_msgid_is_both() -> None:
    """The template's text was translated once (now obsolete) and an active entry is close to it:
    the exact translation comes back, the close one goes obsolete, and no msgid is active and
    obsolete at once (GNU gettext refuses such a catalog, and so does ``check``)."""
    close, exact = "We disagree with the pause movement today.", "We disagree with the pause movement."
    catalog = translated(close)
    catalog.obsolete = [Entry(msgid=exact, msgstr="Wir widersprechen der Pause-Bewegung.", obsolete=True)]
    merged, report = merge(catalog, template(exact))
    assert by_id(merged)[exact].msgstr == "Wir widersprechen der Pause-Bewegung." and not by_id(merged)[exact].fuzzy
    assert [(e.msgid, e.msgstr) for e in merged.obsolete] == [(close, "DE " + close)] and report.resurrected == 1
    assert read_po_text(PoWriter().dumps(merged)).by_key().keys() == {(None, exact)}


def test_an_already_fuzzy_entry_keeps_its_original_previous_source() -> None:
    step1, _ = merge(translated(*P), template(P[0] + " Really.", *P[1:]))
    step2, _ = merge(step1, template(P[0] + " Really, truly.", *P[1:]))
    entry = step2.entries[0]
    assert entry.fuzzy and entry.previous_msgid == P[0] and entry.msgstr == "DE " + P[0]


sentences = st.lists(st.sampled_from([f"Sentence number {i} talks about topic {i % 7}." for i in range(40)]), min_size=1, max_size=12, unique=True)


@settings(max_examples=200, deadline=None)
@given(sentences, sentences, st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=12))
def test_update_never_drops_a_translation(old: list[str], new: list[str], noise: list[str]) -> None:
    catalog = translated(*old)
    for entry, extra in zip(catalog.entries, noise * 12):
        entry.msgstr += extra
    before = sorted(entry.msgstr for entry in catalog.entries)
    merged, _ = merge(catalog, template(*new))
    after = sorted(e.msgstr for e in merged.entries + merged.obsolete if e.msgstr)
    for text in before:
        assert text in after
    assert [e.msgid for e in merged.entries] == new
    assert not {e.key for e in merged.entries} & {e.key for e in merged.obsolete}  # GNU refuses a msgid in both
