"""One build's model: the documents (segmented once), the languages and their translations.

Everything that can fail because of a user's input is read and checked by :meth:`Site.load`
(through :mod:`openletter.loading`), before Pelican writes a single file, so a broken catalog
stops the build with ``path:line`` and the previous ``output/`` stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from markupsafe import Markup

from openletter.cache import Cache
from openletter.checks.credits import Credits
from openletter.checks.report import STRUCTURAL_CODES, CatalogReport
from openletter.content.documents import Document
from openletter.content.render import Renderer
from openletter.content.segments import new_markdown
from openletter.errors import OpenletterError, Problem
from openletter.languages import Language
from openletter.loading import LoadedCatalogs, load_documents
from openletter.po.compiled import CompiledCatalog, UiTranslations
from openletter.po.pofile import Catalog
from openletter.po.states import REVIEWED, UNREVIEWED, review_progress
from openletter.project import THEME_DOMAIN, Project
from openletter.pseudo import PseudoLanguage, pseudo_catalog
from openletter.settings import Options
from openletter.signatures.load import Signatories, load_signatories
from openletter.site.editions import Edition, Editions


@dataclass(slots=True)
class Translation:
    """One language's checked catalogs, and what the pages read of them."""

    language: Language
    #: What checking found in each catalog (the catalog itself included), by domain.
    reports: dict[str, CatalogReport]
    #: The entries a page may use, by domain.
    catalogs: dict[str, CompiledCatalog]
    #: (reviewed, all) units of each catalog, by domain, from the review marks.
    review: dict[str, tuple[int, int]]
    #: Names the translators asked to be credited with (``X-Translator-Credits``).
    credits: list[str]
    ui: UiTranslations

    @classmethod
    def of(cls, language: Language, reports: dict[str, CatalogReport]) -> Translation:
        catalogs = {domain: report.compile(format_strings=domain == THEME_DOMAIN) for domain, report in reports.items()}
        credits = Credits()
        for report in reports.values():
            if report.catalog is not None:
                credits.add(report.catalog, report.path)
        review = {domain: review_progress(report.catalog) for domain, report in reports.items() if report.catalog is not None}
        return cls(language, reports, catalogs, review, credits.names, UiTranslations(catalogs.get(THEME_DOMAIN)))

    def warnings(self) -> list[Problem]:
        """What the checks found that does not stop a build, and the theme strings left out."""
        found = [p for report in self.reports.values() for p in report.problems if p.code not in STRUCTURAL_CODES]
        for domain, compiled in self.catalogs.items():
            found += [
                Problem(self.reports[domain].path, skipped.line, "error", "format", f"translation not used: {skipped.reason}")
                for skipped in compiled.skipped
            ]
        return found


