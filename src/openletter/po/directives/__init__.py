"""Format directives as GNU gettext finds them, for every format a ``#,`` flag can name.

GNU ``msgcat`` never breaks a line inside a format directive (``%.*s``, ``%1$s``, ``{name}``,
``~:[…~]``) of the entry's format, and ``msgfmt --check-format`` compares the directives of a
translation with its source's.  Both rest on one parser per format language (gettext's
``format-*.c``), which marks where each directive starts and ends and stops at the first
invalid one.  This package ports that marking from GNU gettext 0.21 (the version installed
where the tests compare us with ``msgcat``): the parsers work on the UTF-8 bytes, as gettext's
do, so a directive that swallows "any character" swallows one byte of a multibyte one, as there.
"""

from __future__ import annotations

from collections.abc import Callable

from openletter.po.directives.brace import BRACE_PARSERS
from openletter.po.directives.c import parse_c
from openletter.po.directives.lisp import LISP_PARSERS
from openletter.po.directives.printf import PRINTF_PARSERS
from openletter.po.directives.python import parse_python
from openletter.po.directives.ruby import RUBY_PARSERS
from openletter.po.directives.scan import END, ERROR, START, Invalid, Scan

#: gettext's ``format_language`` table, in its order: the order ``#,`` lines list the flags in,
#: and the order ``msgcat`` picks the one format whose directives it keeps whole.
FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)  # fmt: skip

PARSERS: dict[str, Callable[[Scan], object]] = {
    "c": parse_c, "objc": lambda scan: parse_c(scan, objc=True), "python": parse_python,
    **PRINTF_PARSERS, **RUBY_PARSERS, **BRACE_PARSERS, **LISP_PARSERS,
}  # fmt: skip
assert set(PARSERS) == set(FORMAT_LANGUAGES), set(FORMAT_LANGUAGES) ^ set(PARSERS)

__all__ = ["FORMAT_LANGUAGES", "PARSERS", "Invalid", "Scan", "marks", "unbreakable"]


def marks(text: bytes, language: str, translated: bool) -> bytearray:
    """The ``FMTDIR_*`` bits gettext's parser for ``language`` sets on ``text`` (one per byte)."""
    scan = Scan(text, translated)
    try:
        PARSERS[language](scan)
    except Invalid:
        pass
    return scan.marks


def unbreakable(text: bytes, language: str, translated: bool) -> bytearray:
    """1 for each byte of ``text`` a line may not break before: inside (not at the start of) a
    directive that ends well.  A directive the parser found invalid may break anywhere, as in
    ``write-po.c``'s ``wrap``; ``translated`` is True for a msgstr (some formats allow more there)."""
    found = marks(text, language, translated)
    inside = bytearray(len(text))
    index = 0
    while index < len(found):
        if found[index] & START:
            end = index
            while end < len(found) and not found[end] & (END | ERROR):
                end += 1
            if end < len(found) and not found[end] & ERROR:
                inside[index + 1 : end + 1] = b"\x01" * (end - index)
            index = end + 1
        else:
            index += 1
    return inside
