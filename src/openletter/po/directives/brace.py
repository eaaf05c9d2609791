"""Brace and sigil directives: ``{name}``, ``{0}``, ``%1``, ``$name`` (gettext 0.21's
format-python-brace, -java, -csharp, -perl-brace, -kde, -kde-kuit, -qt, -qt-plural, -smalltalk, -sh)."""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Callable
from dataclasses import dataclass, field

from openletter.po.directives.scan import END, START, Invalid, Scan, closing, isalnum, isalpha, isdigit, isxdigit

UNTERMINATED = "the string ends in the middle of a directive"

# -- Python's str.format (format-python-brace.c) --------------------------------------------------


@dataclass(slots=True)
class BraceSpec:
    """The fields a ``str.format`` string names, each with the first directive that names it.

    As in gettext 0.21, a field's name is everything between the braces (``n:>3`` is not ``n``)."""

    directives: int
    names: dict[str, tuple[int, int]] = field(default_factory=dict)


def _field(scan: Scan, index: int, numeric: bool) -> int | None:
    """The end of an identifier (or, with ``numeric``, a digit run) at ``index``; None if there is none."""
    char = scan.at(index)
    if isalpha(char) or char == ord("_"):
        while isalnum(scan.at(index)) or scan.at(index) == ord("_"):
            index += 1
        return index
    if numeric and isdigit(char):
        while isdigit(scan.at(index)):
            index += 1
        return index
    return None


def _brace_directive(scan: Scan, index: int, toplevel: bool, spec: BraceSpec, found: list[tuple[bytes, int, int]]) -> int:
    """``parse_directive``: the directive whose ``{`` is at ``index``; returns the index after it.

    gettext's ``parse_directive`` sets its marks relative to the directive's own ``{`` (its local
    ``format_start``), not to the string's start: every directive marks its start at byte 0 and its
    end at its own length.  ``msgcat`` wraps by those marks (gettext 0.21 to 0.26), so they are
    reproduced, not corrected."""
    base = index

    def fail(position: int, reason: str) -> Invalid:
        return scan.fail(position - base, reason)

    if scan.at(index + 1) == ord("{"):
        return index + 2
    name_start = index + 1
    after = _field(scan, name_start, numeric=True)
    if after is None:
        raise fail(name_start, "a field name cannot start here")
    index = after
    while True:
        char = scan.at(index)
        if char == ord("."):
            after = _field(scan, index + 1, numeric=False)
            if after is None:
                raise fail(index + 1, "a getattr argument cannot start here")
            index = after
        elif char == ord("["):
            after = _field(scan, index + 1, numeric=True)
            if after is None:
                raise fail(index + 1, "a getitem argument cannot start here")
            index = after + 1
            if scan.at(after) != ord("]"):
                raise fail(index, UNTERMINATED)
        else:
            break
    if char == ord(":"):
        if not toplevel:
            raise fail(index, "no more nesting is allowed in a format specifier")
        index += 1
        if scan.at(index) == ord("{"):
            index = _brace_directive(scan, index, False, spec, found)
            if scan.at(index) != ord("}"):
                raise fail(index, UNTERMINATED)
        else:
            if scan.at(index + 1) in b"<>=^":
                index += 2
            elif scan.at(index) in b"<>=^":
                index += 1
            for optional in (b"+- ", b"#", b"0"):
                if scan.at(index) in optional:
                    index += 1
            while isdigit(scan.at(index)):
                index += 1
            if scan.at(index) == ord("."):
                index += 1
                while isdigit(scan.at(index)):
                    index += 1
            if scan.at(index) in b"bcdoxXneEfFgG%":
                index += 1
            if scan.at(index) != ord("}"):
                raise fail(index, UNTERMINATED)
        char = scan.at(index)
    if char != ord("}"):
        raise fail(index, "an unterminated format directive")
    if toplevel:
        scan.mark(name_start - 1 - base, START)
        spec.directives += 1
        found.append((scan.data[name_start:index], name_start - 1, index + 1))
        scan.mark(index - base, END)
    return index + 1


def parse_python_brace(scan: Scan) -> BraceSpec:
    spec = BraceSpec(0)
    found: list[tuple[bytes, int, int]] = []
    index = 0
    while scan.at(index):
        if scan.at(index) == ord("{"):
            index = _brace_directive(scan, index, True, spec, found)
        else:
            index += 1
    for name, start, end in sorted(found, key=lambda item: item[0]):
        spec.names.setdefault(name.decode("utf-8", "surrogateescape"), (start, end))
    return spec


