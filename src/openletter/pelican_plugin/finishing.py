"""The end of every run: each page the run wrote is guarded, gets its webfonts, and is reported on.

Part of the Pelican run itself (a writer that records the pages, and ``signals.finalized``), so
``pelican``, ``invoke build``, the preview and ``invoke publish`` produce the same site.

* The guard (:mod:`openletter.pages.guard`) sanitizes every page's body and checks its head: the
  last line of defence against a hostile translation.
* The fonts (:mod:`openletter.fonts`) subset the webfonts to each page's characters and write the
  stylesheet the page links.  A character no shipped webfont covers is a ``font-coverage``
  warning: the reader's system fonts show it.
* Pages of the pseudo-locale are scanned for English that no ``‹ ›`` marks: theme text nobody
  marked for translation (``unmarked`` warnings).
* The takeaway files (:mod:`openletter.takeaway`): every language's letter as text, Markdown
  and (with ``OPENLETTER_PDF``) PDF and share card, made from the guarded page and written beside
  it; the page's links get the files' sizes before its webfonts are cut (they show them).
* A ``SITEURL`` below its host's root is a ``robots`` warning: crawlers never read the site's
  ``robots.txt`` there (:mod:`openletter.hosting`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join
from pelican.writers import Writer

from openletter.errors import Problem
from openletter.fonts import BUDGET_LARGE, BUDGET_SHARED, FontBuilder, FontReport, PageFonts, page_langs, shared_stylesheet_for
from openletter.fonts.notices import notices
from openletter.hosting import robots_warning
from openletter.pages.guard import PageGuard
from openletter.pages.unmarked import unmarked_text
from openletter.pelican_plugin.partial import partial_of
from openletter.pelican_plugin.run import Run, run_of
from openletter.pseudo import PseudoLanguage
from openletter.takeaway.builder import Card, TakeawayBuilder, TakeawayReport, letter_pages
from openletter.takeaway.documents import card_document

#: Pages whose webfonts are shared, by the template they are rendered from: the chooser shows every
#: language's title, the translators' pages the English beside each translation.  The documents'
#: pages (the rest) share theirs, so a reader moving between them fetches nothing new.
FONT_GROUPS = {"index.html": "chooser", "translate.html": "translators", "review.html": "translators"}


class PageRecordingWriter(Writer):
    """Pelican's writer, keeping the list of HTML pages it wrote (and their font groups) for :func:`finish`."""

    def write_file(self, name: str, template: Any, *args: Any, **kwargs: Any) -> None:
        """Write the page, telling its template the group's shared font stylesheet (``fonts_shared``);
        in a partial run (:mod:`.partial`) a page it carries is copied from the live site instead."""
        group = FONT_GROUPS.get(getattr(template, "name", ""), "")
        if not name.endswith(".html"):
            super().write_file(name, template, *args, **kwargs)
            return
        run = run_of(self.settings)
        partial = partial_of(self.settings)
        page = Path(sanitised_join(self.output_path, name))
        if partial is not None and partial.carries(run, name, kwargs.get("page")):
            partial.carry(name, page)
            run.carried.add(page)
        else:
            kwargs["fonts_shared"] = shared_stylesheet_for(group)
            super().write_file(name, template, *args, **kwargs)
        run.pages.append(page)
        run.font_groups[page] = group


def finish(run: Run, output: Path) -> None:
    """Guard, set fonts for and report on the pages the run wrote under ``output``."""
    pages = list(dict.fromkeys(run.pages))
    guard = PageGuard(run.options.absolute_site_url)
    for page in pages:
        if page in run.carried:  # guarded when the live site was built
            continue
        guard.sanitize_file(page, page.relative_to(output), run.cache)
    fonts = FontBuilder(run.options.node_modules, run.cache)
    run.takeaway_report = takeaway = make_takeaway(run, output, fonts)
    report = fonts.build(output, page_langs(pages, run.site.source.tag), run.font_groups, notices(output), texts=run.page_texts, apart=run.fonts_apart)
    robots = robots_warning(run.options)
    # A script no shipped webfont covers (a new language, say) is shown by the reader's system
    # fonts; the build says which characters so a maintainer can add a Noto family.
    problems = [
        *([robots] if robots else []),
        *run.site.warnings,
        *takeaway.warnings,
        *font_warnings(report.missing, output),
        *budget_warnings(report, output, run.many_scripts, run.list_members),
        *unmarked_warnings(run, pages, output),
    ]
    run.cache.save_memos()
    for problem in problems:
        run.report(problem)


