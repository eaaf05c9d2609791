"""End to end: one Pelican run builds every language; bad input stops it and loses nothing."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, SiteCopy

from openletter.commands.build import build, exclusive
from openletter.errors import ErrorList, OpenletterError, SettingsError
from openletter.languages import Language
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter
from openletter.po.reviewmarks import mark_reviewed
from openletter.pseudo import pseudo


class Page(HTMLParser):
    """The bits of a built page the tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html_attrs: dict[str, str | None] = {}
        self.alternates: dict[str, str] = {}
        self.switcher: list[dict[str, str | None]] = []
        self.fallback_blocks: list[dict[str, str | None]] = []
        self._in_nav = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_attrs = values
        elif tag == "link" and values.get("rel") == "alternate":
            self.alternates[str(values["hreflang"])] = str(values["href"])
        elif tag == "nav":
            self._in_nav = True
        elif tag == "a" and self._in_nav:
            self.switcher.append(values)
        if "untranslated" in (values.get("class") or "").split():
            self.fallback_blocks.append({"tag": tag, **values})

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_nav = False


def page(output: Path, slug: str) -> tuple[str, Page]:
    html = (output / slug / "index.html").read_text(encoding="utf-8")
    return html, Page(html)


@pytest.fixture
def built(project: SiteCopy) -> tuple[SiteCopy, Path]:
    project.add_pseudo_language("eo")  # the pseudo-locale: every unit visibly "translated"
    project.catalogs().add_language("ar")
    ar = read_po(project.po("ar"))
    ar.entries[0].msgstr = "«أوقفوا الذكاء الاصطناعي»: رسالة مفتوحة"  # title
    ar.entries[2].msgstr = "نعلن عدم موافقتنا على حركة «أوقفوا الذكاء الاصطناعي»."  # first paragraph
    project.po("ar").write_bytes(PoWriter().dump_bytes(ar))
    theme = read_po(project.po("ar", "theme"))
    for entry in theme.entries:
        if entry.msgid == "Language:":
            entry.msgstr = "اللغة:"
    project.po("ar", "theme").write_bytes(PoWriter().dump_bytes(theme))
    project.list_every_language()  # ar, partly translated, is in the menus only so
    output = project.root / "output"
    result = build(project.config, output)
    assert result.languages == 3
    return project, output


def test_every_language_has_its_own_page_with_lang_and_dir(built: tuple[SiteCopy, Path]) -> None:
    _, output = built
    assert sorted(p.name for p in output.iterdir() if (p / "index.html").exists() and p.name != "translate") == ["ar", "en", "eo"]
    for slug, lang, direction in [("en", "en", "ltr"), ("eo", "eo", "ltr"), ("ar", "ar", "rtl")]:
        _, parsed = page(output, slug)
        assert parsed.html_attrs == {"lang": lang, "dir": direction}


def test_pseudo_locale_page_is_fully_translated_including_theme_strings(built: tuple[SiteCopy, Path]) -> None:
    _, output = built
    html, parsed = page(output, "eo")
    assert parsed.fallback_blocks == []
    assert pseudo("Skip to the letter") in html  # a theme string, pseudo-translated
    assert "<h1>‹" in html
    assert html.count("<p>‹") >= 13
    assert "not translated yet" not in html


def test_partial_translation_marks_source_blocks_and_counts_them(built: tuple[SiteCopy, Path]) -> None:
    _, output = built
    html, parsed = page(output, "ar")
    assert "<h1>«أوقفوا الذكاء الاصطناعي»: رسالة مفتوحة</h1>" in html
    assert "<p>نعلن عدم موافقتنا" in html
    assert len(parsed.fallback_blocks) == 12
    assert all(block["lang"] == "en" and block["dir"] == "ltr" for block in parsed.fallback_blocks)
    assert "1 of 13 parts of this letter are translated; the rest is shown in English." in html  # theme string: English
    assert '<p id="untranslated-note" hidden="">' in html
    assert "اللغة:" in html  # translated theme string
    assert re.search(r'<time datetime="2026-11-26">26 نوفمبر 2026</time>', html)


