"""The installed ``@fontsource`` packages: their slice files, what each maps, and which slices a page needs."""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from openletter.atomic import write_bytes_atomic
from openletter.errors import OpenletterError
from openletter.fonts.caching import _from_ranges, _to_ranges
from openletter.fonts.constants import PIPELINE_VERSION, WEIGHTS
from openletter.fonts.families import FAMILIES, Family

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

_AUXILIARY_SLICES = frozenset({"math", "symbols"})


def _sha256_file(path: Path) -> str:
    """Content hash of a file: the identity of a source font in cache keys."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise OpenletterError(f"cannot read font: {error}", path=path) from None


def _font_errors() -> tuple[type[BaseException], ...]:
    """What fontTools raises on a damaged or foreign file (it has no single exception class).

    A function, not a constant: ``fontTools.ttLib`` is imported only when a font is really
    opened (a cache miss), so a warm build never pays for it."""
    from fontTools.ttLib import TTLibError

    return (OSError, EOFError, TTLibError, struct.error, AssertionError, ValueError, KeyError, IndexError, TypeError)


def _load_font(path: Path | io.BytesIO, origin: Path) -> TTFont:
    """Open a font lazily and without touching its timestamp; unreadable fonts name their file."""
    from fontTools.ttLib import TTFont

    try:
        return TTFont(path, lazy=True, recalcTimestamp=False)
    except _font_errors() as error:
        raise OpenletterError(f"cannot read font: {error or type(error).__name__}", path=origin) from None


def _font_cmap(font_file: Path | io.BytesIO, origin: Path) -> frozenset[int]:
    """The code points a font maps (its best Unicode cmap); errors name ``origin``."""
    font = _load_font(font_file, origin)
    try:
        return frozenset(font.getBestCmap() or ())
    except _font_errors() as error:
        raise OpenletterError(f"cannot read font: {error or type(error).__name__}", path=origin) from None
    finally:
        font.close()


def _read_cmap(path: Path) -> frozenset[int]:
    """The code points a font file maps."""
    return _font_cmap(path, path)


def _is_slice(name: str, package: str, weight: int) -> bool:
    """Whether ``name`` is a normal-style slice of ``package`` at ``weight`` (``<package>-*-<w>-normal.woff``)."""
    prefix, suffix = f"{package}-", f"-{weight}-normal.woff"
    return len(name) >= len(prefix) + len(suffix) and name.startswith(prefix) and name.endswith(suffix)


def _slice_names(files_dir: Path, package: str, weight: int) -> list[str]:
    """The slice files of one weight, sorted; none when the folder is missing (the caller says so)."""
    try:
        with os.scandir(files_dir) as entries:
            return sorted(entry.name for entry in entries if _is_slice(entry.name, package, weight))
    except OSError:
        return []


def _fonts_stamp(node_modules: Path) -> str:
    """Identity of every slice a page could be set in: package, file name, size and mtime.

    Which family and slice renders a character depends on all slices' coverage, not only on
    those a page ends up cut from, so a page's cached result is keyed by all of them. Stat data
    is what the coverage index already trusts, and costs milliseconds where hashing the ~50 MB
    of slices would cost more than a whole warm build; the slices a page's subsets are actually
    cut from are still checked by content (``_PageResult.source_hashes``).
    """
    digest = hashlib.sha256()
    suffixes = tuple(f"-{weight}-normal.woff" for weight in WEIGHTS)
    for family in FAMILIES:
        files_dir = node_modules / "@fontsource" / family.package / "files"
        try:
            with os.scandir(files_dir) as entries:
                found = sorted(
                    (entry.name, stat.st_size, stat.st_mtime_ns)
                    for entry in entries
                    if entry.name.endswith(suffixes)
                    and any(_is_slice(entry.name, family.package, weight) for weight in WEIGHTS)
                    for stat in (entry.stat(),)
                )
        except OSError:
            found = []  # not installed: the build says so when it needs the package
        digest.update(json.dumps([family.package, found]).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Source:
    """One Fontsource slice file (for one weight), with the code points its cmap maps."""

    path: Path
    name: str  # the slice: "latin", "latin-ext", "japanese", "119", ...
    size: int
    codepoints: frozenset[int]

    @property
    def numbered(self) -> bool:
        """Numbered slices are Fontsource's frequency shards of CJK fonts; named ones are whole scripts."""
        return self.name.isdigit()

    @property
    def auxiliary(self) -> bool:
        """The ``math`` and ``symbols`` slices also map ASCII and Greek, without the script slices'
        kerning between them: use them only for what no script slice has."""
        return self.name in _AUXILIARY_SLICES


