"""The writer against its oracle: whatever we write, GNU msgcat writes the same bytes."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, msgcat_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openletter.po.directives import FORMAT_LANGUAGES
from openletter.po.pofile import Catalog, Entry, read_po
from openletter.po.powriter import PoWriter, known_flags

HEADER = Entry(msgid="", msgstr="Project-Id-Version: t\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n")

SAMPLES = [
    "這是一個很長的中文句子，用來測試換行的行為是否與GNU gettext完全相同。我們需要確保每一個字元都被正確地處理，包括標點符號。" * 2,
    "これは日本語の文です。「引用」や、句読点の扱いを確認します。長い文章が正しく折り返されるかどうかを見てみましょう。",
    "نحن نعلن عدم موافقتنا على حركة «أوقفوا الذكاء الاصطناعي»، التي تدعو إلى وقف فوري، ربما تفرضه الحكومة، لمدة ستة أشهر على الأقل:",
    "हम «पॉज़ एआई» आंदोलन से असहमति व्यक्त करते हैं, जो कम से कम छह महीनों के लिए शक्तिशाली एआई प्रशिक्षण को तुरंत रोकने का आह्वान करता है।",
    "Nous exprimons notre désaccord avec le mouvement « Pause AI », qui appelle à un arrêt immédiat — éventuellement imposé par l’État — pendant six mois :",
    "see https://example.com/a/very/long/path/that/goes/on/and/on/and/on/forever/and/ever/index.html?x=1&y=2 now",
    "[link text](https://example.org/some/path) *emphasis* `code  spaces` a \"quote\" back\\slash\tand tab and more words to wrap",
    "line one\nline two\n",
    "\n",
    "a\n\nb",
    "Published on %(date)s with a long long long long long long long long long long long text %(name)s here",
    "한국어 문장은 띄어쓰기를 사용합니다. 이것은 줄 바꿈을 테스트하기 위한 아주 긴 문장입니다. 정말 길어요 길어요.",
    "well-known self-evident non-trivial-hyphenated-words-that-go-on-and-on-and-on-and-on-and-on-and-on-end",
    "x" * 200,
    "word " * 40,
    "control \x07 bell \r return \v vtab \f feed \b back " * 3,
]


def oracle(tmp_path: Path, catalog: Catalog) -> tuple[bytes, bytes]:
    ours = PoWriter().dump_bytes(catalog)
    path = tmp_path / "t.po"
    path.write_bytes(ours)
    return ours, msgcat_bytes(path)


def test_every_script_wraps_exactly_like_msgcat(tmp_path: Path) -> None:
    catalog = Catalog(header=HEADER)
    for index, text in enumerate(SAMPLES):
        entry = Entry(msgid=text, msgstr=text[::-1] if index % 2 else "", extracted_comments=["paragraph"], references=["content/letter.md"])
        if index % 3 == 1:
            entry.fuzzy, entry.previous_msgid = True, text + " (old)"
        if "%(" in text:
            entry.flags.append("python-format")
        catalog.entries.append(entry)
    catalog.obsolete.append(Entry(msgid="gone " * 30, msgstr="weg " * 30, obsolete=True, flags=["fuzzy"], previous_msgid="prev " * 30))
    ours, theirs = oracle(tmp_path, catalog)
    assert ours == theirs


def test_shipped_catalogs_are_msgcat_identical() -> None:
    paths = sorted((REPO / "locale").rglob("*.po")) + sorted((REPO / "locale").glob("*.pot"))
    assert paths
    for path in paths:
        assert msgcat_bytes(path) == path.read_bytes(), path


def test_one_writer_for_every_catalog_writes_each_as_a_fresh_writer_does() -> None:
    """A writer remembers the strings it wrapped (every catalog has the same msgids): what it
    writes for a catalog does not depend on what it wrote before, nor does a caller's change to
    lines it returned reach the next catalog."""
    shared = PoWriter()
    for path in sorted((REPO / "locale").rglob("*.po")):
        catalog = read_po(path)
        shared.wrap("", "msgid", catalog.entries[0].msgid).append("changed by a caller")
        assert shared.dump_bytes(catalog) == PoWriter().dump_bytes(catalog) == path.read_bytes(), path


def test_shipped_catalogs_survive_a_msgmerge_round_trip() -> None:
    """What a translator's tool does on save (msgmerge with the current template) changes nothing."""
    from conftest import gettext_tool

    for path in sorted((REPO / "locale").rglob("*.po")):
        template = REPO / "locale" / f"{path.stem}.pot"
        result = gettext_tool("msgmerge", "--quiet", str(path), str(template))
        assert result.returncode == 0, result.stderr
        assert result.stdout == path.read_bytes(), path


