"""Write PO/POT files byte for byte as GNU ``msgcat`` writes them.

Translators review catalogs in pull requests and edit them in Poedit,
Lokalize or Weblate, which re-save through GNU gettext.  If our writer wrapped
lines even slightly differently, every save on either side would rewrite
unrelated entries.  This is a port of gettext's ``write-po.c`` (``wrap``,
``message_print``, ``message_print_obsolete``) using the same line breaker
(:mod:`openletter.po.linebreak`), checked against ``msgcat`` in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from openletter.po.directives import FORMAT_LANGUAGES, unbreakable
from openletter.po.flags import Flags
from openletter.po.linebreak import BREAK_POSSIBLE, BREAK_PROHIBITED, BREAK_UNDEFINED, LineBreaker
from openletter.po.pofile import Catalog, Entry

__all__ = ["FORMAT_LANGUAGES", "PAGE_WIDTH", "PoWriter", "known_flags"]

PAGE_WIDTH = 79
_INT_MAX = 2**31 - 1
#: How many wrapped strings a writer remembers (a few catalogs' worth) before it starts again.
_WRAPPED_MAX = 50_000

_C_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_ESCAPED = str.maketrans({**{char: "\\" + letter for char, letter in _C_ESCAPES.items()}, "\\": "\\\\", '"': '\\"'})
_ESCAPED_BYTES = {ord(char): ("\\" + letter).encode() for char, letter in _C_ESCAPES.items()} | {0x5C: b"\\\\", 0x22: b'\\"'}
#: A UTF-8 continuation byte never starts a break; any other byte leaves it to the line breaker.
_CONTINUATION = bytes(BREAK_PROHIBITED if 0x80 <= byte <= 0xBF else BREAK_UNDEFINED for byte in range(256))
_ESCAPE_PAIR = re.compile(rb"\\.", re.DOTALL)
_POSSIBLE = re.compile(bytes([BREAK_POSSIBLE]))


def _encode(portion: str) -> tuple[bytearray, bytearray]:
    """``portion`` C-escaped as UTF-8, and the break overrides of each byte: none inside a
    character or an escape sequence (what :func:`_encode_directives` does byte by byte, at C speed)."""
    data = bytearray(portion.translate(_ESCAPED).encode("utf-8"))
    overrides = bytearray(data.translate(_CONTINUATION))
    if b"\\" in data:
        for pair in _ESCAPE_PAIR.finditer(data):
            overrides[pair.start() + 1] = BREAK_PROHIBITED
    return data, overrides


def _encode_directives(raw: bytes, inside: bytes) -> tuple[bytearray, bytearray]:
    """As :func:`_encode`, and no break before a byte ``inside`` marks (within a format directive)."""
    data, overrides = bytearray(), bytearray()
    for byte, keep in zip(raw, inside, strict=True):
        first = BREAK_PROHIBITED if keep or 0x80 <= byte <= 0xBF else BREAK_UNDEFINED
        escaped = _ESCAPED_BYTES.get(byte)
        if escaped is None:
            data.append(byte)
            overrides.append(first)
        else:
            data += escaped
            overrides += bytes((first, BREAK_PROHIBITED))
    return data, overrides


def known_flags(flags: Iterable[str]) -> list[str]:
    """The flags that survive a GNU gettext round trip of an active entry, in gettext's order."""
    parsed = Flags.parse(flags)
    result = ["fuzzy"] if parsed.fuzzy else []
    result += parsed.format_flags()
    if parsed.range is not None:
        result.append(f"range: {parsed.range[0]}..{parsed.range[1]}")
    if parsed.wrap is False:
        result.append("no-wrap")
    return result


def references(entry: Entry) -> list[str]:
    """The references ``msgcat`` prints: each (file, line) once, in order, without leading ``./``."""
    printed = []
    for reference in dict.fromkeys(entry.references):
        while reference.startswith("./"):
            reference = reference[2:]
        printed.append(reference)
    return printed


