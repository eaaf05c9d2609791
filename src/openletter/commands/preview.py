"""A warm preview: one full build, then a saved catalog re-renders only the pages it affects.

Pelican's ``--autoreload`` re-runs everything for every change (every language, every page).
A translator editing one ``.po`` wants that language's page back at once, so this session keeps
the site model, Pelican's page generator (its Jinja2 environment, context and pages) and the
font and guard caches in memory.  When a catalog of language L changes, it re-checks and
recompiles only L, re-renders L's page and the chooser (which shows L's title) - and every page
when L's *theme* catalog changed, since every language menu carries L's notice - then subsets
fonts for and guards just those pages.  The files written are byte-identical to a full build's
(tested).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.contents import Page
from pelican.generators import PagesGenerator
from pelican.writers import Writer

from openletter.commands.build import load_settings, site_url_of
from openletter.checks.checker import CatalogChecker
from openletter.errors import ErrorList, OpenletterError
from openletter.fonts import FontBuilder
from openletter.pages.guard import PageGuard
from openletter.languages import Language
from openletter.pelican_plugin import (
    NOTICE_TEMPLATE,
    SITE_KEY,
    LetterReader,
    page_arguments,
)
from openletter.gettext.pofile import read_po
from openletter.project import THEME_DOMAIN
from openletter.site.model import Site
from openletter.site.dashboard import TranslatorPages


@dataclass(slots=True)
class Update:
    """What one incremental update did."""

    language: Language
    pages: list[Path] = field(default_factory=list)
    seconds: float = 0.0


class PreviewSession:
    """Keeps a built site warm in ``output`` and updates it language by language."""

    def __init__(self, config: Path, output: Path) -> None:
        self.config = config.resolve()
        self.output = output.resolve()
        self.settings: dict[str, Any] = {}
        self.site: Site | None = None
        self.generator: PagesGenerator | None = None
        self.fonts: FontBuilder | None = None
        self._stamps: dict[Path, tuple[int, int]] = {}
        #: The dashboard's rows as last written: a change to them rewrites every dashboard.
        self._rows: list[Any] = []
        self._dashboards_pending = False

    # -- the first, full build --------------------------------------------------------

    def _capture(self, generator: PagesGenerator, writer: Writer) -> None:
        if generator.settings is self.settings:
            self.generator = generator

    def start(self) -> None:
        """A full build straight into ``output`` (a preview needs no staging), kept in memory."""
        self.settings = load_settings(self.config, {"OUTPUT_PATH": str(self.output)})
        self.site = Site.load(self.settings, self.config)
        self.settings[SITE_KEY] = self.site
        signals.page_writer_finalized.connect(self._capture)
        try:
            Pelican(self.settings).run()
        finally:
            signals.page_writer_finalized.disconnect(self._capture)
        if self.generator is None:
            raise OpenletterError("the preview could not capture the page generator", path=self.config)
        self._finish(sorted(self.output.rglob("*.html")))
        self._stamps = self._catalog_stamps()
        self._rows = TranslatorPages(self.site, self.generator.env, self.settings).rows()

    # -- changes --------------------------------------------------------------------------

    def _catalog_stamps(self) -> dict[Path, tuple[int, int]]:
        assert self.site is not None
        stamps = {}
        for path in self.site.project.locale_dir.glob("*/LC_MESSAGES/*.po"):
            stat = path.stat()
            stamps[path] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def changed_languages(self) -> list[Language]:
        """Languages whose catalogs changed on disk since the last look."""
        stamps = self._catalog_stamps()
        changed = {path for path, stamp in stamps.items() if self._stamps.get(path) != stamp}
        self._stamps = stamps
        return sorted({Language.parse(path.parent.parent.name) for path in changed}, key=lambda language: language.code)

    def changed_only_catalogs(self) -> bool:
        """True while every change since the last build is to catalogs (handled incrementally)."""
        assert self.site is not None
        current = {Path(entry[0]) for entry in self.site.signature}
        return all(path.suffix == ".po" for path in current) and self._content_unchanged()

    def _content_unchanged(self) -> bool:
        assert self.site is not None
        from openletter.site.model import source_signature

        old = {entry for entry in self.site.signature if not entry[0].endswith(".po")}
        new = {entry for entry in source_signature(self.site.project) if not entry[0].endswith(".po")}
        return old == new

    def poll(self) -> list[Update]:
        """Apply every catalog change found on disk (a watcher calls this in a loop).

        Dashboards a change made stale are rewritten on the next call that finds no change: the
        translator's own page comes first, the N dashboards (each listing N languages) after."""
        updates = [self.update(language) for language in self.changed_languages()]
        if not updates and self._dashboards_pending:
            updates.append(self.update_dashboards())
        return updates

    def update_dashboards(self) -> Update:
        """Rewrite every dashboard and badge (after a change to a language's counts or theme strings)."""
        assert self.site is not None and self.generator is not None
        started = time.perf_counter()
        pages = TranslatorPages(self.site, self.generator.env, self.settings)
        names = pages.write(Writer(self.output, settings=self.settings), self.generator.context, [], dashboards=True)
        written = [self.output / name for name in names if name.endswith(".html")]
        self._finish(written)
        self._dashboards_pending = False
        return Update(self.site.source, written, time.perf_counter() - started)

    def update(self, language: Language) -> Update:
        """Re-check and re-render what ``language``'s catalogs affect."""
        assert self.site is not None and self.generator is not None
        started = time.perf_counter()
        site, generator = self.site, self.generator
        theme_changed = self._reload(language)
        home = next(iter(site.documents.values()))
        reader = LetterReader(self.settings)
        # Every language menu carries each language's notice, so new theme strings touch every page.
        affected = {
            id(page)
            for page in [*generator.pages, *generator.translations]
            if theme_changed or page.language == language
        }

        def fresh(page: Page) -> Page:
            if id(page) not in affected:
                return page
            content, metadata = page_arguments(site, home, page.language, reader)
            return Page(content, metadata=metadata, settings=self.settings, source_path=page.source_path, context=generator.context)

        generator.pages[:] = [fresh(page) for page in generator.pages]
        generator.translations[:] = [fresh(page) for page in generator.translations]
        pages = [page for page in [*generator.pages, *generator.translations] if theme_changed or page.language == language]
        self._refresh_index(home)
        writer = Writer(self.output, settings=self.settings)
        written = []
        for page in pages:
            writer.write_file(
                page.save_as, generator.get_template(page.template), generator.context, page=page,
                relative_urls=self.settings["RELATIVE_URLS"], override_output=True, url=page.url,
            )  # fmt: skip
            written.append(self.output / page.save_as)
        index_template = generator.env.get_template("index.html")
        writer.write_file("index.html", index_template, generator.context, relative_urls=self.settings["RELATIVE_URLS"])
        written.append(self.output / "index.html")
        written += self._write_translator_pages(language, writer, theme_changed)
        self._finish(written)
        return Update(language, written, time.perf_counter() - started)

    def _write_translator_pages(self, language: Language, writer: Writer, theme_changed: bool) -> list[Path]:
        """``language``'s review page and catalog downloads now; the dashboards and badges are marked
        stale when its row (counts, review state, credits) or its theme strings (in every menu) changed."""
        assert self.site is not None and self.generator is not None
        pages = TranslatorPages(self.site, self.generator.env, self.settings)
        if not pages.enabled():
            return []
        if self._rows != pages.rows() or theme_changed:
            self._dashboards_pending = True
        self._rows = pages.rows()
        names = pages.write(writer, self.generator.context, [language], dashboards=False)
        return [self.output / name for name in names if name.endswith(".html")]

    def _reload(self, language: Language) -> bool:
        """Recompile ``language``'s catalogs; True if its theme strings changed."""
        site = self.site
        assert site is not None
        project = site.project
        checker = CatalogChecker(site.renderer.markdown)
        theme_before = site.catalogs.get(language, {}).get(THEME_DOMAIN)
        errors = []
        for domain in project.domains():
            path = project.catalog_path(language, domain)
            template_path = project.template_path(domain)
            template = read_po(template_path) if template_path.exists() else None
            references = next((d.body.references for d in site.documents.values() if d.domain == domain), {})
            report = checker.check_file(path, project.relative(path), language, template, references)
            if report.catalog is None or report.structural_errors:
                errors += [OpenletterError(p.message, path=p.path, line=p.line, code=p.code) for p in report.structural_errors]
                continue
            site.install(language, domain, report)
        if errors:
            raise ErrorList(errors) if len(errors) > 1 else errors[0]
        theme_after = site.catalogs.get(language, {}).get(THEME_DOMAIN)
        theme_changed = (theme_before.messages if theme_before else None) != (theme_after.messages if theme_after else None)
        site.forget(language)
        if theme_changed and self.generator is not None:
            template = self.generator.env.get_template(NOTICE_TEMPLATE)
            site.notice_attributes[language] = site.render_notice(template, language)
        return theme_changed

    def _refresh_index(self, home: Any) -> None:
        assert self.site is not None and self.generator is not None
        from openletter.pelican_plugin import index_context

        self.generator.context.update(index_context(self.site, home))

    def _finish(self, pages: list[Path]) -> None:
        """Fonts for, and the guard over, the pages just written (one warm FontBuilder per session)."""
        assert self.site is not None
        if self.fonts is None:
            cache = self.site.cache
            node_modules = self.site.project.root / self.settings.get("OPENLETTER_NODE_MODULES", "node_modules")
            # In-process subsetting: a preview edit needs a few small subsets, and a process pool
            # costs more to start than they take.
            self.fonts = FontBuilder(node_modules, cache.root / "fonts" if cache.root else None, workers=1)
        self.fonts.build(self.output, {page: _page_lang(page, self.site.source.tag) for page in pages})
        guard = PageGuard(site_url_of(self.settings))
        for page in pages:
            html = page.read_text(encoding="utf-8")
            cleaned = guard.sanitize(html, page.relative_to(self.output))
            if cleaned != html:
                page.write_text(cleaned, encoding="utf-8")
        self.site.save_memos()


def _page_lang(page: Path, default: str) -> str:
    match = re.search(r"<html\b[^>]*\blang=[\"']?([A-Za-z0-9-]+)", page.read_text(encoding="utf-8")[:2048])
    return match.group(1) if match else default

def watch_and_serve(config: Path, output: Path, port: int, interval: float = 0.25) -> None:
    """Build once, serve ``output`` on localhost, and apply catalog changes as they are saved.

    A change to content/ or the theme (or a broken catalog) is reported; the former triggers a
    full rebuild, the latter keeps the last good page until the catalog is fixed."""
    import functools
    import http.server
    import threading

    session = PreviewSession(config, output)
    session.start()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(session.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving {session.output} at http://127.0.0.1:{port}/ - edit a .po and reload (Ctrl-C to stop)")
    assert session.site is not None
    try:
        while True:
            time.sleep(interval)
            try:
                if not session.site.is_current() and not session.changed_only_catalogs():
                    session.start()
                    print("content or theme changed: rebuilt every language")
                    continue
                for update in session.poll():
                    print(f"{update.language.code}: {len(update.pages)} page(s) in {update.seconds * 1000:.0f} ms")
            except OpenletterError as error:
                print(error)
    except KeyboardInterrupt:
        server.shutdown()
