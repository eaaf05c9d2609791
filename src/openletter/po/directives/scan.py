"""What every directive parser shares: the bytes as C sees them, the marks it sets, and for the
printf-like ones the arguments a string takes (gettext refuses one that numbers some and not others)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

#: ``FMTDIR_START``, ``FMTDIR_END``, ``FMTDIR_ERROR`` of gettext's ``format.h``.
START, END, ERROR = 1, 2, 4
_PAD = 16
_UINT_MASK = 0xFFFFFFFF


class Invalid(Exception):
    """Not a valid format string of its language; ``reason`` says why, as msgfmt would."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Scan:
    """A string as a C parser reads it (NUL-terminated bytes) and the ``FMTDIR_*`` marks set on it.

    ``at(i)`` is ``string[i]``, 0 past the end, so a port can read ahead as the C code does."""

    def __init__(self, text: bytes, translated: bool = False) -> None:
        self.data = bytes(text) + b"\0" * _PAD
        self.length = len(text)
        self.translated = translated
        self.marks = bytearray(len(text))
        self._resume = 0

    def at(self, index: int) -> int:
        return self.data[index] if index < len(self.data) else 0

    def mark(self, index: int, flag: int) -> None:
        """``FDI_SET``: marks past the string's end (where a C parser may point at its NUL) are dropped."""
        if 0 <= index < self.length:
            self.marks[index] |= flag

    def fail(self, index: int, reason: str) -> Invalid:
        """Mark the invalid directive's last byte and return the exception that stops the parse."""
        self.mark(index, ERROR)
        return Invalid(reason)

    def fail_here(self, index: int, reason: str) -> Invalid:
        """As :meth:`fail`, on the byte before ``index`` when ``index`` is the terminating NUL."""
        return self.fail(index - 1 if self.at(index) == 0 else index, reason)

    def text(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8", "replace")

    def directives(self, sigil: str = "%") -> Iterator[int]:
        """The index of each ``sigil`` the parse meets, marked as a directive's start (the loop that
        opens gettext's parsers).  The parser says where the directive ends with :meth:`end`."""
        byte = sigil.encode("ascii")
        end = self.data.index(0)  # the C loop stops at the string's NUL
        index = self.data.find(byte, 0, end)
        while index >= 0:
            self.mark(index, START)
            self._resume = index + 1
            yield index
            index = self.data.find(byte, self._resume, end)

    def end(self, index: int) -> None:
        """The directive ends at ``index`` (its last byte); the parse goes on after it."""
        self.mark(index, END)
        self._resume = index + 1


def isdigit(byte: int) -> bool:
    return 0x30 <= byte <= 0x39


def isalpha(byte: int) -> bool:
    return 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A


def isalnum(byte: int) -> bool:
    return isdigit(byte) or isalpha(byte)


def isxdigit(byte: int) -> bool:
    return isdigit(byte) or 0x41 <= byte <= 0x46 or 0x61 <= byte <= 0x66


def closing(at: Callable[[int], int], index: int, opening: str, close: str) -> int:
    """The index of the ``close`` matching an ``opening`` just before ``index`` (nested pairs
    counted, nothing quoted), or of the string's end."""
    depth = 0
    while at(index):
        if at(index) == ord(opening):
            depth += 1
        elif at(index) == ord(close):
            if depth == 0:
                return index
            depth -= 1
        index += 1
    return index


def number(scan: Scan, index: int) -> tuple[int, int]:
    """The decimal number at ``index`` as an ``unsigned int`` accumulates it (wrapping), and where it ends."""
    value = 0
    while isdigit(scan.at(index)):
        value = (10 * value + scan.at(index) - 0x30) & _UINT_MASK
        index += 1
    return value, index


UNTERMINATED = "the string ends in the middle of a directive"
MIXED = "the string refers to arguments both by number (%1$s) and in order (%s)"
ARGNO_0 = "argument number 0 is not a positive integer"


def conversion_error(scan: Scan, index: int) -> Invalid:
    """``INVALID_CONVERSION_SPECIFIER`` at ``index`` (or ``UNTERMINATED`` at the string's end)."""
    char = scan.at(index)
    if char == 0:
        return scan.fail(index - 1, UNTERMINATED)
    shown = chr(char) if 0x20 <= char < 0x7F else f"byte 0x{char:02x}"
    return scan.fail(index, f"'{shown}' is not a valid conversion specifier")


def argno(scan: Scan, index: int) -> tuple[int, int]:
    """``m$`` at ``index``: (m, index after '$'), or (0, index) when no '$' follows the digits."""
    if not isdigit(scan.at(index)):
        return 0, index
    value, after = number(scan, index)
    if scan.at(after) != ord("$"):
        return 0, index
    if value == 0:
        raise scan.fail(after, ARGNO_0)
    return value, after + 1


@dataclass(slots=True)
class Arg:
    """One argument a format string consumes: its type (the parser's code) and the directive's bytes."""

    type: int
    start: int
    end: int


@dataclass(slots=True)
class Args:
    """Numbered (``%1$d``) and unnumbered (``%d``) arguments; gettext refuses a string that mixes them."""

    numbered: list[tuple[int, Arg]] = field(default_factory=list)
    unnumbered: list[Arg] = field(default_factory=list)

    def add(self, scan: Scan, position: int, number: int, arg: Arg) -> None:
        """Record an argument (``number`` 0: unnumbered); a mix is an error marked at ``position``."""
        if number:
            if self.unnumbered:
                raise scan.fail(position, MIXED)
            self.numbered.append((number, arg))
        else:
            if self.numbered:
                raise scan.fail(position, MIXED)
            self.unnumbered.append(arg)

    def width_and_precision(self, scan: Scan, index: int, start: int, type_: int = 1) -> int:
        """A width and a ``.precision`` at ``index``, each optional and a number, ``*`` or ``*m$``
        (C's, awk's and boost's syntax); the index after them."""
        if scan.at(index) == ord("*"):
            index = self.star(scan, index + 1, start, type_)
        else:
            _, index = number(scan, index)
        if scan.at(index) == ord("."):
            index += 1
            if scan.at(index) == ord("*"):
                index = self.star(scan, index + 1, start, type_)
            else:
                _, index = number(scan, index)
        return index

    def star(self, scan: Scan, index: int, start: int, type_: int = 1) -> int:
        """A ``*`` or ``*m$`` width or precision at ``index`` (just after the ``*``): an int argument
        (C's, awk's, boost's rule); returns the index after it."""
        number_ = 0
        if isdigit(scan.at(index)):
            value, after = number(scan, index)
            if scan.at(after) == ord("$"):
                if value == 0:
                    raise scan.fail(after, ARGNO_0)
                number_, index = value, after + 1
        self.add(scan, index - 1, number_, Arg(type_, start, index))
        return index
