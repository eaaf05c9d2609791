"""WOFF2 from an OpenType font: the ``glyf``/``loca`` transform and Brotli, read straight from bytes.

fontTools writes WOFF2 too, but decompiles every glyph into objects first; cutting the faces of a
cold build spent most of its time there.  This encoder reads the glyph data as HarfBuzz wrote it
and emits the W3C WOFF2 transformed ``glyf`` (triplet-encoded points, separate streams, explicit
bounding boxes only where they differ from the points'), a null-transformed ``loca``, and every
other table as it is (W3C WOFF2 §4–5; the triplet table as in fontTools' reference encoder).
The tests decode its output with fontTools and compare every glyph and table with the input.
"""

from __future__ import annotations

import functools
import itertools
import struct

import brotli

#: The tables WOFF2 names by a 6-bit index (W3C WOFF2 §4.2); any other has its tag spelled out.
KNOWN_TAGS = (
    b"cmap", b"head", b"hhea", b"hmtx", b"maxp", b"name", b"OS/2", b"post", b"cvt ", b"fpgm", b"glyf", b"loca",
    b"prep", b"CFF ", b"VORG", b"EBDT", b"EBLC", b"gasp", b"hdmx", b"kern", b"LTSH", b"PCLT", b"VDMX", b"vhea",
    b"vmtx", b"BASE", b"GDEF", b"GPOS", b"GSUB", b"EBSC", b"JSTF", b"MATH", b"CBDT", b"CBLC", b"COLR", b"CPAL",
    b"SVG ", b"sbix", b"acnt", b"avar", b"bdat", b"bloc", b"bsln", b"cvar", b"fdsc", b"feat", b"fmtx", b"fvar",
    b"gvar", b"hsty", b"just", b"lcar", b"mort", b"morx", b"opbd", b"prop", b"trak", b"Zapf", b"Silf", b"Glat",
    b"Gloc", b"Feat", b"Sill",
)  # fmt: skip
#: Brotli's quality, as measured on the 489 faces of a cold 100-language build (429 under 16 kB,
#: 60 CJK, Indic or Ethiopic ones over it): 8 compresses them all in 0.4 s; 9 takes 3.8 s for 0.9 %
#: fewer bytes of the big ones, 10 and 11 take 6–11 s for 5–7 % fewer.  A first build is paid
#: by every new clone, CI run and translator, so 8 it is.
BROTLI_QUALITY = 8
_KNOWN_INDEX = {tag: index for index, tag in enumerate(KNOWN_TAGS)}
_ON_CURVE, _X_SHORT, _Y_SHORT, _REPEAT, _X_SAME, _Y_SAME, _OVERLAP_SIMPLE = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40
_ARGS_ARE_WORDS, _HAVE_SCALE, _MORE_COMPONENTS, _HAVE_XY_SCALE, _HAVE_TWO_BY_TWO, _HAVE_INSTRUCTIONS = (
    0x0001, 0x0008, 0x0020, 0x0040, 0x0080, 0x0100,
)  # fmt: skip


class Woff2Error(ValueError):
    """A font this encoder cannot read (truncated tables, a damaged glyph)."""


def sfnt_tables(sfnt: bytes) -> tuple[int, dict[bytes, bytes]]:
    """The flavor and the tables of an OpenType font."""
    try:
        flavor, count = struct.unpack_from(">IH", sfnt)
        tables = {}
        for index in range(count):
            tag, _, offset, length = struct.unpack_from(">4sIII", sfnt, 12 + 16 * index)
            if offset + length > len(sfnt):
                raise Woff2Error(f"table {tag!r} runs past the end of the font")
            tables[tag] = sfnt[offset : offset + length]
        return flavor, tables
    except struct.error as error:
        raise Woff2Error(f"not an OpenType font: {error}") from None


