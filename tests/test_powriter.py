"""The writer against its oracle: whatever we write, GNU msgcat writes the same bytes."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, msgcat_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