def test_normalizes_what_gettext_normalizes(tmp_path: Path) -> None:
    catalog = Catalog(
        header=HEADER,
        entries=[
            Entry(msgid="fuzzy but empty", flags=["fuzzy", "my-own-flag"]),
            Entry(msgid="flags", msgstr="x", flags=["no-wrap", "python-format", "c-format", "fuzzy"]),
        ],
        obsolete=[Entry(msgid="obsolete and empty", obsolete=True)],
    )
    ours, theirs = oracle(tmp_path, catalog)
    assert ours == theirs
    text = ours.decode()
    assert "my-own-flag" not in text and "obsolete and empty" not in text
    assert "#, fuzzy, c-format, python-format, no-wrap\n" in text
    assert known_flags(["python-format", "fuzzy", "unknown"]) == ["fuzzy", "python-format"]


printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029") | st.sampled_from("\n\t\"\\ "),
    max_size=300,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(printable.filter(bool), printable, st.booleans()), min_size=1, max_size=8, unique_by=lambda t: t[0]))
def test_random_catalogs_match_msgcat(tmp_path: Path, items: list[tuple[str, str, bool]]) -> None:
    catalog = Catalog(header=HEADER)
    for msgid, msgstr, fuzzy in items:
        entry = Entry(msgid=msgid, msgstr=msgstr, references=["content/letter.md"])
        if fuzzy and msgstr:
            entry.fuzzy, entry.previous_msgid = True, msgid[::-1] or "x"
        catalog.entries.append(entry)
    ours, theirs = oracle(tmp_path, catalog)
    assert ours == theirs


# -- format directives of every language, references, flags (issue 14, "Catalogs from every tool") --