def _pack_255(value: int) -> bytes:
    """255UInt16 (W3C WOFF2 §6.1.1)."""
    if value < 253:
        return bytes((value,))
    if value < 506:
        return bytes((255, value - 253))
    if value < 762:
        return bytes((254, value - 506))
    return bytes((253, value >> 8, value & 0xFF))


def _pack_base128(value: int) -> bytes:
    """UIntBase128 (W3C WOFF2 §6.1.1): big-endian 7-bit groups, high bit set on all but the last."""
    groups = [value & 0x7F]
    value >>= 7
    while value:
        groups.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(groups))


def _encode_triplets(dxs: list[int], dys: list[int], flags: bytearray, flag_stream: bytearray, glyph_stream: bytearray) -> None:
    """A simple glyph's points as WOFF2 triplets (the encoding of fontTools' reference writer)."""
    for dx, dy, flag in zip(dxs, dys, flags):
        on_curve_bit = 0 if flag & _ON_CURVE else 128
        abs_x = dx if dx >= 0 else -dx
        abs_y = dy if dy >= 0 else -dy
        x_sign = 0 if dx < 0 else 1
        y_sign = 0 if dy < 0 else 1
        xy_signs = x_sign + 2 * y_sign
        if dx == 0 and abs_y < 1280:
            flag_stream.append(on_curve_bit + ((abs_y & 0xF00) >> 7) + y_sign)
            glyph_stream.append(abs_y & 0xFF)
        elif dy == 0 and abs_x < 1280:
            flag_stream.append(on_curve_bit + 10 + ((abs_x & 0xF00) >> 7) + x_sign)
            glyph_stream.append(abs_x & 0xFF)
        elif abs_x < 65 and abs_y < 65:
            flag_stream.append(on_curve_bit + 20 + ((abs_x - 1) & 0x30) + (((abs_y - 1) & 0x30) >> 2) + xy_signs)
            glyph_stream.append((((abs_x - 1) & 0xF) << 4) | ((abs_y - 1) & 0xF))
        elif abs_x < 769 and abs_y < 769:
            flag_stream.append(on_curve_bit + 84 + 12 * (((abs_x - 1) & 0x300) >> 8) + (((abs_y - 1) & 0x300) >> 6) + xy_signs)
            glyph_stream.append((abs_x - 1) & 0xFF)
            glyph_stream.append((abs_y - 1) & 0xFF)
        elif abs_x < 4096 and abs_y < 4096:
            flag_stream.append(on_curve_bit + 120 + xy_signs)
            glyph_stream += bytes((abs_x >> 4, ((abs_x & 0xF) << 4) | (abs_y >> 8), abs_y & 0xFF))
        else:
            flag_stream.append(on_curve_bit + 124 + xy_signs)
            glyph_stream += bytes((abs_x >> 8, abs_x & 0xFF, abs_y >> 8, abs_y & 0xFF))


def _deltas(data: bytes, position: int, flags: bytearray, short: int, same: int) -> tuple[list[int], int]:
    """One axis of a simple glyph's points, as deltas from the previous point."""
    deltas = []
    append = deltas.append
    for flag in flags:
        if flag & short:
            value = data[position]
            position += 1
            append(value if flag & same else -value)
        elif flag & same:
            append(0)
        else:
            value = (data[position] << 8) | data[position + 1]
            position += 2
            append(value - 0x10000 if value & 0x8000 else value)
    return deltas, position


