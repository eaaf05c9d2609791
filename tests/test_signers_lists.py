"""The signatories on the site: collation per language, the count's plural forms, the lists'
pages, removal, and the list pages a new signer re-renders (openletter.signatures.listing,
openletter.pelican_plugin.signatories).

One small signed site per module: seven shipped languages (the collation and plural cases),
25 records and pages of 10; it cannot share ``shipped_site``, which has no records."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import icu
import pytest
from conftest import REPO, SiteCopy, shipped_copy

from openletter.cache import Cache
from openletter.commands.build import build
from openletter.errors import OpenletterError, SettingsError
from openletter.exemplars import Exemplars
from openletter.fonts import FontFile, FontReport, PageFonts, page_text
from openletter.languages import Language
from openletter.pages.guard import PageGuard
from openletter.pelican_plugin.finishing import budget_warnings
from openletter.record_names import ID_ALPHABET
from openletter.signatures import folding
from openletter.signatures.check import check_signatures
from openletter.signatures.collation import Collation
from openletter.signatures.folding import SHARDS
from openletter.signatures.listing import Listing, Orders
from openletter.signatures.load import load_signatories
from openletter.signatures.record import Record
from openletter.signatures.search import PLACES_BLOCK, places_files, shard_path
from openletter.signatures.synthetic import synthetic_names, write_record, write_synthetic_records
from openletter.site.model import Site

LANGUAGES = ("ar", "bn", "de", "es", "ja", "pl", "ru", "sv")
#: Names that meet each tailoring; (name, country, id).
NAMES = [
    ("Zorn Anders", "SE", "aaaaaaaa"), ("Åberg Eva", "SE", "aaaaaaab"), ("Ärling Per", "SE", "aaaaaaac"),
    ("Öst Nils", "SE", "aaaaaaad"), ("Apfel Jana", "DE", "aaaaaaae"), ("Äpfel Uwe", "DE", "aaaaaaaf"),
    ("Azur Lena", "DE", "aaaaaaag"), ("Nuñez Ana", "ES", "aaaaaaah"), ("Ñandú Luis", "ES", "aaaaaaai"),
    ("Nylund Ola", "", "aaaaaaaj"), ("Lubicz Jan", "PL", "aaaaaaak"), ("Łabędź Ewa", "PL", "aaaaaaal"),
    ("Lżyński Adam", "PL", "aaaaaaam"), ("さとう", "JP", "aaaaaaan"), ("あべ", "JP", "aaaaaaao"),
    ("かとう", "JP", "aaaaaaap"), ("すずき", "JP", "aaaaaaaq"), ("Иванов Пётр", "RU", "aaaaaaar"),
    ("محمد علي", "EG", "aaaaaaas"), ("Bauer Max", "AT", "aaaaaaat"), ("Costa Rui", "PT", "aaaaaaau"),
    ("Dubois Marie", "FR", "aaaaaaav"), ("Eriksen Tor", "NO", "aaaaaaaw"), ("Fischer Ute", "", "aaaaaaax"),
    ("Garcia Rosa", "ES", "aaaaaaay"),
]  # fmt: skip
PER_PAGE = 10


def signed_copy(root: Path) -> SiteCopy:
    copy = shipped_copy(root, LANGUAGES)
    for number, (name, country, record_id) in enumerate(NAMES):
        write_record(root, name, "en", date(2026, 1, 1 + number), record_id, country)
    with copy.config.open("a", encoding="utf-8") as handle:
        handle.write(f"OPENLETTER_SIGNERS_PER_PAGE = {PER_PAGE}\nOPENLETTER_SIGNERS_SHOWN = 3\nOPENLETTER_NOTABLE_SIGNERS = ['aaaaaaae']\n")
    return copy


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteCopy, Path]:
    root = tmp_path_factory.mktemp("signed") / "site"
    copy = signed_copy(root)
    build(copy.config, root / "output")
    return copy, root / "output"


def listed_names(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    main = html[html.index('<div class="signer-pages">') :]
    return re.findall(r'<span class="signer-name" dir="auto">([^<]*)</span>', main)


def chain(output: Path, first: Path) -> list[Path]:
    """A list's pages from its first, by their next-page links."""
    pages = [first]
    while match := re.search(r'<a href="([^"]*)" rel="next">', pages[-1].read_text(encoding="utf-8")):
        pages.append((pages[-1].parent / match[1] / "index.html").resolve())
    return pages


