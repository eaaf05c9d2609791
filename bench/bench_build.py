"""Full build, cold and warm: openletter (one Pelican run, N languages from catalogs) against,
in the same run, native Pelican building N pre-translated Markdown pages with the same theme,
plain Pelican with its default theme, and Hugo (if installed) with a language menu, hreflang and
og:locale alternates.

    python bench/bench_build.py                         # N = 1 10 50 100 150, 3 repeats
    python bench/bench_build.py --sizes 100 --repeats 5
    python bench/bench_build.py --pseudo                # accented pseudo-translations, not real scripts

The N languages are real CLDR languages written in their own scripts (one of every script a
webfont covers first; ``openletter.exemplars``), so the webfonts work as on a real site of N
languages.  Each build is a fresh process, timed from outside (process start to exit, imports
included; CPU and peak RSS from ``wait4``); medians are printed with ratios to native Pelican.
"Cold" is a first build: no ``.cache/`` and no previous ``output/``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openletter.languages import Language

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

NATIVE_SHIM = '''
"""Gives native Pelican pages what the shared theme reads; no catalogs, no segmentation."""
from gettext import NullTranslations
from pelican import signals
from openletter.languages import Language
from openletter.site.links import LanguageLink, LinkCluster

def on_generator_init(generator):
    null = NullTranslations()
    generator.env.install_gettext_callables(null.gettext, null.ngettext, newstyle=True)
    generator.env.globals.update(in_language=lambda language, message: message, text_in=lambda language, message: message,
                                 N_=lambda message: message, many_languages=False)

def on_context(generator):
    generator.env.globals["many_languages"] = len(generator.pages) + len(generator.translations) > 30

def on_pages(generator):
    pages = list(generator.pages) + list(generator.translations)
    languages = {page: Language.parse(page.metadata["code"]) for page in pages}
    for page in pages:
        page.language = languages[page]
        page.source_language = languages[generator.pages[0]]
        page.alternates = LinkCluster([LanguageLink(languages[p], p.url, p.title, False, p is page) for p in pages], current_index=pages.index(page))
        page.untranslated_count = 0
        page.unit_count = 0
        page.review_state = "unreviewed"
        page.source_url = generator.pages[0].url
        page.date_html = ""
    letter = {"links": generator.pages[0].alternates, "x_default_url": generator.pages[0].url}
    generator.context["letter_index"] = {"source": languages[generator.pages[0]], "title": "", "summary": "",
                                         "links": letter["links"], "documents": [letter], "tools": []}

def register():
    signals.generator_init.connect(on_generator_init)
    signals.page_generator_finalized.connect(on_pages)
    signals.page_generator_finalized.connect(on_context)
'''


def language_codes(count: int) -> list[str]:
    """``count`` distinct canonical CLDR codes other than English."""
    from babel.localedata import locale_identifiers

    from openletter.errors import LanguageError
    from openletter.languages import Language

    codes = []
    for code in sorted(locale_identifiers()):
        if code.startswith("en") or code == "root":
            continue
        try:
            Language.parse(code)
        except LanguageError:
            continue
        codes.append(code)
        if len(codes) == count:
            return codes
    raise SystemExit(f"only {len(codes)} usable locales")



def scripted_codes(count: int) -> list[str]:
    """``count`` real CLDR languages other than English that a webfont covers, one per script first."""
    from openletter.cache import Cache
    from openletter.exemplars import sample_languages
    from openletter.fonts import FontBuilder

    fonts = FontBuilder(REPO / "node_modules", Cache(REPO / ".cache" / "bench"))
    languages = sample_languages(count, REPO / "node_modules", lambda exemplars: fonts.covers(exemplars.language.tag, exemplars.letters))
    return [language.code for language in languages]


def translator(code: str, scripted: bool) -> Callable[[str], str]:
    """What turns an English text into ``code``'s: words in its own script, or the pseudo-locale."""
    from openletter.exemplars import Exemplars
    from openletter.languages import Language
    from openletter.pseudo import pseudo

    return Exemplars.load(REPO / "node_modules", Language.parse(code)).translate if scripted else pseudo


