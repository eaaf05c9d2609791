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
from dataclasses import dataclass, field

from openletter.po.linebreak import BREAK_POSSIBLE, BREAK_PROHIBITED, BREAK_UNDEFINED, LineBreaker
from openletter.po.pofile import Catalog, Entry

PAGE_WIDTH = 79
_INT_MAX = 2**31 - 1

#: gettext's ``format_language`` table, in the order ``#,`` lines list them.
FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)  # fmt: skip
_FORMAT_FLAG_RE = re.compile(r"(no-|possible-)?(.+)-format\Z")
_RANGE_RE = re.compile(r"range:\s*(\d+)\s*\.\.\s*(\d+)\Z")
_C_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_ESCAPED = str.maketrans({**{char: "\\" + letter for char, letter in _C_ESCAPES.items()}, "\\": "\\\\", '"': '\\"'})
#: A UTF-8 continuation byte never starts a break; any other byte leaves it to the line breaker.
_CONTINUATION = bytes(BREAK_PROHIBITED if 0x80 <= byte <= 0xBF else BREAK_UNDEFINED for byte in range(256))
_ESCAPE_PAIR = re.compile(rb"\\.", re.DOTALL)
_POSSIBLE = re.compile(bytes([BREAK_POSSIBLE]))


def _encode(portion: str) -> tuple[bytearray, bytearray]:
    """``portion`` C-escaped as UTF-8, and the break overrides of each byte: none inside a
    character or an escape sequence (what :func:`_encode_slowly` does byte by byte, at C speed)."""
    data = bytearray(portion.translate(_ESCAPED).encode("utf-8"))
    overrides = bytearray(data.translate(_CONTINUATION))
    if b"\\" in data:
        for pair in _ESCAPE_PAIR.finditer(data):
            overrides[pair.start() + 1] = BREAK_PROHIBITED
    return data, overrides


def _encode_slowly(portion: str, inside_directive: list[bool]) -> tuple[bytearray, bytearray]:
    """As :func:`_encode`, with no break inside a format directive (``inside_directive`` per character)."""
    data, overrides = bytearray(), bytearray()
    for index, char in enumerate(portion):
        encoded = char.translate(_ESCAPED).encode("utf-8")
        data += encoded
        overrides.append(BREAK_PROHIBITED if inside_directive[index] else BREAK_UNDEFINED)
        overrides += bytes([BREAK_PROHIBITED]) * (len(encoded) - 1)
    return data, overrides
#: Python %-directives (gettext's format-python.c): no line break inside one.
_PYTHON_DIRECTIVE_RE = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")


@dataclass(slots=True)
class _Flags:
    """The ``#,`` flags gettext understands; any other flag is dropped, as msgcat does."""

    fuzzy: bool = False
    formats: dict[str, str] = field(default_factory=dict)  # language -> "" | "no-" | "possible-"
    range: tuple[int, int] | None = None
    no_wrap: bool = False

    @classmethod
    def parse(cls, flags: Iterable[str]) -> _Flags:
        parsed = cls()
        for flag in flags:
            if flag == "fuzzy":
                parsed.fuzzy = True
            elif flag == "wrap":
                parsed.no_wrap = False
            elif flag == "no-wrap":
                parsed.no_wrap = True
            elif match := _RANGE_RE.match(flag):
                parsed.range = (int(match.group(1)), int(match.group(2)))
            elif (match := _FORMAT_FLAG_RE.match(flag)) and match.group(2) in FORMAT_LANGUAGES:
                parsed.formats[match.group(2)] = match.group(1) or ""
        return parsed

    def format_flags(self) -> list[str]:
        """Format flags in gettext's order (``possible-`` is printed as a plain flag)."""
        result = []
        for language in FORMAT_LANGUAGES:
            if language in self.formats:
                prefix = self.formats[language]
                result.append(f"{'no-' if prefix == 'no-' else ''}{language}-format")
        return result

    @property
    def python_format(self) -> bool:
        return self.formats.get("python") in ("", "possible-")