def test_switcher_and_hreflang_cluster_list_every_language(built: tuple[SiteCopy, Path]) -> None:
    _, output = built
    _, parsed = page(output, "ar")
    assert parsed.alternates == {"en": "../en/", "ar": "../ar/", "eo": "../eo/", "x-default": "../"}
    names = {link["hreflang"]: (link.get("lang"), link.get("aria-current")) for link in parsed.switcher}
    assert names == {"en": ("en", None), "ar": ("ar", "page"), "eo": ("eo", None)}
    assert "العربية" in (output / "ar" / "index.html").read_text(encoding="utf-8")
    og = re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', (output / "ar" / "index.html").read_text(encoding="utf-8"))
    assert sorted(og) == ["en_US", "eo"]  # every other language, not the page's own
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    # Each document's cluster under each of its URLs: the letter's three, the about page's three.
    assert sitemap.count('<xhtml:link rel="alternate" hreflang="ar"') == 6
    assert sitemap.count('<xhtml:link rel="alternate" hreflang="ar" href="./ar/about/"/>') == 3


def test_the_theme_is_compiled_once_and_then_loaded_from_the_cache(built: tuple[SiteCopy, Path]) -> None:
    project, _ = built
    cached = list((REPO / ".cache" / "tests" / "jinja").rglob("*.cache"))
    assert {path.name for path in cached} and len(cached) >= len(list((project.root / "theme" / "templates").rglob("*.*")))


def test_root_is_a_chooser_listing_every_language(built: tuple[SiteCopy, Path]) -> None:
    _, output = built
    html = (output / "index.html").read_text(encoding="utf-8")
    assert html.count('<li lang="') == 3
    assert 'hreflang="x-default" href="./"' in html
    assert '<li lang="ar" dir="rtl"><a href="./ar/" hreflang="ar" data-english="Arabic"><span class="name">العربية</span>' in html


def test_review_notice_follows_the_review_marks_not_the_header(built: tuple[SiteCopy, Path]) -> None:
    project, output = built
    assert "has not yet been reviewed by a native speaker" in (output / "ar" / "index.html").read_text(encoding="utf-8")
    assert "has not yet been reviewed" not in (output / "en" / "index.html").read_text(encoding="utf-8")
    catalog = read_po(project.po("eo"))
    catalog.set_header_field("X-Review-State", "reviewed")  # a claim: the marks decide
    for entry in catalog.entries[:2]:
        mark_reviewed(entry, "Ana")
    project.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    build(project.config, output)
    page = (output / "eo" / "index.html").read_text(encoding="utf-8")
    assert "has not yet been reviewed" not in page
    progress = page.split('<p class="review-progress">', 1)[1].split("</p>", 1)[0]  # pseudo-translated words
    assert re.search(rf"\b2\b.*\b{len(catalog.entries)}\b", progress), progress
    for entry in catalog.entries:
        mark_reviewed(entry, "Ana")
    project.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    build(project.config, output)
    assert 'class="notice review"' not in (output / "eo" / "index.html").read_text(encoding="utf-8")