@dataclass(slots=True)
class Site:
    """The project as one build sees it."""

    project: Project
    options: Options
    documents: list[Document]
    catalogs: LoadedCatalogs
    cache: Cache
    translations: dict[Language, Translation] = field(default_factory=dict)
    #: Languages left out because a catalog is broken (``OPENLETTER_SKIP_BROKEN``), and why.
    skipped: dict[Language, list[Problem]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    #: The publishable records of ``signatures/`` (a bad one stops the build, as ``check`` reports it).
    signatories: Signatories = field(default_factory=Signatories)
    editions: Editions = field(init=False)
    _by_path: dict[Path, Document] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.editions = Editions(self.project, self.documents[0], self.catalog, self.cache, self.warnings, Renderer(new_markdown()))
        self._by_path = {(self.project.root / document.path).resolve(): document for document in self.documents}

    @classmethod
    def load(cls, options: Options, cache: Cache | None = None) -> Site:
        """Read and check every source and catalog.

        Structural problems (a catalog that cannot be trusted) raise all together, unless
        ``options.skip_broken``: then that language is left out and listed in :attr:`skipped`.
        Entries with content errors are left out of their catalog and reported in
        :attr:`warnings`; the page shows the source text for them.
        """
        project = Project.from_options(options)
        cache = cache or Cache(options.cache_path)
        markdown = new_markdown()
        documents = load_documents(project, markdown)
        catalogs = LoadedCatalogs.load(project, documents, markdown, options.max_catalog_bytes, cache)
        site = cls(project, options, documents, catalogs, cache)
        site.skipped = catalogs.refuse_broken(options.skip_broken)
        site.signatories = load_signatories(project, options, cache)
        site.warnings += site.signatories.warnings
        for language, reports in catalogs.usable().items():
            site.add(Translation.of(language, reports))
        if options.pseudo_locale:
            site.add(site.pseudo_translation())
        languages, numbers = cache.memo("languages"), cache.memo("numbers")
        for language in site.languages:
            language.preload(languages.get(language.memo_key, language.cldr_facts))
            language.remember_with(numbers)
        return site

    def add(self, translation: Translation) -> None:
        self.translations[translation.language] = translation
        self.warnings += translation.warnings()

    def pseudo_translation(self) -> Translation:
        """The pseudo-locale, translated from the templates in memory (nothing is written to
        ``locale/``); it is a draft, so no menu, sitemap or hreflang ever lists it."""
        language = PseudoLanguage()
        reports = {}
        for domain, template in self.catalogs.templates.items():
            # Its review page shows the in-memory catalog, with the template's lines.
            reports[domain] = CatalogReport(self.project.relative(self.project.template_path(domain)), pseudo_catalog(template))
        return Translation.of(language, reports)

    # -- languages and URLs ------------------------------------------------------------

    @property
    def source(self) -> Language:
        return self.project.source_language

    @property
    def languages(self) -> list[Language]:
        """The source language first, then the translations by tag."""
        return [self.source, *sorted(self.translations, key=lambda language: language.tag)]

    @property
    def home(self) -> Document:
        """The document whose pages are ``/<lang>/`` (``OPENLETTER_HOME``)."""
        return self.documents[0]

    def document(self, source_path: str | Path) -> Document:
        try:
            return self._by_path[Path(source_path).resolve()]
        except KeyError:
            raise OpenletterError("not a translatable content file", path=source_path) from None

    def document_of_domain(self, domain: str) -> Document | None:
        return next((document for document in self.documents if document.domain == domain), None)

    def url(self, document: Document, language: Language) -> str:
        return self.editions.url(document, language)

    def is_published(self, language: Language) -> bool:
        """False for a draft: a language under ``OPENLETTER_PUBLISH_THRESHOLD`` percent translated.

        A draft is built and reachable at its URL (``noindex``) so translators can see it, but it
        is left out of the language menu, the hreflang cluster, the chooser and the sitemap."""
        if isinstance(language, PseudoLanguage):
            return False
        threshold = self.options.publish_threshold
        if language == self.source or threshold <= 0:
            return True
        translated, total = self.progress(language)
        return total == 0 or 100 * translated >= threshold * total

    def progress(self, language: Language) -> tuple[int, int]:
        """(translated, total) units of all documents in ``language``."""
        translated = total = 0
        for document in self.documents:
            catalog = self.catalog(language, document.domain)
            for unit in document.units:
                total += 1
                translated += bool(catalog and catalog.get(unit.text) is not None)
        return translated, total

    # -- translations --------------------------------------------------------------------

    def catalog(self, language: Language, domain: str) -> CompiledCatalog | None:
        translation = self.translations.get(language)
        return translation.catalogs.get(domain) if translation else None

    def review_progress(self, language: Language, domains: list[str] | None = None) -> tuple[int, int]:
        """(reviewed, all) units of ``language``'s catalogs of ``domains`` (default: every document's,
        not the theme's: a translation is reviewed when its text is), from the review marks."""
        translation = self.translations.get(language)
        if translation is None:
            return 0, 0
        wanted = domains if domains is not None else [document.domain for document in self.documents]
        counts = [translation.review.get(domain, (0, 0)) for domain in wanted]
        return sum(reviewed for reviewed, _ in counts), sum(total for _, total in counts)

    def review_state(self, language: Language, domains: list[str] | None = None) -> str:
        """``source`` for the source language; else ``reviewed`` when a native speaker has reviewed
        every unit of those catalogs (:meth:`review_progress`), ``unreviewed`` until then."""
        if language not in self.translations:
            return "source"
        reviewed, total = self.review_progress(language, domains)
        return REVIEWED if total and reviewed == total else UNREVIEWED

    def credits(self, language: Language) -> list[str]:
        translation = self.translations.get(language)
        return translation.credits if translation else []

    def ui(self, language: Language) -> UiTranslations:
        translation = self.translations.get(language)
        return translation.ui if translation else UiTranslations(None)

    def template(self, domain: str) -> Catalog | None:
        return self.catalogs.templates.get(domain)

    def edition(self, document: Document, language: Language) -> Edition:
        return self.editions.edition(document, language)

    def date_html(self, value: date | None, language: Language) -> Markup:
        """``<time>`` with the date as the language writes it (Babel/CLDR)."""
        if value is None:
            return Markup("")
        day = value.strftime("%Y-%m-%d")
        # Loading a locale's CLDR data for one date costs more than rendering its page.
        written = self.cache.memo("dates").get((*language.memo_key, day), partial(language.format_date, value))
        return Markup('<time datetime="{}">{}</time>').format(day, written)
