"""Segmentation: units with kinds and lines, and the same walker putting them back."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA
from hypothesis import assume, given
from hypothesis import strategies as st

from openletter.content.segments import Assembler, new_markdown, normalize, segment

SOURCE = (DATA / "markdown" / "all-blocks.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def markdown():
    return new_markdown()


def test_units_know_their_kind_line_and_inline_markdown(markdown) -> None:
    units = segment(markdown, SOURCE, Path("content/x.md"), line_offset=4).units
    assert [(unit.kind, unit.line) for unit in units] == [
        ("heading (level 1)", 5),
        ("paragraph", 7),
        ("heading (level 2)", 11),
        ("list item", 14),
        ("list item", 15),
        ("list item", 18),
        ("list item", 19),
        ("blockquote paragraph", 21),
        ("list item", 24),
        ("paragraph", 28),
        ("paragraph", 38),
    ]
    assert units[0].text == "An ATX heading with *emphasis*"
    assert units[1].text == (
        'Intro paragraph with a [link](https://example.org/page "Title") and `inline code`, wrapped onto\\\n'
        "a second line after a hard break."
    )
    assert units[4].text == "another **strong** item with a lazy second line"
    assert units[9].text == "Reference [links][ref] keep their definitions."
    assert units[9].notes == ('"Pause AI" is the movement\'s name; keep it recognisable',)
    assert all(unit.path == Path("content/x.md") for unit in units)


def test_joining_untranslated_units_gives_back_the_source(markdown) -> None:
    segmentation = segment(markdown, SOURCE, Path("x.md"))
    assert Assembler(markdown).assemble(segmentation, [None] * len(segmentation.units)) == SOURCE


def test_units_joined_as_text_render_to_the_same_html(markdown) -> None:
    segmentation = segment(markdown, SOURCE, Path("x.md"))
    rebuilt = Assembler(markdown).assemble(segmentation, [unit.text for unit in segmentation.units])
    assert rebuilt != SOURCE  # reflowed and normalized ...
    assert markdown.render(rebuilt) == markdown.render(SOURCE)  # ... yet the same page


def test_reflowing_a_paragraph_does_not_change_its_unit(markdown) -> None:
    one_line = segment(markdown, "Alpha beta gamma delta.\n", Path("x.md")).units[0].text
    reflowed = segment(markdown, "Alpha beta\n   gamma\ndelta.\n", Path("x.md")).units[0].text
    assert one_line == reflowed == "Alpha beta gamma delta."


def test_cjk_soft_breaks_join_without_a_space() -> None:
    assert normalize("日本語の\n文章です。") == "日本語の文章です。"
    assert normalize("mixed 日本\nwords") == "mixed 日本 words"


@pytest.mark.parametrize(
    "hostile",
    ["# becomes a heading?", "- becomes a list?", "1. numbered?", "> quoted?", "<div>html block?</div>",
     "```", "---", "***", "text\n\nsecond paragraph", "===", "    indented code"],
)  # fmt: skip
def test_a_translation_cannot_change_the_block_structure(markdown, hostile: str) -> None:
    segmentation = segment(markdown, SOURCE, Path("x.md"))
    assembler = Assembler(markdown)
    texts = [assembler.escape(slot, hostile) for slot in segmentation.slots]
    assert all(text is not None for text in texts)
    tokens = markdown.parse(assembler.assemble(segmentation, texts))
    from openletter.content.segments import walk

    assert [block.kind for block in walk(tokens)] == [unit.kind for unit in segmentation.units]


words = st.lists(st.sampled_from(["alpha", "*beta*", "`gamma`", "[delta](https://x.y)", "épsilon", "日本", "**zeta**"]), min_size=1, max_size=12)


@given(words, st.integers(min_value=1, max_value=4))
def test_any_line_wrapping_of_a_paragraph_is_the_same_unit(tokens: list[str], width: int) -> None:
    # A space between two CJK words is meaningful; a line break there is not (see normalize).
    assume(not any(a == b == "日本" for a, b in zip(tokens, tokens[1:])))
    markdown = new_markdown()
    one_line = " ".join(tokens)
    wrapped = "\n".join(" ".join(tokens[i : i + width]) for i in range(0, len(tokens), width))
    first = segment(markdown, one_line + "\n", Path("x.md")).units[0].text
    second = segment(markdown, wrapped + "\n", Path("x.md")).units[0].text
    assert first == second