def every_listed(output: Path, slug: str, ordering: str = "") -> list[str]:
    return [name for page in chain(output, output / slug / "signatures" / ordering / "index.html") for name in listed_names(page)]


# -- collation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "names", "expected"),
    [
        # Swedish: å, ä, ö are letters after z (CLDR sv: &D<<đ… &[before 1]ǀ<å<<<Å<ä<<<Ä…<ö<<<Ö).
        ("sv", ["Öst", "Zorn", "Ärling", "Åberg", "Apfel"], ["Apfel", "Zorn", "Åberg", "Ärling", "Öst"]),
        # German (standard): ä is a with a secondary difference, between "Apfel" and "Azur".
        ("de", ["Azur", "Äpfel", "Apfel", "Zorn"], ["Apfel", "Äpfel", "Azur", "Zorn"]),
        # Spanish: ñ is a letter after n.
        ("es", ["Ñandú", "Nylund", "Nuñez", "Oso"], ["Nuñez", "Nylund", "Ñandú", "Oso"]),
        # Polish: ł is a letter after l.
        ("pl", ["Łabędź", "Lżyński", "Lubicz", "Mazur"], ["Lubicz", "Lżyński", "Łabędź", "Mazur"]),
        # Japanese: kana in the gojūon (reading) order, katakana and hiragana alike (a-o-ki before a-be).
        ("ja", ["すずき", "かとう", "アオキ", "さとう", "あべ"], ["アオキ", "あべ", "かとう", "さとう", "すずき"]),
    ],
)
def test_each_language_sorts_by_its_own_collation(tag: str, names: list[str], expected: list[str]) -> None:
    assert Collation(tag).sorted(names, str) == expected
    # The same order as ICU's own collator built from the locale's tailoring rules.
    rules = icu.Collator.createInstance(icu.Locale.forLanguageTag(tag)).getRules()
    oracle = icu.RuleBasedCollator(rules)
    assert sorted(names, key=oracle.getSortKey) == expected


def test_the_list_pages_follow_each_languages_collation(signed: tuple[SiteCopy, Path]) -> None:
    _, output = signed
    for slug in ("sv", "de", "es", "pl", "ja"):
        listed = every_listed(output, slug)
        assert sorted(listed) == sorted(name for name, _, _ in NAMES)
        assert listed == Collation(slug).sorted(listed, str), slug
    sv = every_listed(output, "sv")
    assert sv.index("Zorn Anders") < sv.index("Åberg Eva") < sv.index("Ärling Per") < sv.index("Öst Nils")
    de = every_listed(output, "de")
    assert de.index("Apfel Jana") < de.index("Äpfel Uwe") < de.index("Azur Lena")


# -- the count -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("pl", {1: "List podpisała 1 osoba.", 3: "List podpisały 3 osoby.", 5: "List podpisało 5 osób.", 22: "List podpisały 22 osoby.", 25: "List podpisało 25 osób."}),
        ("ru", {1: "Письмо подписал 1 человек.", 3: "Письмо подписали 3 человека.", 5: "Письмо подписали 5 человек.", 21: "Письмо подписал 21 человек."}),
        ("ar", {0: "وقّع الرسالة 0 شخص.", 2: "وقّع الرسالة 2 شخصان.", 3: "وقّع الرسالة 3 أشخاص.", 11: "وقّع الرسالة 11 شخصًا.", 100: "وقّع الرسالة 100 شخص."}),
    ],
)  # fmt: skip
def test_the_count_takes_each_plural_form(signed: tuple[SiteCopy, Path], tag: str, expected: dict[int, str]) -> None:
    copy, _ = signed
    site = Site.load(copy.options)
    language = next(language for language in site.languages if language.tag == tag)
    ui = site.ui(language)
    for number, text in expected.items():
        form = str(ui.ngettext("%(num)s person has signed the letter.", "%(num)s people have signed the letter.", number))
        shown = form % {"num": number}
        assert shown == text