def test_hostile_translations_never_reach_the_page(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    catalog = read_po(project.po("eo"))
    catalog.entries[2].msgstr = '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))'
    catalog.entries[3].msgstr = "# a heading?\n\n<iframe src=https://evil.example></iframe>"
    project.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    theme = read_po(project.po("eo", "theme"))
    theme.entries[0].msgstr = '<a href="javascript:alert(4)">skip</a>'
    project.po("eo", "theme").write_bytes(PoWriter().dump_bytes(theme))
    output = project.root / "output"
    build(project.config, output)
    html = (output / "eo" / "index.html").read_text(encoding="utf-8")
    body = html.split("<body>", 1)[1]
    assert "<script" not in body and "onerror" not in html and "<iframe" not in html
    assert 'href="javascript' not in html
    assert ">Skip to the letter</a>" in html  # the hostile theme entry was rejected: source text
    assert html.count("<h2") == 0


def test_a_broken_catalog_stops_the_build_and_keeps_the_previous_site(built: tuple[SiteCopy, Path]) -> None:
    project, output = built
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    locale_before = {p: p.read_bytes() for p in (project.root / "locale").rglob("*") if p.is_file()}
    path = project.po("ar")
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    locale_before[path] = path.read_bytes()
    with pytest.raises(OpenletterError) as raised:
        build(project.config, output)
    assert raised.value.code == "syntax"
    assert str(raised.value).startswith("locale/ar/LC_MESSAGES/letter.po:")
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert {p: p.read_bytes() for p in (project.root / "locale").rglob("*") if p.is_file()} == locale_before
    assert not [p for p in output.parent.iterdir() if p.name.startswith(".output-") and p.name != ".output-spare"]


def test_a_build_in_the_recycled_site_before_last_equals_a_fresh_build(built: tuple[SiteCopy, Path], tmp_path: Path) -> None:
    project, output = built
    build(project.config, output)  # the first site is now the spare
    spare = output.parent / ".output-spare"
    kept_inode = (spare / "eo" / "index.html").stat().st_ino
    shutil.rmtree(project.root / "locale" / "ar")  # a language removed: its pages must not survive
    project.add_pseudo_language("de")  # and one added
    build(project.config, output)
    assert not (output / "ar").exists() and (output / "de" / "index.html").exists()
    assert (output / "eo" / "index.html").stat().st_ino == kept_inode  # written in place, no new file
    fresh = build(project.config, tmp_path / "fresh").output

    def tree(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert tree(output) == tree(fresh)
    assert {p.relative_to(output) for p in output.rglob("*")} == {p.relative_to(fresh) for p in fresh.rglob("*")}


def test_a_broken_theme_template_is_named_with_its_line_and_keeps_the_previous_site(built: tuple[SiteCopy, Path]) -> None:
    project, output = built
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    page = project.root / "theme" / "templates" / "page.html"
    lines = page.read_text(encoding="utf-8").split("\n")
    broken = lines.index("{% block content %}") + 2
    lines.insert(broken - 1, "{% nonsense %}")
    page.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(OpenletterError) as raised:
        build(project.config, output)
    assert str(raised.value).startswith(f"theme/templates/page.html:{broken}: theme template: Encountered unknown tag 'nonsense'")
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert not list(output.parent.glob(".output-new-*"))


def test_unknown_language_folders_are_reported_together(project: SiteCopy) -> None:
    for name in ("xx", "FR"):
        (project.root / "locale" / name / "LC_MESSAGES").mkdir(parents=True)
    with pytest.raises(ErrorList) as raised:
        build(project.config, project.root / "output")
    messages = str(raised.value)
    assert "locale/FR: language code 'FR' is not in canonical form; use 'fr'" in messages
    assert "locale/xx: unknown language code 'xx'" in messages
    assert not (project.root / "output").exists()


def test_a_bad_setting_names_the_settings_line(project: SiteCopy) -> None:
    with project.config.open("a", encoding="utf-8") as handle:
        handle.write("DEFAULT_LANG = 'en_XX'\n")
    with pytest.raises(SettingsError) as raised:
        build(project.config, project.root / "output")
    assert raised.value.path == project.config
    assert project.config.read_text(encoding="utf-8").splitlines()[raised.value.line - 1].startswith("DEFAULT_LANG")
    assert "unknown language code 'en_xx'" in str(raised.value).lower()


def test_a_missing_catalog_is_an_error_not_an_empty_language(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.po("eo", "theme").unlink()
    with pytest.raises(OpenletterError, match="catalog missing; run 'invoke update'"):
        build(project.config, project.root / "output")


def test_skip_broken_builds_the_others_and_keeps_the_broken_languages_previous_page(built: tuple[SiteCopy, Path]) -> None:
    project, output = built
    previous_ar = (output / "ar" / "index.html").read_bytes()
    catalog = read_po(project.po("eo"))
    catalog.entries[0].msgstr = "NEW EO TITLE"
    project.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    broken = project.po("ar", "theme")
    broken.write_bytes(b"\xef\xbb\xbf" + broken.read_bytes())
    with pytest.raises(OpenletterError, match="byte order mark"):
        build(project.config, output)
    result = build(project.config, output, skip_broken=True)
    assert [language.code for language in result.skipped] == ["ar"]
    assert result.skipped[Language.parse("ar")][0].code == "bom"
    assert (output / "ar" / "index.html").read_bytes() == previous_ar
    assert "<h1>NEW EO TITLE</h1>" in (output / "eo" / "index.html").read_text(encoding="utf-8")


KILLER_PLUGIN = '''
import os, time
from pelican import signals

def slow(generator, content):
    marker = os.environ["MARKER"]
    open(marker, "a").write("x")
    time.sleep(60)

def register():
    signals.page_generator_write_page.connect(slow)
'''


def test_a_build_killed_midway_leaves_the_previous_site_whole(built: tuple[SiteCopy, Path], tmp_path: Path) -> None:
    project, output = built
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    (project.root / "slow_plugin.py").write_text(KILLER_PLUGIN, encoding="utf-8")
    with project.config.open("a", encoding="utf-8") as handle:
        handle.write('PLUGIN_PATHS = ["."]\nPLUGINS = ["openletter.pelican_plugin", "slow_plugin"]\n')
    marker = tmp_path / "writing"
    script = f"from pathlib import Path\nfrom openletter.commands.build import build\nbuild(Path({str(project.config)!r}), Path({str(output)!r}))\n"
    process = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "MARKER": str(marker)}, cwd=project.root)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), "the build never started writing pages"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    leftovers = list(output.parent.glob(".output-new-*"))
    assert leftovers  # the half-built staging folder is all the kill left behind ...
    (project.root / "slow_plugin.py").unlink()
    text = project.config.read_text(encoding="utf-8")
    project.config.write_text(text.replace('PLUGINS = ["openletter.pelican_plugin", "slow_plugin"]\n', ""), encoding="utf-8")
    build(project.config, output)
    assert not list(output.parent.glob(".output-new-*"))  # ... and the next build clears it


