"""What inline Markdown a unit carries, so a translation can be compared with its source."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt


@dataclass(frozen=True, slots=True)
class InlineMarkup:
    """Counts and targets of the inline constructs of one unit."""

    emphasis: int = 0
    strong: int = 0
    code: int = 0
    html: int = 0
    links: tuple[str, ...] = ()
    images: tuple[str, ...] = ()

    def differences(self, translated: InlineMarkup) -> list[str]:
        """Human-readable differences of ``translated`` from this (source) markup."""
        problems = []
        for name in ("emphasis", "strong", "code", "html"):
            source, target = getattr(self, name), getattr(translated, name)
            if source != target:
                problems.append(f"{name}: {target} in the translation, {source} in the source")
        if sorted(self.links) != sorted(translated.links):
            problems.append(f"links: {sorted(translated.links)} in the translation, {sorted(self.links)} in the source")
        if sorted(self.images) != sorted(translated.images):
            problems.append(f"images: {sorted(translated.images)} in the translation, {sorted(self.images)} in the source")
        return problems


#: Every inline construct CommonMark has starts with one of these (emphasis, code spans, links
#: and images, autolinks and raw HTML); a text without any has no markup to parse.
_OPENERS = re.compile(r"[*_`\[<]")
_NO_MARKUP = InlineMarkup()


def inline_markup(markdown: MarkdownIt, text: str, references: Mapping[str, Any] | None = None) -> InlineMarkup:
    """Parse ``text`` as inline Markdown (reference links resolved against ``references``)."""
    if not _OPENERS.search(text):  # most translations: checking a language's catalogs parsed each one
        return _NO_MARKUP
    return parsed_markup(markdown, text, references)


def parsed_markup(markdown: MarkdownIt, text: str, references: Mapping[str, Any] | None = None) -> InlineMarkup:
    """:func:`inline_markup` by markdown-it's parser alone, whatever the text holds."""
    counts = {"em_open": 0, "strong_open": 0, "code_inline": 0, "html_inline": 0}
    links: list[str] = []
    images: list[str] = []
    env = {"references": dict(references or {})}
    for token in markdown.parseInline(text, env):
        for child in token.children or []:
            if child.type in counts:
                counts[child.type] += 1
            elif child.type == "link_open":
                links.append(str(child.attrGet("href")))
            elif child.type == "image":
                images.append(str(child.attrGet("src")))
    return InlineMarkup(
        emphasis=counts["em_open"],
        strong=counts["strong_open"],
        code=counts["code_inline"],
        html=counts["html_inline"],
        links=tuple(links),
        images=tuple(images),
    )
