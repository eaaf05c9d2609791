"""The files a language's letter page offers, by name, and the marks the page holds for them.

One place for both ends: the page (``page.html``, ``base.html``) is rendered before the files
exist, because the files are made from it; so the template marks where each file's size goes
(``<span data-size="NAME">``) and what names each file (``data-takeaway="NAME"`` on its list item
or ``<meta>``), and :func:`fill` writes the sizes in once the files are made, or takes out what
names a file that could not be made.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from openletter.takeaway.papers import Paper

#: The share card's size in pixels: what Open Graph and X (Twitter) show large.
CARD_WIDTH, CARD_HEIGHT = 1200, 630


@dataclass(frozen=True, slots=True)
class TakeawayFile:
    """One file of a language's letter: ``letter.de.a4.pdf``, ``letter.de.txt``, ``letter.de.png``…"""

    name: str
    kind: str  # "pdf", "text", "markdown" or "card"
    media_type: str
    paper: Paper | None = None

    @property
    def size_mark(self) -> Markup:
        """Where the page shows the file's size, filled in by :func:`fill`."""
        return Markup('<span data-size="{}"></span>').format(self.name)


@dataclass(frozen=True, slots=True)
class Takeaway:
    """The files of one language's letter, as its page links them (``page.takeaway``)."""

    folder: str  # the page's folder, site-relative: "de/"
    downloads: tuple[TakeawayFile, ...]  # the page's download links, in order
    card: TakeawayFile | None  # the share card (og:image), when the build makes one

    #: The card's size, for its Open Graph tags.
    card_width: int = CARD_WIDTH
    card_height: int = CARD_HEIGHT

    @property
    def files(self) -> tuple[TakeawayFile, ...]:
        return (*self.downloads, *((self.card,) if self.card else ()))


def takeaway_for(home: str, folder: str, slug: str, papers: Collection[Paper], rendered: bool) -> Takeaway:
    """The files of the letter (content file ``home``) in the language whose pages are in
    ``folder`` (``de/``; ``slug`` names the files): text and Markdown always, the PDFs and the
    share card when the build renders them (``OPENLETTER_PDF``)."""
    stem = f"{home}.{slug}" if slug else home
    pdfs = tuple(TakeawayFile(f"{stem}.{paper.slug}.pdf", "pdf", "application/pdf", paper) for paper in papers) if rendered else ()
    texts = (TakeawayFile(f"{stem}.txt", "text", "text/plain"), TakeawayFile(f"{stem}.md", "markdown", "text/markdown"))
    card = TakeawayFile(f"{stem}.png", "card", "image/png") if rendered else None
    return Takeaway(folder, (*pdfs, *texts), card)


def chooser_takeaway(home: str, rendered: bool) -> Takeaway:
    """The chooser's files: its share card alone (``letter.png``), when the build renders cards."""
    return Takeaway("", (), TakeawayFile(f"{home}.png", "card", "image/png") if rendered else None)


_SIZE = re.compile(r'<span data-size="([^"<>]+)">[^<]*</span>')
_ITEM = re.compile(r'<li data-takeaway="([^"<>]+)"[^>]*>.*?</li>\n?', re.DOTALL)
_META = re.compile(r'<meta [^>]*data-takeaway="([^"<>]+)"[^>]*>\n?')


def fill(html: str, sizes: Mapping[str, int], made: Collection[str], written: Callable[[int], str]) -> str:
    """``html`` with each marked size written (``written(bytes)``: as the page's language writes
    it), and the list items and ``<meta>`` elements that name a file not in ``made`` taken out."""
    html = _SIZE.sub(lambda m: f'<span data-size="{m[1]}">{escape(written(sizes[m[1]]))}</span>' if m[1] in sizes else m[0], html)
    return _META.sub(lambda m: m[0] if m[1] in made else "", _ITEM.sub(lambda m: m[0] if m[1] in made else "", html))
