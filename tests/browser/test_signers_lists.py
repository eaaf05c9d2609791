"""The list of signatories in a browser: the search box finds signers through the same-origin
index (the page's own policy allows that fetch), the pages page, and axe finds nothing serious.

Its own small signed site (tests/test_signers_lists.py's): the shipped site has no records."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser
from test_signers_lists import signed_copy

from browser.conftest import Served, axe_violations, new_context, serious_axe_violations, start_server, stop_server, watch
from openletter.commands.build import build
from openletter.signatures import folding
from openletter.signatures.search import shard_path


@pytest.fixture(scope="module")
def signed_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("signed-browser") / "site"
    copy = signed_copy(root)
    build(copy.config, root / "output")
    server, served = start_server(root / "output")
    yield served
    stop_server(server)


def test_the_list_searches_through_its_index_links_each_result_to_its_row_and_pages(browser: Browser, signed_served: Served) -> None:
    context = new_context(browser, signed_served)
    page = context.new_page()
    watched = watch(page)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    try:
        page.goto(signed_served.base + "sv/signatures/")
        search = page.get_by_label("Sök bland undertecknarna")
        search.fill("LABEDZ")  # case, accents and ł folded: finds Łabędź
        results = page.locator(".signer-results li .signer-name")
        results.first.wait_for()
        assert results.all_text_contents() == ["Łabędź Ewa"]
        assert page.locator(".signer-pages").is_hidden()
        # One file of the index (words beginning with "la"), and one of Swedish's places.
        assert [url for url in fetched if "/signatures/index/" in url] == [signed_served.base + shard_path(folding.shard("la"))]
        assert [url for url in fetched if "/places/" in url] == [signed_served.base + "sv/signatures/places/000.json"]
        search.fill("ewa ł")  # every word typed begins a word of the signer's
        page.locator(".signer-results li a", has_text="Łabędź Ewa").wait_for()  # a locator: the page's policy allows no eval
        assert results.all_text_contents() == ["Łabędź Ewa"]
        # The result links to the signer's row on the page that lists it.
        results.first.click()
        page.wait_for_url("**/sv/signatures/**#s-aaaaaaal")
        assert page.locator("#s-aaaaaaal .signer-name").text_content() == "Łabędź Ewa"
        page.goto(signed_served.base + "sv/signatures/")
        search = page.get_by_label("Sök bland undertecknarna")
        search.fill("abedz")  # not the beginning of a word
        page.locator(".signer-none").wait_for()
        search.fill("z")  # one letter: no search yet (it picks no file of the index)
        assert page.locator(".signer-pages").is_visible() and page.locator(".signer-none").is_hidden()
        search.fill("すず")  # finds すずき (one kana would do)
        page.locator(".signer-results li a", has_text="すずき").wait_for()
        assert results.all_text_contents() == ["すずき"]
        search.fill("")
        assert page.locator(".signer-pages").is_visible()
        first_names = page.locator(".signer-pages .signers .signer-name").all_text_contents()
        page.locator('a[rel="next"]').click()
        page.wait_for_url("**/sv/signatures/*/")
        names = page.locator(".signer-pages .signers .signer-name").all_text_contents()
        assert names and not set(names) & set(first_names)
        assert page.locator(".range").text_content() == f"{names[0]} – {names[-1]}"
        page.locator('a[rel="prev"]').click()
        page.wait_for_url("**/sv/signatures/")
        assert not watched.console_errors and not watched.page_errors
        assert not signed_served.foreign_requests
    finally:
        context.close()


#: Texts the search must fold as the build does: letters that do not decompose, ligatures, full
#: width, final sigma, dotless and dotted i, scripts without spaces, punctuation between words.
FOLD_CASES = [
    "Łódź", "ŁÓDŹ", "Straße", "STRASSE", "Øresund", "Đorđe", "Ærøskøbing", "Œuvre", "Kırıkkale", "İstanbul",
    "Ñandú", "Ελληνικά Σοφός", "ﬁnal", "Ｆｕｌｌ", "東京 太郎", "すずき はなこ", "ไทย ภาษา", "Þór Guðmundsson",
    "O'Brien-Smith", "Müller", "Ħal Far", "Ŋuŋu", "Иванов Пётр", "محمد علي", "हिन्दी", "1984 Ørsted",
]  # fmt: skip


def test_the_browser_folds_and_cuts_words_as_the_build_does(browser: Browser, signed_served: Served) -> None:
    context = new_context(browser, signed_served)
    page = context.new_page()
    try:
        page.goto(signed_served.base + "de/signatures/")
        found = page.evaluate(
            """async ([module, cases]) => {
                const m = await import(module);
                return cases.map((text) => {
                    const folded = m.fold(text);
                    return [folded, m.starts(folded), m.shards(folded), m.words(text), m.words(text).map(m.key)];
                });
            }""",
            [signed_served.base + "theme/js/search-fold.js", FOLD_CASES],
        )
        expected = [
            [folding.fold(text), folding.starts(folding.fold(text)), sorted(folding.shards(folding.fold(text))), folding.words(text), list(map(folding.key, folding.words(text)))]
            for text in FOLD_CASES
        ]
        assert found == expected
        assert folding.fold("Łódź") == "lodz" and folding.words("ŁÓDŹ, Straße") == ["lodz", "strasse"]
    finally:
        context.close()


@pytest.mark.parametrize("path", ["sv/signatures/", "ar/signatures/countries/", "ja/signatures/*/", "de/"])
def test_the_signatories_pages_have_no_serious_axe_violations(browser: Browser, signed_served: Served, path: str) -> None:
    if "*" in path:  # a page after the first: named by its first signer
        path = next(page for page in sorted(signed_served.root.glob(path)) if page.is_dir() and page.name != "countries").relative_to(signed_served.root).as_posix() + "/"
    assert serious_axe_violations(browser, signed_served, path) == []


def test_the_search_results_have_no_serious_axe_violations(browser: Browser, signed_served: Served) -> None:
    context = new_context(browser, signed_served, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(signed_served.base + "de/signatures/")
        page.get_by_label("Unterzeichnende suchen").fill("an")
        page.locator(".signer-results li").first.wait_for()
        assert axe_violations(page) == []
    finally:
        context.close()