#: Directives of each format gettext knows (valid ones and near misses, which gettext's parsers
#: stop at), for strings msgcat wraps at a narrow width: a break inside a directive shows at once.
DIRECTIVES = {
    "c": ["%d", "%1$s", "%2$d", "%.*s", "%-10s", "%lld", "%<PRId64>", "%<PRIu32>", "%<PRIxFAST8>", "%I d", "%%", "%m", "%5.2f", "%zu", "%*d", "%*1$d", "%hhx", "%0$d", "%<PRQ>", "%y"],
    "objc": ["%@", "%d", "%1$@", "%.*s", "%y"],
    "python": ["%(name)s", "%(a b)d", "%s", "%5.2f", "%%", "%(x)%", "%-*d", "%.0s", "%(n)d", "%(", "%y"],
    "python-brace": ["{name}", "{0}", "{a.b[0]}", "{n:>10}", "{n:{w}}", "{{", "}}", "{x!r}", "{0:.2f}", "{", "{a[b}", "{:}"],
    "java": ["{0}", "{1,number}", "{0,number,#.##}", "{0,choice,0#none|1#one|1<{0} many}", "'{'", "''", "{0,date,short}", "}", "{a}"],
    "java-printf": ["%s", "%1$s", "%<d", "%,d", "%tY", "%n", "%-5s", "%.2f", "%(d", "%#x", "%#d", "%tQ", "%.x"],
    "csharp": ["{0}", "{1,-10}", "{0:N2}", "{{", "}}", "{0,5:x}", "{a}", "}"],
    "javascript": ["%s", "%1$d", "%j", "%5.2f", "%%", "%y"],
    "scheme": ["~A", "~:D", "~@[~A~]", "~:[no~;yes~]", "~{~A~^, ~}", "~(~A~)", "~5,'0D", "~v,vA", "~Y", "~K", "~I", "~Z", "~<x~>"],
    "lisp": ["~A", "~:D", "~@[~A~]", "~:[no~;yes~]", "~[a~;b~:;c~]", "~{~A~^, ~}", "~(~A~)", "~<~A~;~A~>", "~5,'0D", "~-1*", "~/foo/", "~!", "~Z", "~]"],
    "elisp": ["%s", "%d", "%1$s", "%-5d", "%S", "%*d", "%y"],
    "librep": ["%s", "%d", "%1$s", "%^5d", "%S", "%y"],
    "ruby": ["%s", "%<name>s", "%{name}", "%1$d", "%*d", "%-10.3f", "%%", "%<a>d", "%y"],
    "sh": ["$name", "${name}", "$1", "${x:-y}", "$$", "${}", "$é"],
    "awk": ["%s", "%1$d", "%*d", "%.*f", "%y"],
    "lua": ["%s", "%5.2f", "%q", "%%", "%d", "%y"],
    "object-pascal": ["%s", "%0:s", "%*:d", "%-5.2f", "%d", "%p", "%.x", "%y"],
    "smalltalk": ["%1", "%2", "%%", "%x"],
    "qt": ["%1", "%L1", "%12", "%n", "%L"],
    "qt-plural": ["%n", "%Ln", "%1"],
    "kde": ["%1", "%10", "%0", "%2"],
    "kde-kuit": ["<b>%1</b>", "<filename>%2</filename>", "&", "&amp;", "&#38;", "%1", "<", "</x>"],
    "boost": ["%1%", "%|1$s|", "%s", "%5d", "%%", "%|-10|", "%1$s", "%|s", "%T-"],
    "tcl": ["%s", "%1$d", "%*d", "%ld", "%y"],
    "perl": ["%s", "%vd", "%*v02x", "%1$s", "%-10s", "%lld", "%hf", "%y"],
    "perl-brace": ["{name}", "{x}", "{1}", "{a b}"],
    "php": ["%s", "%1$s", "%'*10s", "%-5d", "%.2f", "%ld", "%y"],
    "gcc-internal": ["%s", "%qD", "%<", "%>", "%'", "%m", "%.*s", "%1$s", "%lu", "%wd", "%+#D", "%qs", "%.5s", "%y", "%qq"],
    "gfc-internal": ["%s", "%C", "%L", "%ld", "%1$d", "%%", "%y"],
    "ycp": ["%1", "%9", "%%", "%0"],
}  # fmt: skip
FILLER = ["a", "word", "x-y", " ", "  ", ".", ",", "é", "中文", "long-hyphenated-word", "'", '"', "\\", "(", ")", ":", "/"]


def msgcat_at_width(tmp_path: Path, catalog: Catalog, width: int) -> tuple[bytes, bytes]:
    """Our bytes at ``width`` and msgcat's for them (msgcat's narrowest width is 20)."""
    from conftest import gettext_tool

    ours = PoWriter(page_width=width).dump_bytes(catalog)
    path = tmp_path / "t.po"
    path.write_bytes(ours)
    result = gettext_tool("msgcat", f"--width={width}", str(path))
    assert result.returncode == 0, result.stderr.decode()
    return ours, result.stdout


def test_the_directive_table_covers_every_format_gettext_knows() -> None:
    assert set(DIRECTIVES) == set(FORMAT_LANGUAGES)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_every_format_keeps_its_directives_whole_as_msgcat_does(tmp_path: Path, data: st.DataObject) -> None:
    """One entry per format language in each catalog, msgid and msgstr made of its directives and
    words; a narrow width puts line breaks next to (and, if we let it, inside) directives."""
    width = data.draw(st.integers(min_value=20, max_value=45), label="width")
    catalog = Catalog(header=HEADER)
    for number, language in enumerate(FORMAT_LANGUAGES):
        pieces = st.lists(st.sampled_from(DIRECTIVES[language] + FILLER), max_size=20).map("".join)
        catalog.entries.append(
            Entry(msgid=f"{data.draw(pieces)} {number}", msgstr=data.draw(pieces), flags=[f"{language}-format"])
        )
    ours, theirs = msgcat_at_width(tmp_path, catalog, width)
    assert ours == theirs


