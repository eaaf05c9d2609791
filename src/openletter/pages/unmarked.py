"""English on a pseudo-locale page: a theme string nobody marked for translation.

Every translated text of the pseudo-locale (:mod:`openletter.pseudo`) is wrapped in ‹ ›, so a run
of Latin letters outside them, in text whose language is the pseudo-locale, is theme text that
never went through gettext.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from openletter.pseudo import PSEUDO_CODE


@dataclass(frozen=True, slots=True)
class Unmarked:
    """English on a pseudo-locale page: a theme string nobody marked for translation."""

    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: unmarked: {self.text!r} is not translated in the pseudo-locale"


class _PseudoText(HTMLParser):
    """The page's text in the pseudo-locale (code, and text in another ``lang``, left out)."""

    _VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
    _SKIPPED = frozenset({"code", "script", "style", "kbd", "samp"})

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag = tag
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self._VOID:
            self.stack.append((tag, dict(attrs).get("lang")))
        if tag in ("br", "img", "hr"):
            self.pieces.append((self.getpos()[0], " "))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        language = next((lang for _, lang in reversed(self.stack) if lang), None)
        if language == self.tag and not any(tag in self._SKIPPED for tag, _ in self.stack):
            self.pieces.append((self.getpos()[0], data))
        elif self.pieces and self.pieces[-1][1] != "\x00":
            self.pieces.append((self.getpos()[0], "\x00"))  # a hole: code or another language


def unmarked_text(html: str, path: Path, tag: str = PSEUDO_CODE.replace("_", "-")) -> list[Unmarked]:
    """Runs of Latin letters on ``html`` in language ``tag`` that are outside every ‹ › span."""
    reader = _PseudoText(tag)
    reader.feed(html)
    found: list[Unmarked] = []
    depth, run, run_line = 0, "", 0
    for line, data in [*reader.pieces, (0, "\x00")]:  # a final hole ends the last run
        for character in data:
            if character == "‹":
                depth += 1
            elif character == "›":
                depth = max(depth - 1, 0)
            elif depth == 0 and character != "\x00":
                if not run.strip():
                    run_line = line
                run += character
                continue
            if _LATIN_RE.search(run):
                found.append(Unmarked(path, run_line, " ".join(run.split())))
            run = ""
    return found


_LATIN_RE = re.compile(r"[A-Za-z]")
