"""Webfonts: every shipped page shows every glyph from its own and the shared faces, within budget;
faces hold only what their pages show; one family per script from CLDR; cached, deterministic."""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import REPO
from fontTools.ttLib import TTFont

from openletter.cache import Cache
from openletter.errors import LanguageError, OpenletterError
from openletter.exemplars import ExemplarError, Exemplars, locale_ids
from openletter.fonts import (
    FAMILIES,
    FontBuilder,
    FontReport,
    declared_faces,
    family_for,
    page_text,
    pages_from_site,
    script_of,
    stylesheet_for,
    stylesheet_href,
    unicode_range,
)
from openletter.fonts.constants import SHAPED_WITH
from openletter.fonts.families import BUDGET_LARGE, budget_for
from openletter.fonts.notices import notices
from openletter.fonts.sources import choose_slices
from openletter.fonts.stylesheet import linked_groups
from openletter.languages import Language

NODE_MODULES = REPO / "node_modules"
LANGUAGES = sorted(p.name for p in (REPO / "locale").iterdir() if p.is_dir())
#: What each shipped language's letter page fetched in fonts before this builder (every face its
#: stylesheet declared: its own and the language menu's); what a reader fetches now must not exceed it.
#: Japanese: +584 bytes since, for the glyphs of the download links' words (公開書簡をダウンロード, USレター…).
FETCHED_BEFORE = {"de": 26_520, "ar": 34_420, "hi": 64_500, "ja": 93_400, "zh-hant": 91_312}