# -- Java's MessageFormat (format-java.c) --------------------------------------------------------

_QUOTE = ord("'")


class _Java:
    """One MessageFormat pattern (or a choice's sub-pattern, which gettext parses without marks)."""

    def __init__(self, data: bytes, scan: Scan | None) -> None:
        self.data = data + b"\0" * 8
        self.scan = scan

    def at(self, index: int) -> int:
        return self.data[index] if index < len(self.data) else 0

    def quote(self, index: int, quoting: bool) -> tuple[int, bool]:
        """``HANDLE_QUOTE``: a quote toggles quoting; two quotes are one literal quote."""
        if self.at(index) == _QUOTE:
            index += 1
            if self.at(index) != _QUOTE:
                quoting = not quoting
        return index, quoting

    def mark(self, index: int, flag: int) -> None:
        if self.scan is not None:
            self.scan.mark(index, flag)

    def fail(self, index: int, reason: str) -> Invalid:
        if self.scan is not None:
            return self.scan.fail(index, reason)
        return Invalid(reason)

    def message_format(self) -> None:
        index, quoting = 0, False
        while True:
            index, quoting = self.quote(index, quoting)
            char = self.at(index)
            if not quoting and char == ord("{"):
                self.mark(index, START)
                element_start = index + 1
                index = closing(self.at, element_start, "{", "}")
                if not self.at(index):
                    raise self.fail(index - 1, "'{' without matching '}'")
                element = self.data[element_start:index]
                index += 1
                self.element(element, index - 1)
                self.mark(index - 1, END)
            elif not quoting and char == ord("}"):
                self.mark(index, START)
                raise self.fail(index, "'}' without matching '{'")
            elif char:
                index += 1
            else:
                return

    def element(self, element: bytes, close: int) -> None:
        if not element[:1].isdigit():
            raise self.fail(close, "'{' is not followed by an argument number")
        rest = element.lstrip(b"0123456789")
        if not rest:
            return
        for kind, styles in ((b",time", None), (b",date", None), (b",number", (b"currency", b"percent", b"integer")), (b",choice", ())):
            if rest.startswith(kind):
                rest = rest[len(kind) :]
                if not rest:
                    return
                if rest[:1] != b",":
                    raise self.fail(close, f"{kind.decode()[1:]!r} is not followed by a comma")
                style = rest[1:]
                if styles is None or style in styles:  # any date/time pattern is valid
                    return
                if kind == b",number" and _number_format(style):
                    return
                if kind == b",choice":
                    self.choice_format(style, close)
                    return
                raise self.fail(close, f"{style.decode('utf-8', 'replace')!r} is not a valid number style")
        raise self.fail(close, "the argument number is not followed by a comma and time, date, number or choice")

    def choice_format(self, pattern: bytes, close: int) -> None:
        text = _Java(pattern, None)
        index, quoting = text.quote(0, False)
        if not text.at(index):
            return
        while True:
            nonempty = False
            while text.at(index) and not (
                not quoting and (text.at(index) in b"<#|" or text.data.startswith(b"\\u2264", index))
            ):
                index = _skip_escape(text.data, index)
                nonempty = True
                index, quoting = text.quote(index, quoting)
            if not text.at(index):
                return
            if not nonempty:
                raise self.fail(close, "a choice contains no number")
            if text.at(index) in b"<#":
                index += 1
            elif text.data.startswith(b"\\u2264", index):
                index += 6
            else:
                raise self.fail(close, "a choice's number is not followed by '<', '#' or '\\u2264'")
            index, quoting = text.quote(index, quoting)
            copied = bytearray()
            while text.at(index) and not (not quoting and text.at(index) == ord("|")):
                copied.append(text.at(index))
                index += 1
                index, quoting = text.quote(index, quoting)
            try:
                _Java(bytes(copied), None).message_format()
            except Invalid as error:
                raise self.fail(close, error.reason) from None
            if not text.at(index):
                return
            index += 1
            index, quoting = text.quote(index, quoting)


def _skip_escape(data: bytes, index: int) -> int:
    """One character of a number or choice pattern: ``\\uXXXX`` is six, any other backslash two."""
    if data[index] == ord("\\"):
        if data[index + 1 : index + 2] == b"u" and all(isxdigit(byte) for byte in data[index + 2 : index + 6]) and len(data) >= index + 6:
            return index + 6
        return index + 2
    return index + 1


