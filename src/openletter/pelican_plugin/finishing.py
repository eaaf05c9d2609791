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
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join
from pelican.writers import Writer

from openletter.cache import Cache, digest
from openletter.errors import Problem
from openletter.fonts import BUDGET_LARGE, BUDGET_SHARED, FontBuilder, FontFile, FontReport, page_langs, shared_stylesheet_for
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
        *budget_warnings(report, output, run.many_scripts, run.list_members, run.cache),
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
    report: FontReport,
    output: Path,
    many_scripts: Collection[Path] = (),
    members: Mapping[Path, Sequence[tuple[str, str, str]]] | None = None,
    cache: Cache | None = None,
) -> list[Problem]:
    """One warning per page whose webfonts are over budget: a subsetting regression, or a page
    showing far more characters than a letter does.  Pages in ``many_scripts`` (the lists of
    signatories: names in every script) have :data:`BUDGET_LARGE` for their own faces.  A page
    that stands for others (``members``: a language's list pages by site-relative name, which
    share its stylesheet, with what each shows in its language, regular and bold) is checked as
    each of them, for the faces its own text makes a browser fetch: one warning for the list, with
    how many of its pages are over and the heaviest."""
    members = members or {}
    problems = [
        _budget_problem(page.page.relative_to(output), page.own_bytes, page.budget, page.shared_bytes)
        for page in report.over_budget()
        if page.page not in members and not (page.page in many_scripts and page.own_bytes <= BUDGET_LARGE and page.shared_bytes <= BUDGET_SHARED)
    ]
    for first, pages in members.items():
        if first in report.pages:
            files = report.pages[first].files
            key = digest(repr([(file.path.name, file.weight, file.size, file.shared) for file in files]), *(part for page in pages for part in page))
            heavy = (cache or Cache(None)).get("list-budgets", (key,), lambda files=files, pages=pages: _heavy(files, pages), valid=list)
            if heavy:
                name, own, shared = max(heavy, key=lambda found: found[1])
                problems.append(_budget_problem(Path(name), own, BUDGET_LARGE, shared, f"{len(heavy)} of the {len(pages)} pages of this list: the heaviest "))
    return problems


def _heavy(files: Sequence[FontFile], pages: Sequence[tuple[str, str, str]]) -> list[tuple[str, int, int]]:
    """The pages over budget, with the bytes of own and shared faces each fetches: the shared
    faces as their first page, the own faces whose characters it shows (bold text from a
    regular face too, for a family without bold)."""
    shared = sum(file.size for file in files if file.shared)
    own = [file for file in files if not file.shared]
    face_of: dict[int, dict[int, int]] = {}  # by weight: code point -> the own face that maps it
    for number, file in enumerate(own):
        face_of.setdefault(file.weight, {}).update(dict.fromkeys(file.codepoints, number))
    regular, bold = face_of.get(400, {}), face_of.get(700, {})
    heavy = []
    for name, shown, heavy_text in pages:
        used = {regular[ord(char)] for char in shown + heavy_text if ord(char) in regular}
        used |= {bold[ord(char)] for char in heavy_text if ord(char) in bold}
        size = sum(own[number].size for number in used)
        if size > BUDGET_LARGE or shared > BUDGET_SHARED:
            heavy.append((name, size, shared))
    return heavy


def _budget_problem(path: Path, own: int, budget: int, shared: int, which: str = "") -> Problem:
    return Problem(
        path, None, "warning", "font-budget",
        f"{which}loads {own:,} bytes of its own webfonts (budget {budget:,}) and up to {shared:,} of the shared ones (budget {BUDGET_SHARED:,})",
    )  # fmt: skip


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
