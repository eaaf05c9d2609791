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


@pytest.fixture(scope="module")
def signed_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("signed-browser") / "site"
    copy = signed_copy(root)
    build(copy.config, root / "output")
    server, served = start_server(root / "output")
    yield served
    stop_server(server)


def test_the_list_searches_through_its_index_and_pages(browser: Browser, signed_served: Served) -> None:
    context = new_context(browser, signed_served)
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(signed_served.base + "sv/signatures/")
        search = page.get_by_label("Sök bland undertecknarna")
        search.fill("ABEDZ")  # case and accents folded: finds Łabędź
        results = page.locator(".signer-results li .signer-name")
        results.first.wait_for()
        assert results.all_text_contents() == ["Łabędź Ewa"]
        assert page.locator(".signer-pages").is_hidden()
        search.fill("zzzz")
        page.locator(".signer-none").wait_for()
        search.fill("")
        assert page.locator(".signer-pages").is_visible()
        page.locator('a[rel="next"]').click()
        page.wait_for_url("**/sv/signatures/2/")
        assert page.locator('.pagination [aria-current="page"]').text_content() == "2"
        page.locator('a[rel="prev"]').click()
        page.wait_for_url("**/sv/signatures/")
        assert not watched.console_errors and not watched.page_errors
        assert not signed_served.foreign_requests
    finally:
        context.close()


@pytest.mark.parametrize("path", ["sv/signatures/", "ar/signatures/countries/", "ja/signatures/3/", "de/"])
def test_the_signatories_pages_have_no_serious_axe_violations(browser: Browser, signed_served: Served, path: str) -> None:
    assert serious_axe_violations(browser, signed_served, path) == []


def test_the_search_results_have_no_serious_axe_violations(browser: Browser, signed_served: Served) -> None:
    context = new_context(browser, signed_served, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(signed_served.base + "de/signatures/")
        page.get_by_label("Unterzeichnende suchen").fill("a")
        page.locator(".signer-results li").first.wait_for()
        assert axe_violations(page) == []
    finally:
        context.close()
