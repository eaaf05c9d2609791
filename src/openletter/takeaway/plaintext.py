"""The letter as plain text and as Markdown: what a reader pastes into an e-mail or a forum.

UTF-8, one blank line between blocks, the page's URL at the end.  Lines are wrapped at
:data:`WIDTH` columns (East Asian wide characters count two) at spaces only: a line is never
broken inside a word, so Chinese, Japanese and Thai text, written without spaces between words,
is left for the reader's mail program to wrap.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin

from openletter.takeaway.letter import Block, PageLetter, Run

#: Columns a line may fill: what e-mail programs send (RFC 3676 format=flowed wraps at 72 too).
WIDTH = 72


def columns(text: str) -> int:
    """How many terminal columns ``text`` fills (wide and fullwidth characters two, marks none)."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def wrap(text: str, width: int = WIDTH, indent: str = "", first: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at spaces only (a longer word keeps
    its own line); ``first`` starts the first line, ``indent`` the others. Line breaks in
    ``text`` (``<br>``) are kept."""
    lines: list[str] = []
    indent_columns = columns(indent)
    for part in text.split("\n"):
        words: list[str] = []
        used = columns(first) if not lines else indent_columns  # the columns the line fills so far
        for word in part.split(" "):
            if not word:
                continue
            size = columns(word)
            if words and used + 1 + size > width:
                lines.append((first if not lines else indent) + " ".join(words))
                words, used = [], indent_columns
            used += size + (1 if words else 0)
            words.append(word)
        lines.append((first if not lines else indent) + " ".join(words))
    return lines


def to_text(letter: PageLetter, url: str) -> str:
    """The letter as plain text: each block's text, wrapped, then the page's URL."""
    out: list[str] = []
    for block in letter.blocks:
        prefix = f"{block.marker} " if block.marker else ""
        quote = "> " if block.quote else ""
        out += wrap(block.text, WIDTH, quote + " " * len(prefix), quote + prefix)
        out.append("")
    out.append(url)
    return "\n".join(out) + "\n"


def to_markdown(letter: PageLetter, url: str) -> str:
    """The letter as Markdown (CommonMark): headings, emphasis, links made absolute against the
    page's ``url``, notices as quotations, then a link to the page."""
    out: list[str] = []
    previous: Block | None = None
    for block in letter.blocks:
        text = _inline(block, url)
        if previous is not None and previous.notice and block.notice:
            out[-1] = ">"  # the notice's paragraphs in one quotation
        if block.kind == "title":
            out.append(f"# {text}")
        elif block.kind == "heading":
            out.append(f"{'#' * block.level} {text}")
        else:
            prefix = f"{block.marker} " if block.marker else ""
            quote = "> " if block.quote or block.notice else ""
            indent = quote + " " * len(prefix)
            lines = wrap(text, WIDTH, indent, quote + prefix)
            out += [lines[0], *(indent + _escape_start(line[len(indent) :]) for line in lines[1:])]
        out.append("")
        previous = block
    out.append(f"<{url}>" if "://" in url else f"[{url}]({url})")
    return "\n".join(out) + "\n"


_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
#: What starts a Markdown block at the start of a line (a heading, a quotation, a list item).
_LINE_START = re.compile(r"^(?:([#>+*-])|(\d+)([.)]))")


def _escape_start(line: str) -> str:
    """``line`` with what would start a block there escaped (``\\#``, ``1\\.``)."""
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def _inline(block: Block, url: str) -> str:
    """A block's runs as Markdown inline text (a run of one style or link at a time)."""
    parts: list[str] = []
    for run in _merged(block.runs):
        text = _SPECIAL.sub(r"\\\1", re.sub(r"[ \t\r\f]+", " ", run.text))
        if run.style == "code":
            text = f"`{run.text}`"
        elif run.style in ("em", "strong") and text.strip():
            mark = "*" if run.style == "em" else "**"
            core = text.strip(" ")
            text = text[: len(text) - len(text.lstrip(" "))] + f"{mark}{core}{mark}" + text[len(text.rstrip(" ")) :]
        if run.href and text.strip():
            text = f"[{text}]({urljoin(url, run.href)})"
        parts.append(text)
    return _escape_start(re.sub(r" +", " ", "".join(parts)).strip(" "))


def _merged(runs: list[Run]) -> list[Run]:
    """Neighbouring runs of the same style and link as one."""
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].style, merged[-1].href) == (run.style, run.href):
            merged[-1] = Run(merged[-1].text + run.text, run.style, run.href)
        else:
            merged.append(run)
    return merged
