"""The strict PO reader: every problem named with its line, everything else kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import gettext_tool, msgcat_bytes
from hypothesis import assume, given, settings
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


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x04"), max_size=120)


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
    assume(not {entry.key for entry in active} & {entry.key for entry in obsolete})  # GNU refuses a message twice
    catalog = Catalog(header=Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n"), entries=active, obsolete=obsolete)
    text = PoWriter().dumps(catalog)
    again = parse_po(text)
    fields = ("msgid", "msgctxt", "msgid_plural", "msgstr", "msgstr_plural", "translator_comments",
              "extracted_comments", "references", "flags", "previous_msgid", "obsolete")  # fmt: skip
    for before, after in zip(active + obsolete, again.entries + again.obsolete, strict=True):
        for name in fields:
            assert getattr(after, name) == getattr(before, name), name
    assert PoWriter().dumps(again) == text



@settings(max_examples=60, deadline=None)
@given(st.lists(entries(), max_size=4, unique_by=lambda e: e.key), st.lists(entries(obsolete=True), max_size=2, unique_by=lambda e: e.key))
def test_a_copied_catalog_equals_its_deep_copy_and_shares_no_list(active: list[Entry], obsolete: list[Entry]) -> None:
    import copy

    catalog = Catalog(header=Entry(msgid="", msgstr="Language: de\n"), entries=active, obsolete=obsolete, path=Path("de.po"))
    copied = catalog.copy()
    assert copied == copy.deepcopy(catalog)
    for before, after in zip([catalog.header, *active, *obsolete], [copied.header, *copied.entries, *copied.obsolete], strict=True):
        assert after is not before and after.msgstr_lines == before.msgstr_lines
        for name in ("msgstr_plural", "translator_comments", "extracted_comments", "references", "flags", "msgstr_lines"):
            assert getattr(after, name) is not getattr(before, name), name
    copied.entries.append(Entry(msgid="new"))
    if copied.entries[0].msgid != "new":
        copied.entries[0].flags.append("fuzzy")
        assert "fuzzy" not in catalog.entries[0].flags or catalog.entries[0].flags.count("fuzzy") == copied.entries[0].flags.count("fuzzy") - 1
    assert len(catalog.entries) == len(active)

# -- the syntax GNU gettext accepts, and what it refuses (msgcat is the oracle) ----------------------

ACCEPTED = {
    "comments after the last message": 'msgid "a"\nmsgstr "b"\n\n# a note for nobody\n#. dot\n#: ref.c:1\n#, fuzzy\n',
    "several keywords on one line": 'msgid "one" msgstr "first"\nmsgctxt "c" msgid "two" msgid_plural "twos" msgstr[0] "x" msgstr[1] "y"\n',
    "a comment after a string": 'msgid "a"\nmsgstr "b" # belongs to the next message\nmsgid "c"\nmsgstr "d"\n',
    "strings side by side and spaced brackets": 'msgid "a" "b"\nmsgid_plural "as"\nmsgstr [ 0 ] "x" "y"\nmsgstr[1]"z"\n',
    "CR, FF and VT as white space": 'msgid "a"\r\n\fmsgstr\v"b"\r\n',
    "the default domain": 'domain "messages"\nmsgid "a"\nmsgstr "b"\n',
    "escapes that make UTF-8 bytes": 'msgid "caf\\303\\251 \\xC3\\xA9 \\x141"\nmsgstr "\\1011"\n',
    "a string ends at a NUL": 'msgid "a"\nmsgstr "kept\\0 lost" " and kept"\n',
    "obsolete previous strings and comments": '#~ # old note\n#~| msgid "older"\n#~ msgid "gone"\n#~ msgstr "weg"\n',
    "'#!' flags and '##' comments": '## two hashes\n#! fuzzy c-format\nmsgid "%d a"\nmsgstr "%d b"\n',
    "previous strings over several lines": '#, fuzzy\n#| msgctxt "m"\n#| msgid "old "\n#| "text"\nmsgctxt "m"\nmsgid "new"\nmsgstr "neu"\n',
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_reads_the_syntax_gnu_accepts_as_gnu_reads_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / "x.po"
    path.write_bytes((HEADER + ACCEPTED[name]).encode("utf-8"))
    assert PoWriter().dump_bytes(read_po(path)) == msgcat_bytes(path)


def test_what_gnu_accepts_reads_as_gnu_reads_it() -> None:
    catalog = parse_po(HEADER + ACCEPTED["several keywords on one line"] + ACCEPTED["a comment after a string"].replace('"a"', '"e"'))
    assert [(e.msgctxt, e.msgid, e.translations) for e in catalog.entries] == [
        (None, "one", ["first"]), ("c", "two", ["x", "y"]), (None, "e", ["b"]), (None, "c", ["d"]),
    ]  # fmt: skip
    assert catalog.entries[3].translator_comments == ["belongs to the next message"]
    (entry,) = parse_po(HEADER + ACCEPTED["escapes that make UTF-8 bytes"]).entries
    assert (entry.msgid, entry.msgstr) == ("café é A", "A1")
    assert parse_po(HEADER + ACCEPTED["a string ends at a NUL"]).entries[0].msgstr == "kept and kept"


REFUSED = {
    # name: (body, line, column or None, fragment of our message)
    "a comment inside a message": ('msgid "a" # no\nmsgstr "b"\n', 5, None, "found a comment"),
    "a comment between '#|' and msgid": ('#| msgid "old"\n# no\nmsgid "a"\nmsgstr "b"\n', 6, None, "found a comment"),
    "an obsolete msgid with an active msgstr": ('#~ msgid "a"\nmsgstr "b"\n', 6, 1, "inconsistent use of #~"),
    "an unknown keyword": ('msgid "a"\nmsgstr "b"\nmsgcomment "c"\n', 7, 1, "unknown keyword 'msgcomment'"),
    "msgstr on a '#|' line": ('#| msgstr "old"\nmsgid "a"\nmsgstr "b"\n', 5, 4, "'msgstr' cannot appear on a '#|' line"),
    "the msgctxt separator in a string": ('msgid "a\\004b"\nmsgstr ""\n', 5, 7, "U+0004"),
    "escapes that make invalid UTF-8": ('msgid "a\\xff"\nmsgstr ""\n', 5, 7, "invalid UTF-8"),
    "'\\x' without a hex digit": ('msgid "a\\xg"\nmsgstr ""\n', 5, 9, "invalid escape sequence '\\x'"),
    "msgctxt without msgid": ('msgctxt "c"\nmsgstr "b"\n', 6, None, "expected 'msgid'"),
    "'#| msgctxt' without '#| msgid'": ('#| msgctxt "c"\nmsgid "a"\nmsgstr "b"\n', 6, None, "'#| msgid' after '#| msgctxt'"),
    "a bare number": ('msgid "a"\nmsgstr "b"\n12\n', 7, None, "found the number 12"),
    "msgstr[] without its number": ('msgid "a"\nmsgid_plural "as"\nmsgstr[] "x"\n', 7, None, "a number in 'msgstr[N]'"),
    "a message active and obsolete": ('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 8, None, "first defined at line 5"),
    "domain without a name": ('domain\nmsgid "a"\nmsgstr "b"\n', 6, None, "the domain's name"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refuses_what_gnu_refuses_naming_line_and_column(tmp_path: Path, name: str) -> None:
    body, line, column, fragment = REFUSED[name]
    path = tmp_path / "x.po"
    path.write_bytes((HEADER + body).encode("utf-8"))
    assert gettext_tool("msgcat", str(path)).returncode != 0, "msgcat accepts it"
    with pytest.raises(PoSyntaxError) as raised:
        read_po(path)
    assert (raised.value.line, raised.value.column) == (line, column), str(raised.value)
    assert fragment in raised.value.message
    assert str(raised.value).startswith(f"{path}:{line}:" + (f"{column}:" if column else ""))


def test_a_domain_directive_for_another_catalog_is_refused_with_a_way_out(tmp_path: Path) -> None:
    """msgcat accepts it (and writes the messages after it as another domain); a file here is one
    catalog, so the reader refuses it, saying where and what to do, rather than mix two domains."""
    path = tmp_path / "letter.po"
    path.write_bytes((HEADER + 'msgid "a"\nmsgstr "b"\n\n  domain "theme"\nmsgid "c"\nmsgstr "d"\n').encode("utf-8"))
    assert gettext_tool("msgcat", str(path)).returncode == 0
    with pytest.raises(PoSyntaxError) as raised:
        read_po(path)
    assert (raised.value.code, raised.value.line, raised.value.column) == ("domain", 8, 3)
    assert "move them to theme.po, or delete the line" in raised.value.message and "(letter.po)" in raised.value.message
