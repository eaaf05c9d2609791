"""The tokens of a PO file, as GNU gettext's lexer (``po-lex.c``) cuts them.

PO syntax is free-form: keywords and strings are tokens separated by any white space
(``\\r``, ``\\f``, ``\\v`` included), so ``msgid "one" msgstr "first"`` is one line of two
keywords; ``#`` starts a comment wherever it appears (``msgstr "x" # note``), except that
``#~`` marks the rest of its line obsolete and ``#|`` (or ``#~|``) as a previous string.  A
string's escapes make bytes (``\\303\\251`` is "é" in UTF-8) and its text ends at a NUL, as
gettext's C strings do.  Errors carry the line and the column where the reader stopped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openletter.errors import PoSyntaxError

#: Token kinds.  ``PREV_*`` are the keywords and strings of ``#|`` lines.
COMMENT, DOMAIN, MSGCTXT, MSGID, MSGID_PLURAL, MSGSTR = "comment", "domain", "msgctxt", "msgid", "msgid_plural", "msgstr"
PREV_MSGCTXT, PREV_MSGID, PREV_MSGID_PLURAL = "#| msgctxt", "#| msgid", "#| msgid_plural"
STRING, PREV_STRING, NUMBER, LBRACKET, RBRACKET, EOF = "string", "#| string", "number", "[", "]", "end of file"

_KEYWORDS = {"domain": DOMAIN, "msgctxt": MSGCTXT, "msgid": MSGID, "msgid_plural": MSGID_PLURAL, "msgstr": MSGSTR}
_PREVIOUS_KEYWORDS = {"msgctxt": PREV_MSGCTXT, "msgid": PREV_MSGID, "msgid_plural": PREV_MSGID_PLURAL}
_ESCAPES = {"n": 0x0A, "t": 0x09, "b": 0x08, "r": 0x0D, "f": 0x0C, "v": 0x0B, "a": 0x07, "\\": 0x5C, '"': 0x22}
_NAME_RE = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_NUMBER_RE = re.compile(r"[0-9]+")
_OCTAL_RE = re.compile(r"[0-7]{1,3}")
_HEX_RE = re.compile(r"[0-9A-Fa-f]+")
_BLANKS = " \t\r\f\v"
#: A string without escapes, the common case, read in one step.
_PLAIN_STRING_RE = re.compile(r'"([^"\\]*)"')
#: gettext's msgctxt separator: a string may not contain it.
EOT = 0x04


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    #: A comment's text after ``#``, a string's bytes (NUL-truncated), a number, or None.
    value: str | bytes | int | None
    line: int
    #: 1-based column of the token's first character.
    column: int
    #: Whether the token is on a ``#~`` line.
    obsolete: bool


class Lexer:
    """Tokens of one PO text; :meth:`tokens` raises :class:`PoSyntaxError` at the first bad one."""

    def __init__(self, text: str, path: Path | None) -> None:
        self.text = text
        self.path = path
        self.lines = text.split("\n")

    def error(self, message: str, line: int, column: int | None, value: object = None) -> PoSyntaxError:
        return PoSyntaxError(message, path=self.path, line=line, value=value, code="syntax", column=column)

    def tokens(self) -> Iterator[Token]:
        for number, line in enumerate(self.lines, start=1):
            yield from self._line(line, number)
        yield Token(EOF, None, len(self.lines) if self.lines[-1] == "" else len(self.lines) + 1, 1, False)

    def _line(self, line: str, number: int) -> Iterator[Token]:
        obsolete = previous = False
        index = 0
        after_string: Token | None = None  # the string this token follows on the line (for the hint)
        while index < len(line):
            char = line[index]
            column = index + 1
            if char in _BLANKS:
                index += 1
                continue
            if char == "#":
                ahead = line[index + 1 : index + 2]
                if ahead == "~":
                    obsolete = True
                    index += 2
                    if line[index : index + 1] == "|":
                        previous, index = True, index + 1
                    continue
                if ahead == "|":
                    previous, index = True, index + 2
                    continue
                yield Token(COMMENT, line[index + 1 :], number, column, obsolete)
                return
            if char == '"':
                token, index = self._string(line, number, index, obsolete, previous)
                yield token
                after_string = token
                continue
            if (match := _NAME_RE.match(line, index)) is not None:
                word = match.group()
                kind = (_PREVIOUS_KEYWORDS if previous else _KEYWORDS).get(word)
                if kind is None and previous and word in _KEYWORDS:
                    raise self.error(
                        f"'{word}' cannot appear on a '#|' line: it holds the previous msgctxt, msgid and msgid_plural",
                        number, column, word,
                    )  # fmt: skip
                if kind is None:
                    raise self._unexpected(line, number, index, after_string, f"unknown keyword {word!r}")
                yield Token(kind, None, number, column, obsolete)
                index = match.end()
            elif (match := _NUMBER_RE.match(line, index)) is not None:
                yield Token(NUMBER, int(match.group()), number, column, obsolete)
                index = match.end()
            elif char in "[]":
                yield Token(LBRACKET if char == "[" else RBRACKET, None, number, column, obsolete)
                index += 1
            else:
                raise self._unexpected(line, number, index, after_string, f"unexpected {char!r}")
            after_string = None

    def _unexpected(self, line: str, number: int, index: int, after: Token | None, what: str) -> PoSyntaxError:
        """Text that is no keyword, string or comment; right after a string, say which quote ended it."""
        rest = line[index:].strip()
        if after is not None:
            close = index - 1
            while line[close] in _BLANKS:
                close -= 1
            return self.error(
                f"this quote ends the string, and {rest!r} follows it; write \\\" for a quote inside the text",
                number, close + 1, rest,
            )  # fmt: skip
        if line[:index].strip() in tuple(_KEYWORDS) or line[:index].rstrip().endswith(("]", *_KEYWORDS)):
            return self.error(f"text outside quotes: {rest!r}; write the text in quotes (\"…\")", number, index + 1, rest)
        return self.error(f"syntax error: {what}", number, index + 1, rest)

    def _string(self, line: str, number: int, start: int, obsolete: bool, previous: bool) -> tuple[Token, int]:
        """The string whose opening quote is at ``start``: its bytes as gettext keeps them."""
        plain = _PLAIN_STRING_RE.match(line, start)
        if plain is not None and "\0" not in plain.group(1) and "\x04" not in plain.group(1):
            kind = PREV_STRING if previous else STRING
            return Token(kind, plain.group(1).encode("utf-8"), number, start + 1, obsolete), plain.end()
        data = bytearray()
        index = start + 1
        while True:
            if index >= len(line):
                raise self.error(
                    f"the string is not closed: end it with a quote (\") on this line: {line[start:].strip()!r}",
                    number, len(line) + 1, line[start:],
                )  # fmt: skip
            char = line[index]
            if char == '"':
                break
            if char != "\\":
                data += char.encode("utf-8", "surrogateescape")
                index += 1
                continue
            code = line[index + 1 : index + 2]
            if code in _ESCAPES:
                data.append(_ESCAPES[code])
                index += 2
            elif (match := _OCTAL_RE.match(line, index + 1)) is not None:
                data.append(int(match.group(), 8) & 0xFF)
                index = match.end()
            elif code == "x" and (match := _HEX_RE.match(line, index + 2)) is not None:
                data.append(int(match.group(), 16) & 0xFF)
                index = match.end()
            else:
                shown = line[index : index + 2]
                raise self.error(
                    f"invalid escape sequence '{shown}' in {line[start:].strip()!r}; write \\\\ for a backslash",
                    number, index + 1, shown,
                )  # fmt: skip
        value = bytes(data).split(b"\0", 1)[0]  # a C string ends at its first NUL
        if EOT in value:
            raise self.error(
                "the string contains the control character U+0004, which GNU gettext reserves to separate a msgctxt",
                number, start + 1, line[start : index + 1],
            )  # fmt: skip
        return Token(PREV_STRING if previous else STRING, value, number, start + 1, obsolete), index + 1
