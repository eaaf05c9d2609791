"""The final-page guard: body sanitized against an allowlist, head held to the publishing rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from openletter.pages.guard import PageGuard, PageGuardError, script_hash

CSP = "default-src 'none'; style-src 'self'; script-src 'self'"


def page(head: str = "", body: str = "<p>ok</p>", csp: str | None = CSP) -> str:
    policy = f'<meta http-equiv="Content-Security-Policy" content="{csp}">' if csp is not None else ""
    return f'<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n{policy}\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n'


def test_body_keeps_the_themes_markup_and_loses_everything_active() -> None:
    body = (
        '<nav class="languages" aria-label="Languages"><a href="../de/" hreflang="de" aria-current="page">Deutsch</a></nav>'
        '<p onclick="x()" style="color:red">text<script>alert(1)</script></p><iframe src="https://evil.example"></iframe>'
        '<form action="https://evil.example"><input name="q"></form><a href="javascript:alert(1)">j</a>'
        '<img src="https://tracker.example/p.gif" onerror="x()"><svg onload="alert(1)"></svg><style>*{}</style>'
    )
    cleaned = PageGuard().sanitize(page(body=body), Path("x.html"))
    assert '<nav class="languages" aria-label="Languages"><a href="../de/" hreflang="de" aria-current="page">Deutsch</a></nav>' in cleaned
    for banned in ("onclick", "style=", "<script", "<iframe", "<form", "name=", "javascript:", "onerror", "<svg", "<style"):
        assert banned not in cleaned
    assert '<html lang="en" dir="ltr">' in cleaned


def test_no_page_carries_a_form_control_but_its_buttons() -> None:
    """The language filter's box is added by languages.js when the menu opens; a page itself has
    no input (nothing typed can be sent anywhere, and a closed menu fetches no faces)."""
    body = '<p class="language-filter" hidden><label>Find <input type="search" formaction="https://evil.example" name="q" value="x"></label></p>'
    cleaned = PageGuard().sanitize(page(body=body), Path("x.html"))
    assert "<input" not in cleaned and "evil.example" not in cleaned and "<label>Find </label>" in cleaned


@pytest.mark.parametrize(
    ("head", "csp", "fragment"),
    [
        ("", None, "no Content-Security-Policy"),
        ("", "default-src 'none'; script-src 'self' 'unsafe-inline'", "allows inline script"),
        ("<script>alert(1)</script>", CSP, "inline script whose hash"),
        ('<script src="https://cdn.example/x.js"></script>', CSP, "only same-origin scripts"),
        ('<link rel="stylesheet" href="javascript:alert(1)">', CSP, "is not http(s), mailto or the site itself"),
        ('<base href="https://evil.example/">', CSP, "<base> is not allowed"),
        ('<link rel="alternate" hreflang="de" href="javascript:alert(1)">', CSP, "is not http(s), mailto or the site itself"),
        ('<link rel="prefetch" href="https://tracker.example/">', CSP, "is not allowed"),
        ('<meta charset="utf-8" onload="x()">', CSP, "attribute onload"),
    ],
)
def test_a_bad_head_fails_with_its_line(head: str, csp: str | None, fragment: str) -> None:
    with pytest.raises(PageGuardError, match=re.escape(fragment)) as raised:
        PageGuard().sanitize(page(head=head, csp=csp), Path("de/index.html"))
    assert str(raised.value).startswith("de/index.html:")


def test_an_inline_script_listed_by_hash_is_allowed() -> None:
    script = "document.documentElement.classList.add('js')"
    html = page(head=f"<script>{script}</script>", csp=f"default-src 'none'; script-src {script_hash(script)}")
    assert f"<script>{script}</script>" in PageGuard().sanitize(html, Path("x.html"))


def test_scripts_may_load_from_the_sites_own_absolute_url() -> None:
    head = '<script src="https://letter.example/theme/js/notice.js" defer></script>'
    PageGuard("https://letter.example").sanitize(page(head=head), Path("x.html"))
    with pytest.raises(PageGuardError, match="only same-origin scripts"):
        PageGuard("https://letter.example").sanitize(page(head=head.replace("letter.example", "letter.example.evil.test")), Path("x.html"))


def test_sanitize_file_writes_what_sanitizing_the_text_gives_and_reuses_it(tmp_path: Path) -> None:
    """Pages are guarded as bytes (cached as bytes) with the result reading them as text gave."""
    from openletter.cache import Cache

    site = tmp_path / "site"
    (site / "de").mkdir(parents=True)
    dirty = page(body='<p onclick="x()">a\r\nb &#34;q&#34;</p>').encode("utf-8")
    clean = page(body="<p>plain</p>").replace("\n", "\r\n").encode("utf-8")
    expected = PageGuard().sanitize(dirty.decode("utf-8").replace("\r\n", "\n"), Path("x.html")).encode("utf-8")
    cache = Cache(tmp_path / "cache")

    def guard_both() -> None:
        for page in (site / "index.html", site / "de" / "index.html"):
            PageGuard().sanitize_file(page, page.relative_to(site), cache)

    for hits in (0, 2):
        (site / "index.html").write_bytes(dirty)
        (site / "de" / "index.html").write_bytes(clean)
        guard_both()
        assert cache.hits == hits
        assert (site / "index.html").read_bytes() == expected  # LF only, '"' for &#34;, no onclick
        assert (site / "de" / "index.html").read_bytes() == clean  # nothing to sanitize: left as written
    (site / "index.html").write_bytes(dirty.replace(b"a", b"A"))
    guard_both()
    assert cache.hits == 3 and b"A" in (site / "index.html").read_bytes()  # other bytes: a miss