def page(root: Path, rel: str, body: str, lang: str = "en", title: str = "T") -> Path:
    """Write a minimal page like the theme's: lang on <html>, a title, the body."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<style>body {{ content: "Ж" }}</style></head>\n<body>{body}<script>var s = "Ω";</script></body></html>',
        encoding="utf-8",
    )
    return path


def cmap(path: Path) -> set[int]:
    font = TTFont(path)
    try:
        return set(font.getBestCmap())
    finally:
        font.close()


def font_bytes(site_root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((site_root / "theme" / "fonts").iterdir())}


def builder(cache: Path | None = None) -> FontBuilder:
    return FontBuilder(NODE_MODULES, Cache(cache))


# --------------------------------------------------------------------------- the shipped site


@pytest.fixture(scope="module")
def shipped(shipped_site: Path) -> tuple[Path, FontReport]:
    """The shipped site, and the fonts of all its pages built again (from the cache, the same
    files the build wrote) to report on."""
    fonts = shipped_site / "theme" / "fonts"
    before = {path.name: path.read_bytes() for path in fonts.iterdir()}
    pages = pages_from_site(shipped_site)
    report = builder(REPO / ".cache" / "tests").build(shipped_site, pages, linked_groups(pages), notices(shipped_site))
    # What the build wrote is what the builder makes from the built pages alone, byte for byte
    # (and the other tests sharing this site see it unchanged).
    assert {path.name: path.read_bytes() for path in fonts.iterdir()} == before
    return shipped_site, report


def test_every_shipped_page_shows_every_glyph_from_faces_that_map_it(shipped: tuple[Path, FontReport]) -> None:
    output, report = shipped
    assert report.missing == []
    for path, info in report.pages.items():
        assert 0 < info.own_bytes <= info.budget and not info.over_budget, path
        for file in info.files:
            mapped = cmap(file.path)
            whole = file.path.read_bytes() == (NODE_MODULES / file.source).with_suffix(".woff2").read_bytes()
            # A cut face maps exactly its unicode-range; a slice served whole maps more than it is used for.
            assert set(file.codepoints) <= mapped if whole else set(file.codepoints) == mapped, file.path.name
        # Every face declared has its unicode-range; the own faces the page's text uses are among them.
        css = (output / stylesheet_for(path, output)).read_text(encoding="utf-8")
        assert css.count("unicode-range:") == css.count("@font-face")
        assert {file.path for file in info.files if not file.shared} <= {face for _, face in declared_faces(info.stylesheet)}
        # The shared faces the page's other-language text uses are declared by its group's stylesheet.
        assert info.shared_stylesheet is not None
        declared = {face for _, face in declared_faces(info.shared_stylesheet)}
        assert {file.path for file in info.files if file.shared} <= declared


def test_pages_link_their_groups_shared_stylesheet_then_their_own(shipped: tuple[Path, FontReport]) -> None:
    output, report = shipped
    expected = {"index.html": "chooser", "translate": "translators", "review": "translators"}
    for path in report.pages:
        group = expected.get(path.name if path.parent == output else path.parent.name, "pages")
        links = re.findall(r'<link rel="stylesheet" href="([^"]+/fonts/[^"]+)">', path.read_text(encoding="utf-8"))
        assert [Path(link).name for link in links] == [f"_shared-{group}.css", Path(stylesheet_for(path, output)).name], path


@pytest.mark.parametrize(("slug", "before"), sorted(FETCHED_BEFORE.items()))
def test_a_reader_fetches_no_more_than_before(shipped: tuple[Path, FontReport], slug: str, before: int) -> None:
    output, report = shipped
    info = report.pages[output / slug / "index.html"]
    assert info.own_bytes <= before, f"{slug}: {info.own_bytes} bytes of its own faces, {before} before"


@pytest.mark.parametrize(
    ("slug", "family"),
    [("ar", "Noto Naskh Arabic OL"), ("fa", "Noto Naskh Arabic OL"), ("he", "Noto Serif Hebrew OL"),
     ("hi", "Noto Serif Devanagari OL"), ("bn", "Noto Serif Bengali OL"), ("ja", "Noto Serif JP OL"),
     ("ko", "Noto Serif KR OL"), ("zh-hans", "Noto Serif SC OL"), ("zh-hant", "Noto Serif TC OL"),
     ("ru", "Noto Serif OL"), ("el", "Noto Serif OL"), ("vi", "Noto Serif OL"), ("de", "Noto Serif OL")],
)  # fmt: skip
def test_each_page_is_set_in_its_scripts_family(shipped: tuple[Path, FontReport], slug: str, family: str) -> None:
    output, report = shipped
    path = output / slug / "index.html"
    css = (output / stylesheet_for(path, output)).read_text(encoding="utf-8")
    assert css.startswith("/* Generated by openletter.fonts")
    assert re.search(rf':root, :lang\([\w-]+\) {{ --ol-font: "{family}", ', css)
    own = {file.family for file in report.pages[path].files if not file.shared}
    assert family in own
    shared = (output / "theme" / "fonts" / "_shared-pages.css").read_text(encoding="utf-8")
    assert ":root, :root body, [lang] { font-family: var(--ol-font); }" in shared
    # The language menu's other languages use the shared faces: the Arabic name on every page.
    assert re.search(r':lang\(ar\)[^{]*{ --ol-font: "Noto Naskh Arabic OL site", var\(--ol-site\)', shared)


def test_own_faces_hold_their_languages_text_and_shared_faces_the_others(shipped: tuple[Path, FontReport]) -> None:
    output, report = shipped
    own_text: set[str] = set()
    other_text: set[str] = set()
    for path, info in report.pages.items():
        text = page_text(path.read_text(encoding="utf-8"), info.lang)
        for (lang, _), chars in text.usage.items():
            shaped = set(chars).union(*(SHAPED_WITH.get(char, "") for char in chars))  # "ำ" is drawn with "ํ" and "า"
            (own_text if lang == info.lang else other_text).update(shaped)
    for info in report.pages.values():
        for file in info.files:
            assert {chr(c) for c in file.codepoints} <= (other_text if file.shared else own_text), file.path.name


def test_no_font_request_leaves_the_site(shipped: tuple[Path, FontReport]) -> None:
    output, _ = shipped
    fonts = output / "theme" / "fonts"
    for css in fonts.glob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import" not in text and "local(" not in text
        for url in re.findall(r"url\(([^)]*)\)", text):
            name = url.strip("\"'")
            assert re.fullmatch(r"[a-z0-9-]+\.woff2", name), f"{css.name}: {url} is not a same-folder file"
            assert (fonts / name).is_file()
        assert text.count("font-display: swap;") == text.count("@font-face")
    used = {re.sub(r"-\d+-.*", "", p.name) for p in fonts.glob("*.woff2")}
    assert {f"{package}-LICENSE.txt" for package in used} <= {p.name for p in fonts.glob("*-LICENSE.txt")}


# --------------------------------------------------------------------------- faces


def test_a_page_gets_faces_with_exactly_its_characters(tmp_path: Path) -> None:
    path = page(tmp_path, "de/index.html", "<h1>Grüße</h1><p>Ein offener Brief.</p>", "de", title="Brief")
    report = builder().build(tmp_path, {path: "de"})
    assert report.missing == []
    faces = {f.weight: f for f in report.files_for(path)}
    assert set(faces) == {400, 700} and {f.family for f in faces.values()} == {"Noto Serif OL"}
    assert cmap(faces[700].path) == set(map(ord, "Grüße"))
    assert cmap(faces[400].path) == set(map(ord, "Ein offener Brief."))  # "Brief" of the title too
    assert ord("Ж") not in cmap(faces[400].path) and ord("Ω") not in cmap(faces[400].path)  # style and script


def test_each_slice_is_a_face_of_its_own_with_its_unicode_range(tmp_path: Path) -> None:
    text = "Hello — Čeština, Ελληνικά, Русский, Tiếng Việt"
    path = page(tmp_path, "index.html", f"<p>{text}</p>")
    report = builder().build(tmp_path, {path: "en"})
    assert report.missing == []
    faces = report.files_for(path)
    assert {Path(face.source).name.split("-")[2] for face in faces} >= {"latin", "greek", "cyrillic"}
    assert set().union(*(face.codepoints for face in faces)) == set(map(ord, text + "T"))
    assert sum(len(face.codepoints) for face in faces) == len(set(text + "T"))  # each character in one face
    css = (tmp_path / "theme/fonts/index.css").read_text(encoding="utf-8")
    for face in faces:
        assert f"unicode-range: {unicode_range(face.codepoints)};" in css


def test_text_in_another_language_goes_to_the_shared_faces(tmp_path: Path) -> None:
    path = page(tmp_path, "de/index.html", '<p>Deutsch</p><ul><li lang="ar">العربية</li><li lang="fr">Français</li></ul>', "de")
    report = builder().build(tmp_path, {path: "de"})
    own = {f.family for f in report.files_for(path) if not f.shared}
    shared = {f.family for f in report.files_for(path) if f.shared}
    assert own == {"Noto Serif OL"} and shared == {"Noto Naskh Arabic OL site", "Noto Serif OL site"}
    css = (tmp_path / "theme/fonts/de.css").read_text(encoding="utf-8")
    assert ':root, :lang(de) { --ol-font: "Noto Serif OL", "Noto Serif", serif; }' in css
    assert "OL site" not in css  # the shared faces are the group's stylesheet's
    shared_css = (tmp_path / "theme/fonts/_shared-pages.css").read_text(encoding="utf-8")
    assert ':root { --ol-site: "Noto Serif OL site", "Noto Naskh Arabic OL site"; }' in shared_css
    assert ':lang(ar) { --ol-font: "Noto Naskh Arabic OL site", var(--ol-site), "Noto Naskh Arabic", "Noto Serif", serif; }' in shared_css
    # Languages with the same list share one rule.
    assert ':lang(de), :lang(fr) { --ol-font: "Noto Serif OL site", var(--ol-site), "Noto Serif", serif; }' in shared_css


def test_a_narrower_language_keeps_its_list_on_a_broader_languages_page(tmp_path: Path) -> None:
    """``:lang(zh)`` matches zh-Hant text too: the zh page's own rule, linked last, must not win for it."""
    path = page(tmp_path, "zh/index.html", '<p>公开信</p><p lang="zh-Hant">公開信</p><p lang="ja">公開書簡</p>', "zh")
    builder().build(tmp_path, {path: "zh"})
    css = (tmp_path / "theme/fonts/zh.css").read_text(encoding="utf-8")
    root_rule = css.index(":root, :lang(zh) {")
    assert css.index(':lang(zh-Hant) { --ol-font: "Noto Serif TC OL site", var(--ol-site)') > root_rule
    assert ":lang(ja)" not in css  # not narrower than zh: the shared stylesheet's rule holds
    shared_css = (tmp_path / "theme/fonts/_shared-pages.css").read_text(encoding="utf-8")
    assert shared_css.index(":lang(ja)") < shared_css.index(":lang(zh-Hant)")  # shorter tags first