def make_ours(root: Path, codes: list[str], translator_pages: bool = False, scripted: bool = False) -> Path:
    """N languages from complete catalogs (pseudo-translated, or written in each language's
    script).  Without ``translator_pages`` the site has the pages native Pelican builds (letters,
    chooser, sitemap); with them, also a dashboard per language, a review page per translation,
    badges and catalog downloads (3N + 2 pages)."""
    from openletter.maintenance import Catalogs
    from openletter.po.pofile import read_po
    from openletter.po.powriter import PoWriter
    from openletter.project import Project
    from openletter.pseudo import pseudo_translate
    from openletter.settings import OPTIONS_KEY, load_settings

    for name in ("content", "theme"):
        shutil.copytree(REPO / name, root / name)
    (root / "locale").mkdir()
    for name in ("letter.cfg", "theme.cfg", "letter.pot", "theme.pot"):
        shutil.copy(REPO / "locale" / name, root / "locale" / name)
    shutil.copy(REPO / "pelicanconf.py", root / "pelicanconf.py")
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as handle:
        handle.write(f"OPENLETTER_NODE_MODULES = {str(REPO / 'node_modules')!r}\n")
        handle.write(f"OPENLETTER_TRANSLATOR_PAGES = {translator_pages!r}\n")
    catalogs = Catalogs(Project.from_options(load_settings(root / "pelicanconf.py")[OPTIONS_KEY]))
    writer = PoWriter()
    for code in codes:
        catalogs.add_language(code)
        translate = translator(code, scripted)
        for domain in ("letter", "theme"):
            path = root / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
            path.write_bytes(writer.dump_bytes(pseudo_translate(read_po(path), translate=translate)))
    return root / "pelicanconf.py"


RENDER_LINKS = re.compile(r'\{\{ (?P<links>[\w.]+)\|render_links\("(?P<name>[^"]+)"\) \}\}')
COMMENT = re.compile(r"\{#.*?#\}\n?", re.DOTALL)


def native_theme(source: Path, target: Path) -> None:
    """The theme as a plain Pelican theme writes it: each ``links|render_links("links/x.html")``
    (openletter's plugin renders those items once per build) becomes the loop it stands for, the
    item template inlined, so native Pelican renders every item on every page, as it would."""
    shutil.copytree(source, target)
    templates = target / "templates"

    def inline(match: re.Match[str]) -> str:
        item = COMMENT.sub("", (templates / match["name"]).read_text(encoding="utf-8")).strip()
        return f"{{% for link in {match['links']} %}}\n{item}\n{{% endfor %}}"

    for path in templates.rglob("*"):
        if path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            if RENDER_LINKS.search(text):
                path.write_text(RENDER_LINKS.sub(inline, text), encoding="utf-8")


def translated_letters(codes: list[str], scripted: bool) -> Iterator[tuple[Language, str, str, str]]:
    """(language, title, summary, Markdown body) of the letter in English and each of ``codes``,
    assembled by openletter once, here: the baselines read them already translated."""
    from openletter.content.documents import read_document
    from openletter.content.segments import Assembler, new_markdown
    from openletter.languages import Language

    markdown = new_markdown()
    document = read_document(REPO / "content" / "letter.md", markdown)
    assembler = Assembler(markdown)
    for code in ["en", *codes]:
        translate = (lambda text: text) if code == "en" else translator(code, scripted)
        body = assembler.assemble(document.body, [None if code == "en" else translate(unit.text) for unit in document.body.units])
        yield Language.parse(code), translate(document.metadata["title"]), translate(document.metadata["summary"]), body


