"""The letter to take away in Chromium: the download links give the files, the share card loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import TAKEAWAY_SITEURL, TakeawaySite
from playwright.sync_api import Browser

from browser.conftest import new_context, screenshot_on_failure, watch


def test_download_links_work_and_the_share_card_loads(browser: Browser, serve: Any, takeaway_site: TakeawaySite) -> None:
    """The publish build, at its own address (answered from the built site, so its absolute URLs
    are same-origin as they are once published)."""
    served = serve(takeaway_site.output)
    context = new_context(browser, served, accept_downloads=True)

    def published(route: Any) -> None:
        relative = route.request.url.removeprefix(TAKEAWAY_SITEURL + "/").split("?")[0]
        path = takeaway_site.output / relative
        path = path / "index.html" if path.is_dir() else path
        if path.is_file():
            route.fulfill(path=str(path))
        else:
            route.abort()

    context.route(f"{TAKEAWAY_SITEURL}/**", published)
    page = context.new_page()
    try:
        for slug in ("de", "ar"):
            # The links are relative: from this server as from the published site.
            page.goto(f"{served.base}{slug}/")
            for name, start in ((f"letter.{slug}.a4.pdf", b"%PDF-"), (f"letter.{slug}.us-letter.pdf", b"%PDF-"), (f"letter.{slug}.txt", None)):
                link = page.locator(f'.takeaway a[href="{name}"]')
                assert link.is_visible(), name
                with page.expect_download() as download:
                    link.click()
                data = Path(download.value.path()).read_bytes()
                assert data == (takeaway_site.output / slug / name).read_bytes() and (start is None or data.startswith(start)), name
        watched = watch(page)
        for slug in ("de", "ar", ""):
            page.goto(f"{TAKEAWAY_SITEURL}/{slug}")
            card = page.locator('meta[property="og:image"]').get_attribute("content")
            assert card == f"{TAKEAWAY_SITEURL}/{slug}{'/' if slug else ''}letter{'.' + slug if slug else ''}.png"
            size = page.evaluate("""url => new Promise((resolve, reject) => {
                const image = new Image(); image.onload = () => resolve([image.naturalWidth, image.naturalHeight]);
                image.onerror = () => reject(new Error('the card did not load')); image.src = url; })""", card)
            assert size == [1200, 630]
        assert watched.console_errors == [] and watched.page_errors == []
        assert served.foreign_requests == []
    except AssertionError:
        screenshot_on_failure(page, "takeaway")
        raise
    finally:
        context.close()
