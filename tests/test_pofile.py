"""The strict PO reader: every problem named with its line, everything else kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openletter.errors import PoSyntaxError
from openletter.po.pofile import Catalog, Entry, parse_po, read_po
from openletter.po.powriter import PoWriter

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_reads_entries_with_their_lines_comments_flags_and_previous() -> None:
    text = HEADER + (
        "# translator note\n"
        "#. paragraph\n"
        "#: content/letter.md\n"
        "#, fuzzy\n"
        '#| msgid "old text"\n'
        'msgid "new "\n'
        '"text"\n'
        'msgstr "neuer Text"\n'
        "\n"
        'msgctxt "menu"\n'
        'msgid "one"\n'
        'msgid_plural "many"\n'
        'msgstr[0] "eins"\n'
        'msgstr[1] "viele"\n'
        "\n"
        '#~ msgid "gone"\n'
        '#~ msgstr "weg"\n'
    )
    catalog = parse_po(text)
    first, second = catalog.entries
    assert (first.msgid, first.msgstr, first.line) == ("new text", "neuer Text", 10)
    assert first.translator_comments == ["translator note"]
    assert first.extracted_comments == ["paragraph"]
    assert first.references == ["content/letter.md"]
    assert first.fuzzy and first.previous_msgid == "old text" and not first.translated
    assert (second.msgctxt, second.msgid_plural, second.msgstr_plural) == ("menu", "many", ["eins", "viele"])
    assert second.translated
    assert [(e.msgid, e.msgstr, e.obsolete) for e in catalog.obsolete] == [("gone", "weg", True)]
    assert catalog.header_fields() == {"Content-Type": "text/plain; charset=UTF-8"}


def test_escapes_are_decoded_like_gettext() -> None:
    catalog = parse_po(HEADER + 'msgid "a\\tb\\n\\"q\\"\\\\ \\101\\x42"\nmsgstr ""\n')
    assert catalog.entries[0].msgid == 'a\tb\n"q"\\ AB'


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ('msgid "a"\nmsgstr[0] "x"\n', 6, "without 'msgid_plural'"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr "x"\n', 7, "plain 'msgstr'"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\n', 7, "out of order"),
        ('msgstr "x"\n', 5, "expected 'msgid'"),
        ('msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', 8, "first defined at line 5"),
        ('msgid "a"\n', 6, "syntax error"),
        ("# dangling comment\n", 5, "comments without a message"),
    ],
)
def test_syntax_errors_name_the_line(body: str, line: int, fragment: str) -> None:
    with pytest.raises(PoSyntaxError) as raised:
        parse_po(HEADER + body, Path("x.po"))
    assert raised.value.line == line
    assert fragment in raised.value.message
    assert str(raised.value).startswith(f"x.po:{line}: ")


@pytest.mark.parametrize(
    ("body", "line", "column", "fragment"),
    [
        # msgfmt's usual slips, with where the reader stopped (1-based) and what to write instead.
        ('msgid "open\nmsgstr ""\n', 5, 12, 'the string is not closed: end it with a quote (")'),
        ('msgid "ends with escaped quote\\"\nmsgstr ""\n', 5, 33, "the string is not closed"),
        ('msgid "bad \\q escape"\nmsgstr ""\n', 5, 12, "invalid escape sequence '\\q'"),
        ('msgid "a"\nmsgstr "Er sagte "hallo""\n', 6, 18, "this quote ends the string, and 'hallo\"\"' follows it; write \\\" for a quote inside"),
        ('msgid "a" junk\nmsgstr ""\n', 5, 9, "and 'junk' follows it"),
        ('msgid "a"\n"b" c\nmsgstr ""\n', 6, 3, "and 'c' follows it"),
        ('msgid x\nmsgstr ""\n', 5, 7, "text outside quotes: 'x'"),
        ('#~ msgid "a"\n#~ msgstr "b\n', 6, 13, "the string is not closed"),
    ],
)
def test_string_errors_name_the_column_and_say_what_to_write(body: str, line: int, column: int, fragment: str) -> None:
    with pytest.raises(PoSyntaxError) as raised:
        parse_po(HEADER + body, Path("x.po"))
    assert (raised.value.line, raised.value.column) == (line, column)
    assert fragment in raised.value.message
    assert str(raised.value).startswith(f"x.po:{line}:{column}: ")


def test_bom_and_invalid_utf8_are_refused_with_line_and_column(tmp_path: Path) -> None:
    bom = tmp_path / "bom.po"
    bom.write_bytes(b"\xef\xbb\xbf" + HEADER.encode())
    with pytest.raises(PoSyntaxError, match="byte order mark") as raised:
        read_po(bom)
    assert raised.value.line == 1
    broken = tmp_path / "latin1.po"
    broken.write_bytes(HEADER.encode() + 'msgid "a"\nmsgstr "caf'.encode() + b"\xe9" + b'"\n')
    with pytest.raises(PoSyntaxError, match="invalid UTF-8 at column 12") as raised:
        read_po(broken)
    assert raised.value.line == 6


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=120)


@st.composite
def entries(draw: st.DrawFn, obsolete: bool = False) -> Entry:
    plural = draw(st.booleans())
    entry = Entry(
        msgid=draw(texts.filter(bool)),
        msgctxt=draw(st.none() | texts),
        translator_comments=draw(st.lists(st.text(alphabet="abc xyz-", max_size=20), max_size=2)),
        extracted_comments=[] if obsolete else draw(st.lists(st.text(alphabet="abc xyz", max_size=20), max_size=2)),
        references=[] if obsolete else draw(st.lists(st.from_regex(r"[a-z]{1,8}/[a-z]{1,8}\.md", fullmatch=True), max_size=2, unique=True)),
        obsolete=obsolete,
    )
    if plural:
        entry.msgid_plural = draw(texts)
        entry.msgstr_plural = draw(st.lists(texts, min_size=1, max_size=3))
    else:
        entry.msgstr = draw(texts)
    if draw(st.booleans()) and entry.translations[0]:
        entry.fuzzy = True
        entry.previous_msgid = draw(texts.filter(bool))
    if obsolete and not entry.translations[0]:
        entry.msgstr_plural = [m or "x" for m in entry.msgstr_plural] if plural else []
        entry.msgstr = "" if plural else "x"
    return entry


@settings(max_examples=150, deadline=None)
@given(st.lists(entries(), max_size=6, unique_by=lambda e: e.key), st.lists(entries(obsolete=True), max_size=3, unique_by=lambda e: e.key))
def test_read_write_read_keeps_every_field(active: list[Entry], obsolete: list[Entry]) -> None:
    catalog = Catalog(header=Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n"), entries=active, obsolete=obsolete)
    text = PoWriter().dumps(catalog)
    again = parse_po(text)
    fields = ("msgid", "msgctxt", "msgid_plural", "msgstr", "msgstr_plural", "translator_comments",
              "extracted_comments", "references", "flags", "previous_msgid", "obsolete")  # fmt: skip
    for before, after in zip(active + obsolete, again.entries + again.obsolete, strict=True):
        for name in fields:
            assert getattr(after, name) == getattr(before, name), name
    assert PoWriter().dumps(again) == text