def test_a_c_format_precision_directive_is_never_split(tmp_path: Path) -> None:
    """The issue's case: only python-format directives were kept whole, so '%.*s' broke as '%.' / '*s'."""
    text = "Could not open the old configuration file of the user-specific-directory/%.*s for reading"
    catalog = Catalog(header=HEADER, entries=[Entry(msgid=text, msgstr=text, flags=["c-format"])])
    ours, theirs = oracle(tmp_path, catalog)
    assert ours == theirs
    assert '"%.*s for reading"' in ours.decode() and '%."' not in ours.decode()


def test_the_first_format_in_gettexts_order_decides_the_wrapping(tmp_path: Path) -> None:
    """Sphinx flags entries 'python-brace-format, python-format': msgcat keeps python's directives
    (it reads one format, the first in gettext's table), so '%-*d' stays whole."""
    text = "Each column of the summary table is now padded to the left-aligned-width:%-*d characters {unit}"
    catalog = Catalog(header=HEADER, entries=[Entry(msgid=text, msgstr=text, flags=["python-brace-format", "python-format"])])
    ours, theirs = oracle(tmp_path, catalog)
    assert ours == theirs and '"%-*d characters {unit}"' in ours.decode()


def test_a_range_flag_is_kept_without_a_format_flag(tmp_path: Path) -> None:
    catalog = Catalog(header=HEADER, entries=[Entry(msgid="%d file", msgstr="%d Datei", flags=["range: 1..5"])])
    ours, theirs = oracle(tmp_path, catalog)
    assert ours == theirs and "#, range: 1..5\n" in ours.decode()


def read_and_write(tmp_path: Path, text: str) -> tuple[bytes, bytes]:
    """Our reader and writer on ``text``, and msgcat on the same file."""
    path = tmp_path / "in.po"
    path.write_bytes(text.encode("utf-8"))
    return PoWriter().dump_bytes(read_po(path)), msgcat_bytes(path)


CRLF_COMMENTS = (
    'msgid ""\r\nmsgstr ""\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n\r\n'
    "# translator note\r\n#. extracted note\r\n#: src/main.c:12 src/util.c:3\r\n#, c-format\r\n"
    'msgid "%d file"\r\nmsgstr "%d Datei"\r\n\r\n#\r\n#:\tdoc/a.txt\r\nmsgid "b"\r\nmsgstr "c"\r\n'
)


def test_a_cr_at_the_end_of_a_comment_line_is_kept_as_msgcat_keeps_it(tmp_path: Path) -> None:
    """Windows line endings: the CR belongs to the last reference's file name, and to the text of
    a translator or extracted comment; a '#,' line and the strings lose it."""
    ours, theirs = read_and_write(tmp_path, CRLF_COMMENTS)
    assert ours == theirs
    assert "#: src/main.c:12 src/util.c:3\r\n" in ours.decode() and "# translator note\r\n" in ours.decode()
    entry = read_po(tmp_path / "in.po").entries[0]
    assert entry.references == ["src/main.c:12", "src/util.c:3\r"] and entry.flags == ["c-format"]


DUPLICATE_REFERENCES = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    "#: a.c:1 a.c:01 a.c : 1 a.c: 1 ./a.c:1 b.c:2\n#: a.c:1 b.c:2 c.c b.c c.c a.c:2\n"
    "#: Very/long/path/name/that/is/written/here/twice.c:12345 Very/long/path/name/that/is/written/here/twice.c:12345\n"
    "# File: old/solaris.c, line:7\n"
    'msgid "a"\nmsgstr "b"\n'
)


def test_duplicate_references_are_removed_as_msgcat_removes_them(tmp_path: Path) -> None:
    """Each (file, line) once however it is written; './a.c' is another file that prints the same."""
    ours, theirs = read_and_write(tmp_path, DUPLICATE_REFERENCES)
    assert ours == theirs
    assert read_po(tmp_path / "in.po").entries[0].references == [
        "a.c:1", "./a.c:1", "b.c:2", "c.c", "b.c", "a.c:2", "Very/long/path/name/that/is/written/here/twice.c:12345", "old/solaris.c:7",
    ]  # fmt: skip
    built = Catalog(header=HEADER, entries=[Entry(msgid="a", msgstr="b", references=["x.c:1", "x.c:1", "y.c"])])
    ours, theirs = oracle(tmp_path, built)
    assert ours == theirs and "#: x.c:1 y.c\n" in ours.decode()


