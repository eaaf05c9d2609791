"""The end of a run's work for the takeaway files: every language's letter as text, Markdown,
PDF and share card, written beside its page, and the page's links filled in.

Each file is a pure function of what it is made from (the page's letter, the page's address, the
theme's stylesheet, the faces cut for it, the code), so it is kept in the build cache under a
digest of those: a warm build whose letter did not change renders nothing, and a change to one
language renders only that language's files.  What Chromium renders is rendered in one browser
session per build (:mod:`.chromium`).  A file that would show a character no shipped font has is
not made: its language's page links no such file, and the build warns, naming page and character.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from openletter.atomic import write_into_build
from openletter.cache import Cache
from openletter.errors import OpenletterError, Problem
from openletter.fonts import FontBuilder
from openletter.languages import Language
from openletter.takeaway.chromium import Job, render
from openletter.takeaway.documents import Document, card_document, print_document
from openletter.takeaway.files import Takeaway, TakeawayFile, fill
from openletter.takeaway.letter import PageLetter, read_letter
from openletter.takeaway.plaintext import to_markdown, to_text

#: Where the built site has the theme's stylesheet, which the PDFs use as the page does.
THEME_CSS_PATH = "theme/css/letter.css"
#: The kind of the build cache's entries: one per file, keyed by its kind and its inputs.
CACHE_KIND = "takeaway"


@dataclass(frozen=True)
class LetterPage:
    """A language's letter page of this build, and the files it links."""

    language: Language
    page: Path  # the built page
    url: str  # its address: absolute in a publish build, else its path on the site
    takeaway: Takeaway


@dataclass(frozen=True)
class Card:
    """A share card not tied to one letter page: the chooser's."""

    path: Path
    document: Document


@dataclass
class TakeawayReport:
    """What a build made: the files it rendered or wrote anew (by site path) and those it took
    from the cache, each file's size, and what could not be made."""

    made: list[str] = field(default_factory=list)
    reused: int = 0
    sizes: dict[str, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)


