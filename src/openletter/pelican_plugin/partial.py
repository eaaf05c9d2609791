"""A run that re-renders only what some languages' catalogs feed (the preview, after a catalog save).

A page of a language other than the source (its documents' pages, its review page, its
dashboard) shows that language's catalogs, the source documents and the theme, and of the other
languages only the list of published ones (menu, hreflang, Open Graph).  So after a save of
language L's catalogs, every other language's page is as the last build wrote it: such a run
copies those pages from the live site instead of rendering, guarding and reading them again.
What every language feeds (the chooser, the source language's pages and dashboard, the badges,
the sitemap, the notices, the webfonts) is made as in a full run.  When the list of published
languages changed (a language crossed the publish threshold, one was added or removed), every
page is rendered.  The preview holds the result equal to a full build's (tested).
"""

from __future__ import annotations

import shutil
from collections.abc import Collection, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openletter.pelican_plugin.run import Run

#: Where a caller puts a :class:`Partial` in a run's settings (lowercase: not a template variable).
PARTIAL_KEY = "_openletter_partial"

#: What a language's page shows of the other languages: each one's tag and whether it is published.
Published = tuple[tuple[str, bool], ...]


def published(run: Run) -> Published:
    """The facts of the other languages every page of a language shows (its menu, its hreflang)."""
    site = run.site
    return (*((language.tag, site.is_published(language)) for language in site.languages), ("many", run.many_languages))


@dataclass(slots=True)
class Partial:
    """Copy from ``live`` the pages of languages not in ``changed`` (tags), unless ``published``
    differs from this run's (None: render every page, as the first build of a preview does).

    After the run, :attr:`seen` holds its :func:`published`, for the next partial run."""

    live: Path
    changed: Collection[str] = ()
    published: Published | None = None
    seen: Published | None = field(default=None, init=False)
    copied: int = field(default=0, init=False)

    def carries(self, run: Run, name: str, page: Any) -> bool:
        """Whether the page ``name`` (rendered for ``page``) is copied from the live site: a page of
        an unchanged language other than the source, while the published languages are the same."""
        if self.seen is None:
            self.seen = published(run)
        language = getattr(page, "language", None)
        return (
            self.published == self.seen
            and language is not None
            and language != run.site.source
            and language.tag not in self.changed
            and (self.live / name).is_file()
        )

    def carry(self, name: str, target: Path) -> None:
        """Copy the live site's ``name`` to ``target`` in the run's output folder."""
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self.live / name, target)  # its mtime too: what was not rendered shows
        self.copied += 1


def partial_of(settings: MutableMapping[str, Any]) -> Partial | None:
    partial = settings.get(PARTIAL_KEY)
    return partial if isinstance(partial, Partial) else None