def make_native(root: Path, codes: list[str], scripted: bool = False, theme: bool = True) -> Path:
    """N Markdown pages, each the letter already translated (assembled by openletter once, here),
    with the shared theme and a shim, or (``theme=False``) plain Pelican: its default theme."""
    from pelican.settings import read_settings

    if theme:
        native_theme(REPO / "theme", root / "theme")
    (root / "content").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "extra", root / "content" / "extra")
    for language, title, summary, body in translated_letters(codes, scripted):
        (root / "content" / f"letter-{language.code}.md").write_text(
            f"Title: {title}\nDate: 2026-11-26\nSlug: letter\nLang: {language.tag}\nCode: {language.code}\n"
            f"Summary: {summary}\nURL: {language.slug}/\nSave_as: {language.slug}/index.html\n\n{body}\n",
            encoding="utf-8",
        )
    config = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    if theme:
        (root / "native_shim.py").write_text(NATIVE_SHIM, encoding="utf-8")
        config = config.replace('PLUGINS = ["openletter.pelican_plugin"]', 'PLUGIN_PATHS = ["."]\nPLUGINS = ["native_shim"]')
    else:  # Pelican's default theme (notmyidea) and settings: pages, their translations, no plugin
        config = config.replace('PLUGINS = ["openletter.pelican_plugin"]', "PLUGINS = []").replace('THEME = "theme"', "")
        config = config.replace("JINJA_ENVIRONMENT = {", "_UNUSED = {").replace("DIRECT_TEMPLATES = [", "_UNUSED_TOO = [")
        config = config.replace('    "notices.js": "theme/js/notices.js",\n', "").replace('    "sitemap.xml": "sitemap.xml",\n    "robots.txt": "robots.txt",\n', "")
    (root / "pelicanconf.py").write_text(config, encoding="utf-8")
    read_settings(str(root / "pelicanconf.py"))  # a settings file Pelican reads
    return root / "pelicanconf.py"



HUGO_LAYOUT = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
<meta name="description" content="{{ .Params.summary }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}<meta property="og:title" content="{{ .Title }}">
<meta property="og:locale" content="{{ .Language.Lang }}">
{{ range .Translations }}<meta property="og:locale:alternate" content="{{ .Language.Lang }}">
{{ end }}</head>
<body>
<nav aria-label="Languages"><ul>
{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>
{{ end }}</ul></nav>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main>
</body>
</html>
"""


def make_hugo(root: Path, codes: list[str], scripted: bool = False) -> Path:
    """The same N + 1 one-page languages as a Hugo site: each language's home page is the letter,
    with a menu of every language by its own name, hreflang and og:locale alternates."""
    config = ['baseURL = "https://example.org/"', 'defaultContentLanguage = "en"', 'disableKinds = ["taxonomy", "term", "RSS"]',
              "[markup.goldmark.renderer]", "unsafe = true"]  # the letter's inline HTML, as Pelican passes it; fmt: skip
    for weight, (language, title, summary, body) in enumerate(translated_letters(codes, scripted), start=1):
        folder = root / "content" / language.slug
        folder.mkdir(parents=True)
        (folder / "_index.md").write_text(f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsummary: {json.dumps(summary, ensure_ascii=False)}\n---\n\n{body}\n", encoding="utf-8")
        config += [f'[languages."{language.slug}"]', f"weight = {weight}", f'contentDir = "content/{language.slug}"',
                   f"languageName = {json.dumps(language.native_name, ensure_ascii=False)}", f'languageDirection = "{language.direction}"']  # fmt: skip
    (root / "layouts").mkdir()
    (root / "layouts" / "index.html").write_text(HUGO_LAYOUT, encoding="utf-8")
    (root / "config.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return root / "config.toml"


def child(kind: str, config: str, output: str) -> None:
    """Run one build in this (fresh) process and print its cost as JSON."""
    start = time.perf_counter()
    if kind in ("ours", "full"):
        from openletter.commands.build import build

        build(Path(config), Path(output))
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        os.chdir(Path(config).parent)
        settings = read_settings(config, override={"OUTPUT_PATH": output})
        Pelican(settings).run()
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork and exec.
    peak = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM:"))
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": peak / 1024}))


def measure(kind: str, config: Path, output: Path, cold: bool = False) -> dict[str, float]:
    """One build in a fresh process, timed from outside (wall and CPU of that process; its peak
    RSS as it reports it).
    ``cold``: a first build, without the project's cache or a previous output."""
    if cold:  # as in a fresh clone: no cache, no site, no retired site to recycle
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(output.parent / f".{output.name}-spare", ignore_errors=True)
    if kind == "hugo":
        command = ["hugo", "--quiet", "--source", str(config.parent), "--destination", str(output)]
    else:
        command = [sys.executable, __file__, "--child", kind, str(config), str(output)]
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as report:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=report, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"the {kind} build failed ({config}):\n{errors.read()[-3000:].decode(errors='replace')}")
        report.seek(0)
        lines = report.read().decode().strip().splitlines()
    inside = json.loads(lines[-1]) if kind != "hugo" else {"rss_mb": 0.0}
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": inside["rss_mb"]}


