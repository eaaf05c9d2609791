"""Cutting one slice down to a page's characters with HarfBuzz, and writing it as WOFF2.

HarfBuzz's subsetter keeps what shaping needs (ligatures, Arabic joining forms, Indic conjuncts,
marks) and takes a millisecond; :mod:`openletter.fonts.woff2` writes the WOFF2.  Each job
is independent and deterministic, so the jobs of a build are spread over processes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from openletter.errors import OpenletterError
from openletter.fonts.sources import FontFileError, woff_to_sfnt
from openletter.fonts.woff2 import Woff2Error, encode_woff2

if TYPE_CHECKING:  # imported where a face is cut: a warm build cuts none
    import uharfbuzz as hb

#: A cut keeping this share of a slice's glyphs is served as the slice itself.
WHOLE_SLICE = 0.7
#: Name records kept: family and style names, version, and the license description and URL
#: (OFL 1.1 §2 asks that the notice travels with the font).
NAME_IDS = (0, 1, 2, 3, 4, 5, 6, 13, 14)


@dataclass(frozen=True)
class Job:
    """One face to make: a slice file cut down to some code points."""

    path: str
    codepoints: tuple[int, ...]

    @property
    def cost(self) -> int:
        """How much work the job is, to start the big ones first."""
        return len(self.codepoints)


@dataclass(frozen=True)
class Face:
    """What a job made: the WOFF2 bytes and the code points they really map."""

    data: bytes
    codepoints: frozenset[int]


@functools.lru_cache(maxsize=512)
def _decoded(path: str) -> hb.Face:
    """A slice read once per process (the same slice serves many pages)."""
    import uharfbuzz as hb

    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise FontFileError(f"cannot read font: {error.strerror}", path=Path(path)) from None
    return hb.Face(woff_to_sfnt(data, Path(path)))


def make_face(job: Job) -> Face:
    """The WOFF2 of ``job``'s slice holding just its code points (and what shaping needs)."""
    import uharfbuzz as hb

    options = hb.SubsetInput()
    for codepoint in job.codepoints:
        options.unicode_set.add(codepoint)
    options.name_id_set.clear()
    for name_id in NAME_IDS:
        options.name_id_set.add(name_id)
    options.flags |= hb.SubsetFlags.NO_HINTING
    whole = _decoded(job.path)
    subset = hb.subset(whole, options)
    if subset is None:
        raise FontFileError("HarfBuzz could not subset the font", path=Path(job.path))
    sfnt = subset.blob.data
    cut = hb.Face(sfnt)
    codepoints = frozenset(cut.unicodes)
    original = Path(job.path).with_suffix(".woff2")
    if cut.glyph_count >= WHOLE_SLICE * whole.glyph_count and original.is_file():
        # Shaping needs most of the slice (an Indic script's conjuncts): the slice's own WOFF2 is
        # hardly bigger, costs nothing to make, and every page that needs it shares one file.
        return Face(original.read_bytes(), codepoints)
    try:
        data = encode_woff2(sfnt)
    except Woff2Error as error:
        raise FontFileError(f"cannot write WOFF2: {error}", path=Path(job.path)) from None
    return Face(data, codepoints)


def make_faces_safely(jobs: list[Job]) -> list[Face | tuple[str, str]]:
    """:func:`make_face` for jobs of one slice, in a worker process (which so reads the slice
    once): an error comes back as (message, path)."""
    faces: list[Face | tuple[str, str]] = []
    for job in jobs:
        try:
            faces.append(make_face(job))
        except OpenletterError as error:
            faces.append((error.message, str(error.path or job.path)))
    return faces
