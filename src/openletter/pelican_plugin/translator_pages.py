"""Writes the translators' pages with the theme (what they show: :mod:`openletter.site.dashboard`).

* ``translate/`` and ``<lang>/translate/``: the dashboard, localized like every page;
* ``<lang>/review/``: every unit of that language's catalogs beside its source (``noindex``);
* ``translate/badges/<lang>.svg`` and ``translate/badges/languages.svg``: status badges;
* ``locale/<domain>.pot`` and ``locale/<ll>/LC_MESSAGES/<domain>.po``: the catalogs as they are in
  the repository, so the dashboard's download links work on any static host.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from openletter.fonts import stylesheet_for
from openletter.languages import Language
from openletter.pelican_plugin.run import Run, run_of
from openletter.site.badges import language_badge, summary_badge
from openletter.site.dashboard import (
    BADGES_DIR,
    DashboardRow,
    catalog_url,
    dashboard_rows,
    dashboard_url,
    listed,
    review_page,
    review_url,
    template_downloads,
)
from openletter.site.links import LanguageLink, LinkCluster

DASHBOARD_TEMPLATE = "translate.html"
REVIEW_TEMPLATE = "review.html"


@dataclass(frozen=True, slots=True)
class ToolPage:
    """What the theme reads from ``page`` on a translators' page (``page.language`` drives gettext)."""

    language: Language
    url: str
    draft: bool
    alternates: Sequence[LanguageLink] = ()
    #: The hreflang ``x-default`` of the page's cluster.
    x_default_url: str = ""

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def fonts_stylesheet(self) -> str:
        """The name the font builder gives this page's stylesheet (``de-translate``)."""
        return Path(stylesheet_for(Path(self.save_as), Path())).stem


class TranslatorPagesGenerator(Generator):
    """The dashboards, review pages, badges and catalog downloads (after the documents' pages)."""

    def generate_output(self, writer: Any) -> None:
        run = run_of(self.settings)
        if DASHBOARD_TEMPLATE in self.env.list_templates():
            TranslatorPages(run, self.env).write(writer, self.context)


class TranslatorPages:
    """Renders and writes the translators' pages of one run with the theme's Jinja2 environment."""

    def __init__(self, run: Run, environment: Any) -> None:
        self.run = run
        self.site = run.site
        self.environment = environment

    def alternates(self, rows: list[DashboardRow]) -> LinkCluster:
        """The dashboard in every published language, for the language menu and hreflang."""
        site = self.site
        return LinkCluster([
            LanguageLink(
                language,
                dashboard_url(site, language),
                str(site.ui(language).gettext("Help translate the letter")),
            )
            for language in site.languages
            if site.is_published(language)
        ])  # fmt: skip

    def write(self, writer: Any, context: Mapping[str, Any]) -> list[str]:
        """Write every dashboard, badge, review page and catalog download; the site-relative names."""
        site = self.site
        written: list[str] = []
        relative = self.run.options.relative_urls
        output = Path(writer.output_path)
        template = self.environment.get_template(DASHBOARD_TEMPLATE)
        rows = dashboard_rows(site)
        alternates = self.alternates(rows)
        dashboard = {
            "rows": rows, "templates": template_downloads(site), "badge": f"{BADGES_DIR}/languages.svg", "badge_folder": BADGES_DIR,
        }  # fmt: skip
        for language in site.languages:
            page = ToolPage(language, dashboard_url(site, language), not site.is_published(language), alternates.marked(language), "translate/")
            example = language if any(row.language == language for row in rows) else (rows[0].language if rows else language)
            # The source language's dashboard lists every language; each other one its own (N rows, not N²).
            shown = rows if language == site.source else [row for row in rows if row.language == language]
            every = "" if language == site.source else dashboard_url(site, site.source)
            writer.write_file(
                page.save_as, template, context, relative, override_output=True, url=page.url, page=page,
                dashboard={**dashboard, "rows": shown, "example_slug": example.slug, "every_language_url": every},
            )  # fmt: skip
            written.append(page.save_as)
        written += self._write_badges(output, rows)
        if REVIEW_TEMPLATE in self.environment.list_templates():
            template = self.environment.get_template(REVIEW_TEMPLATE)
            for language in site.languages[1:]:
                page = ToolPage(language, review_url(language), draft=True)
                writer.write_file(
                    page.save_as, template, context, relative, override_output=True, url=page.url, page=page,
                    review=review_page(site, language),
                    source_language=site.source,
                )  # fmt: skip
                written.append(page.save_as)
        written += self._copy_catalogs(output)
        return written

    def _write_badges(self, output: Path, rows: list[DashboardRow]) -> list[str]:
        names = []
        for row in rows:
            badge = language_badge(row.language.tag, row.translated, row.total, row.reviewed, (row.reviewed_units, row.review_total))
            _write(output / row.badge_url, badge.svg().encode("utf-8"))
            names.append(row.badge_url)
        name = f"{BADGES_DIR}/languages.svg"
        _write(output / name, summary_badge(len([row for row in rows if not row.draft])).svg().encode("utf-8"))
        return [*names, name]

    def _copy_catalogs(self, output: Path) -> list[str]:
        project, names = self.site.project, []
        for domain, url in template_downloads(self.site):
            _write(output / url, project.template_path(domain).read_bytes())
            names.append(url)
        for language in listed(self.site):
            for domain in self.site.translations[language].reports:
                url = catalog_url(language, domain)
                _write(output / url, project.catalog_path(language, domain).read_bytes())
                names.append(url)
        return names


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
