"""What a build reports: the faces each page declares, their bytes against the budget, what is missing."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from openletter.fonts.families import BUDGET_SHARED


@dataclass(frozen=True)
class FontFile:
    """One WOFF2 a page declares."""

    path: Path  # absolute, under site_root/theme/fonts/
    family: str  # the CSS family name
    weight: int
    size: int
    codepoints: frozenset[int]  # what it maps: its unicode-range
    source: str  # the slice file it was cut from, relative to node_modules
    #: A face every page shares (text in other languages than the page's), not the page's own.
    shared: bool = False

    @property
    def package(self) -> str:
        """The ``@fontsource`` package it comes from."""
        return self.source.split("/")[1]

    @property
    def chars(self) -> str:
        return "".join(map(chr, sorted(self.codepoints)))


@dataclass
class PageFonts:
    """The fonts of one page: its stylesheet and the files it declares."""

    page: Path
    lang: str
    stylesheet: Path
    files: tuple[FontFile, ...]  # the own and shared faces its text uses (what a reader fetches)
    budget: int
    #: The stylesheet of the page's group, declaring every shared face (linked before its own).
    shared_stylesheet: Path | None = None

    @property
    def total_bytes(self) -> int:
        """The most a reader of the page fetches: its own faces and the shared faces its text in
        other languages uses (a browser fetches those its visible text uses)."""
        return sum(file.size for file in self.files)

    @property
    def own_bytes(self) -> int:
        """The page's own faces: what a reader fetches for the text in the page's language."""
        return sum(file.size for file in self.files if not file.shared)

    @property
    def shared_bytes(self) -> int:
        """The shared faces the page's text in other languages uses (the language menu's names)."""
        return self.total_bytes - self.own_bytes

    @property
    def over_budget(self) -> bool:
        return self.own_bytes > self.budget or self.shared_bytes > BUDGET_SHARED


@dataclass
class FontReport:
    """What ``FontBuilder.build`` produced, per page, and what it could not cover."""

    pages: dict[Path, PageFonts] = field(default_factory=dict)
    missing: list[tuple[Path, str]] = field(default_factory=list)
    #: Faces made in this build, and faces the cache already held.
    made: int = 0
    reused: int = 0
    seconds: float = 0.0

    def files_for(self, page: Path) -> tuple[FontFile, ...]:
        return self.pages[page].files

    def bytes_for(self, page: Path) -> int:
        return self.pages[page].total_bytes

    def over_budget(self) -> list[PageFonts]:
        """The pages whose own faces are over their budget, or whose shared faces are over
        :data:`~openletter.fonts.families.BUDGET_SHARED`."""
        return [page for page in self.pages.values() if page.over_budget]

    def summary(self, site_root: Path | None = None) -> str:
        """A plain-text table: page, lang, files, own and declared bytes, budget."""
        lines = []
        for page in sorted(self.pages):
            info = self.pages[page]
            name = Path(os.path.relpath(page, site_root)).as_posix() if site_root else str(page)
            lines.append(f"{name:28} {info.lang:8} {len(info.files):3} files {info.own_bytes:8,} B own / {info.budget:,} {info.shared_bytes:8,} B shared / {BUDGET_SHARED:,}")
        lines.append(f"faces: {self.made} made, {self.reused} from the cache; {self.seconds:.2f} s")
        return "\n".join(lines)
