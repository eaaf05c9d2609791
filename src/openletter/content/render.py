"""Translated Markdown to safe HTML, marking what is still in the source language."""

from __future__ import annotations

from collections.abc import Sequence

import nh3
from markdown_it import MarkdownIt

from openletter.content.segments import Assembler, Segmentation, walk
from openletter.errors import OpenletterError
from openletter.languages import Language

UNTRANSLATED_CLASS = "untranslated"
#: id of the theme's hidden "Not translated yet; shown in English." note that marked blocks point to.
UNTRANSLATED_NOTE_ID = "untranslated-note"
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "ul", "ol"}
ALLOWED_TAGS = _BLOCK_TAGS | {"em", "strong", "code", "pre", "a", "br", "hr", "img", "del", "s", "sup", "sub"}
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "dir"},
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
}


class Sanitizer:
    """An allowlist: no script, style, event handler, iframe, form, or non-http(s)/mailto URL."""

    def __init__(self) -> None:
        self.cleaner = nh3.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            allowed_classes={tag: {UNTRANSLATED_CLASS} for tag in _BLOCK_TAGS},
            tag_attribute_values={tag: {"aria-describedby": {UNTRANSLATED_NOTE_ID}} for tag in _BLOCK_TAGS},
            link_rel="noopener noreferrer",
            strip_comments=True,
        )

    def clean(self, html: str) -> str:
        return self.cleaner.clean(html)


class Renderer:
    """Assembles a language's Markdown from unit texts, renders and sanitizes it."""

    def __init__(self, markdown: MarkdownIt, sanitizer: Sanitizer | None = None) -> None:
        self.markdown = markdown
        self.assembler = Assembler(markdown)
        self.sanitizer = sanitizer or Sanitizer()

    def render(
        self, body: Segmentation, texts: Sequence[str | None], source: Language, mark_fallback: bool = True
    ) -> str:
        """HTML for ``body`` with ``texts`` (None = source text, marked as such when asked)."""
        tokens = self.markdown.parse(self.assembler.assemble(body, texts))
        blocks = list(walk(tokens))
        if len(blocks) != len(body.units):
            raise OpenletterError(
                f"translated document has {len(blocks)} blocks where the source has {len(body.units)}",
                path=body.units[0].path if body.units else None,
            )
        if mark_fallback:
            for block, text in zip(blocks, texts):
                if text is None:
                    block.target.attrSet("lang", source.tag)
                    block.target.attrSet("dir", source.direction)
                    block.target.attrJoin("class", UNTRANSLATED_CLASS)
                    block.target.attrSet("aria-describedby", UNTRANSLATED_NOTE_ID)
        html = self.markdown.renderer.render(tokens, self.markdown.options, {})
        return self.sanitizer.clean(html)
