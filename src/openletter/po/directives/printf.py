"""The other ``%``-directive languages (gettext 0.21's format-java-printf, -javascript, -elisp,
-librep, -awk, -lua, -pascal, -php, -perl, -tcl, -boost, -gcc-internal, -gfc-internal).

Each parser is a port of the directive recognition in its ``format-*.c``: the same bytes accepted
in the same order, the same ``FDI_SET`` marks, the same first error.  The argument bookkeeping is
kept only where it decides validity (numbered and unnumbered arguments mixed).
"""

from __future__ import annotations

from collections.abc import Callable

from openletter.po.directives.scan import (
    MIXED,
    UNTERMINATED,
    Arg,
    Args,
    Scan,
    argno,
    conversion_error,
    isdigit,
    number,
)  # fmt: skip


def parse_java_printf(scan: Scan) -> None:
    flags_invalid = {
        ord("%"): "#0 +,(.", ord("n"): "#0- +,(w.", ord("c"): "#0 +,(.", ord("C"): "#0 +,(.",
        ord("d"): "#.", ord("o"): ",.", ord("x"): ",.", ord("X"): ",.",
        ord("e"): "", ord("E"): "", ord("f"): "", ord("g"): "", ord("G"): "", ord("a"): ",(", ord("A"): ",(",
        ord("t"): "#0 +,(.", ord("T"): "#0 +,(.",
        **{ord(c): "0 +,(" for c in "bBhHsS"},
    }  # fmt: skip
    last_arg, unnumbered = 0, 0
    for start in scan.directives():
        index = start + 1
        if scan.at(index) == ord("<"):
            if last_arg == 0:
                raise scan.fail(index, "'%<' refers to no previous argument")
            number_, index = last_arg, index + 1
        else:
            number_, index = argno(scan, index)
        given = set()
        while scan.at(index) in b"#0- +,(":
            given.add(chr(scan.at(index)))
            index += 1
        if isdigit(scan.at(index)):
            _, index = number(scan, index)
            given.add("w")
        if scan.at(index) == ord("."):
            index += 1
            if not isdigit(scan.at(index)):
                raise scan.fail_here(index, UNTERMINATED if not scan.at(index) else "a precision is missing after '.'")
            _, index = number(scan, index)
            given.add(".")
        char = scan.at(index)
        if char not in flags_invalid:
            raise conversion_error(scan, index)
        for flag in "#0- +,(w.":  # gettext reports them in this order
            if flag in given and flag in flags_invalid[char]:
                raise scan.fail(index, f"'{flag}' is not allowed with '{chr(char)}'")
        if char in b"tT":
            index += 1
            if scan.at(index) not in b"HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc":
                raise conversion_error(scan, index)
        if char not in b"%n":
            if number_ == 0:
                unnumbered += 1
                number_ = unnumbered
            last_arg = number_
        scan.end(index)


def parse_javascript(scan: Scan) -> None:
    args = Args()
    for start in scan.directives():
        number_, index = argno(scan, start + 1)
        while scan.at(index) in b"-+ 0I":
            index += 1
        _, index = number(scan, index)
        if scan.at(index) == ord("."):
            _, index = number(scan, index + 1)
        char = scan.at(index)
        if char not in b"%csbdoxXfj":
            raise conversion_error(scan, index)
        if char != ord("%"):
            args.add(scan, index, number_, Arg(0, start, index + 1))
        scan.end(index)


def _lisp_printf(flags: bytes, star: bool, conversions: bytes) -> Callable[[Scan], None]:
    """elisp's and librep's ``format``: ``%m$`` without errors, no mixing rule."""

    def parse(scan: Scan) -> None:
        for start in scan.directives():
            index = start + 1
            if isdigit(scan.at(index)):
                value, after = number(scan, index)
                if scan.at(after) == ord("$") and value > 0:
                    index = after + 1
            while scan.at(index) in flags:
                index += 1
            if star and scan.at(index) == ord("*"):
                index += 1
            else:
                _, index = number(scan, index)
            if scan.at(index) == ord("."):
                index += 1
                if star and scan.at(index) == ord("*"):
                    index += 1
                else:
                    _, index = number(scan, index)
            if scan.at(index) not in conversions:
                raise conversion_error(scan, index)
            scan.end(index)

    return parse


def parse_awk(scan: Scan) -> None:
    args = Args()
    for start in scan.directives():
        number_, index = argno(scan, start + 1)
        while scan.at(index) in b" +-#0":
            index += 1
        index = args.width_and_precision(scan, index, start)
        char = scan.at(index)
        if char not in b"%csiduoxXeEfgG":
            raise conversion_error(scan, index)
        if char != ord("%"):
            args.add(scan, index, number_, Arg(0, start, index + 1))
        scan.end(index)


def parse_lua(scan: Scan) -> None:
    for start in scan.directives():
        index = start + 1
        if scan.at(index) != ord("%"):
            _, index = number(scan, index)
            if scan.at(index) == ord("."):
                _, index = number(scan, index + 1)
            if scan.at(index) not in b"cdiouXxaAEefgGsq":
                raise conversion_error(scan, index)
        scan.end(index)


