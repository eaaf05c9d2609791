"""Writes every language's list of signatories (what they show: :mod:`openletter.signatures.listing`)
and the search index, when ``signatures/`` holds any record.

A list page is rendered only when what it shows changed: each page's key is a digest of its
signers, its place among the pages, the theme's templates, its language's theme catalog, the
published languages (its menu) and the code.  A page whose key equals the one the live site's
page was written with is copied from the live site, as a partial run copies an unchanged
language's pages (:mod:`.partial`), and is not guarded again.  So adding one signer re-renders
the pages from its place on, in each language's order, and the first by-country page (the
country counts); a build without a live site (a first build, a plain ``pelican`` run) renders all.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from openletter.cache import Cache, tree_inputs
from openletter.languages import Language
from openletter.pelican_plugin.partial import published
from openletter.pelican_plugin.run import Run, run_of
from openletter.project import THEME_DOMAIN
from openletter.signatures.listing import Listing, ListPage, list_url
from openletter.signatures.search import INDEX_PATH, search_index
from openletter.site.links import LanguageLink, LinkCluster

LIST_TEMPLATE = "signatures.html"
#: Where :func:`openletter.commands.build.build_settings` puts the live site's folder (the run writes elsewhere).
LIVE_KEY = "_openletter_live"


class SignatoriesGenerator(Generator):
    """The lists of signatories and their search index (after the documents' pages)."""

    def generate_output(self, writer: Any) -> None:
        run = run_of(self.settings)
        if run.site.signatories.count and LIST_TEMPLATE in self.env.list_templates():
            live = self.settings.get(LIVE_KEY)
            SignatoryPages(run, self.env, Path(live) if live else None).write(writer, self.context)


class SignatoryPages:
    """Renders (or carries over) the list pages of one run."""

    def __init__(self, run: Run, environment: Any, live: Path | None) -> None:
        self.run = run
        self.site = run.site
        self.environment = environment
        self.live = live
        self.rendered = 0
        self.carried = 0

    def alternates(self) -> LinkCluster:
        site = self.site
        return LinkCluster([
            LanguageLink(language, list_url(language), str(site.ui(language).gettext("Signatories")))
            for language in site.languages
            if site.is_published(language)
        ])  # fmt: skip

    @cached_property
    def templates(self) -> list[bytes]:
        """Every template of the theme (read once per run, not once per language)."""
        return tree_inputs(self.site.options.theme_path / "templates")

    def theme_digest(self, language: Language) -> str:
        """The theme as ``language``'s list pages see it: every template, its theme catalog, the settings they read."""
        parts: list[bytes | str] = [*self.templates]
        catalog = self.site.project.catalog_path(language, THEME_DOMAIN)
        parts.append(catalog.read_bytes() if language != self.site.source and catalog.is_file() else b"")
        parts += [self.site.options.site_url, repr(self.site.options.relative_urls), repr(published(self.run))]
        return Cache.key("signatory-page", *parts)

    def write(self, writer: Any, context: Mapping[str, Any]) -> list[str]:
        """Write every language's list pages and the search index; the site-relative names."""
        site, run = self.site, self.run
        output = Path(writer.output_path)
        records = site.signatories.records
        index = output / INDEX_PATH
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_bytes(search_index(records))
        template = self.environment.get_template(LIST_TEMPLATE)
        alternates = self.alternates()
        memo = run.cache.memo(f"signatory-pages\0{self.live}")
        written = [INDEX_PATH]
        for language in site.languages:
            theme = self.theme_digest(language)
            listing = Listing(language, records, site.options.signers_per_page)
            draft = not site.is_published(language)
            for page in listing.pages(draft, alternates.marked(language), list_url(site.source)):
                key = Cache.key("signatory-page", theme, repr(page.content()))
                if memo.swap(page.save_as, key) == key and self.carry(page, output):
                    self.carried += 1
                else:
                    writer.write_file(page.save_as, template, context, run.options.relative_urls, override_output=True, url=page.url, page=page)
                    self.rendered += 1
                written.append(page.save_as)
                run.many_scripts.add(output / page.save_as)
        return written

    def carry(self, page: ListPage, output: Path) -> bool:
        """Copy ``page`` from the live site, if it has it (its mtime too: what was not rendered shows)."""
        if self.live is None or not (self.live / page.save_as).is_file():
            return False
        target = output / page.save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self.live / page.save_as, target)
        self.run.pages.append(target)
        self.run.carried.add(target)
        self.run.font_groups[target] = ""
        return True
