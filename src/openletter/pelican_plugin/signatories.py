"""Writes every language's list of signatories (what they show: :mod:`openletter.signatures.listing`;
how a page is made: :mod:`.list_frames`) and the search index, when ``signatures/`` holds any record.

A list page is written only when what it shows changed: each page's key is a digest of its
signers, its place among the pages, the theme's templates, its language's theme catalog, the
published languages (its menu) and the code.  A page whose key is the one the file in the
staging folder or in the live site was made for is kept or copied (:mod:`.ledger`); a language
none of whose lists changed is not even sorted.  So adding one signer writes, in each language,
the page it lands on (and, when it moves a cut, a neighbour), the first page of each ordering
(the table of pages, the countries' counts), and the search's files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from openletter.cache import Cache, digest, tree_inputs
from openletter.fonts import PageText, shared_stylesheet_for
from openletter.languages import Language
from openletter.pages.guard import PageGuard
from openletter.pelican_plugin.ledger import Ledger
from openletter.pelican_plugin.list_frames import LIST_TEMPLATE, FrameKey, ListFrames, Member, Rows
from openletter.pelican_plugin.partial import published
from openletter.pelican_plugin.run import Run, run_of
from openletter.project import THEME_DOMAIN
from openletter.signatures.listing import BY_COUNTRY, Listing, Orders, list_url
from openletter.signatures.load import record_id
from openletter.signatures.search import places_files, search_index
from openletter.site.links import LinkCluster

#: The font group of the list pages: their own faces (names in every script) apart from the letters'.
FONT_GROUP = "signatories"
#: Where :func:`openletter.commands.build.build_settings` puts the live site's folder (the run writes elsewhere).
LIVE_KEY = "_openletter_live"


def list_links(run: Run) -> LinkCluster:
    """The list of signatories of every published language (its menu, hreflang and the sitemap)."""
    return run.tool_links("signatures", list_url, "Signatories")


def country_links(run: Run) -> LinkCluster:
    """The list by country of every published language (the sitemap)."""
    return run.tool_links("signatures-by-country", lambda language: list_url(language, BY_COUNTRY), "Signatories")


class SignatoriesGenerator(Generator):
    """The lists of signatories and their search index (after the documents' pages)."""

    def generate_output(self, writer: Any) -> None:
        run = run_of(self.settings)
        if run.site.signatories.count and LIST_TEMPLATE in self.env.list_templates():
            live = self.settings.get(LIVE_KEY)
            SignatoryPages(run, self.env, Path(live) if live else None).write(Path(writer.output_path), self.context)


class SignatoryPages:
    """Writes (or keeps, or copies) the list pages of one run."""

    def __init__(self, run: Run, environment: Any, live: Path | None) -> None:
        self.run = run
        self.site = run.site
        self.environment = environment
        self.live = live
        self.rendered = 0

    @cached_property
    def alternates(self) -> LinkCluster:
        return list_links(self.run)

    @cached_property
    def templates(self) -> list[bytes]:
        """Every template of the theme (read once per run, not once per language)."""
        return tree_inputs(self.site.options.theme_path / "templates")

    def theme_digest(self, language: Language) -> str:
        """The theme as ``language``'s list pages see it: every template, its theme catalog, the settings they read."""
        parts: list[bytes | str] = [*self.templates]
        catalog = self.site.project.catalog_path(language, THEME_DOMAIN)
        parts.append(catalog.read_bytes() if language != self.site.source and catalog.is_file() else b"")
        parts += [self.site.options.site_url, repr(self.site.options.relative_urls), repr(published(self.run)), list_url(self.site.source)]
        return Cache.key("signatory-page", *parts)

    def write(self, output: Path, context: Mapping[str, Any]) -> list[str]:
        """Write every language's list pages and the search's files; the site-relative names."""
        site, run = self.site, self.run
        records = site.signatories.records
        shown = digest(*(repr((record_id(r), r.name, r.affiliation, r.role, r.country)) for r in records))
        self.ledger = Ledger(run.cache.memo(f"signatory-files\0{self.live}"), output, self.live)
        memo = run.cache.memo("signatory-lists")
        # The search index: its files by name and key (a digest of each), remade when the records changed.
        stored = memo.get("search-index", lambda: None)
        if stored is None or stored[0] != shown or not all(self.ledger.reuse(name, file_key) for name, file_key in stored[1]):
            index = [(name, data, digest(data)) for name, data in search_index(records, run.cache).items()]
            for name, data, file_key in index:
                self._file(name, file_key, lambda: data)
            stored = shown, [(name, file_key) for name, _, file_key in index]
        memo.swap("search-index", stored)
        names = [name for name, _ in stored[1]]
        self._made: tuple[Orders, Rows, PageGuard] | None = None
        for language in site.languages:
            theme = self.theme_digest(language)
            key = Cache.key("signatory-list", theme, shown, str(site.options.signers_per_page))
            stored = memo.get(language.tag, lambda: None)
            if stored is not None and stored[0] == key and all(self.ledger.reuse(name, file_key) for name, file_key in stored[1]):
                files, text, members = stored[1], stored[2], stored[4]
            else:
                files, text, frames, members = self.make(language, theme, key, context, stored)
                memo.swap(language.tag, (key, files, text, frames, members))
            names += [name for name, _ in files]
            self._represent(output / list_url(language) / "index.html", text, members)
        self.ledger.save()
        return names

    def make(
        self, language: Language, theme: str, key: str, context: Mapping[str, Any], stored: tuple[Any, ...] | None
    ) -> tuple[list[tuple[str, str]], PageText, dict[FrameKey, Any], list[Member]]:
        """Sort and cut ``language``'s lists, write the pages that changed; each file with its key,
        what the pages show, their frames' texts and what each page shows in its language (its
        font budget).  ``stored``: what the last build kept of them."""
        site, run = self.site, self.run
        records = site.signatories.records
        if self._made is None:
            guard = PageGuard(run.options.absolute_site_url)
            orders = Orders(records, run.cache)
            self._made = orders, Rows(self.environment, guard, orders.signers), guard
        orders, rows, guard = self._made
        listing = Listing(language, records, site.options.signers_per_page, orders)
        frames = ListFrames(self.environment, context, run.options.relative_urls, guard, rows, shared_stylesheet_for(FONT_GROUP))
        pages = list(listing.pages(not site.is_published(language), self.alternates.marked(language), list_url(site.source)))
        files = []
        sources = {"": theme}  # what each frame is made from: the theme; a first page, its content too
        for page in pages:
            page_key = Cache.key("signatory-page", theme, page.content())
            if self._file(page.save_as, page_key, lambda: frames.html(page).encode("utf-8")):
                self.rendered += 1
            files.append((page.save_as, page_key))
            if page.first:
                sources[page.url] = page_key
        for name, data in places_files(listing).items():
            file_key = digest(data)
            self._file(name, file_key, lambda: data)
            files.append((name, file_key))
        known_files, known_texts, known_members = (dict(stored[1]), stored[3], stored[4]) if stored else ({}, {}, [])
        text, texts = frames.text(pages, sources, known_texts)
        now = dict(files)
        same = {member[0]: member for member in known_members if known_files.get(member[0]) == now.get(member[0])}  # page unchanged: what it shows too
        return files, text, texts, frames.members(pages, texts, same)

    def _represent(self, first: Path, text: PageText, members: list[Member]) -> None:
        """The language's first list page stands for all its list pages in the fonts step (they
        link its stylesheet), with their text; like all of them it is guarded already.  Each
        page's font budget is checked for what it shows (``members``)."""
        run = self.run
        run.list_members[first] = members
        run.pages.append(first)
        run.carried.add(first)
        run.font_groups[first] = FONT_GROUP
        run.page_texts[first] = text
        run.many_scripts.add(first)
        run.fonts_apart.add(FONT_GROUP)

    def _file(self, name: str, key: str, make: Callable[[], bytes]) -> bool:
        """Write the site-relative ``name`` unless the ledger has it for ``key``; whether it wrote."""
        if self.ledger.written.get(name, ("",))[0] == key or self.ledger.reuse(name, key):
            return False
        self._write(name, key, make())
        return True

    def _write(self, name: str, key: str, data: bytes) -> None:
        with open(self.ledger.target(name), "wb") as handle:  # a new file: the old one may be a link to the live site's
            handle.write(data)
        self.ledger.record(name, key)
