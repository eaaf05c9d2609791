"""One build's model: the documents (segmented once), the languages and their compiled catalogs.

Everything that can fail because of a user's input is read and checked here,
before Pelican writes a single file, so a broken catalog stops the build with
``path:line`` and the previous ``output/`` stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import babel
import markdown_it
import nh3
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from openletter.cache import ContentCache, Memo
from openletter.checks.checker import DEFAULT_SIZE_CAP, STRUCTURAL_CODES, CatalogReport, Problem, check_project
from openletter.errors import ContentError, ErrorList, OpenletterError
from openletter.languages import Language
from openletter.site.links import LanguageLink, LinkCluster, LinkRenderer
from openletter.project import THEME_DOMAIN, Project
from openletter.content.render import Renderer
from openletter.checks.credits import Credits
from openletter.gettext.pofile import read_po
from openletter.pseudo import PseudoLanguage, pseudo_catalog
from openletter.site.review import review_state
from openletter.content.segments import new_markdown, normalize
from openletter.content.documents import Document, read_document
from openletter.gettext.compiled import CompiledCatalog, UiTranslations


def _threshold(settings: Mapping[str, Any], config: Path | None) -> float:
    value = settings.get("OPENLETTER_PUBLISH_THRESHOLD", 0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        from openletter.errors import SettingsError
        from openletter.project import setting_line

        raise SettingsError(
            f"OPENLETTER_PUBLISH_THRESHOLD must be a percentage from 0 to 100, got {value!r}",
            path=config, line=setting_line(config, "OPENLETTER_PUBLISH_THRESHOLD"), value=value,
        )  # fmt: skip
    return float(value)


def cache_for(settings: Mapping[str, Any], project: Project) -> ContentCache:
    """The build cache (``OPENLETTER_CACHE_PATH``, default ``.cache/openletter``; empty disables it)."""
    location = settings.get("OPENLETTER_CACHE_PATH", ".cache/openletter")
    return ContentCache(project.root / location if location else None)


def source_signature(project: Project) -> tuple[tuple[str, int, int], ...]:
    """Name, mtime and size of every input a site is loaded from (cheap to recompute)."""
    paths = [*project.content_files(), *project.locale_dir.glob("*/LC_MESSAGES/*.po")]
    stats = []
    for path in sorted(paths):
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


#: Page names every language has besides its documents (a document of that name would collide).
RESERVED_NAMES = {"translate": "dashboard", "review": "review page"}

#: What each memo's results depend on besides its arguments (and openletter's version).
_MEMO_VERSIONS = {
    "dates": (babel.__version__,),
    "languages": (babel.__version__,),
    "numbers": (babel.__version__,),
    "escaped": (markdown_it.__version__,),
    "rendered": (markdown_it.__version__, nh3.__version__),
}

_ASCII_SPACES = re.compile(r"[ \t\n\r]+")


@dataclass(slots=True)
class Edition:
    """A document in one language, ready for the template."""

    language: Language
    title: str
    title_fallback: bool
    summary: str
    html: str
    untranslated: int
    url: str
    save_as: str


@dataclass(slots=True)
class Site:
    """The project as one build sees it."""

    project: Project
    documents: dict[Path, Document]
    catalogs: dict[Language, dict[str, CompiledCatalog]]
    renderer: Renderer
    review_states: dict[Language, str] = field(default_factory=dict)
    skipped: dict[Language, list[Problem]] = field(default_factory=dict)
    signature: tuple[tuple[str, int, int], ...] = ()
    warnings: list[Problem] = field(default_factory=list)
    _editions: dict[tuple[Path, Language], Edition] = field(default_factory=dict)
    _ui: dict[Language, UiTranslations] = field(default_factory=dict)
    _links: dict[Path, LinkCluster] = field(default_factory=dict)
    _in_language: dict[tuple[Language, str], Markup] = field(default_factory=dict)
    #: The language menu's and hreflang's items, rendered once per build (see the plugin).
    link_renderer: LinkRenderer = field(default_factory=LinkRenderer)
    #: The theme's ``{% cache %}`` blocks, rendered once per distinct key (openletter.pelican_plugin.fragments).
    fragments: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    #: Percent of the content units a language needs translated to be published (not a draft).
    publish_threshold: float = 0.0
    #: Per language, the rendered ``notice-attributes.html`` of the theme (see the plugin).
    notice_attributes: dict[Language, Markup] = field(default_factory=dict)
    #: What checking found in each installed catalog (the catalog itself included), for the
    #: translation dashboard and the review pages.
    reports: dict[Language, dict[str, CatalogReport]] = field(default_factory=dict)
    #: The build cache: checked catalogs, and the memos (:meth:`memo`) of what a build recomputes
    #: for nothing when its inputs did not change.
    cache: ContentCache = field(default_factory=lambda: ContentCache(None))
    _memos: dict[str, Memo] = field(default_factory=dict)
    _body_digests: dict[Path, str] = field(default_factory=dict)

    @classmethod
    def load(cls, settings: Mapping[str, Any], config: Path | None = None, skip_broken: bool | None = None) -> Site:
        """Read and check every source and catalog.

        Structural problems (a catalog that cannot be trusted) raise all together, unless
        ``skip_broken`` (setting ``OPENLETTER_SKIP_BROKEN``): then that language is left out and
        listed in :attr:`skipped`.  Entries with content errors are left out of their catalog and
        reported in :attr:`warnings`; the page shows the source text for them.
        """
        project = Project.from_settings(settings, config)
        if skip_broken is None:
            skip_broken = bool(settings.get("OPENLETTER_SKIP_BROKEN", False))
        markdown = new_markdown()
        documents = {
            path.resolve(): read_document(path, markdown, reference_path=project.relative(path))
            for path in project.content_files()
        }
        for path, document in documents.items():
            if document.domain in RESERVED_NAMES:
                raise ContentError(
                    f"a content file may not be named {document.domain!r}: /<lang>/{document.domain}/ is the "
                    f"translators' {RESERVED_NAMES[document.domain]}", path=project.relative(path), value=document.domain,
                )  # fmt: skip
        references = {document.domain: document.body.references for document in documents.values()}
        cache = cache_for(settings, project)
        report = check_project(
            project, markdown, references, int(settings.get("OPENLETTER_MAX_CATALOG_BYTES", DEFAULT_SIZE_CAP)), cache
        )
        broken = report.broken()
        fatal = [p for p in report.folder_problems if p.severity == "error"] + [p for ps in broken.values() for p in ps]
        if fatal and not skip_broken:
            errors = [OpenletterError(p.message, path=p.path, line=p.line, code=p.code) for p in fatal]
            raise ErrorList(errors) if len(errors) > 1 else errors[0]
        site = cls(project, documents, {}, Renderer(markdown), signature=source_signature(project), cache=cache)
        site.skipped = broken
        languages, numbers = site.memo("languages"), site.memo("numbers")
        for language in [project.source_language, *report.languages]:
            language.preload(languages.get(language.memo_key, language.cldr_facts))
            language.remember_with(numbers)
        site.publish_threshold = _threshold(settings, config)
        for (language, domain), catalog_report in report.catalogs.items():
            if language not in broken and catalog_report.catalog is not None:
                site.install(language, domain, catalog_report)
        if settings.get("OPENLETTER_PSEUDO_LOCALE", False):
            site.install_pseudo()
        return site

    def install_pseudo(self) -> PseudoLanguage:
        """Add the pseudo-locale, translated from the templates in memory (nothing is written to
        ``locale/``); it is a draft, so no menu, sitemap or hreflang ever lists it."""
        language = PseudoLanguage()
        for domain in self.project.domains():
            path = self.project.template_path(domain)
            if path.exists():
                # Its review page shows the in-memory catalog, with the template's lines.
                self.install(language, domain, CatalogReport(self.project.relative(path), pseudo_catalog(read_po(path))))
        return language

    def install(self, language: Language, domain: str, report: CatalogReport) -> None:
        """Compile a checked catalog into the site: its usable entries, review state and warnings."""
        assert report.catalog is not None
        compiled = report.compile(domain)
        self.catalogs.setdefault(language, {})[domain] = compiled
        self.reports.setdefault(language, {})[domain] = report
        if domain != THEME_DOMAIN:
            self.review_states[language] = review_state(report.catalog)
        self.warnings += [p for p in report.problems if p.code not in STRUCTURAL_CODES]
        self.warnings += [
            Problem(report.path, skipped.entry.line, "error", "format", f"translation not used: {skipped.reason}")
            for skipped in compiled.skipped
        ]

    def translator_credits(self, language: Language) -> list[str]:
        """Names ``language``'s translators opted to publish (``X-Translator-Credits``), from every
        catalog of the language; refused entries are in the catalogs' reports already."""
        credits = Credits()
        for report in self.reports.get(language, {}).values():
            if report.catalog is not None:
                credits.add(report.catalog, report.path)
        return credits.names

    def is_current(self) -> bool:
        """False once a content file or catalog was added, removed or changed since loading."""
        return self.signature == source_signature(self.project)

    # -- languages and URLs ------------------------------------------------------------

    @property
    def source(self) -> Language:
        return self.project.source_language

    @property
    def languages(self) -> list[Language]:
        """The source language first, then the translations by tag."""
        return [self.source, *sorted(self.catalogs, key=lambda language: language.tag)]

    def document(self, source_path: str | Path) -> Document:
        try:
            return self.documents[Path(source_path).resolve()]
        except KeyError:
            raise OpenletterError("not a translatable content file", path=source_path) from None

    def url(self, document: Document, language: Language) -> str:
        """``de/`` for the letter (the first document), ``de/<name>/`` for any other."""
        home = next(iter(self.documents.values()))
        return f"{language.slug}/" if document is home else f"{language.slug}/{document.domain}/"

    def forget(self, language: Language) -> None:
        """Drop what was rendered from ``language``'s catalogs (after they were reloaded)."""
        for key in [key for key in self._editions if key[1] == language]:
            del self._editions[key]
        for key in [key for key in self._in_language if key[0] == language]:
            del self._in_language[key]
        self._ui.pop(language, None)
        self._links.clear()  # titles and notices of this language appear in every link list
        self.link_renderer.clear()
        # A fragment names every value it reads, and one that translates is keyed by its page's
        # language: only those that name this language can have changed (the rest stay warm).
        for key in [key for key in self.fragments if language in key]:
            del self.fragments[key]

    def render_notice(self, template: Any, language: Language) -> Markup:
        """The theme's notice attributes for ``language``'s link, on one line."""
        return Markup(" ".join(template.render(language=language).split("\n")).strip())

    def is_published(self, language: Language) -> bool:
        """False for a draft: a language under ``OPENLETTER_PUBLISH_THRESHOLD`` percent translated.

        A draft is built and reachable at its URL (``noindex``) so translators can see it, but it
        is left out of the language menu, the hreflang cluster, the chooser and the sitemap."""
        if isinstance(language, PseudoLanguage):
            return False
        if language == self.source or self.publish_threshold <= 0:
            return True
        translated, total = self.progress(language)
        return total == 0 or 100 * translated >= self.publish_threshold * total

    def links(self, document: Document, current: Language | None) -> LinkCluster:
        """Every published language's link to ``document``, ``current`` marked (built once per document)."""
        if document.path not in self._links:
            links = []
            for language in filter(self.is_published, self.languages):
                edition = self.edition(document, language)
                notice = self.notice_attributes.get(language, Markup(""))
                links.append(LanguageLink(language, edition.url, edition.title, edition.title_fallback, notice=notice))
            self._links[document.path] = LinkCluster(links)
        return self._links[document.path].marked(current)

    # -- translation -------------------------------------------------------------------

    def edition(self, document: Document, language: Language) -> Edition:
        """The document in ``language`` (rendered once per build, then reused)."""
        key = (document.path, language)
        if key not in self._editions:
            self._editions[key] = self._render(document, language)
        return self._editions[key]

    def _render(self, document: Document, language: Language) -> Edition:
        catalog = self.catalogs.get(language, {}).get(document.domain)
        assembler = self.renderer.assembler
        texts: list[str | None] = []
        for unit, slot in zip(document.body.units, document.body.slots):
            translated = catalog.get(unit.text) if catalog else None
            if translated is not None:
                fitted = self.memo("escaped").get((slot.heading, translated), partial(assembler.escape, slot, translated))
                if fitted is None:
                    self.warnings.append(
                        Problem(
                            self.project.relative(self.project.catalog_path(language, document.domain)),
                            catalog.lines.get((None, unit.text), 0) if catalog else 0,
                            "error",
                            "structure",
                            f"translation of the {unit.kind} at {unit.path}:{unit.line} would change the document structure; not used",
                        )
                    )
                translated = fitted
            texts.append(translated)
        mark_fallback = language != self.source
        # Rendering is a pure function of the source's lines and the texts put in them.
        rendered = (self._body_digest(document), ContentCache.key(*("\x00" if t is None else "\x01" + t for t in texts)))
        html = self.memo("rendered").get(
            (*rendered, self.source.code, mark_fallback),
            partial(self.renderer.render, document.body, texts, self.source, mark_fallback=mark_fallback),
        )

        def metadata_text(name: str) -> tuple[str, bool]:
            unit = document.metadata_units.get(name)
            if unit is None:
                return document.metadata.get(name, ""), False
            translated = catalog.get(unit.text) if catalog else None
            if translated is None:
                return unit.text, language != self.source
            # Only ASCII whitespace collapses: a French no-break space before ":" must survive.
            return _ASCII_SPACES.sub(" ", normalize(translated)).strip(" "), False

        title, title_fallback = metadata_text("title")
        summary, _ = metadata_text("summary")
        url = self.url(document, language)
        return Edition(
            language=language,
            title=title,
            title_fallback=title_fallback,
            summary=summary,
            html=html,
            untranslated=sum(text is None for text in texts) if language != self.source else 0,
            url=url,
            save_as=f"{url}index.html",
        )

    def _body_digest(self, document: Document) -> str:
        if document.path not in self._body_digests:
            self._body_digests[document.path] = ContentCache.key(*document.body.lines)
        return self._body_digests[document.path]

    def date_html(self, value: date | None, language: Language) -> Markup:
        """``<time>`` with the date as the language writes it (Babel/CLDR)."""
        if value is None:
            return Markup("")
        day = value.strftime("%Y-%m-%d")
        # Loading a locale's CLDR data for one date costs more than rendering its page.
        written = self.memo("dates").get((*language.memo_key, day), partial(language.format_date, value))
        return Markup('<time datetime="{}">{}</time>').format(day, written)

    def memo(self, name: str) -> Memo:
        """The build's memo of ``dates``, ``languages`` (CLDR facts), ``numbers``, ``escaped``
        translations or ``rendered`` bodies (see :meth:`save_memos`)."""
        if name not in self._memos:
            self._memos[name] = Memo(self.cache, name, *_MEMO_VERSIONS[name])
        return self._memos[name]

    def save_memos(self) -> None:
        """Keep what this build computed for the next (after it succeeded)."""
        for memo in self._memos.values():
            memo.save()

    def progress(self, language: Language) -> tuple[int, int]:
        """(translated, total) units of all content documents in ``language``."""
        translated = total = 0
        for document in self.documents.values():
            catalog = self.catalogs.get(language, {}).get(document.domain)
            for unit in document.units:
                total += 1
                translated += bool(catalog and catalog.get(unit.text) is not None)
        return translated, total

    # -- theme strings ------------------------------------------------------------------

    def ui(self, language: Language) -> UiTranslations:
        if language not in self._ui:
            self._ui[language] = UiTranslations(self.catalogs.get(language, {}).get(THEME_DOMAIN))
        return self._ui[language]

    def in_language(self, language: Language, message: str) -> Markup:
        """``message`` translated into ``language`` (escaped), whatever the page's language.

        Every page's language menu asks this for every language, so answers are memoized."""
        key = (language, message)
        if key not in self._in_language:
            self._in_language[key] = self.ui(language).gettext(message)
        return self._in_language[key]

    def context_language(self, context: Context) -> Language:
        """The page's language, carried by the render context (one Jinja2 environment for all)."""
        page = context.get("page")
        language = getattr(page, "language", None)
        return language if isinstance(language, Language) else self.source

    def jinja_callables(self) -> dict[str, Any]:
        """``gettext``/``ngettext`` for ``Environment.install_gettext_callables(newstyle=True)``."""

        @pass_context
        def gettext(context: Context, message: str) -> Markup:
            return self.ui(self.context_language(context)).gettext(message)

        @pass_context
        def ngettext(context: Context, singular: str, plural: str, number: int) -> Markup:
            return self.ui(self.context_language(context)).ngettext(singular, plural, number)

        return {"gettext": gettext, "ngettext": ngettext}