def test_a_script_without_a_webfont_is_a_warning_not_a_failure(project: SiteCopy) -> None:
    project.catalogs().extract()
    project.catalogs().add_language("ccp")  # Chakma: Noto has it, but no npm package ships it
    result = build(project.config, project.root / "output")
    coverage = [w for w in result.warnings if w.code == "font-coverage"]
    assert coverage and all(str(w.path).endswith("index.html") for w in coverage)
    assert "U+1110C" in coverage[0].message  # 𑄌, the first letter of the menu's native name 𑄌𑄋𑄴𑄟𑄳𑄦
    assert (project.root / "output" / "ccp" / "index.html").exists()


def test_a_draft_is_built_noindex_and_left_out_of_menus_and_sitemap(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.catalogs().add_language("de")  # 0 % translated
    with project.config.open("a", encoding="utf-8") as handle:
        handle.write("OPENLETTER_PUBLISH_THRESHOLD = 50\n")
    output = project.root / "output"
    build(project.config, output)
    draft = (output / "de" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in draft
    published = (output / "eo" / "index.html").read_text(encoding="utf-8")
    assert "noindex" not in published and 'hreflang="de"' not in published
    assert 'hreflang="de"' not in (output / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="de"' not in (output / "index.html").read_text(encoding="utf-8")


def tree_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_builds_that_overlap_take_turns_and_the_live_site_is_always_one_whole_build(project: SiteCopy) -> None:
    """Three `openletter build` at once, several rounds, and a build while the preview rebuilds:
    no traceback, every build exits 0, and the live site equals a sequential build each time."""
    from openletter.commands.preview import Preview

    project.add_pseudo_language("eo")
    project.add_pseudo_language("ar")
    reference = project.root / "reference"
    build(project.config, reference)
    expected = tree_of(reference)
    output = project.root / "output"
    command = [sys.executable, "-m", "openletter.commands.cli", "build", "--output", str(output)]
    for _ in range(2):
        # The three start while the lock is held here (so they do overlap, however slowly each one
        # starts on a busy machine), then take turns once it is released.
        with exclusive(output):
            processes = [subprocess.Popen(command, cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
            waited = [process.stderr.readline() for process in processes]  # type: ignore[union-attr]
        assert all(line.startswith("waiting for another build") for line in waited), waited
        results = [(process.wait(timeout=300), *process.communicate()) for process in processes]
        for status, stdout, stderr in results:
            assert status == 0 and "Traceback" not in stderr, stderr
            assert "built 3 language(s) (the source and 2 translation(s)), 12 page(s)" in stdout
        assert tree_of(output) == expected
    preview = Preview(project.config, output, report=lambda message: None)
    for _ in range(2):
        other = subprocess.Popen(command, cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        rebuilt = preview.rebuild()
        assert other.wait(timeout=300) == 0 and rebuilt.result is not None
        assert tree_of(output) == expected
    assert not list(project.root.glob(".output-new-*"))


def test_a_second_document_gets_its_own_page_menu_cluster_and_notice_in_every_language(built: tuple[SiteCopy, Path]) -> None:
    _, output = built
    html, parsed = page(output, "ar/about")
    assert parsed.html_attrs == {"lang": "ar", "dir": "rtl"}
    assert parsed.alternates == {"en": "../../en/about/", "ar": "../../ar/about/", "eo": "../../eo/about/", "x-default": "../../en/about/"}
    assert {link["hreflang"]: link["href"] for link in parsed.switcher} == {"en": "../../en/about/", "ar": "../../ar/about/", "eo": "../../eo/about/"}
    assert "0 of 2 parts of this page are translated; the rest is shown in English." in html  # not "of this letter"
    assert "<h1" in html and "About this letter" in html
    eo = (output / "eo" / "about" / "index.html").read_text(encoding="utf-8")
    assert "‹Ábõüt thîš léttér" in eo and "of this page" not in eo
    review = (output / "ar" / "review" / "index.html").read_text(encoding="utf-8")
    assert 'id="catalog-about"' in review and "About this letter" in review  # its section, titled
    chooser = (output / "index.html").read_text(encoding="utf-8")
    assert "about/" not in chooser  # the chooser is the home document's


def test_the_home_document_is_a_setting(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    with project.config.open("a", encoding="utf-8") as handle:
        handle.write('OPENLETTER_HOME = "about"\n')
    output = project.root / "output"
    build(project.config, output)
    assert "Ábõüt" in (output / "eo" / "index.html").read_text(encoding="utf-8")
    assert "Ábõüt" not in (output / "eo" / "letter" / "index.html").read_text(encoding="utf-8")
    assert "About this letter" in (output / "index.html").read_text(encoding="utf-8")


def test_a_broken_plural_expression_is_a_broken_catalog_of_its_language_only(project: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 18: ``plural=(n != 1;`` is named at its header line by the build and, with
    ``--skip-broken``, leaves out that language alone."""
    from openletter.commands.actions import build_site

    project.add_pseudo_language("eo")
    project.add_pseudo_language("de")
    path = project.po("eo", "theme")
    text = path.read_text(encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.startswith('"Plural-Forms:'))
    path.write_text(re.sub(r'"Plural-Forms: [^"]*"', r'"Plural-Forms: nplurals=2; plural=(n != 1;\\n"', text), encoding="utf-8")
    output = project.root / "output"
    assert build_site(project.config, output) == 1
    err = capsys.readouterr().err
    assert f"locale/eo/LC_MESSAGES/theme.po:{line}: error: plural-forms: " in err and "Traceback" not in err
    result = build(project.config, output, skip_broken=True)
    assert [language.code for language in result.skipped] == ["eo"]
    assert (output / "de" / "index.html").is_file() and not (output / "eo" / "index.html").exists()


def translate_share(project: SiteCopy, code: str, share: float) -> None:
    """Translate the first ``share`` of ``code``'s units (the letter's entries, then the about page's),
    rounded up: what the publish threshold counts."""
    catalogs = {domain: read_po(project.po(code, domain)) for domain in ("letter", "about")}
    entries = [entry for catalog in catalogs.values() for entry in catalog.entries]
    for entry in entries[: -int(-share * len(entries) // 1)]:
        entry.msgstr = pseudo(entry.msgid)
    for domain, catalog in catalogs.items():
        project.po(code, domain).write_bytes(PoWriter().dump_bytes(catalog))


def test_by_default_a_fifth_translated_language_is_a_draft_nowhere_listed_and_at_80_percent_it_is_listed(project: SiteCopy) -> None:
    """The default threshold (the settings table's: no line in pelicanconf.py) keeps a translation
    just begun out of the menus, the chooser, hreflang, the sitemap and the language notice."""
    text = project.config.read_text(encoding="utf-8")
    project.config.write_text(re.sub(r"(?m)^OPENLETTER_PUBLISH_THRESHOLD =.*\n", "", text), encoding="utf-8")
    assert "OPENLETTER_PUBLISH_THRESHOLD" not in project.config.read_text(encoding="utf-8")
    project.add_pseudo_language("eo")
    project.catalogs().add_language("de")
    translate_share(project, "de", 0.2)
    output = project.root / "output"

    def listed() -> dict[str, bool]:
        build(project.config, output)
        eo = (output / "eo" / "index.html").read_text(encoding="utf-8")
        menu = eo.split('<nav class="languages"')[1].split("</nav>")[0]
        return {
            "menu": 'hreflang="de"' in menu,
            "hreflang": '<link rel="alternate" hreflang="de"' in eo,
            "chooser": 'hreflang="de"' in (output / "index.html").read_text(encoding="utf-8"),
            "sitemap": 'hreflang="de"' in (output / "sitemap.xml").read_text(encoding="utf-8"),
            "notice": '"de":' in (output / "theme" / "js" / "notices.js").read_text(encoding="utf-8"),
            "indexed": '<meta name="robots" content="noindex">' not in (output / "de" / "index.html").read_text(encoding="utf-8"),
        }

    assert listed() == dict.fromkeys(("menu", "hreflang", "chooser", "sitemap", "notice", "indexed"), False)
    assert '"eo":' in (output / "theme" / "js" / "notices.js").read_text(encoding="utf-8")  # a listed language is offered
    translate_share(project, "de", 0.8)
    assert listed() == dict.fromkeys(("menu", "hreflang", "chooser", "sitemap", "notice", "indexed"), True)