def _number_format(pattern: bytes) -> bool:
    """``number_format_parse``: a DecimalFormat pattern (prefix, integer, fraction, exponent, suffix)."""
    text = _Java(pattern, None)
    index, quoting = text.quote(0, False)
    seen_semicolon = False

    def plain(char: bytes) -> bool:
        return not quoting and text.at(index) in char and text.at(index) != 0

    while True:
        while text.at(index) and not plain(b"0#"):
            index = _skip_escape(text.data, index)
            index, quoting = text.quote(index, quoting)
        if not plain(b"0#"):
            return False
        for digit in (b"#", b"0"):
            while plain(digit):
                index, quoting = text.quote(index + 1, quoting)
                if plain(b","):
                    index, quoting = text.quote(index + 1, quoting)
        if plain(b"."):
            index, quoting = text.quote(index + 1, quoting)
            while plain(b"0"):
                index, quoting = text.quote(index + 1, quoting)
            while plain(b"#"):
                index, quoting = text.quote(index + 1, quoting)
        if plain(b"E"):
            saved = index
            index, quoting = text.quote(index + 1, quoting)
            if plain(b"0"):
                while plain(b"0"):
                    index, quoting = text.quote(index + 1, quoting)
            else:
                index, quoting = saved, False
        while text.at(index) and (seen_semicolon or not plain(b";")):
            index = _skip_escape(text.data, index)
            index, quoting = text.quote(index, quoting)
        if seen_semicolon or not plain(b";"):
            break
        # gettext never sets seen_semicolon: a second pattern after ';' loops back here
    return text.at(index) == 0


def parse_java(scan: Scan) -> None:
    _Java(scan.data[: scan.length], scan).message_format()


# -- C#'s String.Format (format-csharp.c) --------------------------------------------------------


def parse_csharp(scan: Scan) -> None:
    index = 0
    while scan.at(index):
        char = scan.at(index)
        index += 1
        if char == ord("{"):
            scan.mark(index - 1, START)
            if scan.at(index) == ord("{"):
                index += 1
            else:
                if not isdigit(scan.at(index)):
                    raise scan.fail_here(index, "'{' is not followed by an argument number")
                while isdigit(scan.at(index)):
                    index += 1
                if scan.at(index) == ord(","):
                    index += 1
                    if scan.at(index) == ord("-"):
                        index += 1
                    if not isdigit(scan.at(index)):
                        raise scan.fail_here(index, "',' is not followed by a number")
                    while isdigit(scan.at(index)):
                        index += 1
                if scan.at(index) == ord(":"):
                    index += 1
                    while scan.at(index) and scan.at(index) != ord("}"):
                        index += 1
                if not scan.at(index):
                    raise scan.fail(index - 1, "'{' without matching '}'")
                if scan.at(index) != ord("}"):
                    raise scan.fail(index, "the directive ends with another character than '}'")
                index += 1
            scan.mark(index - 1, END)
        elif char == ord("}"):
            scan.mark(index - 1, START)
            if scan.at(index) != ord("}"):
                raise scan.fail_here(index, "a lone '}'")
            index += 1
            scan.mark(index - 1, END)


# -- Perl's {name} (format-perl-brace.c) ---------------------------------------------------------


def parse_perl_brace(scan: Scan) -> None:
    index = 0
    while scan.at(index):
        index += 1
        if scan.at(index - 1) != ord("{"):
            continue
        end = _field(scan, index, numeric=False)
        if end is not None and scan.at(end) == ord("}"):
            scan.mark(index - 1, START)
            scan.mark(end, END)
            index = end + 1


# -- KDE's %1 (format-kde.c, format-kde-kuit.c), Qt's %1 and %n ------------------------------------


def parse_kde(scan: Scan) -> None:
    index = 0
    while scan.at(index):
        index += 1
        if scan.at(index - 1) == ord("%") and 0x31 <= scan.at(index) <= 0x39:
            scan.mark(index - 1, START)
            while isdigit(scan.at(index + 1)):
                index += 1
            scan.mark(index, END)
            index += 1


_XML_NS = "https://www.gnu.org/s/gettext/kde"