def test_several_flag_lines_are_merged_as_gettext_0_26_merges_them(tmp_path: Path) -> None:
    """gettext 0.21 (msgcat here) keeps only an entry's last '#,' line: the 'fuzzy' of the first is
    lost.  0.26 (commit 8d373b065) merges them; so do we: fuzzy if any line says so, the last word
    on each format, the union of the ranges."""
    path = tmp_path / "in.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy, range: 1..3\n# note\n#, c-format, no-python-format\n#, python-format range: 2..5\n'
        'msgid "%d a"\nmsgstr "%d b"\n',
        encoding="utf-8",
    )
    entry = read_po(path).entries[0]
    assert entry.flags == ["fuzzy", "c-format", "python-format", "range: 1..5"]
    assert "#, fuzzy, c-format, python-format, range: 1..5\n" in PoWriter().dumps(read_po(path))
    assert "#, python-format, range: 2..5\n" in msgcat_bytes(path).decode()  # 0.21 dropped the rest


def _line_end() -> st.SearchStrategy[str]:
    return st.sampled_from(["\n", "\n", "\r\n"])


_REFERENCE = st.tuples(
    st.sampled_from(["a.c", "./a.c", "src/b.py", "doc/é.txt", "x:y"]),
    st.sampled_from(["", ":1", ":12", " : 12", ": 3", ":007"]),
).map("".join)
_FLAG = st.sampled_from([
    "fuzzy", "c-format", "no-c-format", "python-format", "possible-python-format", "impossible-c-format",
    "python-brace-format", "java-format", "lisp-format", "range: 1..3", "range: 5..2", "no-wrap", "wrap", "my-own-flag",
])  # fmt: skip
_TEXT = st.lists(
    st.sampled_from(["word", " ", "  ", "%d", "%.*s", "%(n)s", "{name}", "{0,number}", "~:[a~;b~]", "é", "中文", "x-y", "\\n", '\\"', "\\t"]),
    max_size=30,
).map("".join)


@st.composite
def po_text(draw: st.DrawFn) -> str:
    """A catalog as other tools write them: comments with CR line ends, references written every
    way gettext reads them (duplicates too), one '#,' line of any flags, keywords side by side,
    comments after strings, previous and obsolete messages, comments after the last message."""
    out = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    for number in range(draw(st.integers(min_value=1, max_value=6))):
        obsolete = draw(st.booleans()) and number > 0
        lead = "#~ " if obsolete else ""
        for kind in draw(st.lists(st.sampled_from(["#", "# note", "#. extracted", "#:", "#,", "## two"]), max_size=5, unique=True)):
            if kind == "#:":
                body = " " + " ".join(draw(st.lists(_REFERENCE, min_size=1, max_size=4)))
            elif kind == "#,":
                body = " " + draw(st.sampled_from([", ", " ", ","])).join(draw(st.lists(_FLAG, min_size=1, max_size=4)))
            else:
                body = ""
            out += kind + body + draw(_line_end())
        separator = draw(st.sampled_from(["\n" + lead, " "]))
        if draw(st.booleans()):
            out += f'{lead}#| msgid "{draw(_TEXT)}"\n'
        out += f'{lead}msgid "{draw(_TEXT)} {number}"{separator}msgstr "{draw(_TEXT) or "x"}"'
        out += draw(st.sampled_from(["\n", " # after the string\n", "\r\n"])) + "\n"
    return out + draw(st.sampled_from(["", "# the end\n", "#. nothing follows\n#: z.c:1\n"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(po_text())
def test_generated_catalogs_of_every_tool_are_read_and_written_as_msgcat_does(tmp_path: Path, text: str) -> None:
    ours, theirs = read_and_write(tmp_path, text)
    assert ours == theirs
