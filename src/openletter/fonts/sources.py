"""The installed ``@fontsource`` packages: their slices, what each slice maps, and reading a slice.

Fontsource splits every family into ``unicode-range`` slices (``latin``, ``latin-ext``, ``thai``;
numbered shards for CJK), each shipped as WOFF and WOFF2.  The WOFF files are read: a WOFF is its
tables compressed one by one with zlib, so a slice decodes in well under a millisecond, and a
slice's character map is read from its ``cmap`` table alone.  HarfBuzz reads the decoded fonts.
"""

from __future__ import annotations

import functools
import json
import os
import struct
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openletter.cache import Cache
from openletter.errors import OpenletterError
from openletter.fonts.families import Family

#: The SIL Open Font License 1.1 as the Noto packages ship it, below their copyright line.
OFL_TEXT = Path(__file__).with_name("OFL-1.1.txt")

#: Slices that map ASCII and Greek too, without the script slices' kerning: used only for what no
#: script slice has.
_AUXILIARY_SLICES = frozenset({"math", "symbols"})
_WOFF_HEADER = struct.Struct(">4sIIHHIHHIIIII")
_WOFF_ENTRY = struct.Struct(">4sIIII")


class FontFileError(OpenletterError):
    """A font file that cannot be read (damaged, or not a WOFF)."""


def woff_tables(data: bytes, path: Path, only: tuple[bytes, ...] | None = None) -> list[tuple[bytes, bytes]]:
    """The (tag, table) pairs of a WOFF file, decompressed; just the ``only`` tables when given."""
    return [(tag, table) for tag, table, _ in _woff_entries(data, path, only)]


def _woff_entries(data: bytes, path: Path, only: tuple[bytes, ...] | None = None) -> list[tuple[bytes, bytes, int]]:
    """(tag, table, checksum) of a WOFF file's tables: the checksum the WOFF directory records."""
    try:
        signature, flavor, _, count, *_ = _WOFF_HEADER.unpack_from(data)
        if signature != b"wOFF":
            raise FontFileError("not a WOFF file", path=path)
        tables = []
        for index in range(count):
            tag, offset, length, original, checksum = _WOFF_ENTRY.unpack_from(data, _WOFF_HEADER.size + index * _WOFF_ENTRY.size)
            if only is not None and tag not in only:
                continue
            raw = data[offset : offset + length]
            table = zlib.decompress(raw) if length < original else raw
            if len(table) != original:
                raise FontFileError(f"table {tag.decode('latin-1')} is damaged", path=path)
            tables.append((tag, table, checksum))
        return tables
    except (struct.error, zlib.error) as error:
        raise FontFileError(f"cannot read font: {error}", path=path) from None


def woff_to_sfnt(data: bytes, path: Path) -> bytes:
    """The OpenType font a WOFF file holds (what HarfBuzz reads), with the checksums its WOFF
    directory records (summing every table again cost a tenth of a cold build)."""
    flavor = _WOFF_HEADER.unpack_from(data)[1] if len(data) >= _WOFF_HEADER.size else 0
    entries = sorted(_woff_entries(data, path))
    return _sfnt(flavor, [(tag, table) for tag, table, _ in entries], [checksum for _, _, checksum in entries])


def _sfnt(flavor: int, tables: list[tuple[bytes, bytes]], checksums: list[int] | None = None) -> bytes:
    """An OpenType file of ``tables`` (sorted by tag), with its table directory (``checksums``:
    each table's, when known)."""
    count = len(tables)
    power = 1 << (count.bit_length() - 1) if count else 0
    header = struct.pack(">IHHHH", flavor, count, power * 16, max(power.bit_length() - 1, 0), count * 16 - power * 16)
    offset = 12 + 16 * count
    records, body = [], []
    for index, (tag, table) in enumerate(tables):
        checksum = checksums[index] if checksums is not None else _checksum(table)
        records.append(struct.pack(">4sIII", tag, checksum, offset, len(table)))
        padded = table + b"\0" * (-len(table) % 4)
        body.append(padded)
        offset += len(padded)
    return header + b"".join(records) + b"".join(body)