@functools.lru_cache(maxsize=1 << 16)
def _simple_glyph(data: bytes) -> tuple[bytes, bytes, bytes, bytes, bool, bool, int]:
    """One simple glyph's share of the transformed streams: its points per contour, flags,
    triplets and instruction length, instructions; whether it overlaps, whether its bounding box
    is the one its points give (then the decoder computes it), and the most bytes the decoder
    rebuilds for it.  The same glyph is in many subsets of one slice, so it is transformed once."""
    contours, x_min, y_min, x_max, y_max = struct.unpack_from(">hhhhh", data)
    ends = struct.unpack_from(f">{contours}H", data, 10)
    position = 10 + 2 * contours
    (instruction_length,) = struct.unpack_from(">H", data, position)
    instructions = data[position + 2 : position + 2 + instruction_length]
    position += 2 + instruction_length
    point_count = ends[-1] + 1
    n_points = bytearray()
    last = -1
    for end in ends:
        n_points += _pack_255(end - last)
        last = end
    flags = bytearray()
    while len(flags) < point_count:
        flag = data[position]
        position += 1
        flags.append(flag)
        if flag & _REPEAT:
            flags += bytes((flag,)) * data[position]
            position += 1
    del flags[point_count:]
    dxs, position = _deltas(data, position, flags, _X_SHORT, _X_SAME)
    dys, position = _deltas(data, position, flags, _Y_SHORT, _Y_SAME)
    if position > len(data):
        raise Woff2Error("is truncated")
    flag_stream, glyph_stream = bytearray(), bytearray()
    _encode_triplets(dxs, dys, flags, flag_stream, glyph_stream)
    glyph_stream += _pack_255(instruction_length)
    xs = list(itertools.accumulate(dxs))
    ys = list(itertools.accumulate(dys))
    bbox_kept = (min(xs), min(ys), max(xs), max(ys)) == (x_min, y_min, x_max, y_max)
    size = (12 + 2 * contours + instruction_length + 5 * point_count + 3) & ~3
    return bytes(n_points), bytes(flag_stream), bytes(glyph_stream), instructions, bool(flags[0] & _OVERLAP_SIMPLE), bbox_kept, size


def transform_glyf(glyf: bytes, loca: bytes, index_format: int, glyph_count: int) -> tuple[bytes, int, int]:
    """The WOFF2 transformed ``glyf`` (W3C WOFF2 §5.1), the index format the decoder must write
    ``loca`` in, and an upper bound of the ``glyf`` it will rebuild (for ``totalSfntSize``)."""
    if index_format == 0:
        offsets = [2 * value for value in struct.unpack_from(f">{glyph_count + 1}H", loca)]
    else:
        offsets = list(struct.unpack_from(f">{glyph_count + 1}I", loca))
    n_contours, n_points, flag_stream, glyph_stream = bytearray(), bytearray(), bytearray(), bytearray()
    composite_stream, bbox_stream, instruction_stream = bytearray(), bytearray(), bytearray()
    bbox_bitmap = bytearray(((glyph_count + 31) >> 5) << 2)
    overlap_bitmap = bytearray((glyph_count + 7) >> 3)
    rebuilt = 0  # the most bytes the decoder's glyf can take
    for glyph in range(glyph_count):
        data = glyf[offsets[glyph] : offsets[glyph + 1]]
        if len(data) < 10:
            n_contours += b"\0\0"
            continue
        contours, x_min, y_min, x_max, y_max = struct.unpack_from(">hhhhh", data)
        n_contours += data[:2]
        if contours > 0:
            try:
                points, flags_part, glyph_part, instructions, overlaps, bbox_kept, size = _simple_glyph(data)
            except Woff2Error as error:
                raise Woff2Error(f"glyph {glyph} {error}") from None
            n_points += points
            flag_stream += flags_part
            glyph_stream += glyph_part
            instruction_stream += instructions
            if overlaps:
                overlap_bitmap[glyph >> 3] |= 0x80 >> (glyph & 7)
            if not bbox_kept:
                bbox_bitmap[glyph >> 3] |= 0x80 >> (glyph & 7)
                bbox_stream += data[2:10]
            rebuilt += size
        elif contours < 0:
            position = 10
            more = True
            has_instructions = False
            while more:
                (flags_word,) = struct.unpack_from(">H", data, position)
                position += 4 + (4 if flags_word & _ARGS_ARE_WORDS else 2)
                if flags_word & _HAVE_SCALE:
                    position += 2
                elif flags_word & _HAVE_XY_SCALE:
                    position += 4
                elif flags_word & _HAVE_TWO_BY_TWO:
                    position += 8
                more = bool(flags_word & _MORE_COMPONENTS)
                has_instructions = has_instructions or bool(flags_word & _HAVE_INSTRUCTIONS)
            composite_stream += data[10:position]
            instruction_length = 0
            if has_instructions:
                (instruction_length,) = struct.unpack_from(">H", data, position)
                glyph_stream += _pack_255(instruction_length)
                instruction_stream += data[position + 2 : position + 2 + instruction_length]
            bbox_bitmap[glyph >> 3] |= 0x80 >> (glyph & 7)
            bbox_stream += data[2:10]
            rebuilt += (position + 2 + instruction_length + 3) & ~3
    if index_format == 0 and rebuilt >= 0x20000:
        index_format = 1  # short offsets could not address the rebuilt table
    has_overlap = any(overlap_bitmap)
    streams = (n_contours, n_points, flag_stream, glyph_stream, composite_stream, bbox_bitmap + bbox_stream, instruction_stream)
    header = struct.pack(">HHHH7I", 0, 1 if has_overlap else 0, glyph_count, index_format, *map(len, streams))
    return header + b"".join(streams) + (overlap_bitmap if has_overlap else b""), index_format, rebuilt


