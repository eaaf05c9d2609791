"""Languages from CLDR: canonical codes only, BCP 47 tags, direction, plural rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from openletter.cache import Cache
from openletter.errors import LanguageError
from openletter.languages import Language


@pytest.mark.parametrize(
    ("code", "tag", "slug", "direction", "native"),
    [
        ("de", "de", "de", "ltr", "Deutsch"),
        ("ar", "ar", "ar", "rtl", "العربية"),
        ("he", "he", "he", "rtl", "עברית"),
        ("fa", "fa", "fa", "rtl", "فارسی"),
        ("pt_BR", "pt-BR", "pt-br", "ltr", "Português (Brasil)"),
        ("zh_Hans", "zh-Hans", "zh-hans", "ltr", "中文 (简体)"),
        ("ka", "ka", "ka", "ltr", "ქართული"),  # Georgian has no capitals: not "Ქართული" (Mtavruli)
        ("hy", "hy", "hy", "ltr", "Հայերեն"),
        ("ur", "ur", "ur", "rtl", "اردو"),
    ],
)
def test_tags_directions_and_native_names(code: str, tag: str, slug: str, direction: str, native: str) -> None:
    language = Language.parse(code)
    assert (language.tag, language.slug, language.direction, language.native_name) == (tag, slug, direction, native)


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("FR", "use 'fr'"),
        ("en_US.UTF-8", "use 'en_US'"),
        ("../x", "invalid language code"),
        ("xx", "unknown language code"),
        ("de-DE", "invalid language code"),
        ("", "invalid language code"),
    ],
)
def test_bad_codes_are_refused_with_a_reason(code: str, fragment: str) -> None:
    with pytest.raises(LanguageError, match=fragment.replace("(", r"\(")):
        Language.parse(code)


@pytest.mark.parametrize(
    ("typed", "code", "short"),
    [
        ("pt-BR", "pt_BR", "pt"), ("PT_br", "pt_BR", "pt"), ("zh-Hans", "zh_Hans", None), ("zh-hans", "zh_Hans", None),
        ("ca-ES", "ca_ES", "ca"), ("ca-AD", "ca_AD", None), ("zh-TW", "zh_Hant_TW", "zh_Hant"), ("FR", "fr", None),
        ("de", "de", None), ("es-419", "es_419", None), ("iw", "he", None),  # a deprecated code: no region added
    ],
)  # fmt: skip
def test_codes_as_people_type_them_become_the_canonical_cldr_locale(typed: str, code: str, short: str | None) -> None:
    language = Language.from_input(typed)
    assert (language.code, language.short_code) == (code, short)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("xx", "unknown language code 'xx' (not in CLDR)"),
        ("jp", "unknown language code 'jp' (not in CLDR); did you mean 'ja'?"),  # Japan's country code
        ("german", "unknown language code 'german' (not in CLDR); did you mean 'de'?"),
        ("pt_XY", "unknown language code 'pt_XY' (not in CLDR); did you mean 'pt'?"),
        ("und", "unknown language code 'und' (not in CLDR)"),  # Babel would make it en_US
        ("en_US.UTF-8", "invalid language code 'en_US.UTF-8'; use 'en_US'"),
        ("../x", "invalid language code '../x' (a code is letters, digits and - or _, such as de, pt-BR, zh-Hans)"),
    ],
)
def test_codes_nobody_can_mean_are_refused_with_what_was_probably_meant(typed: str, message: str) -> None:
    with pytest.raises(LanguageError) as raised:
        Language.from_input(typed)
    assert raised.value.message == message and raised.value.value == typed


def test_plural_forms_come_from_cldr() -> None:
    assert str(Language.parse("ru").plural_forms).startswith("nplurals=3;")
    assert str(Language.parse("ja").plural_forms) == "nplurals=1; plural=0;"
    assert Language.parse("ar").plural_forms.nplurals == 6 and Language.parse("ar").plural_forms.index(5) == 3


def test_dates_use_cldr_default_digits() -> None:
    from datetime import date

    day = date(2026, 11, 26)
    assert Language.parse("fa").format_date(day) == "۲۶ نوامبر ۲۰۲۶"
    assert Language.parse("bn").format_date(day).startswith("২৬")
    assert Language.parse("de").format_date(day) == "26. November 2026"
    assert Language.parse("ar").format_date(day) == "26 نوفمبر 2026"  # CLDR: Arabic defaults to Latin digits


@pytest.mark.parametrize(
    ("code", "number", "percent"),
    [("en", "1,234", "93%"), ("fr", "1\u202f234", "93\u00a0%"), ("de", "1.234", "93\u00a0%"), ("tr", "1.234", "%93"),
     ("fa", "۱٬۲۳۴", "۹۳%"), ("bn", "১,২৩৪", "৯৩%")],
)  # fmt: skip
def test_numbers_and_percentages_as_the_language_writes_them(code: str, number: str, percent: str) -> None:
    language = Language.parse(code)
    assert language.format_number(1234) == number
    assert language.format_percent(14 / 15) == percent


def test_percentages_round_down_so_incomplete_is_never_100() -> None:
    assert Language.parse("en").format_percent(0.999) == "99%"
    assert Language.parse("en").format_percent(1.0) == "100%"


def test_lists_use_cldr_patterns_and_keep_markup_only_where_given() -> None:
    from markupsafe import Markup

    assert Language.parse("de").format_list(["Ana", "Li", "Omid"]) == "Ana, Li und Omid"
    assert Language.parse("ja").format_list(["A", "B"]) == "A、B"
    mixed = Language.parse("en").format_list(["<1>", Markup('<a href="x">b</a>')])
    assert mixed == '&lt;1&gt; and <a href="x">b</a>' and isinstance(mixed, Markup)


def test_cldr_facts_round_trip_through_preload() -> None:
    facts = Language.parse("ar").cldr_facts()
    assert facts["direction"] == "rtl" and facts["native_name"] == "العربية" and facts["og_locale"] == "ar_EG"
    fresh = Language.parse("ar")
    fresh.preload(facts)
    assert {name: fresh.__dict__[name] for name in Language.CLDR_FACTS} == facts
    assert fresh.direction == "rtl" and fresh.english_name == "Arabic"


def test_numbers_and_list_patterns_come_from_the_memo_once_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    persian = Language.parse("fa")
    persian.remember_with(Cache(tmp_path).memo("numbers"))
    written = (persian.format_number(1234), persian.format_percent(0.936), persian.list_pattern(["<a>", "<b>", "<c>"]))
    assert written[0] == "۱٬۲۳۴" and "۹۳" in written[1] and written[2].startswith("<a>")
    persian.__dict__["_memo"].save()

    def loaded(*args: object, **kwargs: object) -> None:
        raise AssertionError("CLDR data loaded again")

    for name in ("format_decimal", "format_percent", "format_list"):
        monkeypatch.setattr(f"openletter.languages.{name}", loaded)
    again = Language.parse("fa")
    again.remember_with(Cache(tmp_path).memo("numbers"))
    assert (again.format_number(1234), again.format_percent(0.936), again.list_pattern(["<a>", "<b>", "<c>"])) == written
    assert again.list_pattern(["x", "y", "z"]) == written[2].replace("<a>", "x").replace("<b>", "y").replace("<c>", "z")


def test_plural_forms_give_cldrs_partition_for_every_language_a_site_could_add() -> None:
    """One authority: the header a new catalog gets groups whole numbers exactly as CLDR does
    (Babel's GNU table does not, for pa, am, hu, ka, hy, he, id, tr… )."""
    from openletter.exemplars import locale_ids
    from openletter.po.cldr import categories, cldr_rule, disagreement

    for code in locale_ids():
        forms, rule = Language(code).plural_forms, cldr_rule(code)
        assert disagreement(forms.function, rule, range(0, 1001)) is None, (code, str(forms))
        assert forms.nplurals == len(categories(rule)), (code, str(forms))


@pytest.mark.parametrize("code", ["ar", "ru", "pl", "cy", "ga", "sl", "lt", "pa", "hu", "ja", "he", "fil", "br", "kw"])
def test_msgfmt_accepts_the_derived_plural_forms(code: str, tmp_path) -> None:
    import subprocess

    forms = Language.parse(code).plural_forms
    plurals = "".join(f'msgstr[{index}] "x{index}"\n' for index in range(forms.nplurals))
    path = tmp_path / "x.po"
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {code}\\n"\n"Plural-Forms: {forms}\\n"\n\n'
        f'msgid "a"\nmsgid_plural "as"\n{plurals}',
        encoding="utf-8",
    )
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_plural_forms_follow_cldr_where_babels_gnu_table_does_not() -> None:
    assert str(Language.parse("pa").plural_forms) == "nplurals=2; plural=(n > 1);"
    assert str(Language.parse("am").plural_forms) == "nplurals=2; plural=(n > 1);"
    assert str(Language.parse("hu").plural_forms) == "nplurals=2; plural=(n != 1);"
    assert str(Language.parse("hy").plural_forms) == "nplurals=2; plural=(n > 1);"
    # Kept as Babel writes it where it already has CLDR's partition (Arabic's indices 4 and 5 included).
    assert str(Language.parse("ar").plural_forms).startswith("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 :")
