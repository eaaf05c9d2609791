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


def test_a_text_without_an_opener_is_known_to_have_no_markup_without_parsing() -> None:
    """The shortcut answers as the parser does for every shipped translation and for texts made
    of every ASCII punctuation mark but the openers (entities, escapes, bare URLs, ! and ])."""
    from pathlib import Path

    from openletter.content.markup import _OPENERS, parsed_markup
    from openletter.po.pofile import read_po

    markdown = new_markdown()
    texts = [entry.msgstr for path in sorted((Path(__file__).parent.parent / "locale").glob("*/LC_MESSAGES/*.po")) for entry in read_po(path).entries if entry.msgstr]
    punctuation = "".join(chr(code) for code in range(33, 127) if not chr(code).isalnum())
    texts += [punctuation, "a ! b ] c", "&amp; &#42; \\* https://x.example/ www.x.example a@b.example", "x\\\ny  \nz"]
    assert len(texts) > 1000
    for text in texts:
        assert inline_markup(markdown, text) == parsed_markup(markdown, text), text
    assert any(not _OPENERS.search(text) for text in texts) and any(_OPENERS.search(text) for text in texts)
