"""Review and suggest in the browser (theme/static/js/review.js), end to end in Chromium: review
three units in ``ar`` and correct one in ``ja`` with the keyboard, reload (the work is kept), export;
the files are what make_suggestion writes, pass the checks, and ``openletter apply`` puts exactly
those changes in; a rebuild shows the new review count.

One site is built for this module: it needs settings the shared shipped site does not have (a
forge and an e-mail address for the links) and its catalogs are changed by ``apply``.  It is the
shipped project with the two languages it reviews (each build of all 51 took ~4 s, twice)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import SiteCopy, gettext_tool, msgcat_bytes, shipped_copy

from browser.conftest import Served, axe_violations, new_context, screenshot_on_failure, start_server, stop_server, watch
from openletter.commands import actions
from openletter.commands.build import build
from openletter.forges import fill, parse_repository
from openletter.languages import Language
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter
from openletter.po.reviewmarks import is_reviewed, reviewer_of
from openletter.po.states import review_progress
from openletter.suggestions import make_suggestion

REPOSITORY = "https://github.com/example/letter"
EMAIL = "reviews@example.org"
#: The languages reviewed here, the only ones the module's site is built with.
REVIEWED = ("ar", "ja")


@dataclass
class ReviewSite:
    copy: SiteCopy
    served: Served


@pytest.fixture(scope="module")
def review_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewSite]:
    copy = shipped_copy(tmp_path_factory.mktemp("review-suggest") / "site", REVIEWED)
    with copy.config.open("a", encoding="utf-8") as handle:
        handle.write(f"OPENLETTER_REPOSITORY_URL = {REPOSITORY!r}\nOPENLETTER_SUGGESTIONS_EMAIL = {EMAIL!r}\n")
    build(copy.config, copy.root / "output")
    server, served = start_server(copy.root / "output")
    yield ReviewSite(copy, served)
    stop_server(server)


#: The last control of the last unit: the panel that sends the review comes right after it.
LAST_UNIT = "li.unit[data-unit]:last-child textarea[id$='-comment']"


def tab_to(page, selector: str, start: str | None = None, limit: int = 60) -> None:  # type: ignore[no-untyped-def]
    """Press Tab (from the top, or from ``start``) until ``selector`` has the focus: the control is
    reachable with the keyboard alone, in the page's order."""
    if start:
        page.locator(start).last.focus()
    for _ in range(limit):
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def download(page, selector: str, into: Path) -> Path:  # type: ignore[no-untyped-def]
    """Activate the download link with the keyboard; the file the browser saves."""
    tab_to(page, selector, "#clear-review")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    saved = into / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


