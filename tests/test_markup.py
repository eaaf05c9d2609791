"""Inline markup of a unit, compared between source and translation."""

from __future__ import annotations

from openletter.content.markup import inline_markup
from openletter.content.segments import new_markdown


def test_counts_and_targets() -> None:
    markup = inline_markup(new_markdown(), 'A *b* **c** [d](https://e.f/ "t") `g` ![i](/x.png) <b>x</b> [r][ref]', {"REF": {"href": "https://ref/", "title": ""}})
    assert (markup.emphasis, markup.strong, markup.code, markup.html) == (1, 1, 1, 2)
    assert markup.links == ("https://e.f/", "https://ref/") and markup.images == ("/x.png",)


def test_differences_name_what_changed() -> None:
    markdown = new_markdown()
    source = inline_markup(markdown, "Read *this* [page](https://a.example/).")
    assert source.differences(inline_markup(markdown, "Lies *das* [Seite](https://a.example/).")) == []
    problems = source.differences(inline_markup(markdown, "Lies das [Seite](https://evil.example/) <img src=x>."))
    assert problems == [
        "emphasis: 0 in the translation, 1 in the source",
        "html: 1 in the translation, 0 in the source",
        "links: ['https://evil.example/'] in the translation, ['https://a.example/'] in the source",
    ]