class _Package:
    """An installed ``@fontsource/<name>`` package: its slice files per weight and their coverage.

    WOFF 1 files are read, not the woff2 twins: same fonts, but zlib tables open in
    milliseconds where fontTools' pure-Python woff2 glyf decoding takes seconds for CJK.
    """

    def __init__(self, node_modules: Path, family: Family, index_dir: Path | None = None) -> None:
        self.family = family
        self.node_modules = node_modules
        self.index_dir = index_dir
        self.root = node_modules / "@fontsource" / family.package
        manifest = self.root / "package.json"
        if not manifest.is_file():
            raise OpenletterError(
                f"font package @fontsource/{family.package} is not installed: run `npm ci`", path=self.root
            )
        try:
            self.version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError) as error:
            raise OpenletterError(f"unreadable package.json ({error}): run `npm ci`", path=manifest) from None
        self.license = self.root / "LICENSE"
        self._sources: dict[int, tuple[Source, ...]] = {}
        self._coverage: dict[int, frozenset[int]] = {}

    def sources(self, weight: int) -> tuple[Source, ...]:
        """The package's normal-style slices of ``weight``, sorted by name (read once)."""
        if weight not in self._sources:
            prefix, suffix = f"{self.family.package}-", f"-{weight}-normal.woff"
            files = self.root / "files"
            paths = [files / name for name in _slice_names(files, self.family.package, weight)]
            if not paths:
                raise OpenletterError(
                    f"@fontsource/{self.family.package} has no {weight} normal fonts: run `npm ci`",
                    path=self.root / "files",
                )
            cmaps = self._cmaps(paths)
            self._sources[weight] = tuple(
                Source(path, path.name[len(prefix) : -len(suffix)], path.stat().st_size, cmaps[path.name])
                for path in paths
            )
        return self._sources[weight]

    def coverage(self, weight: int) -> frozenset[int]:
        """Every code point any slice of ``weight`` maps."""
        if weight not in self._coverage:
            self._coverage[weight] = frozenset().union(*(source.codepoints for source in self.sources(weight)))
        return self._coverage[weight]

    def _cmaps(self, paths: list[Path]) -> dict[str, frozenset[int]]:
        """The cmap of every file, from the index in the cache when the files are unchanged.

        Reading ~1000 CJK slice cmaps takes seconds (fontTools names every glyph on the way);
        the index, keyed by file names, sizes and mtimes, makes a warm build skip it.
        """
        stamp = hashlib.sha256(
            json.dumps([[p.name, p.stat().st_size, p.stat().st_mtime_ns] for p in paths]).encode()
        ).hexdigest()[:24]
        index = None if self.index_dir is None else self.index_dir / f"{paths[0].parent.parent.name}-{stamp}.json"
        if index is not None:
            try:
                cached = json.loads(index.read_text(encoding="utf-8"))
                if cached.get("pipeline") == PIPELINE_VERSION:
                    return {name: _from_ranges(ranges) for name, ranges in cached["files"].items()}
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass  # no index yet, or a damaged one: read the fonts
        cmaps = {path.name: _read_cmap(path) for path in paths}
        if index is not None:
            files = {name: _to_ranges(cps) for name, cps in cmaps.items()}
            data = json.dumps({"pipeline": PIPELINE_VERSION, "files": files}, sort_keys=True)
            write_bytes_atomic(index, data.encode("utf-8"))
        return cmaps


def choose_sources(sources: Iterable[Source], codepoints: Iterable[int]) -> list[tuple[Source, frozenset[int]]]:
    """Pick few slices that together map ``codepoints``, and which code points each supplies.

    Greedy set cover: among the slices that supply anything still needed, script slices go
    before the auxiliary ``math``/``symbols`` ones, then the one covering most wins; ties go to
    named (whole-script) slices, then smaller files, then names, so the choice is stable.
    A page of Japanese is then one ``japanese`` slice rather than dozens of numbered shards.
    Code points no slice maps are left out (the caller decides whether that is a problem).
    """
    needed = set(codepoints)
    chosen: list[tuple[Source, frozenset[int]]] = []
    candidates = list(sources)
    while needed:
        useful = [s for s in candidates if s.codepoints & needed]
        if not useful:
            break
        best = min(useful, key=lambda s: (s.auxiliary, -len(s.codepoints & needed), s.numbered, s.size, s.name))
        supplied = frozenset(best.codepoints & needed)
        chosen.append((best, supplied))
        needed -= supplied
        candidates.remove(best)
    return chosen
