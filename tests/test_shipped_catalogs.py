"""Every shipped translation: complete, accepted by msgfmt, faithful to the source's markup,
honest in its header, and published as a whole page in its own language and direction."""

from __future__ import annotations

import subprocess
from html import unescape
from pathlib import Path

import pytest
from conftest import REPO

from openletter.content.markup import inline_markup
from openletter.content.segments import new_markdown
from openletter.languages import Language
from openletter.po.pofile import read_po

LANGUAGES = sorted(p.name for p in (REPO / "locale").iterdir() if p.is_dir())
REQUIRED = {"de", "fr", "es", "it", "pt_BR", "nl", "pl", "cs", "sk", "sv", "tr", "id", "vi", "uk", "ru", "el",
            "ar", "fa", "he", "hi", "bn", "zh_Hans", "zh_Hant", "ja", "ko"}  # fmt: skip


def test_at_least_the_required_languages_ship() -> None:
    assert REQUIRED <= set(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogs_are_complete_checked_and_honest(code: str) -> None:
    language = Language.parse(code)
    markdown = new_markdown()
    for domain in ("letter", "theme"):
        path = REPO / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
        catalog = read_po(path)
        template = read_po(REPO / "locale" / f"{domain}.pot")
        assert [e.msgid for e in catalog.entries] == [e.msgid for e in template.entries], f"{path}: run invoke update"
        untranslated = [e.line for e in catalog.entries if not e.translated]
        assert untranslated == [], f"{path}: untranslated or fuzzy entries at lines {untranslated}"
        result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr
        for entry in catalog.entries:
            source = inline_markup(markdown, entry.msgid)
            for form in entry.translations:
                assert source.differences(inline_markup(markdown, form)) == [], f"{path}:{entry.line}"
        header = catalog.header_fields()
        assert header["Language"] == code
        assert header["Plural-Forms"] == str(language.plural_forms)
        assert header["Content-Type"] == "text/plain; charset=UTF-8"
        assert header["Last-Translator"] == "openletter team"
        assert header["Language-Team"].startswith(language.english_name)
        assert header["PO-Revision-Date"][:4].isdigit()
        assert header["X-Review-State"] in ("unreviewed", "reviewed")
        if header["X-Review-State"] == "unreviewed":
            assert any("not yet reviewed by a native speaker" in line for line in catalog.header.translator_comments)


#: How sixteen translations first read "eventually" ("possibly", "may", or left out); the English says "in the end".
POSSIBLY = {
    "de": "womöglich", "pt_BR": "talvez", "nl": "mogelijk", "pl": "być może", "cs": "případně", "sk": "prípadne",
    "sv": "eventuellt", "el": "ίσως", "tr": "belki", "id": "politisi mungkin", "fa": "احتمالاً",
    "ar": "قد يجعلون", "he": "עשויים", "ja": "一部の政治家がそれを", "ko": "정치인들이 이를", "zh_Hans": "顺势",
}  # fmt: skip


def test_eventually_is_translated_as_in_the_end_and_the_source_says_so() -> None:
    template = read_po(REPO / "locale" / "letter.pot")
    unit = next(entry for entry in template.entries if "eventually take it" in entry.msgid)
    assert any("not \"possibly\"" in note for note in unit.extracted_comments)  # the translators' note
    for code, possibly in POSSIBLY.items():
        translation = next(e.msgstr for e in read_po(REPO / "locale" / code / "LC_MESSAGES" / "letter.po").entries if e.msgid == unit.msgid)
        assert possibly not in translation, code


@pytest.fixture
def site(shipped_site: Path) -> Path:
    return shipped_site


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_page_is_whole_and_in_its_own_direction(site: Path, code: str) -> None:
    language = Language.parse(code)
    html = unescape((site / language.slug / "index.html").read_text(encoding="utf-8"))
    assert f'<html lang="{language.tag}" dir="{language.direction}">' in html
    assert 'class="untranslated"' not in html and "not translated yet" not in html
    title = read_po(REPO / "locale" / code / "LC_MESSAGES" / "letter.po").entries[0].msgstr
    assert f"<h1>{title}</h1>" in html
    review = read_po(REPO / "locale" / code / "LC_MESSAGES" / "theme.po").by_key()
    notice = review[(None, "This is a community translation that has not yet been reviewed by a native speaker.")].msgstr
    assert notice in html
    assert 'href="../translate/"' in html


#: The Open Graph locale (language_TERRITORY, CLDR's likely territory) each shipped language's page declares.
OG_LOCALES = {
    "ar": "ar_EG", "bn": "bn_BD", "cs": "cs_CZ", "de": "de_DE", "el": "el_GR", "es": "es_ES", "fa": "fa_IR",
    "fr": "fr_FR", "he": "he_IL", "hi": "hi_IN", "id": "id_ID", "it": "it_IT", "ja": "ja_JP", "ko": "ko_KR",
    "nl": "nl_NL", "pl": "pl_PL", "pt_BR": "pt_BR", "ru": "ru_RU", "sk": "sk_SK", "sv": "sv_SE", "tr": "tr_TR",
    "uk": "uk_UA", "vi": "vi_VN", "zh_Hans": "zh_CN", "zh_Hant": "zh_TW",
    "am": "am_ET", "fi": "fi_FI", "fil": "fil_PH", "gu": "gu_IN", "ha": "ha_NG", "hu": "hu_HU", "hy": "hy_AM",
    "ka": "ka_GE", "km": "km_KH", "kn": "kn_IN", "ml": "ml_IN", "mr": "mr_IN", "ms": "ms_MY", "my": "my_MM",
    "ne": "ne_NP", "pa": "pa_IN", "pt_PT": "pt_PT", "ro": "ro_RO", "si": "si_LK", "sw": "sw_TZ", "ta": "ta_IN",
    "te": "te_IN", "th": "th_TH", "ur": "ur_PK", "yo": "yo_NG",
}  # fmt: skip


def test_every_shipped_language_declares_its_own_og_locale(site: Path) -> None:
    assert set(OG_LOCALES) == set(LANGUAGES)
    for code, og_locale in OG_LOCALES.items():
        html = (site / Language.parse(code).slug / "index.html").read_text(encoding="utf-8")
        assert f'<meta property="og:locale" content="{og_locale}">' in html, code
        assert f'<meta property="og:locale:alternate" content="{og_locale}">' not in html, code
