"""Other readers (polib, Babel) see exactly what our reader sees in every shipped catalog; other
projects' catalogs are written back as msgcat writes them."""

from __future__ import annotations

import polib
import pytest
from babel.messages.pofile import read_po as babel_read_po
from conftest import DATA, REPO, msgcat_bytes

from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter

CATALOGS = sorted((REPO / "locale").rglob("*.po"))


def test_polib_and_babel_read_the_same_messages() -> None:
    assert len(CATALOGS) >= 50
    for path in CATALOGS:
        ours = {entry.msgid: entry.translations for entry in read_po(path).entries}
        by_polib = {
            entry.msgid: ([entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)] if entry.msgid_plural else [entry.msgstr])
            for entry in polib.pofile(str(path))
            if not entry.obsolete
        }
        assert by_polib == ours, path
        with path.open("rb") as handle:
            babel = babel_read_po(handle, abort_invalid=True)
        by_babel = {
            (message.id[0] if isinstance(message.id, tuple) else message.id): (
                list(message.string) if isinstance(message.string, tuple) else [message.string]
            )
            for message in babel
            if message.id
        }
        assert by_babel == ours, path


def test_translate_toolkit_keeps_review_marks(tmp_path) -> None:
    """translate-toolkit (under Pootle, Weblate and the po2* converters) reads a review mark as the
    unit's translator note and writes the catalog back byte for byte."""
    from translate.storage import po as tt_po

    from openletter.po.pofile import Entry, parse_po
    from openletter.po.powriter import PoWriter
    from openletter.po.reviewmarks import mark_reviewed
    from openletter.po.states import reviewed_units

    catalog = parse_po('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', tmp_path / "de.po")
    catalog.entries += [
        Entry("We agree on the goals.", "Wir teilen die Ziele.", translator_comments=["keep it formal"]),
        Entry("Open", "Offen", msgctxt="button"),
        Entry("%d signature", msgid_plural="%d signatures", msgstr_plural=["%d Unterschrift", "%d Unterschriften"]),
    ]
    for entry in catalog.entries:
        mark_reviewed(entry, "Ana Müller")
    written = PoWriter().dump_bytes(catalog)
    store = tt_po.pofile(written)
    notes = [unit.getnotes("translator") for unit in store.units if not unit.isheader()]
    assert all("reviewed: " in note for note in notes), notes
    round_tripped = bytes(store)
    assert round_tripped == written
    assert reviewed_units(parse_po(round_tripped.decode("utf-8"), tmp_path / "de.po")) == (3, 3)


REAL = sorted((DATA / "real-po").glob("*.po"))


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.name)
def test_catalogs_from_other_projects_are_written_as_msgcat_writes_them(path) -> None:
    """Excerpts of Sphinx's, the Python documentation's and polib's catalogs (tests/data/real-po/SOURCES.md)."""
    ours = PoWriter().dump_bytes(read_po(path))
    theirs = msgcat_bytes(path)
    if path.name == "polib-utf8.po":
        # "#, python-format" then an empty "#," line: gettext 0.21 keeps only the last line's flags
        # (none); 0.26 merges the lines, and so do we (openletter.po.flags).
        theirs = theirs.replace(b"manipulators.py:309\nmsgid", b"manipulators.py:309\n#, python-format\nmsgid")
    assert ours == theirs
