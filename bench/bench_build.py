"""Full build: openletter (one Pelican run, N languages from catalogs) vs native Pelican
building N pre-translated Markdown pages with the same theme, in the same run.

    python bench/bench_build.py                 # N = 1 10 50 100, 3 repeats
    python bench/bench_build.py --sizes 100 200 --repeats 5

Each build runs in a fresh process (wall time, CPU time and peak RSS of that process);
medians are printed with the ratio ours/native.  Synthetic languages are pseudo-translations
of the real letter and theme strings, written to a temporary folder.
"""

from __future__ import annotations

import argparse
import compileall
import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

NATIVE_SHIM = '''
"""Gives native Pelican pages what the shared theme reads; no catalogs, no segmentation."""
from gettext import NullTranslations
from pelican import signals
from openletter.languages import Language
from openletter.site.links import LanguageLink

def on_generator_init(generator):
    null = NullTranslations()
    generator.env.install_gettext_callables(null.gettext, null.ngettext, newstyle=True)
    generator.env.globals.update(in_language=lambda language, message: message, N_=lambda message: message)

def on_pages(generator):
    pages = list(generator.pages) + list(generator.translations)
    languages = {page: Language.parse(page.metadata["code"]) for page in pages}
    for page in pages:
        page.language = languages[page]
        page.source_language = languages[generator.pages[0]]
        page.alternates = [LanguageLink(languages[p], p.url, p.title, False, p is page) for p in pages]
        page.untranslated_count = 0
        page.unit_count = 0
        page.review_state = "unreviewed"
        page.source_url = generator.pages[0].url
        page.date_html = ""
    generator.context["letter_index"] = {"source": languages[generator.pages[0]], "title": "", "summary": "",
                                         "links": generator.pages[0].alternates}

def register():
    signals.generator_init.connect(on_generator_init)
    signals.page_generator_finalized.connect(on_pages)
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


def make_ours(root: Path, codes: list[str], translator_pages: bool = False) -> Path:
    """N languages from pseudo-translated catalogs.  Without ``translator_pages`` the site has the
    pages native Pelican builds (letters, chooser, sitemap); with them, also a dashboard per
    language, a review page per translation, badges and catalog downloads (3N + 2 pages)."""
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
        for domain in ("letter", "theme"):
            path = root / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
            path.write_bytes(writer.dump_bytes(pseudo_translate(read_po(path))))
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


def make_native(root: Path, codes: list[str]) -> Path:
    """N Markdown pages, each the letter already translated (assembled by openletter once, here)."""
    from pelican.settings import read_settings

    from openletter.content.documents import read_document
    from openletter.content.segments import Assembler, new_markdown
    from openletter.languages import Language
    from openletter.pseudo import pseudo

    native_theme(REPO / "theme", root / "theme")
    (root / "content").mkdir()
    shutil.copytree(REPO / "content" / "extra", root / "content" / "extra")
    markdown = new_markdown()
    document = read_document(REPO / "content" / "letter.md", markdown)
    assembler = Assembler(markdown)
    for code in ["en", *codes]:
        language = Language.parse(code)
        texts = [None if code == "en" else pseudo(unit.text) for unit in document.body.units]
        body = assembler.assemble(document.body, texts)
        title = document.metadata["title"] if code == "en" else pseudo(document.metadata["title"])
        summary = document.metadata["summary"] if code == "en" else pseudo(document.metadata["summary"])
        (root / "content" / f"letter-{code}.md").write_text(
            f"Title: {title}\nDate: 2026-11-26\nSlug: letter\nLang: {language.tag}\nCode: {code}\n"
            f"Summary: {summary}\nURL: {language.slug}/\nSave_as: {language.slug}/index.html\n\n{body}\n",
            encoding="utf-8",
        )
    (root / "native_shim.py").write_text(NATIVE_SHIM, encoding="utf-8")
    config = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    config = config.replace('PLUGINS = ["openletter.pelican_plugin"]', 'PLUGIN_PATHS = ["."]\nPLUGINS = ["native_shim"]')
    (root / "pelicanconf.py").write_text(config, encoding="utf-8")
    read_settings(str(root / "pelicanconf.py"))  # a settings file Pelican reads
    return root / "pelicanconf.py"


def child(kind: str, config: str, output: str) -> None:
    """Run one build in this (fresh) process and print its cost as JSON."""
    start = time.perf_counter()
    if kind == "ours":
        from openletter.commands.build import build

        build(Path(config), Path(output))
    else:
        import os

        from pelican import Pelican
        from pelican.settings import read_settings

        os.chdir(Path(config).parent)
        settings = read_settings(config, override={"OUTPUT_PATH": output})
        Pelican(settings).run()
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}))


def measure(kind: str, config: Path, output: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(config), str(output)],
        capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"the {kind} build failed ({config}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50, 100])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument(
        "--translator-pages", action="store_true",
        help="also time ours with the translators' pages (dashboards, review pages, badges), which native does not build",
    )  # fmt: skip
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    # Byte-compile openletter once, as an installed package is: pip compiles Pelican and the other
    # dependencies in site-packages, but an editable install under PYTHONDONTWRITEBYTECODE=1
    # would recompile openletter from source in every measured process.
    compileall.compile_dir(str(REPO / "src"), quiet=1)
    extra = f" | {'+ translator pages s':>20} {'ratio':>6}" if args.translator_pages else ""
    print(f"{'N':>4} | {'ours wall s':>11} {'cpu s':>6} {'MB':>5} | {'native wall s':>13} {'cpu s':>6} {'MB':>5} | {'ratio wall':>10} {'ratio cpu':>9}{extra}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as temp:
            codes = language_codes(size)
            ours_config = make_ours(Path(temp) / "ours", codes)
            native_config = make_native(Path(temp) / "native", codes)
            full_config = make_ours(Path(temp) / "full", codes, translator_pages=True) if args.translator_pages else None
            runs: dict[str, list[dict[str, float]]] = {"ours": [], "native": []}
            for _ in range(args.repeats):  # interleaved, so drift hits both alike
                runs["ours"].append(measure("ours", ours_config, Path(temp) / "ours-out"))
                runs["native"].append(measure("native", native_config, Path(temp) / "native-out"))
                if full_config is not None:
                    runs.setdefault("full", []).append(measure("ours", full_config, Path(temp) / "full-out"))
            median = {kind: {key: statistics.median(r[key] for r in values) for key in values[0]} for kind, values in runs.items()}
            ours, native = median["ours"], median["native"]
            print(
                f"{size:>4} | {ours['wall']:>11.3f} {ours['cpu']:>6.2f} {ours['rss_mb']:>5.0f} | "
                f"{native['wall']:>13.3f} {native['cpu']:>6.2f} {native['rss_mb']:>5.0f} | "
                f"{ours['wall'] / native['wall']:>10.2f} {ours['cpu'] / native['cpu']:>9.2f}"
                + (f" | {median['full']['wall']:>20.3f} {median['full']['wall'] / native['wall']:>6.2f}" if "full" in median else ""),
                flush=True,
            )


if __name__ == "__main__":
    main()