def test_a_page_may_not_take_a_shared_stylesheets_name(tmp_path: Path) -> None:
    path = page(tmp_path, "_shared-pages/index.html", "<p>x</p>", "en")
    with pytest.raises(OpenletterError, match="shared"):
        builder().build(tmp_path, {path: "en"})


def test_pages_of_a_group_and_language_share_their_faces(tmp_path: Path) -> None:
    letter = page(tmp_path, "de/index.html", "<p>Brief</p>", "de")
    about = page(tmp_path, "de/about/index.html", "<p>Über</p>", "de")
    review = page(tmp_path, "de/review/index.html", "<p>Prüfung</p>", "de")
    report = builder().build(tmp_path, {letter: "de", about: "de", review: "de"}, {review: "translators"})
    assert report.files_for(letter) == report.files_for(about)  # the documents' pages share
    assert set(report.files_for(letter)[0].codepoints) == set(map(ord, "BriefÜbrT "))
    assert report.files_for(review) != report.files_for(letter)


def test_a_japanese_page_is_cut_from_the_whole_script_slice() -> None:
    package = builder().package(family_for("ja"))
    chosen = choose_slices(package.slices(400), map(ord, "公開書簡の運動について"))
    assert [piece.name for piece, _ in chosen] == ["japanese"]


