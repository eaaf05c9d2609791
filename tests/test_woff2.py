"""The WOFF2 encoder: what fontTools decodes from it is the font it was given, glyph for glyph."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
import uharfbuzz as hb
from conftest import REPO
from fontTools.ttLib import TTFont
from fontTools.ttLib.woff2 import WOFF2Reader

from openletter.fonts.sources import woff_to_sfnt
from openletter.fonts.woff2 import BROTLI_QUALITY, Woff2Error, encode_woff2

FILES = REPO / "node_modules" / "@fontsource"
#: Slices with simple and composite glyphs, instructions, marks, CJK, and a font with no glyf.
SLICES = [
    "noto-serif/files/noto-serif-latin-ext-400-normal.woff",
    "noto-serif/files/noto-serif-vietnamese-700-normal.woff",
    "noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff",
    "noto-serif-devanagari/files/noto-serif-devanagari-devanagari-700-normal.woff",
    "noto-serif-thai/files/noto-serif-thai-thai-400-normal.woff",
    "noto-serif-jp/files/noto-serif-jp-0-400-normal.woff",
    "noto-sans-tifinagh/files/noto-sans-tifinagh-tifinagh-400-normal.woff",
]


def sfnt_of(name: str, keep: int | None = None) -> bytes:
    path = FILES / name
    face = hb.Face(woff_to_sfnt(path.read_bytes(), path))
    if keep is None:
        return woff_to_sfnt(path.read_bytes(), path)
    options = hb.SubsetInput()
    for codepoint in sorted(face.unicodes)[:keep]:
        options.unicode_set.add(codepoint)
    return hb.subset(face, options).blob.data


def glyph_data(font: TTFont) -> dict[str, tuple[object, ...]]:
    """Every glyph as the points, contours, components, instructions and box it draws."""
    table = font["glyf"]
    glyphs = {}
    for name in font.getGlyphOrder():
        glyph = table[name]
        glyph.expand(table)
        if glyph.numberOfContours > 0:
            shape: tuple[object, ...] = (
                list(glyph.coordinates), [flag & 1 for flag in glyph.flags], list(glyph.endPtsOfContours), glyph.program.getBytecode(),
            )  # fmt: skip
        elif glyph.numberOfContours < 0:
            shape = tuple((c.glyphName, c.x, c.y, c.flags & ~0x20, getattr(c, "transform", None)) for c in glyph.components)
        else:
            shape = ()
        box = (glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax) if glyph.numberOfContours else ()
        glyphs[name] = (glyph.numberOfContours, shape, box)
    return glyphs


@pytest.mark.parametrize("name", SLICES)
@pytest.mark.parametrize("keep", [None, 40])
def test_what_fontTools_decodes_is_the_font_given(name: str, keep: int | None) -> None:
    sfnt = sfnt_of(name, keep)
    original = TTFont(io.BytesIO(sfnt))
    decoded = TTFont(io.BytesIO(encode_woff2(sfnt)))
    assert decoded.flavor == "woff2"
    assert sorted(decoded.keys()) == sorted(original.keys())
    for tag in original.keys():
        if tag not in ("GlyphOrder", "head", "glyf", "loca"):
            assert decoded.getTableData(tag) == original.getTableData(tag), tag
    head_original, head_decoded = original["head"], decoded["head"]
    assert head_decoded.flags == head_original.flags | (1 << 11)  # the font says it was transformed
    assert head_decoded.unitsPerEm == head_original.unitsPerEm and head_decoded.fontRevision == head_original.fontRevision
    if "glyf" in original:
        assert glyph_data(decoded) == glyph_data(original)


def test_the_header_and_directory_are_consistent() -> None:
    sfnt = sfnt_of(SLICES[0], 60)
    data = encode_woff2(sfnt)
    signature, _, length, tables, reserved, total_sfnt, compressed = struct.unpack_from(">4sIIHHII", data)
    assert (signature, length, reserved) == (b"wOF2", len(data), 0) and len(data) % 4 == 0
    reader = WOFF2Reader(io.BytesIO(data))
    assert tables == len(reader.tables) == len(TTFont(io.BytesIO(sfnt)).reader.tables)
    assert reader.tables["glyf"].transformed and reader.tables["loca"].transformed and not reader.tables["cmap"].transformed
    # The decoder's buffer (totalSfntSize) holds the font it rebuilds.
    rebuilt = io.BytesIO()
    TTFont(io.BytesIO(data)).save(rebuilt)
    assert total_sfnt >= len(rebuilt.getvalue()) and compressed < len(data)


def test_the_default_brotli_quality_is_close_to_the_best() -> None:
    # Not the slowest qualities (a first build pays for every face), but within 10 % of the best.
    sfnt = sfnt_of(SLICES[0], 60)
    best, default, fastest = (len(encode_woff2(sfnt, quality=quality)) for quality in (11, BROTLI_QUALITY, 1))
    assert best <= default <= min(fastest, best * 1.1) and BROTLI_QUALITY < 10


def test_a_truncated_font_is_refused_not_misread() -> None:
    sfnt = sfnt_of(SLICES[0], 60)
    with pytest.raises(Woff2Error):
        encode_woff2(sfnt[: len(sfnt) // 2])
    with pytest.raises(Woff2Error):
        encode_woff2(b"not a font at all")


def test_deterministic(tmp_path: Path) -> None:
    sfnt = sfnt_of(SLICES[2], 80)
    assert encode_woff2(sfnt) == encode_woff2(sfnt)