def known_flags(flags: Iterable[str]) -> list[str]:
    """The flags that survive a GNU gettext round trip, in gettext's order."""
    parsed = _Flags.parse(flags)
    result = ["fuzzy"] if parsed.fuzzy else []
    result += parsed.format_flags()
    if parsed.range is not None and parsed.formats:
        result.append(f"range: {parsed.range[0]}..{parsed.range[1]}")
    if parsed.no_wrap:
        result.append("no-wrap")
    return result


class PoWriter:
    """Serializes catalogs exactly as ``msgcat`` (GNU gettext 0.21, width 79) does."""

    def __init__(self, page_width: int = PAGE_WIDTH, breaker: LineBreaker | None = None) -> None:
        self.page_width = page_width
        self.breaker = breaker or LineBreaker()

    # -- strings -----------------------------------------------------------------

    def _directive_mask(self, value: str, python_format: bool) -> list[bool]:
        """True for each character inside (but not at the start of) a format directive."""
        mask = [False] * len(value)
        if python_format:
            for match in _PYTHON_DIRECTIVE_RE.finditer(value):
                for index in range(match.start() + 1, match.end()):
                    mask[index] = True
        return mask

    def wrap(self, prefix: str, name: str, value: str, *, wrap: bool = True, python_format: bool = False) -> list[str]:
        """The lines of ``name "value"`` with ``prefix`` (``""``, ``"#| "``, ``"#~ "``)."""
        lines: list[str] = []
        inside_directive = self._directive_mask(value, python_format)
        # Not str.splitlines: gettext splits after "\n" only, never on \r, \v or \f.
        portions = _split_after_newlines(value)
        first_line = True
        offset = 0
        for number, portion in enumerate(portions):
            more_follows = number < len(portions) - 1
            if any(inside_directive[offset : offset + len(portion)]):
                data, overrides = _encode_slowly(portion, inside_directive[offset : offset + len(portion)])
            else:
                data, overrides = _encode(portion)
            offset += len(portion)
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
        if entry.references:
            current, column = "#:", 2
            for reference in entry.references:
                width = len(reference) + 1
                if column > 2 and column + width > self.page_width:
                    lines.append(current)
                    current, column = "#:", 2
                current += " " + reference
                column += width
            lines.append(current)
        return lines

    def entry_lines(self, entry: Entry) -> list[str]:
        """The lines of one entry, without the blank separator line."""
        flags = _Flags.parse(entry.flags)
        wrap = not flags.no_wrap
        python_format = flags.python_format
        forms = entry.translations
        if entry.obsolete and forms[0] == "":
            return []
        lines = self._comment_lines(entry)
        printed = []
        if flags.fuzzy and (entry.obsolete or forms[0] != ""):
            printed.append("fuzzy")
        printed += flags.format_flags()
        if flags.range is not None and flags.formats and not entry.obsolete:
            printed.append(f"range: {flags.range[0]}..{flags.range[1]}")
        if flags.no_wrap:
            printed.append("no-wrap")
        if printed:
            lines.append("#, " + ", ".join(printed))
        previous_prefix = "#~| " if entry.obsolete else "#| "
        for keyword in ("msgctxt", "msgid", "msgid_plural"):
            value = getattr(entry, "previous_" + keyword)
            if value is not None:
                lines += self.wrap(previous_prefix, keyword, value, wrap=wrap, python_format=python_format)
        prefix = "#~ " if entry.obsolete else ""
        if entry.msgctxt is not None:
            lines += self.wrap(prefix, "msgctxt", entry.msgctxt, wrap=wrap, python_format=python_format)
        lines += self.wrap(prefix, "msgid", entry.msgid, wrap=wrap, python_format=python_format)
        if entry.msgid_plural is None:
            lines += self.wrap(prefix, "msgstr", entry.msgstr, wrap=wrap, python_format=python_format)
        else:
            lines += self.wrap(prefix, "msgid_plural", entry.msgid_plural, wrap=wrap, python_format=python_format)
            for index, form in enumerate(entry.msgstr_plural):
                lines += self.wrap(prefix, f"msgstr[{index}]", form, wrap=wrap, python_format=python_format)
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