def test_a_combining_mark_is_in_every_face_of_the_letters_it_sits_on() -> None:
    # Yoruba "Lẹ́tà": ẹ (U+1EB9) is in the vietnamese slice, a (and U+0301) in latin; a browser
    # takes "ẹ́" from one face or, failing that, from a system font.
    chosen = dict((piece.name, supplied) for piece, supplied in choose_slices(builder().package(family_for("yo")).slices(400), map(ord, "Lẹ́tà")))
    assert set(chosen) == {"latin", "vietnamese"}
    assert 0x1EB9 in chosen["vietnamese"] and 0x0301 in chosen["vietnamese"] and 0x0301 in chosen["latin"]


def test_a_cut_that_needs_most_of_a_slice_is_the_slice_itself(tmp_path: Path) -> None:
    slices = builder().package(family_for("bn")).slices(400)
    bengali = next(piece for piece in slices if piece.name == "bengali")
    text = "".join(chr(c) for c in sorted(bengali.codepoints) if chr(c).isprintable() and not chr(c).isspace())
    path = page(tmp_path, "bn/index.html", f"<p>{text}</p>", "bn")
    (face,) = [f for f in builder().build(tmp_path, {path: "bn"}).files_for(path) if "bengali-bengali" in f.source]
    assert face.path.read_bytes() == bengali.path.with_suffix(".woff2").read_bytes()


def test_a_family_without_bold_shows_bold_text_from_its_regular_face(tmp_path: Path) -> None:
    path = page(tmp_path, "nqo/index.html", "<h1>ߒߞߏ</h1><p>ߒߞߏ</p>", "nqo")
    report = builder().build(tmp_path, {path: "nqo"})
    assert report.missing == []
    assert {(f.family, f.weight) for f in report.files_for(path) if "nko" in f.source} == {("Noto Sans NKo OL", 400)}


