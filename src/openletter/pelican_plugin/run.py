"""One Pelican run's state: the site it builds, what its templates share, the pages it wrote.

Made afresh at the start of every run (``pelican --autoreload`` runs many in one process) and
kept in the run's settings, so nothing is shared between runs but the build cache on disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openletter.cache import Cache
from openletter.content.documents import Document
from openletter.errors import Problem
from openletter.fonts.text import PageText
from openletter.languages import Language
from openletter.settings import Options, options_of
from openletter.signatures.listing import Summary, summary
from openletter.signatures.record import Record
from openletter.site.links import LanguageLink, LinkCluster, LinkRenderer
from openletter.site.model import Site
from openletter.takeaway.files import Takeaway, chooser_takeaway, takeaway_for

#: More published languages than this make a big site (see :attr:`Run.many_languages`): a page
#: lists every language in its menu, head and Open Graph tags, and at 150 languages those would
#: be most of its bytes.
MANY_LANGUAGES = 30
#: Where a run keeps its :class:`Run` in Pelican's settings (lowercase: not a template variable).
RUN_KEY = "_openletter_run"
#: A caller that prints the run's warnings itself puts a function taking each :class:`Problem` here;
#: otherwise they are logged, as Pelican logs its own.
REPORT_KEY = "_openletter_report"

logger = logging.getLogger("openletter")


def _log(problem: Problem) -> None:
    logger.warning("%s", problem)


@dataclass(slots=True)
class Run:
    """What one Pelican run of an openletter project holds."""

    site: Site
    options: Options
    report: Callable[[Problem], None] = _log
    #: The language menu's and hreflang's items, rendered once per run.
    link_renderer: LinkRenderer = field(default_factory=LinkRenderer)
    #: The theme's ``{% cache %}`` blocks, rendered once per distinct key.
    fragments: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    #: The HTML pages the run wrote, and the group each shares its webfonts with (see :mod:`.finishing`).
    pages: list[Path] = field(default_factory=list)
    font_groups: dict[Path, str] = field(default_factory=dict)
    #: Pages guarded already: copied from the live site by a partial run (see :mod:`.partial`), or
    #: joined from guarded parts (the lists of signatories, see :mod:`.list_frames`).
    carried: set[Path] = field(default_factory=set)
    #: Pages that show text in every script (the lists of signatories): a larger font budget.
    many_scripts: set[Path] = field(default_factory=set)
    #: What pages show, where the run knows it without reading them: a language's first list
    #: page stands for all its list pages, which share its font stylesheet (see :mod:`.signatories`).
    page_texts: dict[Path, PageText] = field(default_factory=dict)
    #: The pages each such page stands for (site-relative), with what each shows in its language (regular, bold):
    #: each list page's font budget is its own, not the whole list's.
    list_members: dict[Path, list[tuple[str, str, str]]] = field(default_factory=dict)
    #: Font groups whose own faces are cut apart from the letter pages' (see FontBuilder.build).
    fonts_apart: set[str] = field(default_factory=set)
    #: Whether the site publishes more than :data:`MANY_LANGUAGES` languages: its lists of
    #: languages are then grouped by script, and its hreflang cluster is in the sitemap only.
    many_languages: bool = False
    #: What the takeaway files of the run came to (see :mod:`openletter.takeaway`), once made.
    takeaway_report: Any = None
    _clusters: dict[str, LinkCluster] = field(default_factory=dict)
    _summaries: dict[Language, Summary] = field(default_factory=dict)
    _shown: list[Record] | None = None

    @classmethod
    def start(cls, settings: MutableMapping[str, Any]) -> Run:
        """Check the settings (once), load and check the site, and keep the run in ``settings``."""
        options = options_of(settings)
        site = Site.load(options, Cache(options.cache_path))
        published = sum(map(site.is_published, site.languages))
        run = cls(site, options, settings.get(REPORT_KEY) or _log, many_languages=published > MANY_LANGUAGES)
        settings[RUN_KEY] = run
        return run

    @property
    def cache(self) -> Cache:
        return self.site.cache

    def takeaway(self, language: Language | None) -> Takeaway:
        """The files of the letter in ``language`` (None: the chooser's, which has a card only)."""
        options = self.options
        if language is None:
            return chooser_takeaway(options.home, options.pdf)
        return takeaway_for(options.home, self.site.url(self.site.home, language), language.slug, options.papers, options.pdf)

    def signatories(self, language: Language) -> Summary:
        """The count and the signers a letter's page in ``language`` shows (made once per language)."""
        if language not in self._summaries:
            signatories, options = self.site.signatories, self.options
            if self._shown is None:
                self._shown = signatories.shown(options.signers_shown, options.notable_signers)
            # The countries' names from a memo: CLDR's territories of a language take ~30 ms to load.
            memo = self.cache.memo("territory-names")
            codes = {record.country for record in self._shown if record.country}
            names = {code: memo.get((language.tag, code), lambda code=code: language.locale.territories.get(code, code)) for code in codes}
            self._summaries[language] = summary(language, signatories.count, self._shown, names)
        return self._summaries[language]

    def tool_links(self, name: str, url: Callable[[Language], str], title: str) -> LinkCluster:
        """Every published language's link to one of the pages beside the letters (``name``:
        ``sign``, ``signatures``; ``url`` of a language's page, ``title`` its theme string), built once."""
        if name not in self._clusters:
            site = self.site
            self._clusters[name] = LinkCluster([
                LanguageLink(language, url(language), str(site.ui(language).gettext(title)))
                for language in site.languages
                if site.is_published(language)
            ])  # fmt: skip
        return self._clusters[name]

    def links(self, document: Document, current: Language | None) -> LinkCluster:
        """Every published language's link to ``document``, ``current`` marked (built once per document)."""
        if document.domain not in self._clusters:
            site = self.site
            self._clusters[document.domain] = LinkCluster([
                LanguageLink(language, edition.url, edition.title, edition.title_fallback)
                for language in site.languages
                if site.is_published(language)
                for edition in (site.edition(document, language),)
            ])  # fmt: skip
        return self._clusters[document.domain].marked(current)


def run_of(settings: MutableMapping[str, Any]) -> Run:
    """The run in ``settings`` (started by the ``get_generators`` receiver)."""
    run = settings.get(RUN_KEY)
    return run if isinstance(run, Run) else Run.start(settings)
