"""Ruby's ``format`` directives (gettext 0.21's format-ruby.c): flags, ``<name>``, ``m$``, a width
and a precision (each a number, ``*`` or ``*m$``) in any order, then the conversion (or ``{name}``).

A string refers to its arguments by name, by number or in order, one way only; the checks that
refuse a mix are made where gettext makes them, since the first one decides where parsing stops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openletter.po.directives.scan import ARGNO_0, MIXED, UNTERMINATED, Scan, conversion_error, isdigit, number

_BY_NAME = "the string refers to arguments both by name and by number or order"
_UINT_MAX = 0xFFFFFFFF


@dataclass(slots=True)
class _Counts:
    """Arguments the string refers to so far: by name, by number, in order."""

    named: int = 0
    numbered: int = 0
    unnumbered: int = 0


@dataclass(slots=True)
class _Directive:
    """What one directive has said so far."""

    name: bool = False
    number: int = 0
    width: bool = False
    width_number: int = 0
    width_next: bool = False
    precision: bool = False
    precision_number: int = 0
    precision_next: bool = False

    def numbers(self, counts: _Counts) -> bool:
        return bool(counts.numbered or self.number or self.width_number or self.precision_number)

    def in_order(self, counts: _Counts) -> bool:
        return bool(counts.unnumbered or self.width_next or self.precision_next)


def _number(scan: Scan, index: int) -> tuple[int, int]:
    """Ruby's digits saturate at ``UINT_MAX - 1`` instead of wrapping."""
    value = 0
    while isdigit(scan.at(index)):
        value = 10 * value + scan.at(index) - 0x30 if value < _UINT_MAX // 10 else _UINT_MAX - 1
        index += 1
    return value, index


def _name(scan: Scan, index: int, closing: str, directive: _Directive, counts: _Counts) -> int:
    """``<name>`` or ``{name}`` at ``index`` (its opening bracket): the index of its closing one."""
    if directive.numbers(counts) or directive.in_order(counts):
        raise scan.fail(index, _BY_NAME)
    if directive.name:
        raise scan.fail(index, "two argument names in one directive")
    index += 1
    while scan.at(index) and scan.at(index) != ord(closing):
        index += 1
    if not scan.at(index):
        raise scan.fail(index - 1, UNTERMINATED)
    directive.name = True
    return index


def _star(scan: Scan, index: int, directive: _Directive, counts: _Counts, precision: bool) -> int:
    """``*`` or ``*m$`` as a width or (``precision``) a precision, ``index`` just after the ``*``."""
    twice = "two precisions" if precision else "two widths"
    seen_before = directive.precision if precision else directive.width
    if isdigit(scan.at(index)):
        value, after = _number(scan, index)
        if scan.at(after) == ord("$"):
            checks = [
                (counts.named > 0 or directive.name, _BY_NAME),
                (directive.in_order(counts), MIXED),
                (not precision and directive.precision, "a width after the precision"),
                (seen_before, twice),
                (value == 0, ARGNO_0),
            ]
            _first_failure(scan, after, checks)
            if precision:
                directive.precision, directive.precision_number = True, value
            else:
                directive.width, directive.width_number = True, value
            return after + 1
    checks = [
        (counts.named > 0 or directive.name, _BY_NAME),
        (directive.numbers(counts), MIXED),
        (not precision and directive.precision, "a width after the precision"),
        (seen_before, twice),
    ]
    _first_failure(scan, index - 1, checks)
    if precision:
        directive.precision = directive.precision_next = True
    else:
        directive.width = directive.width_next = True
    return index


def _first_failure(scan: Scan, index: int, checks: list[tuple[bool, str]]) -> None:
    for failed, reason in checks:
        if failed:
            raise scan.fail(index, reason)


def _options(scan: Scan, index: int, directive: _Directive, counts: _Counts) -> int:
    """Everything between the ``%`` and the conversion; the index of the conversion."""
    while True:
        char = scan.at(index)
        if char in b" #+-0":
            if directive.width or directive.precision:
                raise scan.fail(index, "a flag after the width or precision")
            index += 1
        elif char == ord("<"):
            index = _name(scan, index, ">", directive, counts) + 1
        elif isdigit(char):
            value, index = _number(scan, index)
            if scan.at(index) == ord("$"):
                _first_failure(scan, index, [
                    (counts.named > 0 or directive.name, _BY_NAME),
                    (directive.in_order(counts), MIXED),
                    (directive.number > 0, "two argument numbers in one directive"),
                ])  # fmt: skip
                directive.number = value
                index += 1
            else:
                _first_failure(scan, index, [(directive.precision, "a width after the precision"), (directive.width, "two widths")])
                directive.width = True
        elif char == ord("*"):
            index = _star(scan, index + 1, directive, counts, precision=False)
        elif char == ord("."):
            index += 1
            if scan.at(index) == ord("*"):
                index = _star(scan, index + 1, directive, counts, precision=True)
            else:
                _, index = number(scan, index)
                if directive.precision:
                    raise scan.fail(index, "two precisions")
                directive.precision = True
        else:
            return index


def parse_ruby(scan: Scan) -> None:
    counts = _Counts()
    for start in scan.directives():
        directive = _Directive()
        index = _options(scan, start + 1, directive, counts)
        char = scan.at(index)
        typed = char not in b"%\n"
        if char == ord("{"):
            index = _name(scan, index, "}", directive, counts)
        elif char not in b"%\nspcdiuoxXbBfgGeEaA":
            raise conversion_error(scan, index)
        if directive.width:
            counts.numbered += bool(directive.width_number)
            counts.unnumbered += not directive.width_number and directive.width_next
        if directive.precision:
            counts.numbered += bool(directive.precision_number)
            counts.unnumbered += not directive.precision_number and directive.precision_next
        if typed:
            if directive.name:
                counts.named += 1
            elif directive.number:
                counts.numbered += 1
            else:
                _first_failure(scan, index, [(counts.named > 0, _BY_NAME), (counts.numbered > 0, MIXED)])
                counts.unnumbered += 1
        scan.end(index)


RUBY_PARSERS: dict[str, Callable[[Scan], object]] = {"ruby": parse_ruby}
