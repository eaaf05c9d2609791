"""One build's model: the documents (segmented once), the languages and their compiled catalogs.

Everything that can fail because of a user's input is read and checked here,
before Pelican writes a single file, so a broken catalog stops the build with
``path:line`` and the previous ``output/`` stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from openletter.catalogs import REVIEW_HEADER, REVIEWED
from openletter.errors import ErrorList, OpenletterError, PoSyntaxError
from openletter.languages import Language
from openletter.pofile import Catalog, read_po
from openletter.project import THEME_DOMAIN, Project
from openletter.render import Renderer
from openletter.segments import new_markdown, normalize
from openletter.source import Document, read_document
from openletter.translations import CompiledCatalog, UiTranslations


def source_signature(project: Project) -> tuple[tuple[str, int, int], ...]:
    """Name, mtime and size of every input a site is loaded from (cheap to recompute)."""
    paths = [*project.content_files(), *project.locale_dir.glob("*/LC_MESSAGES/*.po")]
    stats = []
    for path in sorted(paths):
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


_ASCII_SPACES = re.compile(r"[ \t\n\r]+")


def review_state(catalog: Catalog) -> str:
    """``reviewed`` or ``unreviewed``, from the catalog's ``X-Review-State`` header."""
    return "reviewed" if catalog.header_fields().get(REVIEW_HEADER) == REVIEWED else "unreviewed"


