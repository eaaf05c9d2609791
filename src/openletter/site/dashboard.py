"""The translators' side of the site: where every language stands, how to help, and a review page.

Written by one Pelican generator (see :mod:`openletter.pelican_plugin`) after the letter's pages:

* ``translate/`` and ``<lang>/translate/``: the dashboard, localized like every page — each
  language's progress bar, review state, review page, downloadable catalogs and how to contribute;
* ``<lang>/review/``: every unit of that language's catalogs beside its source, with its state,
  the check findings and its ``.po`` line (``noindex``; never in the sitemap);
* ``translate/badges/<lang>.svg`` and ``translate/badges/languages.svg``: status badges;
* ``locale/<domain>.pot`` and ``locale/<ll>/LC_MESSAGES/<domain>.po``: the catalogs as they are in
  the repository, so the dashboard's download links work on any static host.

The pseudo-locale gets a dashboard and a review page (to show their unmarked strings) but no
row, badge or download: it is never published.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from openletter.site.badges import language_badge, summary_badge
from openletter.checks.checker import Problem
from openletter.fonts import stylesheet_for
from openletter.languages import Language
from openletter.gettext.pofile import read_po
from openletter.project import THEME_DOMAIN
from openletter.pseudo import PseudoLanguage
from openletter.site.review import REVIEWED, ReviewUnit, SourceUnit, review_units, template_units
from openletter.site.links import LanguageLink, LinkCluster
from openletter.site.model import Site
from openletter.gettext.stats import CatalogStats, catalog_stats

DASHBOARD_TEMPLATE = "translate.html"
REVIEW_TEMPLATE = "review.html"
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

    @property
    def fraction(self) -> float:
        return self.translated / self.total if self.total else 1.0

    @property
    def reviewed(self) -> bool:
        return self.review_state == REVIEWED


@dataclass(frozen=True, slots=True)
class ReviewSection:
    """One catalog of a language on its review page."""

    domain: str
    path: Path
    units: list[ReviewUnit]
    #: Findings about the catalog as a whole (its header, its file), not about one unit.
    problems: list[Problem]

    @property
    def is_theme(self) -> bool:
        return self.domain == THEME_DOMAIN

    @property
    def counts(self) -> Counter[str]:
        return Counter(unit.state for unit in self.units)


@dataclass(frozen=True, slots=True)
class ToolPage:
    """What the theme reads from ``page`` on a translators' page (``page.language`` drives gettext)."""

    language: Language
    url: str
    draft: bool
    alternates: Sequence[LanguageLink] = ()

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def fonts_stylesheet(self) -> str:
        """The name the font builder gives this page's stylesheet (``de-translate``)."""
        return Path(stylesheet_for(Path(self.save_as), Path())).stem