def encode_woff2(sfnt: bytes, quality: int = BROTLI_QUALITY) -> bytes:
    """``sfnt`` (an OpenType font) as a WOFF2 file, compressed by Brotli at ``quality``."""
    flavor, tables = sfnt_tables(sfnt)
    data: dict[bytes, bytes] = dict(sorted(tables.items()))
    original_length = {tag: len(table) for tag, table in data.items()}
    transformed: set[bytes] = set()
    if b"glyf" in data and b"loca" in data and b"head" in data and b"maxp" in data:
        head = bytearray(data[b"head"])
        (glyph_count,) = struct.unpack_from(">H", data[b"maxp"], 4)
        (index_format,) = struct.unpack_from(">h", head, 50)
        glyf, index_format, rebuilt = transform_glyf(data[b"glyf"], data[b"loca"], index_format, glyph_count)
        struct.pack_into(">H", head, 16, struct.unpack_from(">H", head, 16)[0] | (1 << 11))  # transformed losslessly
        struct.pack_into(">h", head, 50, index_format)
        data[b"head"] = bytes(head)
        data[b"glyf"], data[b"loca"] = glyf, b""
        original_length[b"glyf"] = rebuilt
        original_length[b"loca"] = (glyph_count + 1) * (2 if index_format == 0 else 4)
        transformed = {b"glyf", b"loca"}
    directory = bytearray()
    for tag in data:
        index = _KNOWN_INDEX.get(tag, 0x3F)
        version = 0 if tag in transformed or tag not in (b"glyf", b"loca") else 3
        directory.append(index | (version << 6))
        if index == 0x3F:
            directory += tag
        directory += _pack_base128(original_length[tag])
        if tag in transformed:
            directory += _pack_base128(len(data[tag]))
    stream = b"".join(data.values())
    compressed = brotli.compress(stream, mode=brotli.MODE_FONT, quality=quality)
    total_sfnt = 12 + 16 * len(data) + sum((length + 3) & ~3 for length in original_length.values())
    major, minor = struct.unpack_from(">HH", data[b"head"], 4) if b"head" in data else (0, 0)
    length = 48 + len(directory) + len(compressed)
    padded = (length + 3) & ~3
    header = struct.pack(">4sIIHHIIHHIIIII", b"wOF2", flavor, padded, len(data), 0, total_sfnt, len(compressed), major, minor, 0, 0, 0, 0, 0)
    return header + bytes(directory) + compressed + b"\0" * (padded - length)
