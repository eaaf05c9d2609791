"""PO catalogs: the entry model and a strict reader that knows every line.

Babel's and polib's readers guess their way past broken input (a syntax error
becomes a printed warning, an unterminated string loses its last character, a
duplicate silently disappears).  Catalogs here come from volunteers, so this
reader accepts exactly the PO syntax GNU gettext accepts, refuses the rest
with ``path:line``, and records the line of every entry for later checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openletter.errors import PoSyntaxError

HEADER_FLAG = "fuzzy"

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"'}
_ESCAPE_RE = re.compile(r'\\(?:([ntrabfv\\"])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.?))', re.DOTALL)
#: A whole quoted string: no bare quote inside, every backslash escaping something.
_QUOTED_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(.*)\Z", re.DOTALL)


@dataclass(slots=True)
class Entry:
    """One PO message with everything GNU gettext keeps about it."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    #: 1-based line of the ``msgid`` keyword in the file it was read from (0 if built in memory).
    line: int = 0
    #: Per msgstr (one, or one per plural form): (line, offset) of each of its quoted strings, where
    #: ``offset`` is where that string's text starts in the msgstr; findings about a translation
    #: name the line its mistake is on, not the msgid's.
    msgstr_lines: list[list[tuple[int, int]]] = field(default_factory=list, compare=False, repr=False)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not value and "fuzzy" in self.flags:
            self.flags.remove("fuzzy")

    @property
    def translations(self) -> list[str]:
        """Every msgstr of the entry: one, or one per plural form."""
        return self.msgstr_plural if self.msgid_plural is not None else [self.msgstr]

    @property
    def translated(self) -> bool:
        """True when every form has text and the entry is not fuzzy (what msgfmt compiles)."""
        return not self.fuzzy and all(self.translations)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    def msgstr_line(self, form: int = 0) -> int:
        """The line of the ``msgstr`` (or ``msgstr[form]``) keyword; the msgid's line if unknown."""
        return self.msgstr_lines[form][0][0] if form < len(self.msgstr_lines) else self.line

    def lines(self) -> list[int]:
        """The lines a finding about the entry can name: its msgid's, then each msgstr's strings."""
        found = [self.line]
        for form in self.msgstr_lines:
            found += [line for line, _ in form if line not in found]
        return found

    def line_at(self, offset: int, form: int = 0) -> int:
        """The line holding character ``offset`` of a msgstr (the last quoted string starting at or before it)."""
        if form >= len(self.msgstr_lines):
            return self.line
        found = self.msgstr_lines[form][0][0]
        for line, start in self.msgstr_lines[form]:
            if start > offset:
                break
            found = line
        return found


@dataclass(slots=True)
class Catalog:
    """A header entry, the active entries in file order and the obsolete ones."""

    header: Entry | None = None
    entries: list[Entry] = field(default_factory=list)
    obsolete: list[Entry] = field(default_factory=list)
    path: Path | None = None

    def header_fields(self) -> dict[str, str]:
        """``Name: value`` pairs of the header msgstr, in order."""
        fields: dict[str, str] = {}
        if self.header is None:
            return fields
        for line in self.header.msgstr.split("\n"):
            name, sep, value = line.partition(":")
            if sep:
                fields[name.strip()] = value.strip()
        return fields

    def set_header_field(self, name: str, value: str) -> None:
        """Change one header field in place, or append it, keeping the others as written."""
        if self.header is None:
            self.header = Entry(msgid="")
        lines = self.header.msgstr.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for index, line in enumerate(lines):
            if line.partition(":")[0].strip() == name:
                lines[index] = f"{name}: {value}"
                break
        else:
            lines.append(f"{name}: {value}")
        self.header.msgstr = "\n".join(lines) + "\n"

    def header_field_line(self, name: str) -> int | None:
        """The file line where header field ``name`` is written (inside the header's msgstr);
        None when the header has no such field."""
        if self.header is None:
            return None
        found: int | None = None  # the last such field, the one header_fields() keeps
        offset = 0
        for line in self.header.msgstr.split("\n"):
            field_name, colon, _ = line.partition(":")
            if colon and field_name.strip() == name:
                found = offset
            offset += len(line) + 1
        return None if found is None else self.header.line_at(found)

    def by_key(self) -> dict[tuple[str | None, str], Entry]:
        return {entry.key: entry for entry in self.entries}