class TranslatorPages:
    """Renders and writes the translators' pages of one site with the theme's Jinja2 environment."""

    def __init__(self, site: Site, environment: Any, settings: Mapping[str, Any]) -> None:
        self.site = site
        self.environment = environment
        self.settings = settings
        self._rows: list[DashboardRow] | None = None
        self._alternates: LinkCluster | None = None
        self._template_units: dict[str, list[SourceUnit]] = {}

    # -- what exists --------------------------------------------------------------------

    def enabled(self) -> bool:
        """``OPENLETTER_TRANSLATOR_PAGES`` (default on) and a theme that has the dashboard template."""
        return bool(self.settings.get("OPENLETTER_TRANSLATOR_PAGES", True)) and DASHBOARD_TEMPLATE in self.environment.list_templates()

    def dashboard_url(self, language: Language) -> str:
        return "translate/" if language == self.site.source else f"{language.slug}/translate/"

    def review_url(self, language: Language) -> str:
        return f"{language.slug}/review/"

    def listed(self) -> list[Language]:
        """The translations that have a dashboard row, a badge and downloads (not the pseudo-locale)."""
        return [language for language in self.site.languages[1:] if not isinstance(language, PseudoLanguage)]

    # -- the dashboard ------------------------------------------------------------------

    def rows(self) -> list[DashboardRow]:
        if self._rows is None:
            site, home = self.site, next(iter(self.site.documents.values()), None)
            rows = []
            for language in self.listed():
                reports = site.reports.get(language, {})
                catalogs = tuple(
                    CatalogStatus(domain, self.catalog_url(language, domain), catalog_stats(report.catalog, language.code, domain))
                    for domain, report in sorted(reports.items(), key=lambda item: item[0] == THEME_DOMAIN)
                    if report.catalog is not None
                )
                rows.append(
                    DashboardRow(
                        language=language,
                        page_url=site.url(home, language) if home else f"{language.slug}/",
                        review_url=self.review_url(language),
                        badge_url=f"{BADGES_DIR}/{language.slug}.svg",
                        catalogs=catalogs,
                        review_state=site.review_states.get(language, "unreviewed"),
                        draft=not site.is_published(language),
                        credits=tuple(site.translator_credits(language)),
                        translated=sum(catalog.stats.translated for catalog in catalogs),
                        fuzzy=sum(catalog.stats.fuzzy for catalog in catalogs),
                        total=sum(catalog.stats.total for catalog in catalogs),
                    )
                )
            self._rows = rows
        return self._rows

    def templates(self) -> list[tuple[str, str]]:
        """(domain, URL) of every template a new language starts from."""
        project = self.site.project
        return [(domain, f"{CATALOGS_DIR}/{domain}.pot") for domain in project.domains() if project.template_path(domain).exists()]

    def catalog_url(self, language: Language, domain: str) -> str:
        return f"{CATALOGS_DIR}/{language.code}/LC_MESSAGES/{domain}.po"

    def alternates(self, current: Language) -> LinkCluster:
        """The dashboard in every published language, for the language menu and hreflang."""
        if self._alternates is None:
            site = self.site
            self._alternates = LinkCluster([
                LanguageLink(
                    language,
                    self.dashboard_url(language),
                    str(site.in_language(language, "Help translate the letter")),
                    notice=site.notice_attributes.get(language, Markup("")),
                )
                for language in site.languages
                if site.is_published(language)
            ])  # fmt: skip
        return self._alternates.marked(current)

    # -- review pages -------------------------------------------------------------------

    def review_sections(self, language: Language) -> list[ReviewSection]:
        """Each catalog of ``language`` unit by unit, in source order (the letter, then the theme)."""
        site, project = self.site, self.site.project
        sections = []
        for domain in project.domains():
            report = site.reports.get(language, {}).get(domain)
            document = next((d for d in site.documents.values() if d.domain == domain), None)
            if document is not None:
                sources = [SourceUnit(unit.text, unit.kind) for unit in document.units]
            elif project.template_path(domain).exists():
                if domain not in self._template_units:
                    self._template_units[domain] = template_units(read_po(project.template_path(domain)))
                sources = self._template_units[domain]
            else:
                continue
            catalog = report.catalog if report else None
            problems = report.problems if report else []
            units = review_units(sources, catalog, problems, report.rejected if report else ())
            on_units = {unit.line for unit in units if unit.line is not None}
            general = [problem for problem in problems if problem.line not in on_units]
            path = report.path if report else project.relative(project.catalog_path(language, domain))
            sections.append(ReviewSection(domain, Path(path), units, general))
        return sections

    # -- writing ------------------------------------------------------------------------

    def write(self, writer: Any, context: Mapping[str, Any], languages: Iterable[Language] | None = None, dashboards: bool = True) -> list[str]:
        """Write the pages of ``languages`` (default: all) and, with ``dashboards``, every dashboard
        and badge; the site-relative names written."""
        site = self.site
        wanted = list(site.languages[1:] if languages is None else languages)
        written: list[str] = []
        relative = bool(self.settings.get("RELATIVE_URLS"))
        output = Path(writer.output_path)
        if dashboards:
            template = self.environment.get_template(DASHBOARD_TEMPLATE)
            rows = self.rows()
            dashboard = {
                "rows": rows, "templates": self.templates(), "badge": f"{BADGES_DIR}/languages.svg", "badge_folder": BADGES_DIR,
            }  # fmt: skip
            listed = {row.language for row in rows}
            for language in site.languages:
                page = ToolPage(language, self.dashboard_url(language), not site.is_published(language), self.alternates(language))
                example = language if language in listed else (rows[0].language if rows else language)
                writer.write_file(
                    page.save_as, template, context, relative, override_output=True, url=page.url, page=page,
                    dashboard={**dashboard, "example_slug": example.slug},
                )  # fmt: skip
                written.append(page.save_as)
            written += self._write_badges(output)
        if REVIEW_TEMPLATE in self.environment.list_templates():
            template = self.environment.get_template(REVIEW_TEMPLATE)
            for language in wanted:
                page = ToolPage(language, self.review_url(language), draft=True)
                sections = self.review_sections(language)
                writer.write_file(
                    page.save_as, template, context, relative, override_output=True, url=page.url, page=page,
                    review={"sections": sections, "dashboard_url": self.dashboard_url(language)}, source_language=site.source,
                )  # fmt: skip
                written.append(page.save_as)
        written += self._copy_catalogs(output, [language for language in wanted if not isinstance(language, PseudoLanguage)])
        return written

    def _write_badges(self, output: Path) -> list[str]:
        names = []
        for row in self.rows():
            name = row.badge_url
            badge = language_badge(row.language.tag, row.translated, row.total, row.reviewed)
            _write(output / name, badge.svg().encode("utf-8"))
            names.append(name)
        name = f"{BADGES_DIR}/languages.svg"
        _write(output / name, summary_badge(len([row for row in self.rows() if not row.draft])).svg().encode("utf-8"))
        return [*names, name]

    def _copy_catalogs(self, output: Path, languages: list[Language]) -> list[str]:
        project, names = self.site.project, []
        for domain, url in self.templates():
            _write(output / url, project.template_path(domain).read_bytes())
            names.append(url)
        for language in languages:
            for domain in self.site.reports.get(language, {}):
                url = self.catalog_url(language, domain)
                _write(output / url, project.catalog_path(language, domain).read_bytes())
                names.append(url)
        return names


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
