"""The writer against its oracle: whatever we write, GNU msgcat writes the same bytes."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, msgcat_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openletter.po.directives import FORMAT_LANGUAGES
from openletter.po.pofile import Catalog, Entry
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
