"""Per-unit review marks: what they vouch for, and which tools keep them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import gettext_tool, msgcat_bytes

from openletter.po.pofile import Catalog, Entry, parse_po, read_po
from openletter.po.powriter import PoWriter
from openletter.po.reviewmarks import is_reviewed, mark_reviewed, review_mark, reviewer_of, unit_digest
from openletter.po.states import review_state, reviewed_units

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
SOURCES = [
    ("We agree on the goals of this letter.", "Wir teilen die Ziele dieses Briefes."),
    ("We disagree on the means of getting there.", "Wir sind uns über die Mittel uneins."),
    ("Signed by everyone who read it.", "Unterzeichnet von allen, die ihn gelesen haben."),
]


def reviewed_catalog() -> Catalog:
    """Three plain entries, one with context, one plural, all reviewed by Ana."""
    catalog = parse_po(HEADER, Path("de.po"))
    for msgid, msgstr in SOURCES:
        catalog.entries.append(Entry(msgid, msgstr, extracted_comments=["paragraph"]))
    catalog.entries.append(Entry("Open", "Offen", msgctxt="button"))
    catalog.entries.append(Entry("%d signature", msgid_plural="%d signatures", msgstr_plural=["%d Unterschrift", "%d Unterschriften"]))
    catalog.entries[0].translator_comments.append("Ana: keep it formal")
    for entry in catalog.entries:
        mark_reviewed(entry, "Ana Müller")
    return catalog


def write(tmp_path: Path, name: str, catalog: Catalog) -> Path:
    path = tmp_path / name
    path.write_bytes(PoWriter().dump_bytes(catalog))
    return path


def template(catalog: Catalog, changed: dict[str, str] | None = None) -> str:
    """The .pot matching ``catalog``, with msgids renamed as ``changed`` says."""
    changed = changed or {}
    pot = Catalog(header=parse_po(HEADER, Path("x.pot")).header)
    for entry in catalog.entries:
        pot.entries.append(
            Entry(
                changed.get(entry.msgid, entry.msgid),
                msgctxt=entry.msgctxt,
                msgid_plural=entry.msgid_plural,
                msgstr_plural=["", ""] if entry.msgid_plural else [],
                extracted_comments=["updated by the template"],
            )
        )
    return PoWriter().dumps(pot)


# -- what a mark vouches for ---------------------------------------------------


def test_a_marked_unit_is_reviewed_and_names_its_reviewer() -> None:
    entry = Entry("Hello", "Hallo")
    assert not is_reviewed(entry)
    mark_reviewed(entry, "Ana")
    assert is_reviewed(entry)
    assert reviewer_of(entry) == "Ana"
    assert entry.translator_comments == [f"reviewed: {unit_digest(entry)} Ana"]
    unnamed = Entry("Hello", "Hallo", translator_comments=[review_mark(Entry("Hello", "Hallo"))])
    assert is_reviewed(unnamed) and reviewer_of(unnamed) is None


def test_an_edited_translation_is_no_longer_reviewed() -> None:
    entry = Entry("Hello", "Hallo")
    mark_reviewed(entry, "Ana")
    entry.msgstr = "Hallo!"
    assert not is_reviewed(entry)
    assert reviewer_of(entry) is None


@pytest.mark.parametrize(
    "edit",
    [
        lambda e: setattr(e, "msgid", "%d signature!"),
        lambda e: setattr(e, "msgid_plural", "%d signatures!"),
        lambda e: setattr(e, "msgctxt", "button"),
        lambda e: e.msgstr_plural.__setitem__(1, "%d Unterschriften!"),
    ],
)
def test_any_change_to_source_or_a_plural_form_unreviews(edit) -> None:
    entry = Entry("%d signature", msgid_plural="%d signatures", msgstr_plural=["%d Unterschrift", "%d Unterschriften"])
    mark_reviewed(entry, None)
    assert is_reviewed(entry)
    edit(entry)
    assert not is_reviewed(entry)


def test_a_fuzzy_unit_is_not_reviewed_even_with_a_matching_mark() -> None:
    entry = Entry("Hello", "Hallo")
    mark_reviewed(entry, "Ana")
    entry.fuzzy = True
    assert not is_reviewed(entry)
    with pytest.raises(ValueError):
        mark_reviewed(entry, "Ana")
    with pytest.raises(ValueError):
        mark_reviewed(Entry("Hello"), "Ana")


def test_marking_again_replaces_a_stale_mark_and_keeps_other_comments() -> None:
    entry = Entry("Hello", "Hallo", translator_comments=["keep me"])
    mark_reviewed(entry, "Ana")
    entry.msgstr = "Servus"
    mark_reviewed(entry, "Bo")
    assert entry.translator_comments == ["keep me", f"reviewed: {unit_digest(entry)} Bo"]
    with pytest.raises(ValueError):
        review_mark(entry, "Ana\nreviewed: 00000000")


def test_catalog_counts_and_derived_state() -> None:
    catalog = reviewed_catalog()
    assert reviewed_units(catalog) == (5, 5)
    assert review_state(catalog) == "reviewed"
    catalog.entries[1].msgstr = "Über die Mittel sind wir uneins."
    assert reviewed_units(catalog) == (4, 5)
    assert review_state(catalog) == "unreviewed"
    mark_reviewed(catalog.entries[1], "Bo")
    catalog.entries.append(Entry("Not yet."))  # untranslated: not counted, but the catalog is not done
    assert reviewed_units(catalog) == (5, 5)
    assert review_state(catalog) == "unreviewed"
    catalog.entries[-1] = Entry("Not yet.", "Noch nicht.", flags=["fuzzy"])
    assert reviewed_units(catalog) == (5, 5)
    assert review_state(catalog) == "unreviewed"
    assert review_state(parse_po(HEADER, Path("empty.po"))) == "unreviewed"


# -- which tools keep the mark -------------------------------------------------


def test_the_writer_with_marks_is_msgcat_identical_and_reads_back_reviewed(tmp_path: Path) -> None:
    path = write(tmp_path, "de.po", reviewed_catalog())
    assert msgcat_bytes(path) == path.read_bytes()
    assert reviewed_units(read_po(path)) == (5, 5)
    assert "# reviewed: " in path.read_text(encoding="utf-8")


def test_msgcat_keeps_the_mark(tmp_path: Path) -> None:
    path = write(tmp_path, "de.po", reviewed_catalog())
    result = gettext_tool("msgcat", "--width=60", "--sort-output", str(path))  # rewrap and reorder: a real rewrite
    assert result.returncode == 0, result.stderr.decode()
    assert reviewed_units(parse_po(result.stdout.decode("utf-8"), path)) == (5, 5)


def test_msgmerge_keeps_marks_and_a_changed_source_becomes_fuzzy_and_unreviewed(tmp_path: Path) -> None:
    catalog = reviewed_catalog()
    path = write(tmp_path, "de.po", catalog)
    pot = tmp_path / "letter.pot"
    pot.write_text(template(catalog), encoding="utf-8")
    same = gettext_tool("msgmerge", "--quiet", str(path), str(pot))
    assert same.returncode == 0, same.stderr.decode()
    assert reviewed_units(parse_po(same.stdout.decode("utf-8"), path)) == (5, 5)

    pot.write_text(template(catalog, {SOURCES[1][0]: "We disagree on the methods of getting there."}), encoding="utf-8")
    result = gettext_tool("msgmerge", "--quiet", "--previous", str(path), str(pot))
    assert result.returncode == 0, result.stderr.decode()
    merged = parse_po(result.stdout.decode("utf-8"), path)
    changed = next(entry for entry in merged.entries if entry.msgid.startswith("We disagree"))
    assert changed.fuzzy and changed.previous_msgid == SOURCES[1][0]
    assert any(comment.startswith("reviewed: ") for comment in changed.translator_comments)  # carried over...
    assert not is_reviewed(changed)  # ...but it no longer matches
    changed.fuzzy = False  # a translator accepting the fuzzy match without review: the digest still differs
    assert not is_reviewed(changed)
    assert [is_reviewed(entry) for entry in merged.entries] == [True, False, True, True, True]
    assert review_state(merged) == "unreviewed"


def test_the_rejected_forms_do_not_survive_gettext(tmp_path: Path) -> None:
    """Why the mark is a translator comment: msgcat drops an unknown flag, msgmerge replaces extracted comments."""
    text = HEADER + '\n#. reviewed: extracted\n#, reviewed\nmsgid "Hello"\nmsgstr "Hallo"\n'
    path = tmp_path / "de.po"
    path.write_text(text, encoding="utf-8")
    assert "reviewed" not in msgcat_bytes(path).decode("utf-8").replace("#. reviewed: extracted", "")
    pot = tmp_path / "x.pot"
    pot.write_text(HEADER + '\n#. paragraph\nmsgid "Hello"\nmsgstr ""\n', encoding="utf-8")
    merged = gettext_tool("msgmerge", "--quiet", str(path), str(pot)).stdout.decode("utf-8")
    assert "reviewed" not in merged
