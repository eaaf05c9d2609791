"""Markdown to translation units and back, with one walker for both directions.

A unit is the inline Markdown of one block (heading, paragraph, list item,
blockquote paragraph), so emphasis, links and code stay in the translators'
hands.  The same :func:`walk` finds units when extracting and, after a
translated document is reassembled and parsed again, finds the very same
blocks to mark the ones still shown in the source language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: ``<!-- translators: ... -->`` on its own line becomes a ``#.`` note on the next unit.
_NOTE_RE = re.compile(r"\A\s*<!--\s*(?:translators?|i18n)\s*:\s*(.*?)\s*-->\s*\Z", re.DOTALL | re.IGNORECASE)
_HARD_BREAK_RE = re.compile(r"(?: {2,}|\\)\n")
_SOFT_BREAK_RE = re.compile(r"[ \t]*\n[ \t]*")
_BLOCK_START_RE = re.compile(r"\A(?:\d{1,9}(?=[.)])|(?=[#>+*=_`~<|-]))")


def new_markdown() -> MarkdownIt:
    """The one Markdown dialect of the project: CommonMark, raw HTML parsed (and sanitized later).

    A soft line break renders as one space (nothing between two CJK characters), the same
    rule :func:`normalize` applies to unit text, so a reflowed source renders identically."""
    markdown = MarkdownIt("commonmark", {"html": True})
    markdown.add_render_rule("softbreak", _render_softbreak)
    return markdown


def _render_softbreak(renderer: object, tokens: Sequence[Token], index: int, options: object, env: object) -> str:
    before = tokens[index - 1].content[-1:] if index > 0 else ""
    after = tokens[index + 1].content[:1] if index + 1 < len(tokens) else ""
    return "" if _is_wide(before) and _is_wide(after) else " "


@dataclass(frozen=True, slots=True)
class Unit:
    """One translatable piece of a source file."""

    kind: str
    text: str
    path: Path
    line: int
    notes: tuple[str, ...] = ()

    @property
    def comment(self) -> str:
        """What the unit is, for the ``#.`` comment translators read."""
        return self.kind


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a body unit sits in the source lines, to put any text back in its place."""

    start: int  # 0-based first source line of the unit's text
    end: int  # 0-based line after the unit's text
    prefix: str  # container markers before the text on its first line ("> - ", "## ")
    continuation: str  # what continuation lines start with inside the same containers
    heading: str  # "" for paragraphs and list items, "atx" or "setext" for headings

    @property
    def single_line(self) -> bool:
        return bool(self.heading)


@dataclass(frozen=True, slots=True)
class Block:
    """A unit as the walker sees it in a token stream."""

    kind: str
    target: Token  # the token whose HTML element carries the unit (gets lang/dir when needed)
    inline: Token
    block: Token


def normalize(text: str) -> str:
    """Unit text from inline Markdown: soft line breaks become one space (none between CJK
    characters), hard breaks become ``\\`` + newline, so reflowing a paragraph changes nothing."""
    text = _HARD_BREAK_RE.sub("\x00", text.strip(" \t\n"))

    def soft(match: re.Match[str]) -> str:
        before = match.string[match.start() - 1] if match.start() else ""
        after = match.string[match.end()] if match.end() < len(match.string) else ""
        if _is_wide(before) and _is_wide(after):
            return ""
        return " "

    text = _SOFT_BREAK_RE.sub(soft, text)
    return text.replace("\x00", "\\\n")


def _is_wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")


def walk(tokens: Sequence[Token]) -> Iterator[Block]:
    """Every translatable block of a parsed document, in order."""
    containers: list[Token] = []
    for index, token in enumerate(tokens):
        if token.type in ("blockquote_open", "list_item_open"):
            containers.append(token)
        elif token.type in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif token.type == "heading_open":
            yield Block(f"heading (level {token.tag[1]})", token, tokens[index + 1], token)
        elif token.type == "paragraph_open":
            inline = tokens[index + 1]
            nearest = containers[-1] if containers else None
            if nearest is not None and nearest.type == "list_item_open":
                target = nearest if token.hidden else token
                yield Block("list item", target, inline, token)
            elif nearest is not None:
                yield Block("blockquote paragraph", token, inline, token)
            else:
                yield Block("paragraph", token, inline, token)


def _notes(token: Token) -> str | None:
    if token.type != "html_block":
        return None
    match = _NOTE_RE.match(token.content)
    return " ".join(match.group(1).split()) if match else None


@dataclass(slots=True)
class Segmentation:
    """The body of one Markdown file: its lines, units and where each unit sits."""

    lines: list[str]
    units: list[Unit] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    #: Link reference definitions of the document (``[ref]: url``), for checking units that use them.
    references: dict[str, Any] = field(default_factory=dict)


def segment(markdown: MarkdownIt, body: str, path: Path, line_offset: int = 0) -> Segmentation:
    """Split Markdown ``body`` (starting at 0-based ``line_offset`` in ``path``) into units."""
    result = Segmentation(lines=body.split("\n"))
    env: dict[str, Any] = {}
    tokens = markdown.parse(body, env)
    result.references = env.get("references", {})
    pending_notes: list[str] = []
    blocks = iter(walk(tokens))
    next_block = next(blocks, None)
    for token in tokens:
        note = _notes(token)
        if note:
            pending_notes.append(note)
        if next_block is None or token is not next_block.block:
            continue
        block = next_block
        next_block = next(blocks, None)
        assert block.block.map is not None
        start, end = block.block.map
        heading = ""
        if block.block.type == "heading_open":
            heading = "setext" if block.block.markup.startswith(("=", "-")) else "atx"
        if heading == "setext":
            end -= 1  # the underline stays in the skeleton
        first_content_line = block.inline.content.split("\n", 1)[0]
        first_line = result.lines[start]
        column = first_line.find(first_content_line) if first_content_line else len(first_line)
        prefix = first_line[:column]
        continuation = re.sub(r"[^>\s]", " ", prefix)
        result.slots.append(Slot(start, end, prefix, continuation, heading))
        result.units.append(
            Unit(
                kind=block.kind,
                text=normalize(block.inline.content),
                path=path,
                line=start + line_offset + 1,
                notes=tuple(pending_notes),
            )
        )
        pending_notes = []
    return result


class Assembler:
    """Puts unit texts back into the source skeleton, keeping every block a block."""

    def __init__(self, markdown: MarkdownIt) -> None:
        self.markdown = markdown

    def fits(self, slot: Slot, text: str) -> bool:
        """True if ``text`` in ``slot`` parses as exactly one block of the same kind with that text."""
        body = self._block_text(slot, text, prefix="")
        probe = {"atx": "## " + body, "setext": body + "\n---"}.get(slot.heading, body)
        tokens = self.markdown.parse(probe)
        blocks = list(walk(tokens))
        opening = [token for token in tokens if token.nesting == 1]
        return len(blocks) == 1 and len(opening) == 1 and blocks[0].inline.content == body

    def _block_text(self, slot: Slot, text: str, prefix: str, continuation: str = "") -> str:
        if slot.single_line:
            text = " ".join(text.split("\n"))
        lines = text.split("\n")
        return prefix + ("\n" + continuation).join(lines)

    def escape(self, slot: Slot, text: str) -> str | None:
        """``text`` with block-starting characters escaped so it stays inline; None if impossible."""
        text = normalize(text)
        if self.fits(slot, text):
            return text
        escaped = "\n".join(_BLOCK_START_RE.sub(_backslash, line, count=1) for line in text.split("\n"))
        if slot.single_line:
            escaped = re.sub(r"(\s)(#+)\s*\Z", lambda m: m.group(1) + "\\" + m.group(2), escaped)
        if self.fits(slot, escaped):
            return escaped
        return None

    def assemble(self, segmentation: Segmentation, texts: Sequence[str | None]) -> str:
        """The body with each unit replaced by its text; ``None`` keeps the source lines as they are."""
        lines = list(segmentation.lines)
        for slot, text in sorted(zip(segmentation.slots, texts), key=lambda pair: -pair[0].start):
            if text is None:
                continue
            block = self._block_text(slot, text, slot.prefix, slot.continuation)
            lines[slot.start : slot.end] = block.split("\n")
        return "\n".join(lines)


def _backslash(match: re.Match[str]) -> str:
    return match.group(0) + "\\"
