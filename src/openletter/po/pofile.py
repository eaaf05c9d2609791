"""PO catalogs: the entry model and a strict reader that knows every line.

Babel's and polib's readers guess their way past broken input (a syntax error becomes a
printed warning, an unterminated string loses its last character, a duplicate silently
disappears).  Catalogs here come from volunteers and from every tool (Poedit, Lokalize,
Weblate, Transifex, hand edits), so this reader accepts exactly the PO syntax GNU gettext 0.21
accepts (in UTF-8, the one encoding catalogs here may have) and reads it as gettext does: its lexer (:mod:`openletter.po.polex`) and grammar
(``po-gram-gen.y``) are ported here, its comment rules in :mod:`openletter.po.comments`.
Anything gettext refuses is refused with ``path:line`` (and the column, for a lexical error),
and the line of every entry is recorded for later checks.

What that means in practice: keywords and strings may share a line (``msgid "a" msgstr "b"``);
a comment may follow a string (``msgstr "x" # note`` is a comment of the next message); comments
after the last message belong to none and are dropped, as ``msgcat`` drops them; a string ends
at a NUL; the same message (context and msgid) twice is an error even when one is obsolete.
Two choices of ours, for a file that is one catalog: ``domain "messages"`` (gettext's default
domain) is accepted and changes nothing, any other ``domain`` line is refused (code ``domain``),
as it would put the messages after it in another catalog; and several ``#,`` lines of one entry
are merged as gettext 0.26 merges them (see :mod:`openletter.po.flags`), where 0.21 keeps only
the last.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from openletter.errors import PoSyntaxError
from openletter.po.comments import Comments
from openletter.po.flags import Flags
from openletter.po.polex import (
    COMMENT,
    DOMAIN,
    EOF,
    LBRACKET,
    MSGCTXT,
    MSGID,
    MSGID_PLURAL,
    MSGSTR,
    NUMBER,
    PREV_MSGCTXT,
    PREV_MSGID,
    PREV_MSGID_PLURAL,
    PREV_STRING,
    RBRACKET,
    STRING,
    Lexer,
    Token,
)  # fmt: skip

HEADER_FLAG = "fuzzy"
#: gettext's default domain: a ``domain`` line naming it changes nothing.
DEFAULT_DOMAIN = "messages"


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

    def copy(self) -> Entry:
        """An independent copy (its lists new; strings are immutable): what ``copy.deepcopy``
        gives, without walking every string (merging a catalog copies each of its entries)."""
        return replace(
            self,
            msgstr_plural=list(self.msgstr_plural),
            translator_comments=list(self.translator_comments),
            extracted_comments=list(self.extracted_comments),
            references=list(self.references),
            flags=list(self.flags),
            msgstr_lines=[list(lines) for lines in self.msgstr_lines],
        )

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

    def copy(self) -> Catalog:
        """An independent copy (every entry copied)."""
        return Catalog(self.header.copy() if self.header else None, [e.copy() for e in self.entries], [e.copy() for e in self.obsolete], self.path)

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


def parse_po(text: str, path: Path | None = None) -> Catalog:
    """Parse PO text strictly; raise :class:`PoSyntaxError` at the first problem."""
    return _Parser(text, path).parse()


def read_po(path: Path) -> Catalog:
    """Read and parse one PO/POT file."""
    catalog = parse_po(decode_po_bytes(Path(path).read_bytes(), Path(path)), Path(path))
    return catalog


def _describe(token: Token) -> str:
    if token.kind == COMMENT:
        return "a comment ('#'): a message's comments go before its first keyword"
    if token.kind in (STRING, PREV_STRING):
        return "a string"
    if token.kind == NUMBER:
        return f"the number {token.value}"
    return f"'{token.kind}'"


class _Parser:
    """gettext's grammar (``po-gram-gen.y``) over the lexer's tokens, one token of look-ahead."""

    def __init__(self, text: str, path: Path | None) -> None:
        self.path = path
        self._tokens: Iterator[Token] = Lexer(text, path).tokens()
        self.peek: Token = next(self._tokens)

    def advance(self) -> Token:
        token = self.peek
        if token.kind != EOF:
            self.peek = next(self._tokens)
        return token

    def error(self, message: str, line: int, value: object = None, column: int | None = None, code: str = "syntax") -> PoSyntaxError:
        return PoSyntaxError(message, path=self.path, line=line, value=value, code=code, column=column)

    def unexpected(self, wanted: str) -> PoSyntaxError:
        token = self.peek
        if token.kind == EOF:
            return self.error(f"syntax error: unexpected end of file; expected {wanted}", token.line)
        return self.error(f"expected {wanted}, found {_describe(token)}", token.line, token.kind)

    def parse(self) -> Catalog:
        catalog = Catalog(path=self.path)
        seen: dict[tuple[str | None, str], int] = {}
        comments = Comments()
        while self.peek.kind != EOF:
            kind = self.peek.kind
            if kind == COMMENT:
                comments.add(str(self.advance().value))
            elif kind == DOMAIN:
                self.domain()
            elif kind in (PREV_MSGCTXT, PREV_MSGID, MSGCTXT, MSGID):
                entry = self.message(comments)
                comments = Comments()
                if entry.key in seen:
                    raise self.error(
                        f"duplicate message definition (first defined at line {seen[entry.key]})",
                        entry.line, entry.msgid, code="duplicate",
                    )  # fmt: skip
                seen[entry.key] = entry.line
                if entry.obsolete:
                    catalog.obsolete.append(entry)
                elif entry.is_header and catalog.header is None and not catalog.entries:
                    catalog.header = entry
                else:
                    catalog.entries.append(entry)
            else:
                raise self.unexpected("'msgid'")
        return catalog

    def domain(self) -> None:
        keyword = self.advance()
        if self.peek.kind != STRING:
            raise self.unexpected("the domain's name in quotes after 'domain'")
        name = self.decode([self.advance()])[0]
        if name != DEFAULT_DOMAIN:
            catalog = f"{self.path.stem}.po" if self.path is not None else "this catalog"
            raise self.error(
                f"domain {name!r}: a file here is one catalog ({catalog}), and gettext would put the messages after "
                f"this line in the catalog {name!r}; move them to {name}.po, or delete the line",
                keyword.line, name, keyword.column, code="domain",
            )  # fmt: skip

    def strings(self, keyword: Token, kind: str = STRING) -> tuple[str, list[tuple[int, int]]]:
        """The strings after ``keyword``, concatenated, and (line, offset) where each one starts."""
        parts = []
        while self.peek.kind == kind:
            parts.append(self.same_state(self.advance(), keyword))
        if not parts:
            raise self.unexpected(f"a string after '{keyword.kind}'")
        return self.decode(parts)

    def decode(self, parts: list[Token]) -> tuple[str, list[tuple[int, int]]]:
        """gettext concatenates a message's strings as bytes: an escape may even split a character."""
        data = b"".join(part.value for part in parts if isinstance(part.value, bytes))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            offset, where = 0, parts[0]
            for part in parts:
                if isinstance(part.value, bytes) and offset + len(part.value) > error.start:
                    where = part
                    break
                offset += len(part.value) if isinstance(part.value, bytes) else 0
            raise self.error(
                "the escape sequences of this string make invalid UTF-8 (catalogs must be UTF-8)",
                where.line, data[error.start : error.start + 1], where.column, code="encoding",
            ) from None
        starts, offset = [], 0
        for part in parts:
            starts.append((part.line, len(data[:offset].decode("utf-8", "ignore"))))
            offset += len(part.value) if isinstance(part.value, bytes) else 0
        return text, starts

    def same_state(self, token: Token, first: Token) -> Token:
        """``check_obsolete``: every token of a message is obsolete (``#~``) or none is."""
        if token.obsolete != first.obsolete:
            raise self.error(
                "inconsistent use of #~: every line of an obsolete message starts with '#~', and no line of an active one",
                token.line, token.kind, token.column,
            )  # fmt: skip
        return token

    def expect(self, kind: str, first: Token, wanted: str) -> Token:
        if self.peek.kind != kind:
            raise self.unexpected(wanted)
        return self.same_state(self.advance(), first)

    def message(self, comments: Comments) -> Entry:
        first = self.peek
        entry = Entry(
            msgid="", obsolete=first.obsolete, translator_comments=comments.translator,
            extracted_comments=comments.extracted, references=comments.references, flags=Flags.parse(comments.flags).tokens(),
        )  # fmt: skip
        if self.peek.kind == PREV_MSGCTXT:
            entry.previous_msgctxt, _ = self.strings(self.same_state(self.advance(), first), PREV_STRING)
            if self.peek.kind != PREV_MSGID:
                raise self.unexpected("'#| msgid' after '#| msgctxt'")
        if self.peek.kind == PREV_MSGID:
            entry.previous_msgid, _ = self.strings(self.same_state(self.advance(), first), PREV_STRING)
            if self.peek.kind == PREV_MSGID_PLURAL:
                entry.previous_msgid_plural, _ = self.strings(self.same_state(self.advance(), first), PREV_STRING)
        if self.peek.kind == MSGCTXT:
            entry.msgctxt, _ = self.strings(self.same_state(self.advance(), first))
        keyword = self.expect(MSGID, first, "'msgid'")
        entry.line = keyword.line
        entry.msgid, _ = self.strings(keyword)
        if self.peek.kind == MSGID_PLURAL:
            entry.msgid_plural, _ = self.strings(self.same_state(self.advance(), first))
        if entry.msgid_plural is None:
            keyword = self.expect(MSGSTR, first, "'msgstr'")
            if self.peek.kind == LBRACKET:
                raise self.error("'msgstr[N]' used for a message without 'msgid_plural'", keyword.line, "msgstr[]")
            entry.msgstr, starts = self.strings(keyword)
            entry.msgstr_lines.append(starts)
            return entry
        while self.peek.kind == MSGSTR:
            keyword = self.same_state(self.advance(), first)
            if self.peek.kind != LBRACKET:
                raise self.error("plural message needs 'msgstr[N]', found plain 'msgstr'", keyword.line, "msgstr")
            self.same_state(self.advance(), first)
            index = self.expect(NUMBER, first, "a number in 'msgstr[N]'").value
            self.expect(RBRACKET, first, "']' after 'msgstr[N'")
            if index != len(entry.msgstr_plural):
                raise self.error(
                    f"'msgstr[{index}]' out of order (expected msgstr[{len(entry.msgstr_plural)}])", keyword.line, index
                )
            value, starts = self.strings(keyword)
            entry.msgstr_plural.append(value)
            entry.msgstr_lines.append(starts)
        if not entry.msgstr_plural:
            raise self.error("plural message without 'msgstr[0]'", self.peek.line, entry.msgid)
        return entry
