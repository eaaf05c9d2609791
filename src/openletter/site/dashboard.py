"""The translators' view of a site: where every language stands, and each catalog unit by unit.

What the dashboard (``translate/``) shows of each language — progress, review state, catalogs,
credits — and what a review page (``<lang>/review/``) shows of each catalog; the Pelican glue
(:mod:`openletter.pelican_plugin.translator_pages`) writes them with the theme.  The
pseudo-locale gets a dashboard and a review page (to show their unmarked strings) but no row,
badge or download: it is never published.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from openletter.errors import Problem
from openletter.forges import FORGE_URL_LIMIT, MAIL_URL_LIMIT, SUGGESTIONS_FOLDER, Repository, mail_template, parse_repository
from openletter.languages import Language
from openletter.po.states import REVIEWED
from openletter.po.stats import CatalogStats, catalog_stats
from openletter.project import THEME_DOMAIN
from openletter.pseudo import PseudoLanguage
from openletter.site.model import Site
from openletter.site.review import ReviewUnit, SourceUnit, review_units, template_units

BADGES_DIR = "translate/badges"
CATALOGS_DIR = "locale"


@dataclass(frozen=True, slots=True)
class CatalogStatus:
    """One downloadable catalog of a language and its counts (as ``invoke stats`` gives them)."""

    domain: str
    url: str
    stats: CatalogStats


@dataclass(frozen=True, slots=True)
class DashboardRow:
    """One language on the dashboard."""

    language: Language
    page_url: str
    review_url: str
    badge_url: str
    catalogs: tuple[CatalogStatus, ...]
    review_state: str
    draft: bool
    credits: tuple[str, ...]
    #: Messages of all its catalogs: translated, fuzzy, all (summed once: every dashboard reads them).
    translated: int
    fuzzy: int
    total: int
    #: Units of its documents' catalogs a native speaker reviewed, and all of them (the review state's counts).
    reviewed_units: int = 0
    review_total: int = 0

    @property
    def fraction(self) -> float:
        return self.translated / self.total if self.total else 1.0

    @property
    def untranslated(self) -> int:
        """Messages with no translation yet (the review page's "missing")."""
        return self.total - self.translated - self.fuzzy

    @property
    def reviewed(self) -> bool:
        return self.review_state == REVIEWED


@dataclass(frozen=True, slots=True)
class ReviewSection:
    """One catalog of a language on its review page."""

    domain: str
    #: The document's title in the language, or None for the home document and the theme (the
    #: theme names those itself).
    title: str | None
    path: Path
    units: list[ReviewUnit]
    #: Findings about the catalog as a whole (its header, its file), not about one unit.
    problems: list[Problem]
    #: The catalog's ``Language`` header (a suggestion file repeats it), '' without a catalog.
    language_header: str = ""
    #: The name the browser gives this catalog's suggestion file (``ar-letter-suggestion.po``).
    file_name: str = ""
    repository: Repository | None = None

    @property
    def is_theme(self) -> bool:
        return self.domain == THEME_DOMAIN

    def edit_url(self, line: int | None) -> str:
        """The forge's web editor for this catalog (at ``line`` where it takes one); '' without a forge."""
        return self.repository.edit_url(self.path.as_posix(), line) if self.repository else ""

    @property
    def new_file_template(self) -> str:
        """The forge's new-file page for this suggestion file (placeholder ``{value}``); '' where there is none."""
        template = self.repository.new_file_template(f"{SUGGESTIONS_FOLDER}/{self.file_name}") if self.repository else None
        return template or ""

    @property
    def counts(self) -> Counter[str]:
        return Counter(unit.state for unit in self.units)


@dataclass(frozen=True, slots=True)
class ReviewPage:
    """A language's review page: its catalogs, and where a suggestion made on it can be sent."""

    sections: list[ReviewSection]
    dashboard_url: str
    repository: Repository | None = None
    suggestions_email: str = ""
    #: Limits on the links the page's script makes (see :mod:`openletter.forges`).
    limits: dict[str, int] = field(default_factory=lambda: {"forge": FORGE_URL_LIMIT, "mail": MAIL_URL_LIMIT})

    @property
    def version(self) -> str:
        """Names this state of the catalogs: work kept in the browser belongs to one version, so a
        suggestion is never based on translations that have changed since."""
        parts = [f"{section.domain}\0{unit.number}\0{unit.digest or ''}" for section in self.sections for unit in section.units]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]

    @property
    def issue_template(self) -> str:
        return self.repository.new_issue_template() if self.repository else ""

    @property
    def mail_template(self) -> str:
        return mail_template(self.suggestions_email) if self.suggestions_email else ""