def test_the_coverage_check_finds_what_no_font_shows(tmp_path: Path) -> None:
    path = page(tmp_path, "index.html", "<p>Chakma 𑄌𑄋𑄴𑄟𑄳𑄦 and an emoji 🦉</p>")
    report = builder().build(tmp_path, {path: "en"})
    assert {char for _, char in report.missing} >= {"𑄌", "🦉"}
    assert all(page == path for page, _ in report.missing)


# --------------------------------------------------------------------------- families and scripts


def test_the_script_of_a_language_comes_from_cldr() -> None:
    assert [script_of(tag) for tag in ("th", "am", "zh-TW", "zh-Hant", "zh", "sr-Latn", "ur", "bo", "dv", "ja")] == [
        "Thai", "Ethi", "Hant", "Hant", "Hans", "Latn", "Arab", "Tibt", "Thaa", "Jpan",
    ]  # fmt: skip
    assert family_for("xx-unknown").package == "noto-serif"
    assert family_for("ff-Adlm").package == "noto-sans-adlam" and family_for("km").package == "noto-serif-khmer"


def test_every_letter_of_every_cldr_language_has_a_webfont() -> None:
    """Every exemplar character of every CLDR language with a Babel locale (357 of them), and its
    name for itself, is shown by a shipped webfont, but for three languages' letters no npm
    package carries: Chakma (no Noto Sans Chakma on npm), Basaa's U+1DC6/U+1DC7 and Church
    Slavonic's U+2E2F (Google Fonts' slices, which Fontsource ships, leave those blocks out)."""
    fonts = builder(REPO / ".cache" / "tests")
    unmapped, checked = {}, 0
    for code in locale_ids():
        try:
            exemplars = Exemplars.load(NODE_MODULES, Language.parse(code))
        except (LanguageError, ExemplarError):
            continue
        checked += 1
        chars = exemplars.letters | set(exemplars.language.native_name)
        for weight in (400, 700):
            _, lost = fonts.route(exemplars.language.tag, weight, frozenset(char for char in chars if not char.isspace()))
            if lost:
                unmapped[code] = "".join(sorted(lost))
    assert checked > 300
    assert set(unmapped) == {"bas", "ccp", "cu"}, unmapped
    assert unmapped["bas"] == "\u1dc6\u1dc7" and unmapped["cu"] == "\u2e2f"


def test_every_family_is_installed_with_a_regular_weight() -> None:
    fonts = builder()
    for family in FAMILIES:
        assert 400 in fonts.package(family).weights, family.package


# --------------------------------------------------------------------------- text, names


def test_page_text_by_language_and_weight() -> None:
    html = (
        '<html lang="fr"><head><title>Titre</title><style>p{}</style></head><body>'
        '<h1>Gros</h1><p>un\ttexte <span lang="de">Straße</span> <b lang="ja">日本</b></p>'
        '<ol><li>a</li><li>b</li></ol><img alt="Légende"><p class="x name">Nom</p>'
        '<a aria-current="page">Ici</a><a aria-current="false">Là</a><script>zzz</script></body></html>'
    )
    text = page_text(html, "en")
    assert text.usage[("fr", 700)] == set("GrosNomIci")
    assert text.usage[("de", 400)] == set("Straße")
    assert text.usage[("ja", 700)] == set("日本")
    assert text.usage[("fr", 400)] == set("Titreuntexteab12. LégendeLà")
    assert "\t" not in text.chars() and "z" not in text.chars()
    assert text.langs == {"fr", "de", "ja"}
    assert text.root_lang == "en"


