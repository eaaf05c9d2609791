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