def parse_pascal(scan: Scan) -> None:
    for start in scan.directives():
        index = start + 1
        if scan.at(index) != ord("%"):
            if isdigit(scan.at(index)) or scan.at(index) == ord(":"):
                _, after = number(scan, index)
                if scan.at(after) == ord(":"):
                    index = after + 1
            elif scan.at(index) == ord("*") and scan.at(index + 1) == ord(":"):
                index += 2
            if scan.at(index) == ord("-"):
                index += 1
            if isdigit(scan.at(index)):
                _, index = number(scan, index)
            elif scan.at(index) == ord("*"):
                index += 1
            if scan.at(index) == ord("."):
                index += 1
                if isdigit(scan.at(index)):
                    _, index = number(scan, index)
                elif scan.at(index) == ord("*"):
                    index += 1
                else:
                    index -= 1  # the '.' itself is then the invalid conversion
            if scan.at(index) not in b"duxefgnmspDUXEFGNMSP":
                raise conversion_error(scan, index)
        scan.end(index)


def parse_php(scan: Scan) -> None:
    for start in scan.directives():
        index = start + 1
        if scan.at(index) != ord("%"):
            _, index = argno(scan, index)
            while True:
                if scan.at(index) in b"0- ":
                    index += 1
                elif scan.at(index) == ord("'"):
                    index += 1
                    if not scan.at(index):
                        raise scan.fail(index - 1, UNTERMINATED)
                    index += 1
                else:
                    break
            _, index = number(scan, index)
            if scan.at(index) == ord("."):
                index += 1
                if isdigit(scan.at(index)):
                    _, index = number(scan, index)
                else:
                    index -= 1
            if scan.at(index) == ord("l"):
                index += 1
            if scan.at(index) not in b"bduoxXefcs":
                raise conversion_error(scan, index)
        scan.end(index)


def _nonzero_digit(byte: int) -> bool:
    return 0x31 <= byte <= 0x39


def _perl_argno(scan: Scan, index: int) -> int:
    """An optional ``m$`` (m not starting with 0) at ``index``; the index after it."""
    if _nonzero_digit(scan.at(index)):
        _, after = number(scan, index)
        if scan.at(after) == ord("$"):
            return after + 1
    return index


def parse_perl(scan: Scan) -> None:
    for start in scan.directives():
        index = _perl_argno(scan, start + 1)
        while scan.at(index) in b" +-#0":
            index += 1
        if scan.at(index) == ord("v"):
            index += 1
        elif scan.at(index) == ord("*"):
            ahead = index + 1
            if scan.at(ahead) == ord("v"):
                index = ahead + 1
            elif _nonzero_digit(scan.at(ahead)):
                _, ahead = number(scan, ahead)
                if scan.at(ahead) == ord("$") and scan.at(ahead + 1) == ord("v"):
                    index = ahead + 2
        if scan.at(index) == ord("*"):
            index = _perl_argno(scan, index + 1)
        elif _nonzero_digit(scan.at(index)):
            _, index = number(scan, index)
        if scan.at(index) == ord("."):
            index += 1
            if scan.at(index) == ord("*"):
                index = _perl_argno(scan, index + 1)
            else:
                _, index = number(scan, index)
        size = ""
        if scan.at(index) == ord("h"):
            size, index = "h", index + 1
        elif scan.at(index) == ord("l"):
            size, index = ("ll", index + 2) if scan.at(index + 1) == ord("l") else ("l", index + 1)
        elif scan.at(index) in b"LqV":
            index += 1
        elif scan.at(index) == ord("I"):
            index += 3 if scan.data[index + 1 : index + 3] in (b"64", b"32") else 1
        char = scan.at(index)
        if char in b"eEfFgG" and size in ("h", "l"):
            raise scan.fail(index, f"the size specifier is incompatible with '{chr(char)}'")
        if char not in b"%cs_DiUOduboxXeEfFgGpn":
            raise conversion_error(scan, index)
        scan.end(index)


def parse_tcl(scan: Scan) -> None:
    seen_numbered = seen_unnumbered = False
    for start in scan.directives():
        index = start + 1
        if scan.at(index) != ord("%"):
            number_, index = argno(scan, index)
            if number_:
                if seen_unnumbered:
                    raise scan.fail(index - 1, MIXED)
                seen_numbered = True
            else:
                if seen_numbered:
                    raise scan.fail(index - 1, MIXED)
                seen_unnumbered = True
            while scan.at(index) in b" +-#0":
                index += 1
            if scan.at(index) == ord("*"):
                index += 1
            else:
                _, index = number(scan, index)
            if scan.at(index) == ord("."):
                index += 1
                if scan.at(index) == ord("*"):
                    index += 1
                else:
                    _, index = number(scan, index)
            if scan.at(index) in b"hl":
                index += 1
            if scan.at(index) not in b"csiduoxXeEfgG":
                raise conversion_error(scan, index)
        scan.end(index)