class _Cursor:
    """Lines of a PO file with their 1-based numbers, one look-ahead."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.index = 0

    def peek(self) -> str | None:
        return self.lines[self.index] if self.index < len(self.lines) else None

    @property
    def lineno(self) -> int:
        return self.index + 1

    def advance(self) -> str:
        line = self.lines[self.index]
        self.index += 1
        return line


def decode_po_bytes(data: bytes, path: Path) -> str:
    """Decode a PO file as strict UTF-8, naming the line and column of the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise PoSyntaxError(
            "file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM",
            path=path,
            line=1,
            code="bom",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise PoSyntaxError(
            f"invalid UTF-8 at column {column} (byte 0x{data[error.start]:02x}); "
            "catalogs must be UTF-8",
            path=path,
            line=line,
            value=data[error.start : error.start + 1],
            code="encoding",
        ) from None


def unquote(text: str, path: Path | None, line: int, raw: str | None = None) -> str:
    """Decode one quoted PO string (``"..."``) the way GNU gettext's lexer does.

    ``raw`` is the whole line ``text`` comes from: an error then names the column where the
    reader stopped, with a hint for the usual slips (an inner quote, a missing closing quote)."""
    given, text = text, text.strip()

    def fail(message: str, offset: int, value: object = text) -> PoSyntaxError:
        start = (raw if raw is not None else given).find(text) + 1  # the string's column on its line
        return PoSyntaxError(message, path=path, line=line, value=value, code="syntax", column=start + offset)

    if _QUOTED_RE.fullmatch(text) is None:  # find where and why only for a string that is wrong
        if not text.startswith('"'):
            raise fail(f"text outside quotes: {text!r}; a line holds one quoted string (\"…\")", 0)
        position = 1
        while position < len(text) and text[position] != '"':
            position += 2 if text[position] == "\\" else 1
        if position >= len(text):
            raise fail(f"the string is not closed: end it with a quote (\") on this line: {text!r}", len(text))
        raise fail(f"this quote ends the string, and {text[position + 1 :].strip()!r} follows it; write \\\" for a quote inside the text", position)
    body = text[1:-1]

    def replace(match: re.Match[str]) -> str:
        simple, octal, hexa, other = match.groups()
        if simple is not None:
            return _ESCAPES[simple]
        if octal is not None:
            return chr(int(octal, 8))
        if hexa is not None:
            return chr(int(hexa, 16))
        raise fail(f"invalid escape sequence '\\{other}' in {text!r}; write \\\\ for a backslash", 1 + match.start(), other)

    return _ESCAPE_RE.sub(replace, body)


def parse_po(text: str, path: Path | None = None) -> Catalog:
    """Parse PO text strictly; raise :class:`PoSyntaxError` at the first problem."""
    return _Parser(text, path).parse()


def read_po(path: Path) -> Catalog:
    """Read and parse one PO/POT file."""
    catalog = parse_po(decode_po_bytes(Path(path).read_bytes(), Path(path)), Path(path))
    return catalog


class _Parser:
    def __init__(self, text: str, path: Path | None) -> None:
        self.path = path
        self.cursor = _Cursor(text.split("\n"))
        if self.cursor.lines and self.cursor.lines[-1] == "":
            self.cursor.lines.pop()

    def error(self, message: str, line: int, value: object = None) -> PoSyntaxError:
        return PoSyntaxError(message, path=self.path, line=line, value=value, code="syntax")

    def parse(self) -> Catalog:
        catalog = Catalog(path=self.path)
        seen: dict[tuple[str | None, str], int] = {}
        for entry in self._entries():
            if entry.obsolete:
                catalog.obsolete.append(entry)
                continue
            if entry.key in seen:
                raise PoSyntaxError(
                    f"duplicate message definition (first defined at line {seen[entry.key]})",
                    path=self.path,
                    line=entry.line,
                    value=entry.msgid,
                    code="duplicate",
                )
            seen[entry.key] = entry.line
            if entry.is_header and catalog.header is None and not catalog.entries:
                catalog.header = entry
            else:
                catalog.entries.append(entry)
        return catalog

    def _entries(self) -> Iterator[Entry]:
        cursor = self.cursor
        while cursor.peek() is not None:
            entry = self._entry()
            if entry is not None:
                yield entry

    def _strip_obsolete(self, line: str) -> str | None:
        """The PO syntax inside a ``#~`` line, or None if the line is not obsolete syntax."""
        if not line.startswith("#~"):
            return None
        rest = line[2:]
        return rest[1:] if rest.startswith(" ") else rest

    def _entry(self) -> Entry | None:
        cursor = self.cursor
        entry = Entry(msgid="")
        has_comments = False
        # Comments (and blank lines between entries).
        while True:
            line = cursor.peek()
            if line is None:
                if has_comments:
                    raise self.error("comments without a message at end of file", cursor.lineno - 1)
                return None
            stripped = line.strip()
            if stripped == "":
                cursor.advance()
                continue
            if line.startswith("#~"):
                break
            if line.startswith("#|"):
                self._previous(entry, obsolete=False)
                has_comments = True
                continue
            if line.startswith("#"):
                self._comment(entry, cursor.advance())
                has_comments = True
                continue
            break
        first = cursor.peek()
        assert first is not None
        if first.startswith("#~"):
            entry.obsolete = True
            # Previous-msgid lines of an obsolete entry: "#~| msgid ...".
            while (line := cursor.peek()) is not None and line.startswith("#~|"):
                self._previous(entry, obsolete=True)
        self._keywords(entry)
        return entry

    def _comment(self, entry: Entry, line: str) -> None:
        marker = line[1:2]
        body = line[2:]
        if marker == ".":
            entry.extracted_comments.append(body[1:] if body.startswith(" ") else body)
        elif marker == ":":
            entry.references.extend(body.split())
        elif marker == ",":
            for flag in body.split(","):
                flag = flag.strip()
                if flag and flag not in entry.flags:
                    entry.flags.append(flag)
        else:
            text = line[1:]
            entry.translator_comments.append(text[1:] if text.startswith(" ") else text)

    def _previous(self, entry: Entry, obsolete: bool) -> None:
        cursor = self.cursor
        prefix = "#~|" if obsolete else "#|"
        lineno = cursor.lineno
        body = cursor.advance()[len(prefix) :].strip()
        match = _KEYWORD_RE.match(body)
        if not match or match.group(2) is not None or match.group(1) == "msgstr":
            raise self.error(f"invalid previous-message line {body!r}", lineno, body)
        keyword = match.group(1)
        value = self._string_sequence(match.group(3), lineno, continuation_prefix=prefix)
        setattr(entry, "previous_" + keyword, value)

    def _string_sequence(self, first: str, lineno: int, continuation_prefix: str = "") -> str:
        """The first quoted string and every continuation line after it, concatenated."""
        return "".join(part for _, part in self._string_parts(first, lineno, continuation_prefix))

    def _string_parts(self, first: str, lineno: int, continuation_prefix: str = "") -> list[tuple[int, str]]:
        """(line, text) of the first quoted string and of every continuation line after it."""
        cursor = self.cursor
        parts = [(lineno, unquote(first, self.path, lineno, cursor.lines[lineno - 1]))]
        while (line := cursor.peek()) is not None:
            candidate = line
            if continuation_prefix:
                if not line.startswith(continuation_prefix):
                    break
                candidate = line[len(continuation_prefix) :]
            if not candidate.strip().startswith('"'):
                break
            parts.append((cursor.lineno, unquote(candidate, self.path, cursor.lineno, line)))
            cursor.advance()
        return parts

    def _keyword_line(self, obsolete: bool) -> tuple[str, int | None, str, int] | None:
        """(keyword, plural index, rest of line, line number) of the next keyword line, if any."""
        cursor = self.cursor
        line = cursor.peek()
        if line is None:
            return None
        body = self._strip_obsolete(line) if obsolete else line
        if body is None:
            return None
        match = _KEYWORD_RE.match(body.strip())
        if not match:
            return None
        keyword = match.group(1).split("[")[0]
        index = int(match.group(2)) if match.group(2) is not None else None
        return keyword, index, match.group(3), cursor.lineno

    def _read_keyword(self, obsolete: bool, lines: list[list[tuple[int, int]]] | None = None) -> tuple[str, int | None, str, int]:
        """The next keyword line and its strings; with ``lines``, where each string starts is appended to it."""
        found = self._keyword_line(obsolete)
        if found is None:
            lineno = self.cursor.lineno
            raise self.error(f"syntax error: unexpected {self.cursor.peek()!r}", lineno, self.cursor.peek())
        keyword, index, rest, lineno = found
        self.cursor.advance()
        parts = self._string_parts(rest, lineno, continuation_prefix="#~" if obsolete else "")
        if lines is not None:
            starts, offset = [], 0
            for line, text in parts:
                starts.append((line, offset))
                offset += len(text)
            lines.append(starts)
        return keyword, index, "".join(text for _, text in parts), lineno

    def _keywords(self, entry: Entry) -> None:
        obsolete = entry.obsolete
        keyword, index, value, lineno = self._read_keyword(obsolete)
        if keyword == "msgctxt":
            entry.msgctxt = value
            keyword, index, value, lineno = self._read_keyword(obsolete)
        if keyword != "msgid":
            raise self.error(f"expected 'msgid', found '{keyword}'", lineno, keyword)
        entry.msgid = value
        entry.line = lineno
        found = self._keyword_line(obsolete)
        if found and found[0] == "msgid_plural":
            _, _, entry.msgid_plural, _ = self._read_keyword(obsolete)
        if entry.msgid_plural is None:
            keyword, index, value, lineno = self._read_keyword(obsolete, entry.msgstr_lines)
            if keyword != "msgstr":
                raise self.error(f"expected 'msgstr', found '{keyword}'", lineno, keyword)
            if index is not None:
                raise self.error("'msgstr[N]' used for a message without 'msgid_plural'", lineno, keyword)
            entry.msgstr = value
            return
        while (found := self._keyword_line(obsolete)) is not None and found[0] == "msgstr":
            keyword, index, value, lineno = self._read_keyword(obsolete, entry.msgstr_lines)
            if index is None:
                raise self.error("plural message needs 'msgstr[N]', found plain 'msgstr'", lineno, keyword)
            if index != len(entry.msgstr_plural):
                raise self.error(
                    f"'msgstr[{index}]' out of order (expected msgstr[{len(entry.msgstr_plural)}])",
                    lineno,
                    index,
                )
            entry.msgstr_plural.append(value)
        if not entry.msgstr_plural:
            raise self.error("plural message without 'msgstr[0]'", self.cursor.lineno, entry.msgid)