class TakeawayBuilder:
    """Makes the takeaway files of a built site under ``output``."""

    def __init__(self, output: Path, cache: Cache, fonts: FontBuilder, chromium: Path) -> None:
        self.output = output
        self.cache = cache
        self.fonts = fonts
        self.chromium = chromium
        self.report = TakeawayReport()
        self._pending: list[tuple[Path, str, Job]] = []  # (file, cache key, what renders it)
        self._results: dict[Path, bytes] = {}

    def build(self, pages: list[LetterPage], cards: list[Card] = ()) -> TakeawayReport:  # type: ignore[assignment]
        """Make and write every file of ``pages`` (and ``cards``), then fill in each page's links."""
        theme_css = (self.output / THEME_CSS_PATH).read_bytes() if any(file.paper for page in pages for file in page.takeaway.files) else b""
        planned: list[tuple[LetterPage, str, dict[str, bytes | None]]] = []  # (page, its HTML, its files)
        for page in pages:
            relative = page.page.relative_to(self.output)
            html = page.page.read_text(encoding="utf-8")
            # Parsed once per page as written (a warm build rewrites the same page): ~1.5 ms a page.
            letter = self.cache.get("takeaway-letter", (relative.as_posix(), html), partial(read_letter, html, relative), valid=PageLetter)
            planned.append((page, html, self._plan(page, letter, theme_css)))
        for card in cards:
            if card.document.missing:
                self._refuse(card.path.with_name("index.html"), card.path.name, card.document)
            else:
                self._want(card.path, card.document, "card")
        self._render()
        for page, html, files in planned:
            folder = page.page.parent
            made = {}
            for name, data in files.items():
                data = data if data is not None else self._results.get(folder / name)
                if data is not None:
                    self._write(folder / name, data)
                    made[name] = len(data)
            filled = fill(html, made, made, page.language.format_size)
            if filled != html:
                page.page.write_text(filled, encoding="utf-8")
        for card in cards:
            if card.path in self._results:
                self._write(card.path, self._results[card.path])
        return self.report

    def _plan(self, page: LetterPage, letter: PageLetter, theme_css: bytes) -> dict[str, bytes | None]:
        """Each file's bytes, from the cache or made now; None for what Chromium is to render."""
        folder = page.page.parent
        files: dict[str, bytes | None] = {}
        renderers: dict[str, Callable[[], bytes]] = {"text": lambda: to_text(letter, page.url).encode("utf-8"),
                                                     "markdown": lambda: to_markdown(letter, page.url).encode("utf-8")}  # fmt: skip
        printed: Document | None = None  # one document for the PDFs of every paper
        for file in page.takeaway.files:
            if file.kind in renderers:
                files[file.name] = self._get(folder / file.name, (file.kind, letter.article, page.url), renderers[file.kind])
                continue
            if file.paper is not None:
                printed = printed or print_document(f"letter.{page.language.slug}.pdf", letter, page.url, page.language.digits, theme_css, self.fonts)
                document = printed
            else:
                document = self._card(page, letter, file)
            if document.missing:
                self._refuse(page.page, file.name, document)
            elif self._want(folder / file.name, document, "pdf" if file.kind == "pdf" else "card", file.paper.css if file.paper else ""):
                files[file.name] = None
        return files

    def _card(self, page: LetterPage, letter: PageLetter, file: TakeawayFile) -> Document:
        language = page.language
        return card_document(file.name, letter.lang, letter.direction, letter.title, letter.title_lang,
                             [(language.native_name, language.tag, language.direction)], self.fonts)  # fmt: skip

    def _refuse(self, page: Path, name: str, document: Document) -> None:
        """A warning naming the page and the characters for which file ``name`` is not made."""
        chars = ", ".join(f"U+{ord(char):04X} {char!r}" for char in document.missing[:8])
        self.report.warnings.append(Problem(page.relative_to(self.output), None, "warning", "takeaway",
                                            f"{name} not made (and not linked): no shipped font has {chars}"))  # fmt: skip

    def _get(self, path: Path, inputs: tuple[str, ...], make: Callable[[], bytes]) -> bytes:
        """A file that needs no browser: from the cache, or made now (and counted)."""
        key = Cache.key(CACHE_KIND, *inputs)
        data = self.cache.load(CACHE_KIND, key)
        if isinstance(data, bytes):
            self.report.reused += 1
            return data
        data = make()
        self.cache.store(CACHE_KIND, key, data)
        self.report.made.append(self._site_path(path))
        return data

    def _want(self, path: Path, document: Document, kind: str, paper: str = "") -> bool:
        """Take a rendered file from the cache, or queue it for Chromium; True when it will exist."""
        key = Cache.key(CACHE_KIND, kind, paper, *document.key())
        data = self.cache.load(CACHE_KIND, key)
        if isinstance(data, bytes):
            self.report.reused += 1
            self._results[path] = data
        else:
            self._pending.append((path, key, Job(document, kind, paper)))
        return True

    def _render(self) -> None:
        """Render what the cache lacked, in one Chromium session, and keep it."""
        rendered = render(self.chromium, [job for _, _, job in self._pending])
        for (path, key, _), data in zip(self._pending, rendered):
            self.cache.store(CACHE_KIND, key, data)
            self._results[path] = data
            self.report.made.append(self._site_path(path))
        self._pending.clear()

    def _write(self, path: Path, data: bytes) -> None:
        write_into_build(path, data)
        self.report.sizes[self._site_path(path)] = len(data)

    def _site_path(self, path: Path) -> str:
        return path.relative_to(self.output).as_posix()


def letter_pages(output: Path, entries: list[tuple[Language, str, Takeaway]], site_url: str) -> list[LetterPage]:
    """The letter pages of a build under ``output``: each language, its page's folder (``de/``)
    and files; their addresses absolute when the site has one (``SITEURL``)."""
    pages = []
    for language, folder, takeaway in entries:
        page = output / folder / "index.html"
        if not page.is_file():
            raise OpenletterError("the letter page the takeaway files are made from was not written", path=page)
        pages.append(LetterPage(language, page, f"{site_url}/{folder}" if site_url else f"/{folder}", takeaway))
    return pages