def make_takeaway(run: Run, output: Path, fonts: FontBuilder) -> TakeawayReport:
    """Every language's letter as text, Markdown, PDF and share card, and the chooser's card."""
    site = run.site
    entries = [(language, site.url(site.home, language), run.takeaway(language)) for language in site.languages]
    builder = TakeawayBuilder(output, run.cache, fonts, run.options.chromium)
    chooser = run.takeaway(None).card
    cards = []
    if chooser is not None:
        home = site.edition(site.home, site.source)
        names = [(language.native_name, language.tag, language.direction) for language in site.languages if site.is_published(language)]
        document = card_document(chooser.name, site.source.tag, site.source.direction, home.title, "", names, fonts)
        cards.append(Card(output / chooser.name, document))
    return builder.build(letter_pages(output, entries, run.options.absolute_site_url), cards)


def budget_warnings(
    report: FontReport, output: Path, many_scripts: Collection[Path] = (), members: Mapping[Path, Sequence[tuple[Path, str, str]]] | None = None
) -> list[Problem]:
    """One warning per page whose webfonts are over budget: a subsetting regression, or a page
    showing far more characters than a letter does.  Pages in ``many_scripts`` (the lists of
    signatories: names in every script) have :data:`BUDGET_LARGE` for their own faces.  A page
    that stands for others (``members``: a language's list pages, which share its stylesheet) is
    checked as each of them, for the faces its own text makes a browser fetch: one warning for
    the list, with how many of its pages are over and the heaviest."""
    members = members or {}

    def over(page: PageFonts, large: bool) -> bool:
        return page.over_budget and not (large and page.own_bytes <= BUDGET_LARGE and page.shared_bytes <= BUDGET_SHARED)

    problems = [_budget_problem(page, output) for page in report.over_budget() if page.page not in members and over(page, page.page in many_scripts)]
    for first, pages in members.items():
        if first in report.pages:
            heavy = [page for page in (_member(report.pages[first], *member) for member in pages) if over(page, True)]
            if heavy:
                worst = max(heavy, key=lambda page: page.own_bytes)
                problems.append(_budget_problem(worst, output, f"{len(heavy)} of the {len(pages)} pages of this list: the heaviest "))
    return problems


def _budget_problem(page: PageFonts, output: Path, which: str = "") -> Problem:
    return Problem(
        page.page.relative_to(output), None, "warning", "font-budget",
        f"{which}loads {page.own_bytes:,} bytes of its own webfonts (budget {BUDGET_LARGE if which else page.budget:,}) and up to "
        f"{page.shared_bytes:,} of the shared ones (budget {BUDGET_SHARED:,})",
    )  # fmt: skip


def _member(first: PageFonts, page: Path, regular: str, bold: str) -> PageFonts:
    """``first``'s fonts as ``page``, sharing its stylesheet, fetches them for the text it shows in
    its language (``regular``, ``bold``): its own faces whose characters it shows (bold text from a
    regular face too, for a family without bold), the shared ones as ``first``."""
    shown = {400: frozenset(map(ord, regular + bold)), 700: frozenset(map(ord, bold))}
    files = tuple(file for file in first.files if file.shared or not file.codepoints.isdisjoint(shown.get(file.weight, shown[400])))
    return replace(first, page=page, files=files)


def font_warnings(missing: Iterable[tuple[Path, str]], output: Path) -> list[Problem]:
    """One warning per page listing the characters no webfont covers."""
    by_page: dict[Path, list[str]] = {}
    for page, char in missing:
        by_page.setdefault(page, []).append(char)
    return [
        Problem(
            page.relative_to(output),
            None,
            "warning",
            "font-coverage",
            f"{len(chars)} character(s) no webfont covers, left to system fonts: "
            + " ".join(f"U+{ord(char):04X}" for char in sorted(set(chars))[:12]),
        )
        for page, chars in sorted(by_page.items())
    ]


def unmarked_warnings(run: Run, pages: list[Path], output: Path) -> list[Problem]:
    """What the pseudo-locale's pages show in plain English: theme strings not marked for translation."""
    problems = []
    for language in run.site.languages:
        if isinstance(language, PseudoLanguage):
            folder = output / language.slug
            for page in sorted(page for page in pages if page.is_relative_to(folder)):
                relative = page.relative_to(output)
                for found in unmarked_text(page.read_text(encoding="utf-8"), relative, language.tag):
                    problems.append(Problem(relative, found.line, "warning", "unmarked", f"{found.text!r} is not marked for translation"))
    return problems
