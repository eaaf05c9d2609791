"""The pseudo-locale: obviously translated, longer, and every Markdown construct intact."""

from __future__ import annotations

from openletter.pseudo import pseudo
from openletter.segments import new_markdown


def test_pseudo_keeps_links_code_placeholders_and_escapes() -> None:
    text = "See [the site](https://example.org/path) and `code`, %(num)d items, \\*not emphasis\\*."
    result = pseudo(text)
    assert result.startswith("‹Šéé") and result.endswith("›")
    for kept in ("](https://example.org/path)", "`code`", "%(num)d", "\\*"):
        assert kept in result
    assert len(result) > len(text) * 1.25


def test_pseudo_text_renders_with_the_same_elements() -> None:
    markdown = new_markdown()
    text = "A *b* **c** [d](https://e.f/) `g`"
    source, translated = markdown.render(text), markdown.render(pseudo(text))
    for tag in ("<em>", "<strong>", '<a href="https://e.f/">', "<code>g</code>"):
        assert tag in source and tag in translated