def test_stylesheet_names_and_hrefs(tmp_path: Path) -> None:
    root = tmp_path / "output"
    assert stylesheet_for(root / "de" / "index.html", root) == "theme/fonts/de.css"
    assert stylesheet_for(root / "de" / "about" / "index.html", root) == "theme/fonts/de-about.css"
    assert stylesheet_for(root / "index.html", root) == "theme/fonts/index.css"
    assert stylesheet_for(root / "a" / "b.html", root) == "theme/fonts/a-b.css"
    assert stylesheet_href(root / "pt-br" / "index.html", root) == "../theme/fonts/pt-br.css"
    with pytest.raises(OpenletterError) as error:
        stylesheet_for(tmp_path / "elsewhere.html", root)
    assert error.value.path == tmp_path / "elsewhere.html"


def test_unicode_ranges_are_runs() -> None:
    assert unicode_range([0x41, 0x42, 0x43, 0xE9, 0x1F600]) == "U+41-43,U+E9,U+1F600"


def test_pages_from_site_reads_the_html_lang(tmp_path: Path) -> None:
    ar = page(tmp_path, "ar/index.html", "<p>x</p>", "ar")
    plain = tmp_path / "plain.html"
    plain.write_text("<p>x</p>", encoding="utf-8")
    assert pages_from_site(tmp_path) == {ar: "ar", plain: "en"}


# --------------------------------------------------------------------------- determinism and the cache

BODIES = {
    "de/index.html": ("de", "<h1>Offener Brief</h1><p>Über „Pause AI“.</p>"),
    "ar/index.html": ("ar", "<h1>رسالة مفتوحة</h1><p>«Pause AI» نعلن</p>"),
    "hi/index.html": ("hi", "<p>एक खुला पत्र</p>"),
    "ja/index.html": ("ja", "<h1>公開書簡</h1><p>「Pause AI」運動</p>"),
}


def make_site(root: Path) -> dict[Path, str]:
    return {page(root, rel, body, lang): lang for rel, (lang, body) in BODIES.items()}


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    builder(tmp_path / "cache1").build(first, make_site(first))
    builder(tmp_path / "cache2").build(second, make_site(second))
    assert font_bytes(first) == font_bytes(second)


def test_a_repeat_build_makes_no_face_and_parses_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = make_site(tmp_path / "site")
    cold = builder(tmp_path / "cache").build(tmp_path / "site", pages)
    before = font_bytes(tmp_path / "site")
    assert cold.made > 0 and cold.reused == 0

    def no_parsing(*args: object) -> None:
        raise AssertionError("a page the cache knows was parsed again")

    monkeypatch.setattr("openletter.fonts.text.page_text", no_parsing)
    monkeypatch.setattr("openletter.fonts.subsetting.make_face", no_parsing)
    warm = builder(tmp_path / "cache").build(tmp_path / "site", pages)
    assert (warm.made, warm.reused) == (0, cold.made)
    assert font_bytes(tmp_path / "site") == before
    assert {p: i.files for p, i in warm.pages.items()} == {p: i.files for p, i in cold.pages.items()}


def test_a_damaged_cache_entry_is_made_again(tmp_path: Path) -> None:
    pages = make_site(tmp_path / "site")
    cold = builder(tmp_path / "cache").build(tmp_path / "site", pages)
    with closing(sqlite3.connect(tmp_path / "cache" / Cache.FILE, isolation_level=None)) as database:
        assert database.execute("UPDATE entries SET value = ? WHERE kind = 'font-face'", (b"damaged",)).rowcount == cold.made
    again = builder(tmp_path / "cache").build(tmp_path / "site", pages)
    assert again.made == cold.made and again.missing == []


def test_faces_no_page_uses_any_more_are_removed(tmp_path: Path) -> None:
    path = page(tmp_path, "en/index.html", "<p>first</p>")
    old = builder().build(tmp_path, {path: "en"}).files_for(path)
    page(tmp_path, "en/index.html", "<p>second</p>")
    new = builder().build(tmp_path, {path: "en"}).files_for(path)
    assert not old[0].path.exists() and new[0].path.exists()


# --------------------------------------------------------------------------- errors


