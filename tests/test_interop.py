"""Other readers (polib, Babel) see exactly what our reader sees in every shipped catalog."""

from __future__ import annotations

import polib
from babel.messages.pofile import read_po as babel_read_po
from conftest import REPO

from openletter.po.pofile import read_po

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
