"""Rendering: sanitized HTML, and source-language blocks marked for readers and screen readers."""

from __future__ import annotations

from pathlib import Path

from openletter.content.render import Renderer, Sanitizer
from openletter.content.segments import new_markdown, segment
from openletter.languages import Language


def test_sanitizer_removes_script_handlers_styles_and_bad_urls() -> None:
    html = Sanitizer().clean(
        '<p onclick="x()" style="color:red">a<script>alert(1)</script>'
        '<a href="javascript:alert(1)">j</a><a href="jav&#x61;script:alert(1)">k</a>'
        '<img src="data:image/png;base64,AA" onerror="x()"><iframe src="https://evil.example"></iframe>'
        '<a href="https://ok.example/">ok</a><a href="/relative/">rel</a></p>'
    )
    for banned in ("script", "onclick", "style", "javascript", "data:", "onerror", "iframe"):
        assert banned not in html
    assert '<a href="https://ok.example/" rel="noopener noreferrer">ok</a>' in html
    assert 'href="/relative/"' in html


def test_untranslated_blocks_get_the_source_language_and_direction() -> None:
    markdown = new_markdown()
    body = segment(markdown, "First.\n\n- one\n- two\n\n> quoted\n", Path("x.md"))
    html = Renderer(markdown).render(body, ["Erstens.", None, "zwei", None], Language.parse("en"))
    assert "<p>Erstens.</p>" in html
    marked = 'lang="en" dir="ltr" class="untranslated" aria-describedby="untranslated-note"'
    assert f"<li {marked}>one</li>" in html
    assert "<li>zwei</li>" in html
    assert f"<p {marked}>quoted</p>" in html


def test_the_source_language_page_is_not_marked() -> None:
    markdown = new_markdown()
    body = segment(markdown, "First.\n", Path("x.md"))
    assert Renderer(markdown).render(body, [None], Language.parse("en"), mark_fallback=False) == "<p>First.</p>\n"


def test_hostile_inline_html_in_a_translation_is_neutralized() -> None:
    markdown = new_markdown()
    body = segment(markdown, "Read [this](https://example.org).\n", Path("x.md"))
    hostile = 'Lies [das](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(2)</script>'
    html = Renderer(markdown).render(body, [hostile], Language.parse("en"))
    assert 'href="javascript' not in html and "onerror" not in html and "<script" not in html
