"""``~`` directives of Common Lisp's and Scheme's ``format`` (gettext 0.21's format-lisp.c, format-scheme.c).

gettext's parsers also infer the type of every argument; none of that decides where a directive
ends or whether the string is valid up to it, so only the syntax is ported here: parameters,
the ``:``/``@`` modifiers, the directive character and each one's parameter types, and the
nested ``~( ~)``, ``~[ ~; ~]``, ``~{ ~}``, ``~< ~>``, which gettext parses without marks, so a
whole ``~[…~]`` is one directive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openletter.po.directives.scan import END, START, Invalid, Scan, isdigit

UNTERMINATED = "the string ends in the middle of a directive"
_NIL, _INTEGER, _CHARACTER, _V, _ARGCOUNT = range(5)


@dataclass(frozen=True, slots=True)
class _Dialect:
    """Per directive character: the types its parameters may have ('I' integer, 'C' character,
    'T' either; each may be omitted), or a kind handled by the parser itself."""

    params: dict[int, str]
    #: Directives whose parameters are not checked at all (CLISP's ``~!``).
    unchecked: bytes
    nested: bytes  # the opening directives this dialect has, among b"([{<"


def _table(groups: dict[str, str]) -> dict[int, str]:
    return {ord(char): types for chars, types in groups.items() for char in chars}


LISP = _Dialect(
    params=_table({
        "AaSs": "IIIC", "Ww": "", "DdBbOoXx": "ICCI", "Rr": "IICCI", "Pp": "", "Cc": "", "Ff": "IIICC",
        "EeGg": "IIIICCC", "$": "IIIC", "%&|~Ii": "I", "\n_": "", "Tt": "II", "*": "I", "?": "", "/": "",
        "(": "", ")": "", "[": "I", "]": "", "{": "I", "}": "", "<": "IIIC", ">": "", "^": "TTT",
    }),  # fmt: skip
    unchecked=b"!",
    nested=b"([{<",
)
SCHEME = _Dialect(
    params=_table({
        "AaSs": "IIIC", "Cc": "I", "DdBbOoXx": "ICCI", "Rr": "IICCI", "Pp": "", "Ff": "IIICC",
        "EeGg": "IIIICCC", "$": "IIIC", "Ii": "IIICC", "Yy": "", "%&_/|~": "I", "!\nQq": "", "Tt": "IIC",
        "*": "I", "?Kk": "", "(": "", ")": "", "[": "I", "]": "", "{": "I", "}": "", "^": "TTT",
    }),  # fmt: skip
    unchecked=b"",
    nested=b"([{",
)


class _Parser:
    """``parse_upto`` without the argument lists; marks only at the top level, as gettext."""

    def __init__(self, scan: Scan, dialect: _Dialect) -> None:
        self.scan = scan
        self.dialect = dialect

    def fail(self, index: int, reason: str, top: bool) -> Invalid:
        return self.scan.fail(index, reason) if top else Invalid(reason)

    def params(self, index: int, top: bool) -> tuple[list[tuple[int, int]], int]:
        scan, found = self.scan, []
        while True:
            kind, value = _NIL, 0
            char = scan.at(index)
            if isdigit(char):
                kind = _INTEGER
                while isdigit(scan.at(index)):
                    value = 10 * value + scan.at(index) - 0x30
                    index += 1
            elif char in b"+-" and char:
                kind = _INTEGER
                index += 1
                if not isdigit(scan.at(index)):
                    raise self.fail(index - 1 if not scan.at(index) else index, "a sign is not followed by a digit", top)
                while isdigit(scan.at(index)):
                    value = 10 * value + scan.at(index) - 0x30
                    index += 1
                value = -value if char == ord("-") else value
            elif char == ord("'"):
                kind = _CHARACTER
                index += 1
                if not scan.at(index):
                    raise self.fail(index - 1, UNTERMINATED, top)
                index += 1
            elif char in b"Vv" and char:
                kind, index = _V, index + 1
            elif char == ord("#"):
                kind, index = _ARGCOUNT, index + 1
            found.append((kind, value))
            if scan.at(index) != ord(","):
                return found, index
            index += 1

    @staticmethod
    def check(params: list[tuple[int, int]], types: str) -> str | None:
        """``check_params``: why the parameters do not fit ``types``, or None."""
        for (kind, _), expected in zip(params, types, strict=False):
            if expected == "C" and kind in (_INTEGER, _ARGCOUNT):
                return "an integer parameter where a character is expected"
            if expected == "I" and kind == _CHARACTER:
                return "a character parameter where an integer is expected"
        if any(kind not in (_NIL, _V) for kind, _ in params[len(types) :]):
            return f"too many parameters (at most {len(types)})"
        return None

    def upto(self, index: int, terminator: int, separator: bool, top: bool) -> tuple[int, int]:
        """Directives up to ``terminator`` (0: the end); returns (index after it, the ``~;`` that
        stopped it: 0 none, 1 ``~;``, 2 ``~:;``)."""
        scan, dialect = self.scan, self.dialect
        while scan.at(index):
            if scan.at(index) != ord("~"):
                index += 1
                continue
            if top:
                scan.mark(index, START)
            params, index = self.params(index + 1, top)
            colon = atsign = False
            while scan.at(index) in b":@" and scan.at(index):
                colon, atsign = colon or scan.at(index) == ord(":"), atsign or scan.at(index) == ord("@")
                index += 1
            char = scan.at(index)
            index += 1
            if char in dialect.unchecked and char:
                pass
            elif char == ord(";"):
                if not separator:
                    raise self.fail(index - 1, "'~;' is used in an invalid position", top)
                reason = self.check(params, "I" if terminator == ord(">") else "")
                if reason:
                    raise self.fail(index - 1, reason, top)
                return index, 2 if colon else 1
            elif char in dialect.params:
                if char == ord("[") and colon and atsign:
                    reason: str | None = "both the @ and the : modifiers are given"
                else:
                    reason = self.check(params, "" if char == ord("[") and (colon or atsign) else dialect.params[char])
                if reason:
                    raise self.fail(index - 1, reason, top)
                if char == ord("*") and params[0][0] == _INTEGER and params[0][1] < 0:
                    raise self.fail(index - 1, f"the argument {params[0][1]} is negative", top)
                if char in b")]}>" and char:
                    if char != terminator:
                        raise self.fail(index - 1, f"'~{chr(char)}' without its opening directive", top)
                    return index, 0
                if char == ord("/") and dialect is LISP:
                    while scan.at(index) and scan.at(index) != ord("/"):
                        index += 1
                    if not scan.at(index):
                        raise self.fail(index - 1, "the string ends in the middle of a ~/…/ directive", top)
                    index += 1
                elif char in dialect.nested and char:
                    index = self.nested(char, colon, atsign, index, top)
            else:
                raise self.fail(index - 2 if not char else index - 1, UNTERMINATED if not char else f"'~{chr(char)}' is not a valid directive", top)
            if top:
                scan.mark(index - 1, END)
        if terminator:
            raise Invalid(f"'~{chr(terminator - 1)}' without its closing '~{chr(terminator)}'")
        return index, 0

    def nested(self, char: int, colon: bool, atsign: bool, index: int, top: bool) -> int:
        """The clauses of ``~(``, ``~[``, ``~{`` or ``~<`` after its opening at ``index``; a failure
        inside is marked where the clause began, as gettext does."""
        closing = {ord("("): ord(")"), ord("["): ord("]"), ord("{"): ord("}"), ord("<"): ord(">")}[char]
        start = index
        try:
            if char == ord("[") and colon and not atsign:
                index, separated = self.upto(index, closing, True, False)
                if not separated:
                    raise Invalid("'~:[' is not followed by two clauses, separated by '~;'")
                index, _ = self.upto(index, closing, False, False)
            elif char == ord("[") and not atsign:
                last = False
                while True:
                    index, separated = self.upto(index, closing, not last, False)
                    last = last or separated == 2
                    if not separated:
                        break
            elif char == ord("<"):
                while True:
                    index, separated = self.upto(index, closing, True, False)
                    if not separated:
                        break
            else:
                index, _ = self.upto(index, closing, False, False)
        except Invalid as error:
            raise self.fail(start - 1 if not self.scan.at(start) else start, error.reason, top) from None
        return index


def _parser(dialect: _Dialect) -> Callable[[Scan], None]:
    def parse(scan: Scan) -> None:
        _Parser(scan, dialect).upto(0, 0, False, True)

    return parse


LISP_PARSERS: dict[str, Callable[[Scan], object]] = {"lisp": _parser(LISP), "scheme": _parser(SCHEME)}
