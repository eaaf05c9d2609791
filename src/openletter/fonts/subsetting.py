"""Cutting slices down to a page's characters with ``fontTools.subset`` and merging them into one woff2."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset as ft_subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

from openletter.errors import OpenletterError
from openletter.fonts.sources import _font_errors, _load_font


def _subset_options(final: bool) -> ft_subset.Options:
    """fontTools settings: default shaping features, no hinting, the OFL notice kept.

    Intermediate (per-slice) subsets keep glyph names so merging can tell glyphs apart.
    """
    options = ft_subset.Options()
    options.hinting = False  # Fontsource ships unhinted fonts; should a release add hints, they cost bytes
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # + license description and URL (OFL 1.1 §2)
    options.glyph_names = not final
    options.flavor = "woff2" if final else None
    options.recalc_timestamp = False
    return options


def _subset(font: TTFont, codepoints: Iterable[int], final: bool) -> bytes:
    """Subset ``font`` in place to ``codepoints`` and serialize it (woff2 when ``final``)."""
    options = _subset_options(final)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    font.recalcTimestamp = False
    out = io.BytesIO()
    ft_subset.save_font(font, out, options)
    return out.getvalue()


def subset_font(parts: list[tuple[Path, frozenset[int]]]) -> bytes:
    """One woff2 with the glyphs for each (slice file, its code points) part.

    A single slice is subset directly. Several are each subset, merged with
    ``fontTools.merge`` (glyph names disambiguated, layout lookups concatenated), then the
    merged font is subset once more to drop duplicates, so the page loads one file.
    """
    everything = frozenset().union(*(codepoints for _, codepoints in parts))
    if len(parts) == 1:
        path, codepoints = parts[0]
        return _subset(_load_font(path, path), codepoints, final=True)
    pieces = [io.BytesIO(_subset(_load_font(path, path), codepoints, final=False)) for path, codepoints in parts]
    try:
        merged = Merger().merge(pieces)
    except Exception as error:  # fontTools.merge raises plain exceptions for odd inputs
        raise OpenletterError(f"cannot merge font slices: {error}", path=parts[0][0]) from None
    heads = [_load_font(piece, parts[0][0])["head"] for piece in pieces]
    merged["head"].created = min(head.created for head in heads)  # the merger stamps "now"
    merged["head"].modified = max(head.modified for head in heads)
    merged.recalcTimestamp = False
    buffer = io.BytesIO()
    merged.save(buffer)
    return _subset(_load_font(io.BytesIO(buffer.getvalue()), parts[0][0]), everything, final=True)


def _subset_task(parts: list[tuple[str, list[int]]]) -> tuple[bytes, str | None, Path | None]:
    """``subset_font`` for a worker process: errors come back as data (their path survives)."""
    try:
        return subset_font([(Path(path), frozenset(cps)) for path, cps in parts]), None, None
    except OpenletterError as error:
        return b"", error.message, error.path
    except _font_errors() as error:  # a font that opened but broke on the way through fontTools
        return b"", f"{error or type(error).__name__}", Path(parts[0][0])