def test_a_missing_node_modules_says_run_npm_ci(tmp_path: Path) -> None:
    with pytest.raises(OpenletterError, match=r"npm ci") as error:
        FontBuilder(tmp_path / "node_modules")
    assert error.value.path == tmp_path / "node_modules"


def test_a_missing_package_says_which_and_run_npm_ci(tmp_path: Path) -> None:
    (tmp_path / "node_modules" / "@fontsource").mkdir(parents=True)
    path = page(tmp_path / "site", "index.html", "<p>x</p>")
    with pytest.raises(OpenletterError, match=r"@fontsource/noto-serif is not installed: run `npm ci`") as error:
        FontBuilder(tmp_path / "node_modules").build(tmp_path / "site", {path: "en"})
    assert error.value.path == tmp_path / "node_modules" / "@fontsource" / "noto-serif"


def test_an_unreadable_font_names_its_file(tmp_path: Path) -> None:
    package = tmp_path / "node_modules" / "@fontsource" / "noto-serif"
    (package / "files").mkdir(parents=True)
    (package / "package.json").write_text('{"version": "5.3.0"}', encoding="utf-8")
    broken = package / "files" / "noto-serif-latin-400-normal.woff"
    broken.write_bytes(b"wOFF this is not a font")
    path = page(tmp_path / "site", "index.html", "<p>x</p>")
    with pytest.raises(OpenletterError, match="cannot read font") as error:
        FontBuilder(tmp_path / "node_modules").build(tmp_path / "site", {path: "en"})
    assert error.value.path == broken


def test_a_page_over_its_budget_is_a_warning_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openletter.fonts import families
    from openletter.pelican_plugin.finishing import budget_warnings

    path = page(tmp_path, "de/index.html", '<p>Deutsch</p><p lang="ar">العربية</p>', "de")
    assert builder().build(tmp_path, {path: "de"}).over_budget() == []
    monkeypatch.setattr(families, "BUDGET_DEFAULT", 100)
    report = builder().build(tmp_path, {path: "de"})
    assert [info.page for info in report.over_budget()] == [path]
    [warning] = budget_warnings(report, tmp_path)
    assert (warning.path, warning.code) == (Path("de/index.html"), "font-budget")
    assert f"{report.pages[path].own_bytes:,} bytes of its own webfonts (budget 100)" in warning.message


def test_each_language_notice_gets_faces_of_its_own_in_its_own_stylesheet(tmp_path: Path) -> None:
    path = page(tmp_path, "de/index.html", "<p>Deutsch</p>", "de")
    notices = {"am": "ይህ ደብዳቤ በአማርኛ", "th": "จดหมายฉบับนี้"}
    report = builder().build(tmp_path, {path: "de"}, scripted=notices)
    fonts = tmp_path / "theme" / "fonts"
    for lang, words in notices.items():
        css = (fonts / f"_notice-{lang}.css").read_text(encoding="utf-8")
        faces = [face for _, face in declared_faces(fonts / f"_notice-{lang}.css")]
        mapped = set().union(*(cmap(face) for face in faces))
        assert {ord(char) for char in words if not char.isspace()} <= mapped
        assert "html .language-notice, html .language-notice * { --ol-font: " in css
    # No page carries the notices' letters: they are not in the shared faces.
    shared = (fonts / "_shared-pages.css").read_text(encoding="utf-8")
    assert "Ethiopic" not in shared and "Thai" not in shared and ":lang(am)" not in shared
    assert report.missing == []