@dataclass(frozen=True, slots=True)
class BuildWarning:
    """A problem that does not stop the build (the unit is shown in the source language)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: {self.message}"


@dataclass(frozen=True, slots=True)
class LanguageLink:
    """One entry of the language switcher and of the hreflang cluster."""

    language: Language
    url: str
    title: str
    title_fallback: bool = False
    current: bool = False


@dataclass(slots=True)
class Edition:
    """A document in one language, ready for the template."""

    language: Language
    title: str
    title_fallback: bool
    summary: str
    html: str
    untranslated: int
    url: str
    save_as: str


@dataclass(slots=True)
class Site:
    """The project as one build sees it."""

    project: Project
    documents: dict[Path, Document]
    catalogs: dict[Language, dict[str, CompiledCatalog]]
    renderer: Renderer
    review_states: dict[Language, str] = field(default_factory=dict)
    signature: tuple[tuple[str, int, int], ...] = ()
    warnings: list[BuildWarning] = field(default_factory=list)
    _editions: dict[tuple[Path, Language], Edition] = field(default_factory=dict)

    @classmethod
    def load(cls, settings: Mapping[str, Any], config: Path | None = None) -> Site:
        """Read every source and catalog; raise all structural problems together."""
        project = Project.from_settings(settings, config)
        markdown = new_markdown()
        languages = project.languages()
        documents = {
            path.resolve(): read_document(path, markdown, reference_path=project.relative(path))
            for path in project.content_files()
        }
        errors: list[OpenletterError] = []
        catalogs: dict[Language, dict[str, CompiledCatalog]] = {}
        site = cls(project, documents, catalogs, Renderer(markdown), signature=source_signature(project))
        for language in languages:
            catalogs[language] = {}
            for domain in project.domains():
                path = project.catalog_path(language, domain)
                shown = project.relative(path)
                if not path.exists():
                    errors.append(OpenletterError("catalog missing; run 'invoke update'", path=shown))
                    continue
                try:
                    catalog = read_po(path)
                    catalog.path = shown
                    compiled = CompiledCatalog.compile(catalog, format_strings=domain == THEME_DOMAIN)
                except PoSyntaxError as error:
                    error.path = shown
                    errors.append(error)
                    continue
                except OpenletterError as error:
                    errors.append(error)
                    continue
                if domain != THEME_DOMAIN:
                    site.review_states[language] = review_state(catalog)
                for skipped in compiled.skipped:
                    site.warnings.append(BuildWarning(shown, skipped.entry.line, f"translation not used: {skipped.reason}"))
                catalogs[language][domain] = compiled
        if errors:
            raise ErrorList(errors) if len(errors) > 1 else errors[0]
        return site

    def is_current(self) -> bool:
        """False once a content file or catalog was added, removed or changed since loading."""
        return self.signature == source_signature(self.project)

    # -- languages and URLs ------------------------------------------------------------

    @property
    def source(self) -> Language:
        return self.project.source_language

    @property
    def languages(self) -> list[Language]:
        """The source language first, then the translations by tag."""
        return [self.source, *sorted(self.catalogs, key=lambda language: language.tag)]

    def document(self, source_path: str | Path) -> Document:
        try:
            return self.documents[Path(source_path).resolve()]
        except KeyError:
            raise OpenletterError("not a translatable content file", path=source_path) from None

    def url(self, document: Document, language: Language) -> str:
        """``de/`` for the letter (the first document), ``de/<name>/`` for any other."""
        home = next(iter(self.documents.values()))
        return f"{language.slug}/" if document is home else f"{language.slug}/{document.domain}/"

    def links(self, document: Document, current: Language | None) -> list[LanguageLink]:
        links = []
        for language in self.languages:
            edition = self.edition(document, language)
            links.append(LanguageLink(language, edition.url, edition.title, edition.title_fallback, language == current))
        return links

    # -- translation -------------------------------------------------------------------

    def edition(self, document: Document, language: Language) -> Edition:
        """The document in ``language`` (rendered once per build, then reused)."""
        key = (document.path, language)
        if key not in self._editions:
            self._editions[key] = self._render(document, language)
        return self._editions[key]

    def _render(self, document: Document, language: Language) -> Edition:
        catalog = self.catalogs.get(language, {}).get(document.domain)
        assembler = self.renderer.assembler
        texts: list[str | None] = []
        for unit, slot in zip(document.body.units, document.body.slots):
            translated = catalog.get(unit.text) if catalog else None
            if translated is not None:
                fitted = assembler.escape(slot, translated)
                if fitted is None:
                    self.warnings.append(
                        BuildWarning(
                            self.project.relative(self.project.catalog_path(language, document.domain)),
                            catalog.lines.get((None, unit.text), 0) if catalog else 0,
                            f"translation of {unit.kind} at {unit.path}:{unit.line} changes the document structure; not used",
                        )
                    )
                translated = fitted
            texts.append(translated)
        html = self.renderer.render(document.body, texts, self.source, mark_fallback=language != self.source)

        def metadata_text(name: str) -> tuple[str, bool]:
            unit = document.metadata_units.get(name)
            if unit is None:
                return document.metadata.get(name, ""), False
            translated = catalog.get(unit.text) if catalog else None
            if translated is None:
                return unit.text, language != self.source
            # Only ASCII whitespace collapses: a French no-break space before ":" must survive.
            return _ASCII_SPACES.sub(" ", normalize(translated)).strip(" "), False

        title, title_fallback = metadata_text("title")
        summary, _ = metadata_text("summary")
        url = self.url(document, language)
        return Edition(
            language=language,
            title=title,
            title_fallback=title_fallback,
            summary=summary,
            html=html,
            untranslated=sum(text is None for text in texts) if language != self.source else 0,
            url=url,
            save_as=f"{url}index.html",
        )

    def date_html(self, value: date | None, language: Language) -> Markup:
        """``<time>`` with the date as the language writes it (Babel/CLDR)."""
        if value is None:
            return Markup("")
        return Markup('<time datetime="{}">{}</time>').format(value.strftime("%Y-%m-%d"), language.format_date(value))

    def progress(self, language: Language) -> tuple[int, int]:
        """(translated, total) units of all content documents in ``language``."""
        translated = total = 0
        for document in self.documents.values():
            catalog = self.catalogs.get(language, {}).get(document.domain)
            for unit in document.units:
                total += 1
                translated += bool(catalog and catalog.get(unit.text) is not None)
        return translated, total

    # -- theme strings ------------------------------------------------------------------

    def ui(self, language: Language) -> UiTranslations:
        return UiTranslations(self.catalogs.get(language, {}).get(THEME_DOMAIN))

    def context_language(self, context: Context) -> Language:
        """The page's language, carried by the render context (one Jinja2 environment for all)."""
        page = context.get("page")
        language = getattr(page, "language", None)
        return language if isinstance(language, Language) else self.source

    def jinja_callables(self) -> dict[str, Any]:
        """``gettext``/``ngettext`` for ``Environment.install_gettext_callables(newstyle=True)``."""

        @pass_context
        def gettext(context: Context, message: str) -> Markup:
            return self.ui(self.context_language(context)).gettext(message)

        @pass_context
        def ngettext(context: Context, singular: str, plural: str, number: int) -> Markup:
            return self.ui(self.context_language(context)).ngettext(singular, plural, number)

        return {"gettext": gettext, "ngettext": ngettext}