def parse_boost(scan: Scan) -> None:
    args = Args()
    for start in scan.directives():
        index = start + 1
        if scan.at(index) == ord("%"):
            scan.end(index)
            continue
        brackets = done = typed = False
        number_ = 0
        if scan.at(index) == ord("|"):
            index, brackets = index + 1, True
        if isdigit(scan.at(index)) and scan.at(index) != ord("0"):
            value, after = number(scan, index)
            if (not brackets and scan.at(after) == ord("%")) or scan.at(after) == ord("$"):
                if value == 0:
                    raise scan.fail(after, "argument number 0 is not a positive integer")
                number_ = value
                typed = done = scan.at(after) == ord("%")
                index = after + 1
        if not done:
            index, typed = _boost_spec(scan, index, brackets, args, start)
        if typed:
            args.add(scan, index - 1, number_, Arg(0, start, index))
        scan.end(index - 1)


def _boost_spec(scan: Scan, index: int, brackets: bool, args: Args, start: int) -> tuple[int, bool]:
    """Flags, width, precision, size and conversion of a boost directive (and its closing ``|``):
    the index after it, and whether it takes an argument."""
    while scan.at(index) in b" +-#0'_=hl":
        index += 1
    index = args.width_and_precision(scan, index, start)
    while scan.at(index) in b"hlL":
        index += 1
    char = scan.at(index)
    index += 1
    typed = False
    if char in b"cCsSiduoxXeEfgGp":
        typed = True
    elif char == ord("T"):
        if not scan.at(index):
            raise scan.fail(index - 1, UNTERMINATED)
        index += 1
    elif char == ord("|") and brackets:
        index -= 1
        typed = True
    elif char not in b"tn":
        raise conversion_error(scan, index - 1)
    if brackets:
        if scan.at(index) != ord("|"):
            raise scan.fail_here(index, "the directive starts with | but does not end with |")
        index += 1
    return index, typed


def parse_gcc_internal(scan: Scan) -> None:
    args = Args()
    for start in scan.directives():
        index = start + 1
        if scan.at(index) in b"%<>'m":
            scan.end(index)
            continue
        number_, index = argno(scan, index)
        counts = {"q": 0, "l": 0, "w": 0, "+": 0, "#": 0}
        while (char := chr(scan.at(index))) in counts:
            if (
                (char in "q+#" and counts[char])
                or (char == "l" and (counts["l"] > 1 or counts["w"]))
                or (char == "w" and (counts["w"] or counts["l"]))
            ):
                raise scan.fail(index, "the flags combination is invalid")
            counts[char] += 1
            index += 1
        if scan.at(index) == ord("."):
            index = _gcc_precision(scan, index + 1, number_, args, start)
        elif scan.at(index) not in b"csiduoxpHJKDFTEACLOPQV":
            raise conversion_error(scan, index)
        args.add(scan, index, number_, Arg(0, start, index + 1))
        scan.end(index)


def _gcc_precision(scan: Scan, index: int, number_: int, args: Args, start: int) -> int:
    """``.N`` or ``.*`` (``.*m$``, m the argument before the directive's) before an ``s``."""
    if isdigit(scan.at(index)):
        _, index = number(scan, index)
    elif scan.at(index) == ord("*"):
        index += 1
        precision = 0
        if isdigit(scan.at(index)):
            value, after = number(scan, index)
            if scan.at(after) == ord("$"):
                if value == 0:
                    raise scan.fail(after, "argument number 0 is not a positive integer")
                if args.unnumbered or number_ == 0:
                    raise scan.fail(after, MIXED)
                if value != number_ - 1:
                    raise scan.fail(after, f"the precision's argument number must be {number_ - 1}")
                precision, index = value, after + 1
        args.add(scan, index - 1, precision, Arg(0, start, index))
    else:
        raise scan.fail_here(index, "the precision specification is invalid")
    if scan.at(index) != ord("s"):
        raise scan.fail_here(index, "a precision is not allowed before this conversion")
    return index


def parse_gfc_internal(scan: Scan) -> None:
    for start in scan.directives():
        index = start + 1
        if scan.at(index) != ord("%"):
            _, index = argno(scan, index)
            if scan.at(index) not in b"CLcs":
                if scan.at(index) == ord("l"):
                    index += 1
                if scan.at(index) not in b"idu":
                    raise conversion_error(scan, index)
        scan.end(index)


PRINTF_PARSERS: dict[str, Callable[[Scan], object]] = {
    "java-printf": parse_java_printf,
    "javascript": parse_javascript,
    "elisp": _lisp_printf(b" +-#0", True, b"%cdixXoeEfgGsS"),
    "librep": _lisp_printf(b"-^0+ ", False, b"%cdxXosS"),
    "awk": parse_awk,
    "lua": parse_lua,
    "object-pascal": parse_pascal,
    "php": parse_php,
    "perl": parse_perl,
    "tcl": parse_tcl,
    "boost": parse_boost,
    "gcc-internal": parse_gcc_internal,
    "gfc-internal": parse_gfc_internal,
}
