"""Status badges: valid, accessible SVG whose colour and text follow the counts."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from openletter.site.badges import Badge, colour_for, language_badge, summary_badge, text_width

SVG = "{http://www.w3.org/2000/svg}"


def parse(badge: Badge) -> ElementTree.Element:
    return ElementTree.fromstring(badge.svg())


@pytest.mark.parametrize(
    ("translated", "total", "value", "colour"),
    [(15, 15, "100%", "#4c1"), (29, 30, "96%", "#97ca00"), (8, 15, "53%", "#dfb317"), (4, 15, "26%", "#fe7d37"), (0, 15, "0%", "#e05d44")],
)
def test_language_badge_value_and_colour_follow_the_counts(translated: int, total: int, value: str, colour: str) -> None:
    root = parse(language_badge("pt-BR", translated, total, reviewed=False))
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert texts == ["pt-BR", "pt-BR", value, value]
    fills = [rect.get("fill") for rect in root.iter(f"{SVG}rect")]
    assert colour in fills
    assert root.get("aria-label") == root.find(f"{SVG}title").text == f"pt-BR: {value} translated ({translated} of {total}), not reviewed"


def test_almost_complete_is_not_rounded_up_to_complete() -> None:
    assert colour_for(99.9) != colour_for(100)
    assert "99%" in language_badge("de", 999, 1000, reviewed=False).svg()


def test_reviewed_language_carries_a_check_mark() -> None:
    root = parse(language_badge("de", 15, 15, reviewed=True))
    assert [element.text for element in root.iter(f"{SVG}text")][2] == "100% \u2713"
    assert root.get("aria-label").endswith(", reviewed")


def test_a_review_under_way_shows_how_far_it_has_come() -> None:
    root = parse(language_badge("ar", 60, 60, reviewed=False, review=(9, 15)))
    assert [element.text for element in root.iter(f"{SVG}text")][2] == "100% \u00b7 9/15 reviewed"
    assert root.get("aria-label") == "ar: 100% translated (60 of 60), 9 of 15 units reviewed"
    assert parse(language_badge("ar", 60, 60, reviewed=False, review=(0, 15))).get("aria-label").endswith(", not reviewed")


def test_width_grows_with_the_text_and_the_value_box_follows_the_label() -> None:
    short, long = parse(language_badge("de", 1, 2, False)), parse(language_badge("zh-Hant", 1, 2, False))
    assert int(long.get("width")) > int(short.get("width"))
    assert text_width("zh-Hant") > text_width("de")
    rects = list(long.iter(f"{SVG}rect"))
    label_width = int(rects[1].get("width"))
    assert rects[2].get("x") == str(label_width)
    assert int(rects[2].get("width")) + label_width == int(long.get("width"))


def test_text_is_escaped_so_a_badge_cannot_carry_markup() -> None:
    svg = Badge('<script>alert(1)</script>&"', "1%", "#4c1", "x<y").svg()
    root = ElementTree.fromstring(svg)
    assert [element.text for element in root.iter(f"{SVG}text")][0] == '<script>alert(1)</script>&"'
    assert not list(root.iter(f"{SVG}script"))


def test_summary_badge_counts_languages() -> None:
    root = parse(summary_badge(25))
    assert [element.text for element in root.iter(f"{SVG}text")][2] == "25 languages"


def test_summary_badge_says_one_language_in_the_singular() -> None:
    assert summary_badge(1).title == "translations: 1 language"
