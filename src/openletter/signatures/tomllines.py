"""Lines for TOML findings: :mod:`tomllib` returns values without lines, and words its syntax errors
"... (at line 3, column 7)"; a record's problems must be ``path:line``."""

from __future__ import annotations

import re

_KEY_RE = re.compile(r"""\s*(?:\[\[?\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=.\]]""")
_AT_RE = re.compile(r"\(at line (\d+), column (\d+)\)$")
_AT_EOF_RE = re.compile(r"\(at end of document\)$")


def key_lines(text: str) -> dict[str, int]:
    """The 1-based line where each top-level key (or table header) first appears.

    Lines inside a multi-line string are skipped, so a value that looks like ``name = ...`` is
    not taken for a key.  Enough for flat records; not a TOML parser."""
    lines: dict[str, int] = {}
    inside: str | None = None  # the delimiter of the multi-line string we are in
    for number, line in enumerate(text.split("\n"), 1):  # TOML lines end at LF only, not at U+2028
        if inside is None:
            match = _KEY_RE.match(line)
            if match:
                key = next(group for group in match.groups() if group is not None)
                lines.setdefault(key, number)
        for delimiter in re.findall(r'"""|\'\'\'', line):
            if inside is None:
                inside = delimiter
            elif delimiter == inside:
                inside = None
    return lines


def syntax_location(message: str, text: str) -> tuple[int, int | None, str]:
    """(line, column, message without the location) of a :class:`tomllib.TOMLDecodeError`."""
    match = _AT_RE.search(message)
    if match:
        return int(match[1]), int(match[2]), message[: match.start()].rstrip()
    end = _AT_EOF_RE.search(message)
    if end:
        return max(1, len(text.rstrip("\n").split("\n"))), None, message[: end.start()].rstrip()
    return 1, None, message
