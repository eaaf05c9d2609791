"""Python's ``%`` directives (gettext 0.21's format-python.c), with the arguments they take,
which ``msgfmt --check-format`` compares (:mod:`openletter.po.directives.compare`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from openletter.po.directives.scan import UNTERMINATED, Arg, Invalid, Scan, closing, conversion_error, isdigit, number

PY_NONE, PY_ANY, PY_CHARACTER, PY_STRING, PY_INTEGER, PY_FLOAT = range(6)
_PY_MIXED = "the string refers to arguments both by name (%(name)s) and in order (%s)"


@dataclass(slots=True)
class PythonSpec:
    """Named (``%(name)s``) or unnamed (``%s``) arguments; a string uses one kind only."""

    directives: int
    named: dict[str, Arg] = field(default_factory=dict)
    unnamed: list[Arg] = field(default_factory=list)


def parse_python(scan: Scan) -> PythonSpec:
    spec = PythonSpec(0)
    named: list[tuple[str, Arg]] = []
    for start in scan.directives():
        spec.directives += 1
        index = start + 1
        name = None
        if scan.at(index) == ord("("):
            name_start = index + 1
            index = closing(scan.at, name_start, "(", ")")
            if not scan.at(index):
                raise scan.fail(index - 1, UNTERMINATED)
            name = scan.data[name_start:index].decode("utf-8", "surrogateescape")
            index += 1
        while scan.at(index) in b"-+ #0":
            index += 1
        if scan.at(index) == ord("*"):
            index = _star(scan, index + 1, spec, named, start)
        else:
            _, index = number(scan, index)
        zero_precision = False
        if scan.at(index) == ord("."):
            index += 1
            if scan.at(index) == ord("*"):
                index = _star(scan, index + 1, spec, named, start)
            elif isdigit(scan.at(index)):
                digits_start = index
                _, index = number(scan, index)
                zero_precision = set(scan.data[digits_start:index]) == {ord("0")}
        if scan.at(index) in b"hlL":
            index += 1
        char = scan.at(index)
        if char == ord("%"):
            type_ = PY_NONE
        elif char == ord("c"):
            type_ = PY_CHARACTER
        elif char in b"sr":
            type_ = PY_ANY if zero_precision else PY_STRING
        elif char in b"iduoxX":
            type_ = PY_INTEGER
        elif char in b"eEfgG":
            type_ = PY_FLOAT
        else:
            raise conversion_error(scan, index)
        if name is not None:
            if spec.unnamed:
                raise scan.fail(index, _PY_MIXED)
            named.append((name, Arg(type_, start, index + 1)))
        elif char != ord("%"):
            if named:
                raise scan.fail(index, _PY_MIXED)
            spec.unnamed.append(Arg(type_, start, index + 1))
        scan.end(index)
    for name, arg in sorted(named, key=lambda item: item[0].encode("utf-8", "surrogateescape")):
        known = spec.named.get(name)
        if known is None or known.type == PY_ANY:
            spec.named[name] = arg if known is None or arg.type != PY_ANY else known
        elif arg.type not in (known.type, PY_ANY):
            raise Invalid(f"the string refers to the argument named '{name}' in incompatible ways")
    return spec


def _star(scan: Scan, index: int, spec: PythonSpec, named: list[tuple[str, Arg]], start: int) -> int:
    """A ``*`` width or precision (``index`` just after it): an unnamed int argument."""
    if named:
        raise scan.fail(index - 1, _PY_MIXED)
    spec.unnamed.append(Arg(PY_INTEGER, start, index))
    return index