class PoWriter:
    """Serializes catalogs exactly as ``msgcat`` (GNU gettext 0.21, width 79) does."""

    def __init__(self, page_width: int = PAGE_WIDTH, breaker: LineBreaker | None = None) -> None:
        self.page_width = page_width
        self.breaker = breaker or LineBreaker()
        #: The lines of each string wrapped before, by everything they depend on: every
        #: language's catalog holds the same msgids (150 catalogs, the letter's 70 msgids wrapped once).
        self._wrapped: dict[tuple[str, str, str, bool, str | None], list[str]] = {}

    # -- strings -----------------------------------------------------------------

    def wrap(self, prefix: str, name: str, value: str, *, wrap: bool = True, language: str | None = None) -> list[str]:
        """The lines of ``name "value"`` with ``prefix`` (``""``, ``"#| "``, ``"#~ "``); no line
        breaks inside a directive of format ``language`` (a msgstr's directives as msgfmt reads a
        translation)."""
        key = (prefix, name, value, wrap, language)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) >= _WRAPPED_MAX:
                self._wrapped.clear()
            lines = self._wrapped[key] = self._wrap(prefix, name, value, wrap, language)
        return list(lines)

    def _wrap(self, prefix: str, name: str, value: str, wrap: bool, language: str | None) -> list[str]:
        lines: list[str] = []
        inside = unbreakable(value.encode("utf-8"), language, name.startswith("msgstr")) if language and value else None
        # Not str.splitlines: gettext splits after "\n" only, never on \r, \v or \f.
        portions = _split_after_newlines(value)
        first_line = True
        offset = 0
        for number, portion in enumerate(portions):
            more_follows = number < len(portions) - 1
            raw = portion.encode("utf-8")
            kept = inside[offset : offset + len(raw)] if inside is not None else None
            offset += len(raw)
            data, overrides = _encode_directives(raw, kept) if kept is not None and any(kept) else _encode(portion)
            if portion.endswith("\n"):
                overrides[len(data) - 2] = BREAK_PROHIBITED
            start_after_break = len(prefix) + 1
            width = (self.page_width if wrap else _INT_MAX) - 1 - start_after_break
            while True:
                start = len(prefix) + (len(name) + 1 if first_line else 0) + 1 - start_after_break
                breaks = self.breaker.breaks(bytes(data), bytes(overrides), width, start)
                if first_line and data and (more_follows or start > width or BREAK_POSSIBLE in breaks):
                    lines.append(f'{prefix}{name} ""')
                    first_line = False
                    continue
                break
            head = f"{prefix}{name} " if first_line else prefix
            first_line = False
            line_start = 0
            for cut in _POSSIBLE.finditer(breaks):
                lines.append(head + '"' + data[line_start : cut.start()].decode("utf-8") + '"')
                head, line_start = prefix, cut.start()
            lines.append(head + '"' + data[line_start:].decode("utf-8") + '"')
        return lines

    # -- entries -----------------------------------------------------------------

    def _comment_lines(self, entry: Entry) -> list[str]:
        lines = []
        for comment in entry.translator_comments:
            for part in comment.split("\n"):
                lines.append("#" + (" " + part if part else ""))
        for comment in entry.extracted_comments:
            lines.append("#." + (" " + comment if comment else ""))
        printed = references(entry)
        if printed:
            current, column = "#:", 2
            for reference in printed:
                width = len(reference.encode("utf-8")) + 1
                if column > 2 and column + width > self.page_width:
                    lines.append(current)
                    current, column = "#:", 2
                current += " " + reference
                column += width
            lines.append(current)
        return lines

    def entry_lines(self, entry: Entry) -> list[str]:
        """The lines of one entry, without the blank separator line."""
        flags = Flags.parse(entry.flags)
        wrap = flags.wrap is not False
        language = flags.wrap_language
        forms = entry.translations
        if entry.obsolete and forms[0] == "":
            return []
        lines = self._comment_lines(entry)
        printed = []
        if flags.fuzzy and (entry.obsolete or forms[0] != ""):
            printed.append("fuzzy")
        printed += flags.format_flags()
        if flags.range is not None and not entry.obsolete:
            printed.append(f"range: {flags.range[0]}..{flags.range[1]}")
        if flags.wrap is False:
            printed.append("no-wrap")
        if printed:
            lines.append("#, " + ", ".join(printed))
        previous_prefix = "#~| " if entry.obsolete else "#| "
        for keyword in ("msgctxt", "msgid", "msgid_plural"):
            value = getattr(entry, "previous_" + keyword)
            if value is not None:
                lines += self.wrap(previous_prefix, keyword, value, wrap=wrap, language=language)
        prefix = "#~ " if entry.obsolete else ""
        if entry.msgctxt is not None:
            lines += self.wrap(prefix, "msgctxt", entry.msgctxt, wrap=wrap, language=language)
        lines += self.wrap(prefix, "msgid", entry.msgid, wrap=wrap, language=language)
        if entry.msgid_plural is None:
            lines += self.wrap(prefix, "msgstr", entry.msgstr, wrap=wrap, language=language)
        else:
            lines += self.wrap(prefix, "msgid_plural", entry.msgid_plural, wrap=wrap, language=language)
            for index, form in enumerate(entry.msgstr_plural):
                lines += self.wrap(prefix, f"msgstr[{index}]", form, wrap=wrap, language=language)
        return lines

    def dumps(self, catalog: Catalog) -> str:
        """The whole catalog as text, header first, obsolete entries last."""
        blocks = []
        for entry in [*([catalog.header] if catalog.header else []), *catalog.entries, *catalog.obsolete]:
            lines = self.entry_lines(entry)
            if lines:
                blocks.append("\n".join(lines) + "\n")
        return "\n".join(blocks)

    def dump_bytes(self, catalog: Catalog) -> bytes:
        """UTF-8 bytes; raises UnicodeEncodeError (before anything is written) on lone surrogates."""
        return self.dumps(catalog).encode("utf-8")


def _split_after_newlines(value: str) -> list[str]:
    """Portions of ``value`` each ending after a ``\\n`` (gettext's loop); at least one portion."""
    if value == "":
        return [""]
    parts = value.split("\n")
    portions = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        portions.append(parts[-1])
    return portions