#: Columns of the table: (label, kind, cold); each is measured once per repeat, interleaved.
RUNS = [
    ("ours cold", "ours", True), ("ours warm", "ours", False),
    ("default site cold", "full", True), ("default site warm", "full", False),
    ("native", "native", False), ("plain Pelican", "plain", False), ("Hugo", "hugo", True),
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50, 100, 150])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pseudo", action="store_true", help="accented pseudo-translations instead of text in each language's script")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    # Byte-compile openletter once, as an installed package is: pip compiles Pelican and the other
    # dependencies in site-packages, but an editable install under PYTHONDONTWRITEBYTECODE=1
    # would recompile openletter from source in every measured process.
    compileall.compile_dir(str(REPO / "src"), quiet=1)
    runs = [run for run in RUNS if run[1] != "hugo" or shutil.which("hugo")]
    from benchlib import machine

    print(f"# {machine()}; {'pseudo-translations' if args.pseudo else 'each language in its own script'}; "
          f"medians of {args.repeats}; wall seconds, whole process (ratio to native)")  # fmt: skip
    print("|   N | " + " | ".join(f"{label:>18}" for label, _, _ in runs) + " | ours MB | native MB |")
    print("|----:|" + "|".join("-" * 19 + ":" for _ in runs) + "|--------:|----------:|")
    scripted = not args.pseudo
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as temp:
            codes = language_codes(size) if args.pseudo else scripted_codes(size)
            configs = {
                "ours": make_ours(Path(temp) / "ours", codes, scripted=scripted),
                "full": make_ours(Path(temp) / "full", codes, translator_pages=True, scripted=scripted),
                "native": make_native(Path(temp) / "native", codes, scripted=scripted),
                "plain": make_native(Path(temp) / "plain", codes, scripted=scripted, theme=False),
            }
            if shutil.which("hugo"):
                configs["hugo"] = make_hugo(Path(temp) / "hugo", codes, scripted=scripted)
            results: dict[str, list[dict[str, float]]] = {label: [] for label, _, _ in runs}
            for _ in range(args.repeats):  # interleaved, so drift hits every column alike
                for label, kind, cold in runs:
                    if not cold and kind in ("ours", "full"):  # a warm build as the next edit meets it: a cache and a site to recycle
                        measure(kind, configs[kind], Path(temp) / f"{kind}-out")
                    results[label].append(measure(kind, configs[kind], Path(temp) / f"{kind}-out", cold=cold))
            median = {label: {key: statistics.median(r[key] for r in values) for key in values[0]} for label, values in results.items()}
            native = median["native"]["wall"]
            cells = [f"{median[label]['wall']:>7.2f} ({median[label]['wall'] / native:>6.2f}x)" for label, _, _ in runs]
            print(f"| {size:>3} | " + " | ".join(f"{cell:>18}" for cell in cells)
                  + f" | {median['ours warm']['rss_mb']:>7.0f} | {median['native']['rss_mb']:>9.0f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