def test_translators_pages_of_a_language_reuse_its_letter_pages_faces(shipped: tuple[Path, FontReport]) -> None:
    """A language's review page and dashboard declare the faces its letter page has (a reader
    has them already); what they cut of their own holds only characters the letter's faces lack."""
    output, report = shipped
    for lang in ("ar", "ja", "hi", "de"):
        letter_page = report.pages[output / lang / "index.html"]
        letter = {face for _, face in declared_faces(letter_page.stylesheet)}
        letter_chars: dict[tuple[str, int], set[int]] = {}
        for file in (file for file in letter_page.files if not file.shared):
            letter_chars.setdefault((file.package, file.weight), set()).update(file.codepoints)
        for other in (output / lang / "review" / "index.html", output / lang / "translate" / "index.html"):
            declared = {face for _, face in declared_faces(report.pages[other].stylesheet)}
            assert letter <= declared, other
            for file in report.pages[other].files:
                whole = file.path.read_bytes() == (NODE_MODULES / file.source).with_suffix(".woff2").read_bytes()
                if not file.shared and file.path not in letter and not whole:
                    assert not file.codepoints & letter_chars.get((file.package, file.weight), set()), (other, file.path.name)


def test_the_report_command_rebuilds_a_sites_fonts_as_the_build_wrote_them(shipped_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m openletter.fonts SITE` reports on a built site without changing it (it once
    dropped every language notice's stylesheet)."""
    from openletter.fonts.__main__ import main

    site = tmp_path / "site"
    shutil.copytree(shipped_site, site)
    before = font_bytes(site)
    assert any(name.startswith("_notice-") for name in before)
    monkeypatch.chdir(REPO)
    assert main([str(site), str(REPO / ".cache" / "tests")]) == 0
    assert font_bytes(site) == before
    assert "de/index.html" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "package"),
    [("ur", "noto-nastaliq-urdu"), ("ur-PK", "noto-nastaliq-urdu"), ("pa-Arab", "noto-nastaliq-urdu"), ("ks", "noto-nastaliq-urdu"),
     ("pa", "noto-sans-gurmukhi"), ("ks-Deva", "noto-serif-devanagari"), ("ar", "noto-naskh-arabic"), ("fa", "noto-naskh-arabic"),
     ("sd", "noto-naskh-arabic")],
)  # fmt: skip
def test_urdu_is_set_in_nastaliq_and_arabic_in_naskh(lang: str, package: str) -> None:
    """A style of a script (Nastaliq) goes with the languages written in it, in that script only;
    its thousands of contextual glyphs get the large budget."""
    assert family_for(lang).package == package
    assert budget_for("ur") == BUDGET_LARGE and budget_for("ar") < BUDGET_LARGE


@pytest.mark.parametrize(("lang", "text", "companions"), [("th", "คำแปล", "\u0e4d\u0e32"), ("lo", "ຄຳ", "\u0ecd\u0eb2")])
def test_sara_am_brings_the_glyphs_the_shaper_draws_it_with(tmp_path: Path, lang: str, text: str, companions: str) -> None:
    """HarfBuzz draws SARA AM as NIKHAHIT + SARA AA: a face cut for "คำ" alone showed "ค า"."""
    path = page(tmp_path, f"{lang}/index.html", f"<p>{text}</p>", lang)
    report = builder().build(tmp_path, {path: lang})
    mapped = set().union(*(cmap(file.path) for file in report.pages[path].files if not file.shared))
    assert {ord(char) for char in companions} <= mapped


def test_a_package_without_a_license_file_ships_the_fonts_copyright_over_the_ofl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openletter.fonts.families import family_by_key
    from openletter.fonts.sources import OFL_TEXT, Package

    yi = Package(NODE_MODULES, family_by_key("noto-sans-yi"), Cache(tmp_path))
    assert not yi.license.exists()  # Fontsource 4.x: no LICENSE in the package
    text = yi.license_text()
    assert text.startswith(b"Copyright ") and b"Noto Project Authors" in text.splitlines()[0] and text.endswith(OFL_TEXT.read_bytes())
    # Read from the font once, then from the cache.
    monkeypatch.setattr("uharfbuzz.Face", None)
    assert Package(NODE_MODULES, family_by_key("noto-sans-yi"), Cache(tmp_path)).license_text() == text
    serif = Package(NODE_MODULES, family_by_key("noto-serif"), Cache(tmp_path))
    assert serif.license_text() == serif.license.read_bytes()