def _checksum(table: bytes) -> int:
    padded = table + b"\0" * (-len(table) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def cmap_of(data: bytes, path: Path) -> frozenset[int]:
    """The code points a WOFF file maps, from its ``cmap`` and ``maxp`` tables alone (HarfBuzz
    drops a mapping to a glyph the font's ``maxp`` does not count)."""
    tables = dict(woff_tables(data, path, only=(b"cmap", b"maxp")))
    if b"cmap" not in tables or b"maxp" not in tables:
        raise FontFileError("no cmap or maxp table", path=path)
    import uharfbuzz as hb  # only a build that reads a package's coverage pays for its import

    return frozenset(hb.Face(_sfnt(0x00010000, sorted(tables.items()))).unicodes)


@dataclass(frozen=True)
class Slice:
    """One Fontsource slice file of one weight, with the code points its cmap maps."""

    path: Path
    name: str  # "latin", "latin-ext", "thai", "119", ...
    size: int
    codepoints: frozenset[int]

    @property
    def numbered(self) -> bool:
        """Numbered slices are Fontsource's frequency shards of CJK fonts; named ones are whole scripts."""
        return self.name.isdigit()

    @property
    def auxiliary(self) -> bool:
        return self.name in _AUXILIARY_SLICES


class Package:
    """An installed ``@fontsource/<name>`` package: its slices per weight and their coverage."""

    def __init__(self, node_modules: Path, family: Family, cache: Cache) -> None:
        self.family = family
        self.root = node_modules / "@fontsource" / family.package
        self.cache = cache
        manifest = self.root / "package.json"
        if not manifest.is_file():
            raise OpenletterError(f"font package @fontsource/{family.package} is not installed: run `npm ci`", path=self.root)
        try:
            self.version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError) as error:
            raise OpenletterError(f"unreadable package.json ({error}): run `npm ci`", path=manifest) from None
        self.license = self.root / "LICENSE"
        self._slices: dict[int, tuple[Slice, ...]] = {}
        self._coverage: dict[int, frozenset[int]] = {}

    def license_text(self) -> bytes:
        """The font's license to ship beside it: the package's ``LICENSE``; for the few packages
        without one (Fontsource 4.x), the font's own copyright line over the OFL 1.1 its
        ``name`` table points to."""
        if self.license.is_file():
            try:
                return self.license.read_bytes()
            except OSError as error:
                raise OpenletterError(f"cannot read the font license ({error}): run `npm ci`", path=self.license) from None
        return self.cache.get("font-license", (self.family.package, self.version), self._license_from_font, valid=bytes)

    def _license_from_font(self) -> bytes:
        """The font's copyright line over the OFL 1.1 its ``name`` table points to."""
        regular = next((piece.path for piece in self.slices(min(self.weights, default=400))), None)
        if regular is None:
            raise OpenletterError("no LICENSE and no font file to read one from: run `npm ci`", path=self.license)
        import uharfbuzz as hb

        font = hb.Face(woff_to_sfnt(regular.read_bytes(), regular))
        copyright, url = font.get_name(hb.OTNameIdPredefined.COPYRIGHT), font.get_name(hb.OTNameIdPredefined.LICENSE_URL) or ""
        if not copyright or "OFL" not in url:
            raise OpenletterError(f"no LICENSE, and the font names no OFL license ({url or 'no license URL'})", path=regular)
        return copyright.encode("utf-8") + b"\n" + OFL_TEXT.read_bytes()

    @functools.cached_property
    def weights(self) -> frozenset[int]:
        """The normal-style weights the package ships (100 … 900)."""
        suffix = "-normal.woff"
        return frozenset(int(name[: -len(suffix)].rsplit("-", 1)[1]) for name in self._names if name.endswith(suffix))

    @functools.cached_property
    def _names(self) -> list[str]:
        try:
            return sorted(os.listdir(self.root / "files"))
        except OSError:
            return []

    def slices(self, weight: int) -> tuple[Slice, ...]:
        """The package's normal-style slices of ``weight`` (none if it lacks the weight)."""
        if weight not in self._slices:
            prefix, suffix = f"{self.family.package}-", f"-{weight}-normal.woff"
            names = [name for name in self._names if name.startswith(prefix) and name.endswith(suffix)]
            files = [self.root / "files" / name for name in names]
            sizes = [path.stat().st_size for path in files]
            # The files of a package version never change (npm checks them against the lock's hash).
            inputs = (self.family.package, self.version, str(weight), json.dumps([names, sizes]))
            cmaps = self.cache.get("font-coverage", inputs, lambda: [cmap_of(path.read_bytes(), path) for path in files], valid=list)
            self._slices[weight] = tuple(
                Slice(path, path.name[len(prefix) : -len(suffix)], size, cmap) for path, size, cmap in zip(files, sizes, cmaps)
            )
        return self._slices[weight]

    def coverage(self, weight: int) -> frozenset[int]:
        """Every code point some slice of ``weight`` maps."""
        if weight not in self._coverage:
            self._coverage[weight] = frozenset().union(*(piece.codepoints for piece in self.slices(weight)))
        return self._coverage[weight]


def choose_slices(slices: Iterable[Slice], codepoints: Iterable[int]) -> list[tuple[Slice, frozenset[int]]]:
    """Few slices that together map ``codepoints``, and which code points each supplies.

    Greedy set cover: script slices before the auxiliary ``math``/``symbols`` ones, then the one
    covering most; ties go to named (whole-script) slices, then smaller files, then names, so the
    choice is stable.  Code points no slice maps are left out (the caller reports them).
    """
    wanted = frozenset(codepoints)
    needed = set(wanted)
    chosen: list[tuple[Slice, frozenset[int]]] = []
    candidates = list(slices)
    while needed:
        useful = [piece for piece in candidates if piece.codepoints & needed]
        if not useful:
            break
        best = min(useful, key=lambda s: (s.auxiliary, -len(s.codepoints & needed), s.numbered, s.size, s.name))
        supplied = frozenset(best.codepoints & needed)
        chosen.append((best, supplied))
        needed -= supplied
        candidates.remove(best)
    # A browser draws a letter and the combining marks on it (Yoruba "ẹ́": U+1EB9 U+0301) from one
    # face, or from a system font that has them all: so every chosen slice that maps a wanted
    # mark supplies it, whichever slice the letter comes from.
    marks = frozenset(codepoint for codepoint in wanted if unicodedata.category(chr(codepoint)).startswith("M"))
    return [(piece, supplied | (piece.codepoints & marks)) for piece, supplied in chosen] if marks else chosen