def _is_reference(rest: str) -> bool:
    """gettext 0.21's ``is_reference`` on the text after an ``&``: a character reference (``&#38;``,
    ``&#x26;``).  Its loop over an entity reference's name returns false at the ';', so in 0.21 an
    entity reference (``&amp;``) never counts and is escaped like a lone ``&``."""
    if rest[:2] == "#x":
        return rest[2:].lstrip("0123456789ABCDEFabcdef")[:1] == ";"
    if rest[:1] == "#" and rest[1:2] in tuple("0123456789"):
        return rest[1:].lstrip("0123456789")[:1] == ";"
    return False


def parse_kde_kuit(scan: Scan) -> None:
    """KUIT: the string must be well-formed XML inside an element (``&`` not starting a reference
    is escaped first); only then are its KDE directives marked.  gettext asks libxml2; expat
    agrees on well-formedness."""
    text = scan.data[: scan.length].decode("utf-8", "surrogateescape")
    parts = text.split("&")
    body = parts[0] + "".join(("&" if _is_reference("&".join(parts[index:])) else "&amp;") + part for index, part in enumerate(parts[1:], start=1))
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(f'<gt:kuit xmlns:gt="{_XML_NS}">{body}</gt:kuit>'.encode("utf-8", "surrogateescape"), True)
    except xml.parsers.expat.ExpatError as error:
        raise Invalid(f"error while parsing: {error}") from None
    parse_kde(scan)


def _qt(digits: bool) -> Callable[[Scan], None]:
    """Qt's ``%1``…``%99`` (``%L1`` localized), or with ``digits`` false qt-plural's ``%n`` / ``%Ln``."""

    def parse(scan: Scan) -> None:
        index = 0
        while scan.at(index):
            index += 1
            if scan.at(index - 1) != ord("%"):
                continue
            start = index - 1
            if scan.at(index) == ord("L"):
                index += 1
            if digits and isdigit(scan.at(index)):
                scan.mark(start, START)
                if isdigit(scan.at(index + 1)):
                    index += 1
                scan.mark(index, END)
                index += 1
            elif not digits and scan.at(index) == ord("n"):
                scan.mark(start, START)
                scan.mark(index, END)
                index += 1

    return parse


def parse_smalltalk(scan: Scan) -> None:
    """Smalltalk's (and YCP's) ``%1``…``%9`` and ``%%``."""
    index = 0
    while scan.at(index):
        index += 1
        if scan.at(index - 1) != ord("%"):
            continue
        scan.mark(index - 1, START)
        if scan.at(index) == ord("%") or 0x31 <= scan.at(index) <= 0x39:
            index += 1
        else:
            raise scan.fail_here(index, "'%' is not followed by a digit between 1 and 9")
        scan.mark(index - 1, END)


# -- Shell's $name and ${name} (format-sh.c) -----------------------------------------------------


def parse_sh(scan: Scan) -> None:
    context = "a variable whose value depends on the context"
    index = 0
    while scan.at(index):
        index += 1
        if scan.at(index - 1) != ord("$"):
            continue
        scan.mark(index - 1, START)
        char = scan.at(index)
        if char == ord("{"):
            index += 1
            name_start = index
            while scan.at(index) and scan.at(index) != ord("}"):
                char = scan.at(index)
                if char >= 0x80:
                    raise scan.fail(index, "a non-ASCII variable name")
                if index > name_start and char in b"-=+?:":
                    raise scan.fail(index, "shell syntax other than a plain variable")
                if not (isalnum(char) or char == ord("_")) or (index == name_start and isdigit(char)):
                    raise scan.fail(index, context)
                index += 1
            if not scan.at(index):
                raise scan.fail(index - 1, UNTERMINATED)
            index += 1
            if index - 1 == name_start:
                raise scan.fail(index - 1, "an empty variable name")
        elif isalpha(char) or char == ord("_"):
            while scan.at(index) and (isalnum(scan.at(index)) or scan.at(index) == ord("_")):
                index += 1
        elif char:
            raise scan.fail(index, "a non-ASCII variable name" if char >= 0x80 else context)
        else:
            raise scan.fail(index - 1, UNTERMINATED)
        scan.mark(index - 1, END)


BRACE_PARSERS: dict[str, Callable[[Scan], object]] = {
    "python-brace": parse_python_brace,
    "java": parse_java,
    "csharp": parse_csharp,
    "perl-brace": parse_perl_brace,
    "kde": parse_kde,
    "kde-kuit": parse_kde_kuit,
    "qt": _qt(digits=True),
    "qt-plural": _qt(digits=False),
    "smalltalk": parse_smalltalk,
    "ycp": parse_smalltalk,
    "sh": parse_sh,
}