def dashboard_url(site: Site, language: Language) -> str:
    return "translate/" if language == site.source else f"{language.slug}/translate/"


def review_url(language: Language) -> str:
    return f"{language.slug}/review/"


def catalog_url(language: Language, domain: str) -> str:
    return f"{CATALOGS_DIR}/{language.code}/LC_MESSAGES/{domain}.po"


def listed(site: Site) -> list[Language]:
    """The translations that have a dashboard row, a badge and downloads (not the pseudo-locale)."""
    return [language for language in site.languages[1:] if not isinstance(language, PseudoLanguage)]


def template_downloads(site: Site) -> list[tuple[str, str]]:
    """(domain, URL) of every template a new language starts from."""
    return [(domain, f"{CATALOGS_DIR}/{domain}.pot") for domain in site.project.domains() if site.template(domain) is not None]


def dashboard_rows(site: Site) -> list[DashboardRow]:
    """Every listed language's row, in the site's language order."""
    rows = []
    for language in listed(site):
        reports = site.translations[language].reports
        reviewed_units, review_total = site.review_progress(language)
        catalogs = tuple(
            CatalogStatus(domain, catalog_url(language, domain), catalog_stats(report.catalog, language.code, domain))
            for domain, report in sorted(reports.items(), key=lambda item: item[0] == THEME_DOMAIN)
            if report.catalog is not None
        )
        rows.append(
            DashboardRow(
                language=language,
                page_url=site.url(site.home, language),
                review_url=review_url(language),
                badge_url=f"{BADGES_DIR}/{language.slug}.svg",
                catalogs=catalogs,
                review_state=site.review_state(language),
                draft=not site.is_published(language),
                credits=tuple(site.credits(language)),
                translated=sum(catalog.stats.translated for catalog in catalogs),
                fuzzy=sum(catalog.stats.fuzzy for catalog in catalogs),
                total=sum(catalog.stats.total for catalog in catalogs),
                reviewed_units=reviewed_units,
                review_total=review_total,
            )
        )
    return rows


def review_page(site: Site, language: Language) -> ReviewPage:
    """What ``<lang>/review/`` shows and offers."""
    options = site.options
    repository = parse_repository(options.repository_url) if options.repository_url else None
    return ReviewPage(review_sections(site, language, repository), dashboard_url(site, language), repository, options.suggestions_email)


def review_sections(site: Site, language: Language, repository: Repository | None = None) -> list[ReviewSection]:
    """Each catalog of ``language`` unit by unit, in source order (the documents, then the theme)."""
    project = site.project
    translation = site.translations.get(language)
    sections = []
    for domain in project.domains():
        report = translation.reports.get(domain) if translation else None
        document = site.document_of_domain(domain)
        template = site.template(domain)
        if document is not None:
            sources = [SourceUnit(unit.text, unit.kind) for unit in document.units]
            title = None if document is site.home else site.edition(document, language).title
        elif template is not None:
            sources, title = template_units(template), None
        else:
            continue
        catalog = report.catalog if report else None
        problems = report.problems if report else []
        units = review_units(sources, catalog, problems, report.rejected if report else ())
        on_units = {unit.line for unit in units if unit.line is not None}
        general = [problem for problem in problems if problem.line not in on_units]
        path = report.path if report else project.relative(project.catalog_path(language, domain))
        header = catalog.header_fields().get("Language", "") if catalog else ""
        file_name = f"{language.slug}-{domain}-suggestion.po"
        sections.append(ReviewSection(domain, title, Path(path), units, general, header, file_name, repository))
    return sections