def test_every_letter_page_shows_the_count_of_the_records_in_its_digits(signed: tuple[SiteCopy, Path]) -> None:
    copy, output = signed
    count = len(check_signatures(copy.project).records)
    assert count == len(NAMES)
    for slug in ("en", *LANGUAGES):
        html = (output / slug / "index.html").read_text(encoding="utf-8")
        language = Language.parse(slug)
        match = re.search(r'<p id="signatories-count"><a href="([^"]*)">([^<]*)</a>', html)
        assert match and match[1].endswith(f"{slug}/signatures/"), slug
        assert language.format_number(count) in match[2], (slug, match[2])
    assert "25 Personen haben den Brief unterzeichnet." in (output / "de" / "index.html").read_text(encoding="utf-8")
    # The notable signer first, then the most recent, three in all.
    shown = re.findall(r'<span class="signer-name" dir="auto">([^<]*)</span>', (output / "de" / "index.html").read_text(encoding="utf-8"))
    assert shown == ["Apfel Jana", "Garcia Rosa", "Fischer Ute"]


# -- pages -------------------------------------------------------------------------------


def test_pages_of_about_ten_with_prev_next_ranges_and_a_table_of_pages(signed: tuple[SiteCopy, Path]) -> None:
    _, output = signed
    folder = output / "de" / "signatures"
    pages = chain(output, folder / "index.html")
    sizes = [len(listed_names(page)) for page in pages]
    assert len(pages) > 1 and sum(sizes) == len(NAMES) and all(PER_PAGE // 2 < size <= 2 * PER_PAGE for size in sizes), sizes
    # Every page but the first is named by its first signer's record id.
    ids = dict(zip((name for name, _, _ in NAMES), (record for _, _, record in NAMES)))
    for page in pages[1:]:
        assert page.parent.name == ids[listed_names(page)[0]]
        assert page.parent.parent == folder
    first, *middle, last = (page.read_text(encoding="utf-8") for page in pages)
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert all('rel="prev"' in html and 'rel="next"' in html for html in middle)
    assert 'rel="prev"' in last and 'rel="next"' not in last
    # The first page lists every page by the first and last name it holds; the others show their own range.
    ranges = re.findall(r'<li><a href="([^"]*)"(?: aria-current="page")?><span dir="auto">([^<]*)</span> – <span dir="auto">([^<]*)</span></a></li>', first)
    assert [(first_name, last_name) for _, first_name, last_name in ranges] == [(listed_names(p)[0], listed_names(p)[-1]) for p in pages]
    names = listed_names(pages[1])
    assert f'<p class="range"><span dir="auto">{names[0]}</span> – <span dir="auto">{names[-1]}</span></p>' in middle[0] if middle else last
    assert f"<title>Unterzeichnende · {names[0]} – {names[-1]}</title>" in (middle[0] if middle else last)
    assert "connect-src 'self'" in first and "connect-src 'none'" in (output / "de" / "index.html").read_text(encoding="utf-8")
    # Each row is anchored by its record id (the search links there).
    assert f'<li id="s-{ids[names[0]]}"><span class="signer-name" dir="auto">{names[0]}</span>' in (middle[0] if middle else last)


def declared_ranges(*stylesheets: Path) -> dict[int, set[int]]:
    """The code points each weight's faces declare (their unicode-range) in ``stylesheets``."""
    found: dict[int, set[int]] = {}
    for css in stylesheets:
        for body in re.findall(r"@font-face \{([^}]*)\}", css.read_text(encoding="utf-8")):
            weight = int(re.search(r"font-weight: (\d+)", body)[1])  # type: ignore[index]
            for first, last in re.findall(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", body):
                found.setdefault(weight, set()).update(range(int(first, 16), int(last or first, 16) + 1))
    return found


def test_every_list_page_is_what_the_guard_makes_of_it_and_links_its_languages_one_stylesheet(signed: tuple[SiteCopy, Path]) -> None:
    """The pages are joined from guarded parts (openletter.pelican_plugin.list_frames): guarding
    one again changes nothing.  All of a language's list pages share its first page's fonts."""
    copy, output = signed
    guard = PageGuard(copy.options.absolute_site_url)
    pages = sorted(output.glob("*/signatures/**/index.html"))
    assert len(pages) > 16
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert guard.sanitize(html, page) == html, page
        slug = page.relative_to(output).parts[0]
        assert re.search(rf'href="[./]*/?theme/fonts/{slug}-signatures\.css"', html), page
        assert "olslot" not in html, page
    # The language's stylesheet (cut for what the build knows its list pages show, without
    # reading them) and the group's shared one declare every character each page shows.
    for page in pages:
        slug = page.relative_to(output).parts[0]
        ranges = declared_ranges(output / "theme" / "fonts" / f"{slug}-signatures.css", output / "theme" / "fonts" / "_shared-signatories.css")
        shown = page_text(page.read_text(encoding="utf-8"), Language.parse(slug).tag)
        for (_, weight), chars in shown.usage.items():
            missing = {char for char in chars - {" "} if ord(char) not in ranges.get(weight, set()) | ranges.get(400, set())}
            assert not missing, (page, weight, missing)
    assert not [warning for warning in build(copy.config, output).warnings if warning.code in ("font-coverage", "font-budget")]


def test_the_by_country_pages_list_every_country_with_its_signers(signed: tuple[SiteCopy, Path]) -> None:
    _, output = signed
    html = (output / "sv" / "signatures" / "countries" / "index.html").read_text(encoding="utf-8")
    countries = re.findall(r'<li><a href="[^"]*#country-([a-z]{2})">([^<]*)</a> \(([0-9]+)\)</li>', html)
    with_country = [country for _, country, _ in NAMES if country]
    assert {code.upper(): int(count) for code, _, count in countries} == {c: with_country.count(c) for c in with_country}
    assert [name for _, name, _ in countries] == Collation("sv").sorted([name for _, name, _ in countries], str)
    assert "Sverige" in [name for _, name, _ in countries]
    everyone = every_listed(output, "sv", "countries")
    assert sorted(everyone) == sorted(name for name, country, _ in NAMES if country)
    # Each country's link goes to the page where its signers start, to its heading.
    for url, code in re.findall(r'<li><a href="([^"#]*)#country-([a-z]{2})">', html):
        target = (output / "sv" / "signatures" / "countries" / url / "index.html").resolve()
        assert f'<h2 id="country-{code}">' in target.read_text(encoding="utf-8"), (url, code)


def test_the_search_index_holds_every_signer_once(signed: tuple[SiteCopy, Path]) -> None:
    _, output = signed
    rows = index_rows(output)
    assert sorted(row[2] for row in rows.values()) == sorted(name for name, _, _ in NAMES)
    assert {row[1] for row in rows.values()} == {record for _, _, record in NAMES} and sorted(rows) == list(range(len(NAMES)))
    # A signer is in the file of each letter a word of it begins with, and only there.
    for number in range(SHARDS):
        shard = json.loads((output / shard_path(number)).read_text(encoding="utf-8"))
        for position, *_ in shard:
            row = rows[position]
            assert number in folding.shards(folding.fold(" ".join(row[2:5])))
        assert {row[0] for row in rows.values() if number in folding.shards(folding.fold(" ".join(row[2:5])))} == {row[0] for row in shard}
    # Each language's places: the by-name page of each signer, by position, in blocks.
    for slug in ("de", "sv"):
        place = json.loads((output / slug / "signatures" / "places" / "000.json").read_text(encoding="utf-8"))
        assert len(place["places"]) == len(rows) <= PLACES_BLOCK
        for position, number in enumerate(place["places"]):
            page = output / place["pages"][number] / "index.html"
            assert f'<li id="s-{rows[position][1]}">' in page.read_text(encoding="utf-8"), (slug, rows[position])


def test_places_come_in_blocks_of_positions() -> None:
    language = Language.parse("de")
    listing = Listing(language, [synthetic(index) for index in range(PLACES_BLOCK + 5)], 50)
    files = places_files(listing)
    assert sorted(files) == ["de/signatures/places/000.json", "de/signatures/places/001.json"]
    second = json.loads(files["de/signatures/places/001.json"])
    assert len(second["places"]) == 5 and second["pages"] == [part.url for part in listing.parts("name")[0]]


def index_rows(output: Path) -> dict[int, list[str]]:
    """Every signer of the search index's files, by position."""
    return {row[0]: row for number in range(SHARDS) for row in json.loads((output / shard_path(number)).read_text(encoding="utf-8"))}


# -- records, the build and removal ----------------------------------------------------------


def test_adding_one_signer_to_thousands_changes_a_page_or_two_of_each_ordering() -> None:
    """Pages cut where the names say (openletter.signatures.paging): one more signer changes the
    page it lands on, at most a neighbour, and the first page of each ordering (its table)."""
    language = Language.parse("de")
    records = [synthetic(index) for index in range(3000)]

    def pages(records: list[Record]) -> dict[str, tuple[object, ...]]:
        return {page.url: page.content() for page in Listing(language, records, 50).pages()}

    before = pages(records)
    sizes = [len(page.signers) for page in Listing(language, records, 50).pages() if page.ordering == "name"]
    assert 25 < min(sizes) and max(sizes) <= 100 and 40 < sum(sizes) / len(sizes) < 60, sizes
    for extra in range(5):
        after = pages([*records, synthetic(10_000 + extra)])
        changed = {url for url, content in after.items() if before.get(url) != content}
        assert len(changed - {"de/signatures/", "de/signatures/countries/"}) <= 4, changed
        assert {"de/signatures/", "de/signatures/countries/"} & changed


def test_a_few_new_signers_are_put_in_the_last_builds_order_as_a_sort_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, collation = Cache(tmp_path / "cache"), Collation("sv")
    records = [synthetic(index) for index in range(500)]
    first = Orders(records, cache).by_name(collation)
    assert [records[index].name for index in first] == collation.sorted([record.name for record in records], str)
    changed = [*records[5:], synthetic(900), synthetic(901), replace(synthetic(902), name=records[7].name)]  # one name twice: by the rest
    expected = Orders(changed).by_name(collation)  # no cache: sorted whole
    monkeypatch.setattr(Orders, "_sorted", lambda self, collation: pytest.fail("sorted whole"))
    assert Orders(changed, cache).by_name(collation) == expected


def synthetic(index: int) -> Record:
    chance = random.Random(index)
    name = " ".join("".join(chance.choice("abcdefghijklmnoprstuvwyzäöüß") for _ in range(chance.randint(3, 8))).title() for _ in range(2))
    record = ID_ALPHABET[index % 32] + "".join(chance.choice(ID_ALPHABET) for _ in range(7))
    return Record(f"signatures/2026/2026-01-01-{record}.toml", name, "en", date(2026, 1, 1), country=chance.choice(["DE", "FR", "PL", "SE", "JP"]))


def test_names_in_many_scripts_on_the_lists_do_not_weigh_on_the_letters_fonts(tmp_path: Path) -> None:
    """The letter's page shows a few signers; its lists show them all.  Their webfonts are cut
    apart (font group 'signatories'): cut together, each language's faces held every character of
    every name, and the Bengali letter's page, showing three names in Han, Hangul or kana, loaded
    the slices cut for hundreds of names (over its budget)."""
    copy = signed_copy(tmp_path / "site")
    scripts = [Exemplars.load(REPO / "node_modules", Language.parse(code)) for code in ("ja", "ko", "zh_Hans", "th")]
    paths = write_synthetic_records(tmp_path / "site", synthetic_names(scripts, 400), ["en"])
    with copy.config.open("a", encoding="utf-8") as handle:  # the letter shows a Japanese, a Korean and a Chinese name
        handle.write(f"OPENLETTER_NOTABLE_SIGNERS = {[path.stem[-8:] for path in paths[:3]]!r}\n")
    output = tmp_path / "site" / "output"
    result = build(copy.config, output)
    assert not [warning for warning in result.warnings if warning.code == "font-budget"]
    letter, first = (output / "bn" / "index.html").read_text(encoding="utf-8"), (output / "bn" / "signatures" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<span class="signer-name" dir="auto">([^<]*)</span>', letter)
    assert len(shown) == 3 and all(ord(name[0]) > 0x3000 for name in shown)
    # The letter's stylesheet declares only the characters it shows of those scripts; the list's, all of them.
    letter_ranges = declared_ranges(output / "theme" / "fonts" / "bn.css")
    list_ranges = declared_ranges(output / "theme" / "fonts" / "bn-signatures.css")
    cjk = {code for codes in letter_ranges.values() for code in codes if code > 0x3000}
    assert cjk <= {ord(char) for char in "".join(shown)}
    assert len({code for codes in list_ranges.values() for code in codes if code > 0x3000}) > 20 * len(cjk)
    assert '<link rel="stylesheet" href="../../theme/fonts/_shared-signatories.css">' in first and len(paths) == 400


def test_a_list_pages_font_budget_counts_the_faces_its_own_text_fetches(tmp_path: Path) -> None:
    """The list pages of a language share one stylesheet cut for all of them; each is checked for
    what a browser fetches for it: one warning per list, how many pages are over, the heaviest."""
    first = tmp_path / "de" / "signatures" / "index.html"

    def face(name: str, chars: str, size: int, weight: int = 400, shared: bool = False) -> FontFile:
        return FontFile(tmp_path / name, "Noto Serif OL", weight, size, frozenset(map(ord, chars)), "@fontsource/noto-serif/x.woff2", shared)

    files = (face("a.woff2", "ab ", 300_000), face("x.woff2", "x", 200_000), face("b.woff2", "ab", 90_000, 700), face("s.woff2", "ü", 10_000, shared=True))
    report = FontReport(pages={first: PageFonts(first, "de", tmp_path / "x.css", files, 150_000)})
    members = [("de/signatures/", "a b", ""), ("de/signatures/aaaaaaaa/", "ax", ""), ("de/signatures/bbbbbbbb/", "a", "ab")]
    [warning] = budget_warnings(report, tmp_path, members={first: members})
    assert warning.path == Path("de/signatures/aaaaaaaa/") and warning.code == "font-budget"
    assert warning.message.startswith("1 of the 3 pages of this list: the heaviest loads 500,000 bytes of its own webfonts (budget 400,000)")
    # The union (590 kB) is over; no page is: no warning.
    assert budget_warnings(report, tmp_path, members={first: [members[0], members[2]]}) == []


def test_the_sitemap_lists_the_sign_pages_and_the_lists_first_pages_of_published_languages(tmp_path: Path) -> None:
    copy = signed_copy(tmp_path / "site")
    copy.catalogs().add_language("fr")  # 0 % translated: a draft
    with copy.config.open("a", encoding="utf-8") as handle:  # somewhere to send a signature: sign pages
        handle.write("OPENLETTER_REPOSITORY_URL = 'https://github.com/o/letter'\nOPENLETTER_PUBLISH_THRESHOLD = 50\n")
    output = tmp_path / "site" / "output"
    build(copy.config, output)
    site = Site.load(copy.options)
    published = {language.slug for language in site.languages if site.is_published(language)}
    assert published and len(published) < len(site.languages)  # a draft too
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    located = set(re.findall(r"<loc>\./([^<]*)</loc>", sitemap))
    for slug in (language.slug for language in site.languages):
        pages = {f"{slug}/sign/", f"{slug}/signatures/", f"{slug}/signatures/countries/"}
        assert (pages <= located) if slug in published else not pages & located, slug
        assert (output / slug / "sign" / "index.html").is_file()
    assert not [url for url in located if re.fullmatch(r"[^/]+/signatures/(countries/)?[a-z2-7]{8}/", url)]  # the pages after the first: found through it
    # Each with every published language's alternate.
    block = sitemap[sitemap.index("<loc>./de/signatures/</loc>") :].split("</url>")[0]
    assert set(re.findall(r'hreflang="([^"]+)" href="\./[^"]*signatures/"', block)) == {Language.parse(slug).tag for slug in published} | {"x-default"}


def test_a_bad_record_stops_the_build_as_check_reports_it_and_skip_broken_leaves_it_out(tmp_path: Path) -> None:
    copy = signed_copy(tmp_path / "site")
    bad = tmp_path / "site" / "signatures" / "2026" / "2026-01-02-aaaaaaab.toml"
    bad.write_text(bad.read_text(encoding="utf-8").replace('name = "Åberg Eva"', 'name = "Eva <b>"'), encoding="utf-8")
    found = [str(problem) for problem in check_signatures(copy.project).problems]
    assert found == ["signatures/2026/2026-01-02-aaaaaaab.toml:1: error: markup: name: no HTML or character references (< > &name;): the site shows the text as written"]
    with pytest.raises(OpenletterError) as raised:
        load_signatories(copy.project, copy.options)
    assert raised.value.lines() == [found[0]]
    skipping = load_signatories(copy.project, copy.options.__class__(**{**_fields(copy.options), "skip_broken": True}))
    assert len(skipping.records) == len(NAMES) - 1 and [str(problem) for problem in skipping.warnings] == found


def _fields(options: object) -> dict[str, object]:
    return {name: getattr(options, name) for name in options.__slots__}  # type: ignore[attr-defined]


def test_a_notable_id_that_names_no_record_is_an_error_at_its_settings_line(tmp_path: Path) -> None:
    copy = signed_copy(tmp_path / "site")
    with copy.config.open("a", encoding="utf-8") as handle:
        handle.write("OPENLETTER_NOTABLE_SIGNERS = ['zzzzzzzz']\n")
    with pytest.raises(SettingsError) as raised:
        load_signatories(copy.project, copy.options)
    assert "OPENLETTER_NOTABLE_SIGNERS: names no record of signatures/: 'zzzzzzzz'" in str(raised.value)
    assert raised.value.line == len(copy.config.read_text(encoding="utf-8").splitlines())


def test_unchanged_lists_are_not_written_again_and_a_new_signer_rewrites_only_its_page(signed: tuple[SiteCopy, Path]) -> None:
    copy, output = signed
    root = copy.root

    def mtimes() -> dict[str, int]:
        return {str(p.relative_to(output)): p.stat().st_mtime_ns for p in sorted(output.glob("*/signatures/**/index.html"))}

    first = mtimes()
    build(copy.config, output)  # linked from the live site
    assert mtimes() == first
    build(copy.config, output)  # kept in the recycled folder (the site before last)
    assert mtimes() == first
    contents = {name: (output / name).read_bytes() for name in first}
    # Greek sorts after every Latin name here; no country: the by-country pages do not show it.
    added = write_record(root, "Ωμέγα Ζωή", "en", date(2026, 2, 1), "bbbbbbbb")
    build(copy.config, output)
    after = mtimes()
    changed = {name for name in after if after.get(name) != first.get(name)}
    for slug in ("en", *LANGUAGES):
        pages = chain(output, output / slug / "signatures" / "index.html")
        names = [str(page.relative_to(output)) for page in pages]
        holding = next(index for index, page in enumerate(pages) if "Ωμέγα Ζωή" in listed_names(page))
        mine = {name for name in changed if name.startswith(f"{slug}/")}
        # Its page, a neighbour when a cut moved, and the first page (its table of pages).
        assert names[holding] in mine and mine <= {names[0], *names[max(0, holding - 1) : holding + 2]}, (slug, mine)
    assert not any("/countries/" in name for name in changed)
    assert len(changed) < len(after) / 2
    # A page is written anew, never in place: the site before (the spare, whose files the live
    # site's may be links to) still holds what it showed.
    spare = output.parent / f".{output.name}-spare"
    assert changed and all((spare / name).read_bytes() == contents[name] for name in changed if name in contents)
    # Removal: the record deleted, the signer is on no page and in no index.
    added.unlink()
    (root / "signatures" / "2026" / "2026-01-01-aaaaaaaa.toml").unlink()
    build(copy.config, output)
    for page in output.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Zorn Anders" not in text and "Ωμέγα Ζωή" not in text, page
    assert "Zorn Anders" not in {row[2] for row in index_rows(output).values()}
    assert "24 Personen haben den Brief unterzeichnet." in (output / "de" / "index.html").read_text(encoding="utf-8")
