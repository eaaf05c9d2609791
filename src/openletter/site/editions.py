"""A document in one language: its translated units put back into the source's Markdown, rendered.

Each edition is rendered once per build; rendering is a pure function of the source's lines and
the texts put in them, so its result is also kept in the build cache's ``rendered`` memo, and a
translation escaped for its block in the ``escaped`` memo.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from openletter.cache import Cache, digest
from openletter.content.documents import Document
from openletter.content.render import Renderer
from openletter.content.segments import normalize
from openletter.errors import Problem
from openletter.languages import Language
from openletter.po.compiled import CompiledCatalog
from openletter.project import Project

_ASCII_SPACES = re.compile(r"[ \t\n\r]+")


@dataclass(slots=True)
class Edition:
    """A document in one language, ready for the template."""

    document: Document
    language: Language
    title: str
    title_fallback: bool
    summary: str
    html: str
    #: Body units shown in the source language (no usable translation).
    untranslated: int
    url: str

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def unit_count(self) -> int:
        return len(self.document.body.units)


class Editions:
    """Renders and keeps every edition of one site's documents; decides their URLs."""

    def __init__(
        self,
        project: Project,
        home: Document,
        catalog: Callable[[Language, str], CompiledCatalog | None],
        cache: Cache,
        warnings: list[Problem],
        renderer: Renderer,
    ) -> None:
        self.project = project
        self.home = home
        self.catalog = catalog
        self.cache = cache
        #: Where a translation the page could not use is reported (the site's warnings).
        self.warnings = warnings
        self.renderer = renderer
        self._editions: dict[tuple[str, Language], Edition] = {}
        self._body_digests: dict[str, str] = {}

    def url(self, document: Document, language: Language) -> str:
        """``de/`` for the home document, ``de/<name>/`` for any other."""
        return f"{language.slug}/" if document is self.home else f"{language.slug}/{document.domain}/"

    def edition(self, document: Document, language: Language) -> Edition:
        """The document in ``language`` (rendered once per build, then reused)."""
        key = (document.domain, language)
        if key not in self._editions:
            self._editions[key] = self._render(document, language)
        return self._editions[key]

    def _render(self, document: Document, language: Language) -> Edition:
        source = self.project.source_language
        catalog = self.catalog(language, document.domain)
        assembler = self.renderer.assembler
        escaped = self.cache.memo("escaped")
        texts: list[str | None] = []
        for unit, slot in zip(document.body.units, document.body.slots):
            translated = catalog.get(unit.text) if catalog else None
            if translated is not None:
                fitted = escaped.get((slot.heading, translated), partial(assembler.escape, slot, translated))
                if fitted is None:
                    self.warnings.append(
                        Problem(
                            self.project.relative(self.project.catalog_path(language, document.domain)),
                            catalog.lines.get((None, unit.text), 0) if catalog else 0,
                            "error",
                            "structure",
                            f"translation of the {unit.kind} at {unit.path}:{unit.line} would change the document structure; not used",
                        )
                    )
                translated = fitted
            texts.append(translated)
        mark_fallback = language != source
        body = (self._body_digest(document), digest(*("\x00" if t is None else "\x01" + t for t in texts)))
        html = self.cache.memo("rendered").get(
            (*body, source.code, mark_fallback),
            partial(self.renderer.render, document.body, texts, source, mark_fallback=mark_fallback),
        )

        def metadata_text(name: str) -> tuple[str, bool]:
            unit = document.metadata_units.get(name)
            if unit is None:
                return document.metadata.get(name, ""), False
            translated = catalog.get(unit.text) if catalog else None
            if translated is None:
                return unit.text, language != source
            # Only ASCII whitespace collapses: a French no-break space before ":" must survive.
            return _ASCII_SPACES.sub(" ", normalize(translated)).strip(" "), False

        title, title_fallback = metadata_text("title")
        summary, _ = metadata_text("summary")
        return Edition(
            document=document,
            language=language,
            title=title,
            title_fallback=title_fallback,
            summary=summary,
            html=html,
            untranslated=sum(text is None for text in texts) if language != source else 0,
            url=self.url(document, language),
        )

    def _body_digest(self, document: Document) -> str:
        if document.domain not in self._body_digests:
            self._body_digests[document.domain] = digest(*document.body.lines)
        return self._body_digests[document.domain]
