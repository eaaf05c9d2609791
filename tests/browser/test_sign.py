"""Signing from the page (theme/static/js/sign.js), end to end in Chromium: in de and ar, with the
keyboard alone, the form makes a record equal to openletter.signatures.writing's that passes the real
checker, the forge's links carry its text, refusals are said in the page's language, axe is clean.

One small site is built for this module (en, de, ar; about 1 s): it needs settings the shared shipped
site does not have (a forge, a contact and a removal time), and with them every page would change."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import SiteCopy, shipped_copy

from browser.conftest import Served, axe_violations, new_context, screenshot_on_failure, start_server, stop_server, watch
from openletter.commands.build import build
from openletter.signatures.check import check_signatures
from openletter.signatures.writing import record_text

REPOSITORY = "https://github.com/example/letter"
CONTACT = "signatures@example.org"


@dataclass
class SignSite:
    copy: SiteCopy
    served: Served


@pytest.fixture(scope="module")
def sign_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SignSite]:
    copy = shipped_copy(tmp_path_factory.mktemp("sign") / "site", ("de", "ar"))
    with copy.config.open("a", encoding="utf-8") as handle:
        handle.write(
            f"OPENLETTER_REPOSITORY_URL = {REPOSITORY!r}\nOPENLETTER_SIGNATURES_CONTACT = {CONTACT!r}\n"
            "OPENLETTER_SIGNATURES_REMOVAL_DAYS = 14\n"
        )
    build(copy.config, copy.root / "output")
    server, served = start_server(copy.root / "output")
    yield SignSite(copy, served)
    stop_server(server)


def tab_to(page, selector: str, limit: int = 40) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until ``selector`` has the focus: reachable with the keyboard, in the page's order."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def words(page, name: str) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate("name => document.getElementById('sign-form').dataset[name]", name)


#: What each signer types (decomposed accents, a quote and a backslash, a joiner between letters) and chooses.
SIGNERS = {
    "de": {"name": 'Jürgen "Jo" Mu\u0308ller \\ jr.', "affiliation": "Universität zu Köln", "role": "", "country": "DE", "text": "Deutschland"},
    "ar": {"name": "محمد\u200cعلی الفارسي", "affiliation": "", "role": "أستاذة", "country": "EG", "text": "مصر"},
}


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_form_makes_a_record_that_passes_check_with_the_keyboard_alone(sign_site: SignSite, browser, language: str) -> None:  # type: ignore[no-untyped-def]
    signer = SIGNERS[language]
    context = new_context(browser, sign_site.served)
    name = signer["name"].replace("u\u0308", "ü")  # the record is in NFC
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(f"{sign_site.served.base}{language}/")
        tab_to(page, ".sign-link a")  # the letter links its sign page
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(f"/{language}/sign/")
        tab_to(page, "#sign-name")
        page.keyboard.type(signer["name"])
        for key in ("affiliation", "role"):
            page.keyboard.press("Tab")
            page.keyboard.type(signer[key])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "sign-country"
        if signer["text"].isascii():
            page.keyboard.type(signer["text"])  # a select picks the option typed
        for _ in range(300):  # or the arrow keys go to it (Playwright types Arabic as inserted text, which a select ignores)
            if page.input_value("#sign-country") == signer["country"]:
                break
            page.keyboard.press("ArrowDown")
        assert page.input_value("#sign-country") == signer["country"]
        assert page.evaluate("document.activeElement.selectedOptions[0].textContent") == signer["text"]
        assert page.input_value("#sign-language") == language  # preset to the page's
        tab_to(page, "#sign-form button")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "sign-ready"  # the result takes the focus

        text = page.eval_on_selector("#sign-record", "pre => pre.textContent")
        path = page.inner_text(".sign-path")
        signed = date.fromisoformat(page.input_value("#sign-date"))
        typed = {key: signer[key] for key in ("affiliation", "role")}
        assert text == record_text(name, language, signed, country=signer["country"], **typed)

        # The real checker, on the record the browser made, at the path it named.
        record = sign_site.copy.root / path
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(text, encoding="utf-8")
        report = check_signatures(sign_site.copy.project)
        record.unlink()
        assert report.problems == [] and [r.name for r in report.records] == [name]

        links = {a.inner_text(): a.get_attribute("href") for a in page.query_selector_all(".sign-links a")}
        new_file = next(href for href in links.values() if "/new/main?" in href)
        query = parse_qs(urlsplit(new_file).query)
        assert (query["filename"], query["value"]) == ([path], [text])
        issue = parse_qs(urlsplit(next(href for href in links.values() if "/issues/new?" in href)).query)
        assert issue["title"] == [f"Signature: {name}"] and f"```toml\n{text}```" in issue["body"][0]
        mail = next(href for href in links.values() if href.startswith("mailto:"))
        assert mail.startswith(f"mailto:{CONTACT}?") and text in parse_qs(urlsplit(mail).query)["body"][0]
        assert words(page, "wNewFile").replace("%(forge)s", "GitHub") in links  # the links' words are the page's
        assert not (watched.console_errors or watched.page_errors), (watched.console_errors, watched.page_errors)
    except Exception:
        screenshot_on_failure(page, f"sign-{language}")
        raise
    finally:
        context.close()


#: What check refuses in a name, and the page's word for it.
REFUSED = [("", "wEmpty"), ("Ada https://ada.example", "wAddress"), ("ada@example.org", "wAddress"), ("Ada\u200bLovelace", "wInvisible"),
           ("<b>Ada</b>", "wMarkup"), ("Ada &amp; Co", "wMarkup"), ("A" * 201, "wTooLong")]  # fmt: skip


def test_what_check_refuses_is_refused_in_the_pages_language(sign_site: SignSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, sign_site.served)
    page = context.new_page()
    try:
        page.goto(f"{sign_site.served.base}de/sign/")
        for typed, word in REFUSED:
            page.fill("#sign-name", typed)
            page.click("#sign-form button")
            expected = words(page, word).replace("%(count)s", "200")
            assert page.inner_text("#sign-name-error") == expected, typed
            assert page.get_attribute("#sign-name", "aria-invalid") == "true"
            assert page.get_attribute("#sign-name", "aria-describedby") == "sign-name-error"
            assert page.evaluate("document.activeElement.id") == "sign-name"
            assert page.query_selector("#sign-record") is None
        page.fill("#sign-name", "Ada Lovelace")  # corrected: the error goes, the record comes
        page.click("#sign-form button")
        assert page.inner_text("#sign-name-error") == "" and page.get_attribute("#sign-name", "aria-invalid") is None
        assert page.query_selector("#sign-record") is not None
    finally:
        context.close()


def test_the_translated_words_are_the_pages(sign_site: SignSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, sign_site.served)
    page = context.new_page()
    try:
        page.goto(f"{sign_site.served.base}ar/sign/")
        assert page.inner_text("label[for=sign-name]") != "Name" and words(page, "wEmpty") != "Write your name."
    finally:
        context.close()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_sign_page_is_axe_clean_before_and_after_preparing(sign_site: SignSite, browser, language: str) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, sign_site.served, bypass_csp=True)  # to inject axe itself
    page = context.new_page()
    try:
        page.goto(f"{sign_site.served.base}{language}/sign/")
        assert axe_violations(page) == []
        page.fill("#sign-name", "Ada Lovelace")
        page.click("#sign-form button")
        page.wait_for_selector("#sign-record")
        assert axe_violations(page) == []
    finally:
        context.close()


def test_without_javascript_the_page_says_how_to_sign_by_pull_request_and_ask_for_removal(sign_site: SignSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = new_context(browser, sign_site.served, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{sign_site.served.base}de/sign/")
        assert not page.is_visible("#sign-form")
        by_hand = page.inner_text(".sign-by-hand")
        assert "signatures/<yyyy>/<yyyy-mm-dd>-" in by_hand and 'language = "de"' in by_hand
        hrefs = [a.get_attribute("href") for a in page.query_selector_all(".sign-by-hand a")]
        assert f"{REPOSITORY}/blob/main/signatures/README.md" in hrefs
        new_file = next(href for href in hrefs if "/new/main?" in href)
        assert 'language = "de"' in parse_qs(urlsplit(new_file).query)["value"][0]
        removal = page.inner_text(".sign-removal")
        assert CONTACT in removal and "14" in removal
        assert page.get_attribute(".sign-removal a", "href") == f"mailto:{CONTACT}"
    finally:
        context.close()


def test_the_sign_page_keeps_the_sites_policy_and_loads_only_its_own_script(sign_site: SignSite) -> None:
    import re

    output = sign_site.copy.root / "output"
    policy = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
    sign, letter = ((output / "de" / name / "index.html").read_text(encoding="utf-8") for name in ("sign", "."))
    assert policy.findall(sign) == policy.findall(letter) and "form-action 'none'" in policy.findall(sign)[0]
    scripts = re.findall(r"<script\b[^>]*>", sign)
    assert scripts == ['<script type="module" src="../../theme/js/sign.js">']  # same origin, no inline script
    # The module imports the helpers it shares with review.js from beside it (same origin), nothing else.
    imports = {re.findall(r'^import .* from "([^"]+)";$', (output / "theme" / "js" / name).read_text(encoding="utf-8"), re.M)[0] for name in ("sign.js", "review.js")}
    assert imports == {"./page-words.js"} and (output / "theme" / "js" / "page-words.js").is_file()
    assert "function element(" not in (output / "theme" / "js" / "sign.js").read_text(encoding="utf-8")
    assert "<form" not in sign and "<input" not in sign  # the form is the script's: the page guard allows no form controls
