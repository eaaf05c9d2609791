"""Pseudo-translation into a language's own script from CLDR's exemplar characters."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import REPO

from openletter.exemplars import ExemplarError, Exemplars, parse_unicode_set, sample_languages
from openletter.languages import Language

NODE_MODULES = REPO / "node_modules"


def test_a_cldr_set_has_single_characters_clusters_and_escapes() -> None:
    assert parse_unicode_set("[aáb {ch} \\u200C \\- {n\\-} {a\\:}]") == ["a", "á", "b", "ch", "-", "n-", "a:"]
    assert parse_unicode_set("[]") == []
    with pytest.raises(ValueError):
        parse_unicode_set("a b c")


def test_the_exemplars_are_cldrs_for_the_language() -> None:
    thai = Exemplars.load(NODE_MODULES, Language.parse("th"))
    assert "ก" in thai.items and "ฮ" in thai.items and len(thai.items) > 60
    tibetan = Exemplars.load(NODE_MODULES, Language.parse("bo"))
    assert "ཀྵ" in tibetan.items  # a cluster CLDR lists as one exemplar


def test_words_keep_markdown_html_and_placeholders() -> None:
    amharic = Exemplars.load(NODE_MODULES, Language.parse("am"))
    text = "We **disagree** with [the movement](https://example.org/x) on %(count)s <em>points</em>, `code`."
    out = amharic.translate(text)
    for kept in ("**", "](https://example.org/x)", "%(count)s", "<em>", "</em>", "`code`", ", ", "."):
        assert kept in out
    words = re.sub(r"\(https://[^)]*\)|%\(count\)s|</?em>|`code`", "", out)
    letters = re.findall(r"[^\W\d_]", words)
    assert letters and all(unicodedata.name(char).startswith("ETHIOPIC") for char in letters)


def test_every_exemplar_comes_round_and_no_mark_starts_a_word() -> None:
    hindi = Exemplars.load(NODE_MODULES, Language.parse("hi"))
    words = [hindi.word("letters") for _ in range(200)]
    used = {char for word in words for char in word}
    assert {char for item in hindi.items for char in item} <= used | {"\u200c", "\u200d"}
    assert not any(unicodedata.category(word[0]).startswith("M") for word in words)
    assert not any(unicodedata.category(a).startswith("M") and unicodedata.category(b).startswith("M")
                   and unicodedata.category(b) != "Mn" for word in words for a, b in zip(word, word[1:]))  # fmt: skip


def test_capitals_where_the_script_has_them_and_fewer_signs_in_dense_scripts() -> None:
    russian = Exemplars.load(NODE_MODULES, Language.parse("ru"))
    assert russian.word("Letter")[0].isupper() and russian.word("letter")[0].islower()
    japanese = Exemplars.load(NODE_MODULES, Language.parse("ja"))
    assert japanese.dense and len(japanese.word("movement")) == 4
    assert len(set(japanese._bases)) <= 600  # a letter's worth of distinct characters, not CLDR's thousands


def test_missing_or_empty_character_data_is_an_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(ExemplarError, match="npm ci"):
        Exemplars.load(tmp_path, Language.parse("th"))
    folder = tmp_path / "cldr-misc-full" / "main" / "th"
    folder.mkdir(parents=True)
    (folder / "characters.json").write_text(json.dumps({"main": {"th": {"characters": {"exemplarCharacters": "[]"}}}}))
    with pytest.raises(ExemplarError, match="no base letters"):
        Exemplars.load(tmp_path, Language.parse("th"))
    (folder / "characters.json").write_text("{")
    with pytest.raises(ExemplarError, match="characters.json"):
        Exemplars.load(tmp_path, Language.parse("th"))


def test_a_sample_takes_one_language_of_every_usable_script_first() -> None:
    def script(exemplars: Exemplars) -> str:
        return exemplars.language.script

    languages = sample_languages(12, NODE_MODULES, lambda exemplars: script(exemplars) in {"Thai", "Ethi", "Tibt", "Latn"})
    assert len(languages) == 12 and languages == sorted(languages, key=lambda language: language.code)
    assert {language.script for language in languages} == {"Thai", "Ethi", "Tibt", "Latn"}
    assert not any(language.code.startswith("en") for language in languages)
    with pytest.raises(ExemplarError, match="only"):
        sample_languages(5, NODE_MODULES, lambda exemplars: script(exemplars) == "Thai")
