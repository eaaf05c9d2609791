"""What a ``#`` comment line says about the next message, read as GNU gettext reads it
(``po_callback_comment_dispatcher`` and the ``#:`` parser of ``read-catalog-abstract.c``).

``#.`` is an extracted comment, ``#:`` source references, ``#,`` (or ``#!``) flags, anything
else a translator comment (or a Solaris ``# File: x, line: 3`` reference).  Text is kept as
written, a trailing CR included: ``msgcat`` keeps it, and a file edited on Windows often has
one on a comment line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openletter.po.flags import line_tokens

_SIZE_T = 2**64
_NO_LINE = _SIZE_T - 1  # gettext's (size_t) -1: a reference without a line number
_SPACE = " \t\n"


def reference(name: str, line: int | None) -> str:
    """A reference as ``msgcat`` prints it: ``file:line`` (the line as C's ``%ld`` prints a size_t)."""
    if line is None or line % _SIZE_T == _NO_LINE:
        return name
    line %= _SIZE_T
    return f"{name}:{line - _SIZE_T if line >= _SIZE_T // 2 else line}"


def _digits(text: str, index: int) -> int:
    end = index
    while end < len(text) and "0" <= text[end] <= "9":
        end += 1
    return end


def parse_references(text: str) -> list[str]:
    """The references of a ``#:`` line (the text after ``#:``): ``file:12``, ``file : 12``,
    ``file: 12`` and ``file`` alone, separated by spaces or tabs (nothing else: a CR belongs to the
    file name before it)."""
    found: list[str] = []
    index, end = 0, len(text)
    while index < end:
        while index < end and text[index] in _SPACE:
            index += 1
        if index >= end:
            break
        start = index
        index += 1
        while index < end and text[index] not in _SPACE:
            index += 1
        ahead = index
        while ahead < end and text[ahead] in _SPACE:
            ahead += 1
        if ahead < end and text[ahead] == ":":  # "file : 12"
            ahead += 1
            while ahead < end and text[ahead] in _SPACE:
                ahead += 1
            stop = _digits(text, ahead)
            if stop > ahead and (stop == end or text[stop] in _SPACE):
                found.append(reference(text[start:index], int(text[ahead:stop])))
                index = stop
                continue
        if text[index - 1] == ":":  # "file: 12"
            ahead = index
            while ahead < end and text[ahead] in _SPACE:
                ahead += 1
            stop = _digits(text, ahead)
            if stop > ahead and (stop == end or text[stop] in _SPACE):
                found.append(reference(text[start : index - 1], int(text[ahead:stop])))
                index = stop
                continue
        digits = index
        while digits > start and "0" <= text[digits - 1] <= "9":
            digits -= 1
        if start + 1 < digits < index and text[digits - 1] == ":":  # "file:12"
            found.append(reference(text[start : digits - 1], int(text[digits:index])))
            continue
        found.append(reference(text[start:index], None))
    return found


def _solaris_reference(text: str) -> str | None:
    """``# File: name, line: 12`` (or ``line number: 12``), Solaris' reference comment."""
    if not (text[:1] == " " and text[1:2] in "Ff" and text[2:6] == "ile:"):
        return None
    start = 6
    while start < len(text) and text[start] in " \t":
        start += 1
    for end in range(start, len(text)):
        index = end
        while index < len(text) and text[index] in " \t":
            index += 1
        if text[index : index + 1] != ",":
            continue
        index += 1
        while index < len(text) and text[index] in " \t":
            index += 1
        if text[index : index + 4] != "line":
            continue
        index += 4
        while index < len(text) and text[index] in " \t":
            index += 1
        if text[index : index + 6] == "number":
            index += 6
            while index < len(text) and text[index] in " \t":
                index += 1
        if text[index : index + 1] != ":":
            continue
        stop = _digits(text, index + 1)
        if stop == index + 1 or text[stop:].strip(" \t\n"):
            continue
        return reference(text[start:end], int(text[index + 1 : stop]))
    return None


@dataclass(slots=True)
class Comments:
    """The comments read since the last message, for the next one."""

    translator: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        """One comment line's text after its ``#``."""
        if text[:1] == ".":
            self.extracted.append(text[2:] if text[1:2] == " " else text[1:])
        elif text[:1] == ":":
            self._add_references(parse_references(text[1:]))
        elif text[:1] in (",", "!"):
            self.flags += line_tokens(text[1:])
        elif (solaris := _solaris_reference(text)) is not None:
            self._add_references([solaris])
        else:
            self.translator.append(text[1:] if text[:1] == " " else text)

    def _add_references(self, found: list[str]) -> None:
        """Each (file, line) once, as ``message_comment_filepos`` keeps them."""
        self.references += [item for item in dict.fromkeys(found) if item not in self.references]