def test_review_in_ar_and_correct_in_ja_then_apply_and_rebuild(review_site: ReviewSite, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy, served = review_site.copy, review_site.served
    ar_path, ja_path = copy.po("ar"), copy.po("ja")
    ar_before, ja_before = read_po(ar_path), read_po(ja_path)
    chosen = [ar_before.entries[index] for index in (2, 3, 5)]
    target = ja_before.entries[4]
    correction = target.msgstr + "（訂正）"
    context = new_context(browser, served, accept_downloads=True)
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(served.base + "ar/review/", wait_until="load")
        # Keyboard only: Tab to each check box, Space ticks it.
        ids = []
        for entry in chosen:
            item = page.locator(f"li.unit[data-unit*='\"line\": {entry.line},']")
            unit_id = item.get_attribute("id")
            ids.append(unit_id)
            tab_to(page, f"#{unit_id}-reviewed")
            page.keyboard.press("Space")
        page.reload(wait_until="load")
        assert [page.locator(f"#{unit_id}-reviewed").is_checked() for unit_id in ids] == [True, True, True]  # kept
        tab_to(page, "#reviewer-name", LAST_UNIT)
        page.keyboard.type("Layla Haddad")
        tab_to(page, "#prepare-suggestion", "#reviewer-name")
        page.keyboard.press("Enter")
        ar_file = download(page, "a.download", tmp_path)
        assert ar_file.name == "ar-letter-suggestion.po"
        assert msgcat_bytes(ar_file) == PoWriter().dump_bytes(
            make_suggestion(ar_before, {}, [entry.key for entry in chosen], suggested_by="Layla Haddad")
        )

        page.goto(served.base + "ja/review/", wait_until="load")
        unit_id = page.locator(f"li.unit[data-unit*='\"line\": {target.line},']").get_attribute("id")
        tab_to(page, f"#{unit_id}-text-0")
        page.keyboard.press("Control+End")
        page.keyboard.type("（訂正）")
        tab_to(page, f"#{unit_id}-comment")
        page.keyboard.type("「訂正」を足しました")
        page.reload(wait_until="load")
        assert page.locator(f"#{unit_id}-text-0").input_value() == correction  # kept
        tab_to(page, "#prepare-suggestion", LAST_UNIT)
        page.keyboard.press("Enter")
        ja_file = download(page, "a.download", tmp_path)
        assert ja_file.name == "ja-letter-suggestion.po"
        assert msgcat_bytes(ja_file) == PoWriter().dump_bytes(make_suggestion(ja_before, {target.key: correction}))
        # The links that send it: the forge's new-file page carries the file, the issue its text and the comment.
        repository = parse_repository(REPOSITORY)
        assert repository is not None
        new_file = page.locator("a.new-file").get_attribute("href")
        assert new_file == fill(repository.new_file_template("suggestions/ja-letter-suggestion.po") or "", value=ja_file.read_text(encoding="utf-8"))
        issue = urlsplit(page.locator("a.issue").get_attribute("href"))
        body = parse_qs(issue.query)["body"][0]
        assert issue.geturl().startswith(f"{REPOSITORY}/issues/new?title=")
        assert ja_file.read_text(encoding="utf-8") in body and "「訂正」を足しました" in body and f"line {target.line}: corrected" in body
        mail = page.locator("a.mail").get_attribute("href")
        assert mail.startswith(f"mailto:{EMAIL}?subject=") and len(mail) <= 2000
        assert "ja-letter-suggestion.po" in unquote(mail)  # too long for the file itself: "attached"
        assert watched.console_errors == [] and watched.page_errors == [] and watched.dialogs == []
    except BaseException:
        screenshot_on_failure(page, "review-suggest")
        raise
    finally:
        context.close()
    assert served.foreign_requests == []

    # The files pass every check a catalog gets (apply runs check's checks against the template and
    # prints any finding, warnings too) and GNU's, and apply puts exactly these changes in.
    for saved in (ar_file, ja_file):
        assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(saved)).returncode == 0
        out, err = io.StringIO(), io.StringIO()
        assert actions.apply(copy.config, saved, yes=True, out=out, err=err, stdin=io.StringIO()) == 0
        assert err.getvalue() == "" and "applied" in out.getvalue()
    ar_after, ja_after = read_po(ar_path), read_po(ja_path)
    for before, after in zip(ar_before.entries, ar_after.entries, strict=True):
        if before.key in {entry.key for entry in chosen}:
            assert is_reviewed(after) and reviewer_of(after) == "Layla Haddad" and after.translations == before.translations
        else:
            assert after.translator_comments == before.translator_comments and after.translations == before.translations
    for before, after in zip(ja_before.entries, ja_after.entries, strict=True):
        assert after.msgstr == (correction if before.key == target.key else before.msgstr)
    assert msgcat_bytes(ar_path) == ar_path.read_bytes()

    # Rebuilt, the letter's notice says how much a native speaker has reviewed.
    build(copy.config, copy.root / "output")
    reviewed, total = review_progress(ar_after)
    assert reviewed == 3
    arabic = Language.parse("ar")
    notice = (copy.root / "output" / "ar" / "index.html").read_text(encoding="utf-8")
    progress = notice.split('class="review-progress"', 1)[1].split("</p>", 1)[0]
    assert arabic.format_number(3) in progress and arabic.format_number(total) in progress


def test_clearing_forgets_the_work_and_the_page_is_operable_and_labelled(review_site: ReviewSite, browser) -> None:  # type: ignore[no-untyped-def]
    served = review_site.served
    context = new_context(browser, served, bypass_csp=True)  # to inject axe
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(served.base + "ja/review/", wait_until="load")
        first = page.locator("li.unit[data-unit] input[type=checkbox]").first
        first.focus()
        page.keyboard.press("Space")
        stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('openletter.review.ja.'))")
        assert len(stored) == 1 and json.loads(page.evaluate(f"localStorage.getItem({stored[0]!r})"))["units"]
        # Nothing to send without work; every control has a label axe accepts.
        assert axe_violations(page, ("label", "aria-allowed-attr", "button-name", "link-name", "duplicate-id")) == []
        tab_to(page, "#clear-review", LAST_UNIT)
        page.keyboard.press("Enter")
        assert page.evaluate(f"localStorage.getItem({stored[0]!r})") is None
        assert not first.is_checked()
        page.reload(wait_until="load")
        assert not page.locator("li.unit[data-unit] input[type=checkbox]").first.is_checked()
        tab_to(page, "#prepare-suggestion", LAST_UNIT)
        page.keyboard.press("Enter")
        assert page.locator(".prepared a").count() == 0 and page.locator(".prepared p").count() == 1
        assert watched.page_errors == []
    finally:
        context.close()


def test_without_javascript_the_page_offers_edit_links_and_says_how_to_suggest(review_site: ReviewSite, browser) -> None:  # type: ignore[no-untyped-def]
    served = review_site.served
    context = new_context(browser, served, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served.base + "ar/review/", wait_until="load")
        assert page.locator("fieldset, textarea, input").count() == 0 and page.locator("#suggestions").is_hidden()
        edit = page.locator("li.unit a.edit")
        assert edit.count() == page.locator("li.unit[data-unit]").count()
        assert edit.first.get_attribute("href").startswith(f"{REPOSITORY}/edit/main/locale/ar/LC_MESSAGES/letter.po#L")
        assert page.locator(".how-to-suggest").count() == 2 and page.locator(f".how-to-suggest a[href='mailto:{EMAIL}']").count() == 1
    finally:
        context.close()
