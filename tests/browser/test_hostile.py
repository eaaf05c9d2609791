"""Hostile translations in a real browser: no dialog opens, no script runs, nothing leaves the site."""

from __future__ import annotations

from conftest import SiteCopy

from browser.conftest import new_context, watch
from openletter.commands.build import build
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter

PAYLOADS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=\"alert('onerror')\">",
    "[click](jav&#x61;script:alert('entity'))",
    "<a href=\"jav&#x61;script:alert('entity-html')\">click</a>",
    "<svg onload=\"alert('svg')\"><circle r=\"1\"/></svg>",
    "![pixel](https://tracker.example/pixel.gif)",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<a href=\"https://evil.example/\" onmouseover=\"alert('hover')\">hover</a>",
    "<img src=\"https://tracker.example/x.gif\">",
    "<style>body{background:url(https://tracker.example/bg.png)}</style>",
    "<details open ontoggle=\"alert('toggle')\">x</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
]


def test_hostile_translations_stay_inert_in_chromium(project: SiteCopy, browser, serve) -> None:  # type: ignore[no-untyped-def]
    project.add_pseudo_language("eo")
    letter = read_po(project.po("eo"))
    for entry, payload in zip(letter.entries, PAYLOADS * 2):
        entry.msgstr = f"Text {payload} more text"
    project.po("eo").write_bytes(PoWriter().dump_bytes(letter))
    theme = read_po(project.po("eo", "theme"))
    for entry, payload in zip(theme.entries, reversed(PAYLOADS)):
        if entry.msgid_plural is None and "%(" not in entry.msgid:
            entry.msgstr = payload
    project.po("eo", "theme").write_bytes(PoWriter().dump_bytes(theme))
    output = project.root / "output"
    build(project.config, output)
    served = serve(output)
    context = new_context(browser, served)
    try:
        for path in ("eo/", "en/", "", "eo/review/"):  # the review page's script puts the texts in its controls
            page = context.new_page()
            watched = watch(page)
            page.goto(served.base + path, wait_until="load")
            page.mouse.move(200, 300)
            for link in page.locator("a").all()[:40]:
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith(("javascript", "data", "vbscript")), href
            active = "script:not([src*='/theme/js/']), iframe, svg, style, [onerror], [onload]"
            assert page.evaluate(f"document.querySelectorAll({active!r}).length") == 0
            assert watched.dialogs == [], watched.dialogs
            assert watched.page_errors == [], watched.page_errors
            if path == "eo/review/":  # the hostile texts are the controls' values, as text
                values = page.evaluate("[...document.querySelectorAll('li.unit textarea[id$=-text-0]')].map(t => t.value)")
                assert sum("<script>alert('script')</script>" in value for value in values) >= 1
            page.close()
    finally:
        context.close()
    assert served.foreign_requests == []


def test_the_tests_guard_blocks_and_records_every_request_leaving_the_site(browser, served) -> None:  # type: ignore[no-untyped-def]
    """The check every browser test ends with (no foreign request) can fail (the page's own
    Content-Security-Policy, which would stop this request first, is bypassed here)."""
    context = new_context(browser, served, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(served.base + "en/", wait_until="load")
        status = page.evaluate("fetch('https://tracker.example/pixel.gif').then(() => 'sent', () => 'blocked')")
        assert status == "blocked"
        assert page.evaluate("fetch(location.href).then(r => r.status)") == 200  # the site's own requests pass
    finally:
        context.close()
    assert served.foreign_requests == ["https://tracker.example/pixel.gif"]
    served.foreign_requests.clear()
