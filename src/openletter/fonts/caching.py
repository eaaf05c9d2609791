"""The on-disk cache records: sealed JSON, code point ranges, and the per-page results and their faces."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from openletter.fonts.constants import WEIGHTS
from openletter.fonts.families import _BY_KEY, Family
from openletter.fonts.report import FontFile

_T = TypeVar("_T")


def _seal(record: object) -> bytes:
    """JSON with its own SHA-256 on the first line, so a damaged cache file is detected, not trusted."""
    payload = json.dumps(record, sort_keys=True).encode("utf-8")
    return hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


def _unseal(data: bytes) -> object:
    """The record ``_seal`` wrote; ValueError when the digest does not match (truncated, edited, rotten)."""
    digest, _, payload = data.partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode("ascii") != digest:
        raise ValueError("cache entry does not match its digest")
    return json.loads(payload)


def _to_ranges(codepoints: Iterable[int]) -> list[list[int]]:
    """Sorted code points as [first, last] runs: a compact, JSON-friendly coverage record."""
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def _from_ranges(ranges: Iterable[Iterable[int]]) -> frozenset[int]:
    return frozenset(cp for first, last in ranges for cp in range(first, last + 1))


#: Layout of the per-page cache entries; bump when ``_PageResult.to_json`` changes.
_PAGE_CACHE_FORMAT = 1
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
#: What a damaged or foreign cache record raises while being read back: all mean "a miss".
_RECORD_ERRORS = (OSError, ValueError, KeyError, TypeError, AttributeError)


def _checked(value: object, kind: type[_T]) -> _T:
    """``value`` if it is a ``kind`` (not a bool posing as an int), else TypeError: cache records are untrusted."""
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _digest(value: object) -> str:
    """A lowercase SHA-256 hex digest from a cache record, or ValueError."""
    digest = _checked(value, str)
    if not _HEX_DIGEST.fullmatch(digest):
        raise ValueError("not a sha256 digest")
    return digest


@dataclass(frozen=True)
class _Face:
    """One woff2 of a page as the page cache keeps it: enough to write it again and report it."""

    subset: str  # the subset cache key its bytes are stored under
    sha256: str  # of its bytes; the file name carries the first 16 hex digits
    family: Family
    weight: int
    size: int
    chars: str  # the characters it was cut for, sorted
    sources: tuple[str, ...]  # the slice files, relative to node_modules

    @property
    def name(self) -> str:
        """The content-addressed file name, shared by every page that needs the same bytes."""
        return f"{self.family.package}-{self.weight}-{self.sha256[:16]}.woff2"

    def file(self, fonts_dir: Path) -> FontFile:
        """The report's view of this face, written under ``fonts_dir``."""
        return FontFile(fonts_dir / self.name, self.family.css_name, self.weight, self.size, self.chars, self.sources)

    def to_json(self) -> dict[str, object]:
        return {
            "subset": self.subset, "sha256": self.sha256, "family": self.family.key, "weight": self.weight,
            "size": self.size, "chars": self.chars, "sources": list(self.sources),
        }  # fmt: skip

    @classmethod
    def from_json(cls, record: object) -> _Face:
        """Rebuild a face from a cache record; anything unexpected raises (the caller calls it a miss)."""
        fields = _checked(record, dict)
        weight = _checked(fields["weight"], int)
        if weight not in WEIGHTS:
            raise ValueError(f"unexpected weight {weight}")
        return cls(
            subset=_digest(fields["subset"]),
            sha256=_digest(fields["sha256"]),
            family=_BY_KEY[_checked(fields["family"], str)],
            weight=weight,
            size=_checked(fields["size"], int),
            chars=_checked(fields["chars"], str),
            sources=tuple(_checked(source, str) for source in _checked(fields["sources"], list)),
        )


@dataclass(frozen=True)
class _PageResult:
    """Everything ``build`` writes and reports for one page.

    A pure function of the page cache key (the page's bytes, path and lang, the slices, the
    recipe), so a byte-identical page reuses it instead of being parsed, planned and checked.
    """

    css: str
    faces: tuple[_Face, ...]
    missing: tuple[str, ...]  # sorted: what no face of the right weight maps (``check_coverage``)
    source_hashes: tuple[tuple[str, str], ...]  # (slice relative to node_modules, sha256) it was cut from

    def to_json(self, key: str) -> dict[str, object]:
        return {
            "format": _PAGE_CACHE_FORMAT, "key": key, "css": self.css,
            "faces": [face.to_json() for face in self.faces], "missing": list(self.missing),
            "sources": [list(pair) for pair in self.source_hashes],
        }  # fmt: skip

    @classmethod
    def from_json(cls, record: object, key: str) -> _PageResult:
        """Rebuild a result for ``key``; a record of another format or key raises like a damaged one."""
        fields = _checked(record, dict)
        if fields["format"] != _PAGE_CACHE_FORMAT or fields["key"] != key:
            raise ValueError("page cache entry of another format or page")
        pairs = [_checked(pair, list) for pair in _checked(fields["sources"], list)]
        return cls(
            css=_checked(fields["css"], str),
            faces=tuple(_Face.from_json(face) for face in _checked(fields["faces"], list)),
            missing=tuple(_checked(char, str) for char in _checked(fields["missing"], list)),
            source_hashes=tuple((_checked(path, str), _digest(sha)) for path, sha in pairs),
        )


def _read_cmap_record(path: Path, sha256: str) -> frozenset[int] | None:
    """A subset's cmap kept beside it, if the record is intact and for these very bytes."""
    try:
        record = _unseal(path.read_bytes())
        if not isinstance(record, dict) or record["sha256"] != sha256:
            return None
        return _from_ranges(record["ranges"])
    except _RECORD_ERRORS:
        return None
