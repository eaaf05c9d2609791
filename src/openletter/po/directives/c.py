"""C and Objective C directives (gettext 0.21's format-c-parse.h, format-c.c), with the arguments
they take in order, which ``msgfmt --check-format`` compares (:mod:`openletter.po.directives.compare`)."""

from __future__ import annotations

from dataclasses import dataclass

from openletter.po.directives.scan import Arg, Args, Invalid, Scan, argno, conversion_error

C_INTEGER, C_DOUBLE, C_CHAR, C_STRING, C_OBJC_OBJECT, C_POINTER, C_COUNT_POINTER = 1, 2, 3, 4, 5, 6, 7
C_UNSIGNED, C_SIZE_SHORT, C_SIZE_CHAR, C_SIZE_LONG, C_SIZE_LONGLONG = 1 << 3, 1 << 4, 2 << 4, 1 << 6, 2 << 6
_C_SYSDEP = {  # the <PRI…> macros' sizes, ISO C 99 section 7.8.1
    b"8": 1 << 8, b"16": 1 << 9, b"32": 1 << 10, b"64": 1 << 11,
    b"LEAST8": 1 << 12, b"LEAST16": 1 << 13, b"LEAST32": 1 << 14, b"LEAST64": 1 << 15,
    b"FAST8": 1 << 16, b"FAST16": 1 << 17, b"FAST32": 1 << 18, b"FAST64": 1 << 19,
    b"MAX": 1 << 20, b"PTR": 1 << 21,
}  # fmt: skip
C_SIZE_INTMAX, C_SIZE_T, C_SIZE_PTRDIFF = 1 << 20, 1 << 22, 1 << 23
C_SIZE_MASK = C_SIZE_SHORT | C_SIZE_CHAR | C_SIZE_LONG | C_SIZE_LONGLONG | sum(_C_SYSDEP.values()) | C_SIZE_T | C_SIZE_PTRDIFF


@dataclass(slots=True)
class CSpec:
    """The arguments a C format string takes, in order (numbered ones already put in order)."""

    directives: int
    args: list[Arg]


def _c_sysdep(scan: Scan, index: int) -> tuple[int, int]:
    """``<PRId64>`` and its kin at ``index`` (the ``<``): (type, index of the ``>``)."""
    index += 1
    for letter in b"PRI":
        if scan.at(index) != letter:
            raise scan.fail_here(index, "not an ISO C 99 <inttypes.h> format macro")
        index += 1
    conversion = scan.at(index)
    if conversion in b"id":
        type_ = C_INTEGER
    elif conversion in b"uoxX":
        type_ = C_INTEGER | C_UNSIGNED
    else:
        raise scan.fail_here(index, "not an ISO C 99 <inttypes.h> format macro")
    index += 1
    for size in (b"MAX", b"PTR"):
        if scan.data.startswith(size, index):
            return _c_sysdep_end(scan, index + 3, type_ | _C_SYSDEP[size])
    prefix = b"LEAST" if scan.data.startswith(b"LEAST", index) else b"FAST" if scan.data.startswith(b"FAST", index) else b""
    index += len(prefix)
    for bits in (b"8", b"16", b"32", b"64"):
        if scan.data.startswith(bits, index):
            return _c_sysdep_end(scan, index + len(bits), type_ | _C_SYSDEP[prefix + bits])
    raise scan.fail_here(index, "not an ISO C 99 <inttypes.h> format macro")


def _c_sysdep_end(scan: Scan, index: int, type_: int) -> tuple[int, int]:
    if scan.at(index) != ord(">"):
        raise scan.fail_here(index, "the <inttypes.h> macro is not followed by '>'")
    return type_, index


def _c_size(scan: Scan, index: int) -> tuple[int, int]:
    size = 0
    while True:
        char = scan.at(index)
        if char == ord("h"):
            size = C_SIZE_CHAR if size & (C_SIZE_SHORT | C_SIZE_CHAR) else C_SIZE_SHORT
        elif char == ord("l"):
            size = C_SIZE_LONGLONG if size & (C_SIZE_LONG | C_SIZE_LONGLONG) else C_SIZE_LONG
        elif char in b"Lq":
            size = C_SIZE_LONGLONG
        elif char == ord("j"):
            size = C_SIZE_INTMAX
        elif char in b"zZ":
            size = C_SIZE_T
        elif char == ord("t"):
            size = C_SIZE_PTRDIFF
        else:
            return size, index
        index += 1


def _c_type(scan: Scan, index: int, size: int, objc: bool) -> int:
    char = scan.at(index)
    wide = C_SIZE_LONG if size & (C_SIZE_LONG | C_SIZE_LONGLONG) else 0
    if char in b"%m":
        return 0
    if char == ord("c"):
        return C_CHAR | wide
    if char == ord("C"):
        return C_CHAR | C_SIZE_LONG
    if char == ord("s"):
        return C_STRING | wide
    if char == ord("S"):
        return C_STRING | C_SIZE_LONG
    if char in b"id":
        return C_INTEGER | (size & C_SIZE_MASK)
    if char in b"uoxX":
        return C_INTEGER | C_UNSIGNED | (size & C_SIZE_MASK)
    if char in b"eEfFgGaA":
        return C_DOUBLE | (size & C_SIZE_LONGLONG)
    if char == ord("@") and objc:
        return C_OBJC_OBJECT
    if char == ord("p"):
        return C_POINTER
    if char == ord("n"):
        return C_COUNT_POINTER | (size & C_SIZE_MASK)
    raise conversion_error(scan, index)


def parse_c(scan: Scan, objc: bool = False) -> CSpec:
    """``format_parse_entrails`` of format-c-parse.h (the 'I' flag only in a msgstr)."""
    args = Args()
    directives = 0
    for start in scan.directives():
        directives += 1
        number_, index = argno(scan, start + 1)
        while scan.at(index) in b" +-#0'" or (scan.translated and scan.at(index) == ord("I")):
            index += 1
        index = args.width_and_precision(scan, index, start, C_INTEGER)
        if scan.at(index) == ord("<"):
            type_, index = _c_sysdep(scan, index)
        else:
            size, index = _c_size(scan, index)
            type_ = _c_type(scan, index, size, objc)
        if type_:
            args.add(scan, index, number_, Arg(type_, start, index + 1))
        scan.end(index)
    return CSpec(directives, _in_order(args))


def _in_order(args: Args) -> list[Arg]:
    """Numbered arguments sorted, each number once with one type, none skipped (or the unnumbered ones)."""
    if not args.numbered:
        return args.unnumbered
    by_number: dict[int, Arg] = {}
    for number_, arg in sorted(args.numbered, key=lambda item: item[0]):
        if number_ in by_number and by_number[number_].type != arg.type:
            raise Invalid(f"the string refers to argument number {number_} in incompatible ways")
        by_number.setdefault(number_, arg)
    for expected, given in enumerate(by_number, start=1):
        if given != expected:
            raise Invalid(f"the string refers to argument number {given} but ignores argument number {expected}")
    return list(by_number.values())
