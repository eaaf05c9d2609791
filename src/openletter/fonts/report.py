"""What a build reports: the woff2 files each page loads, their bytes against the budget, what is missing."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FontFile:
    """One woff2 a page loads."""

    path: Path  # absolute, under site_root/theme/fonts/
    family: str  # the CSS family name
    weight: int
    size: int
    chars: str  # the characters it was cut for, sorted
    sources: tuple[str, ...]  # the slice files, relative to node_modules


@dataclass
class PageFonts:
    """The fonts of one page: its stylesheet and the files it loads."""

    page: Path
    lang: str
    stylesheet: Path
    files: tuple[FontFile, ...]
    budget: int

    @property
    def total_bytes(self) -> int:
        """What the page downloads in fonts (every face it declares is used by its text)."""
        return sum(file.size for file in self.files)


@dataclass
class FontReport:
    """What ``FontBuilder.build`` produced, per page, and what it could not cover."""

    pages: dict[Path, PageFonts] = field(default_factory=dict)
    missing: list[tuple[Path, str]] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0
    page_cache_hits: int = 0  # pages whose whole result (stylesheet, faces, missing) was reused
    page_cache_misses: int = 0  # pages parsed, planned and checked in this build
    seconds: float = 0.0

    def files_for(self, page: Path) -> tuple[FontFile, ...]:
        """The woff2 files ``page`` loads."""
        return self.pages[page].files

    def bytes_for(self, page: Path) -> int:
        """Total font bytes ``page`` loads."""
        return self.pages[page].total_bytes

    def over_budget(self) -> list[tuple[Path, int, int]]:
        """(page, bytes, budget) for each page over its budget."""
        return [(p.page, p.total_bytes, p.budget) for p in self.pages.values() if p.total_bytes > p.budget]

    def summary(self, site_root: Path | None = None) -> str:
        """A plain-text table: page, lang, files, bytes, budget."""
        lines = []
        for page in sorted(self.pages):
            info = self.pages[page]
            name = Path(os.path.relpath(page, site_root)).as_posix() if site_root else str(page)
            lines.append(f"{name:28} {info.lang:8} {len(info.files):3} files {info.total_bytes:8,} B / {info.budget:,}")
        lines.append(
            f"cache: {self.cache_hits} hit(s), {self.cache_misses} miss(es); pages: {self.page_cache_hits} "
            f"reused, {self.page_cache_misses} built; {self.seconds:.1f} s"
        )
        return "\n".join(lines)
