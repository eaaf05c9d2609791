"""Pelican glue: one Pelican run emits every language.

The receivers are module functions connected once (blinker keeps one copy of
each), and all state lives on the run's :class:`~openletter.site.Site`, kept
in the run's settings, so repeated in-process builds never share anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator, PagesGenerator
from pelican.readers import BaseReader

from openletter.pelican_plugin.fragments import FragmentCache
from openletter.site.model import Site
from openletter.pelican_plugin.template_cache import bytecode_cache

SITE_KEY = "_openletter_site"
#: Theme template rendered once per language for the language menu (optional).
NOTICE_TEMPLATE = "notice-attributes.html"


def site_of(settings: dict[str, Any]) -> Site:
    """The run's site model, loaded (and checked) on first use."""
    site = settings.get(SITE_KEY)
    if site is None:
        site = settings[SITE_KEY] = Site.load(settings)
    return site


class LetterReader(BaseReader):
    """Reads a content file through the site model (segmented once, rendered by our Markdown)."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        site = site_of(self.settings)
        document = site.document(source_path)
        return page_arguments(site, document, site.source, self)


def page_arguments(site: Site, document: Any, language: Any, reader: BaseReader) -> tuple[str, dict[str, Any]]:
    edition = site.edition(document, language)
    metadata: dict[str, Any] = {}
    for name, value in document.metadata.items():
        if name not in ("title", "summary", "lang", "url", "save_as", "status"):
            metadata[name] = reader.process_metadata(name, value)
    date = metadata.get("date")
    metadata.update(
        title=edition.title,
        summary=edition.summary,
        lang=language.tag,
        url=edition.url,
        save_as=edition.save_as,
        language=language,
        source_language=site.source,
        alternates=site.links(document, language),
        title_fallback=edition.title_fallback,
        untranslated_count=edition.untranslated,
        unit_count=len(document.body.units),
        date_html=site.date_html(date, language),
        review_state=site.review_states.get(language, "source"),
        draft=not site.is_published(language),
        source_url=site.url(document, site.source),
        credits=site.translator_credits(language),
    )
    return edition.html, metadata


def on_initialized(pelican: Any) -> None:
    site_of(pelican.settings)


def on_get_generators(pelican: Any) -> type[Generator] | None:
    """Each run (``pelican --autoreload`` runs many in one process) reloads what changed.

    The translators' pages have their own generator (and so their own Jinja2 environment):
    none at all when ``OPENLETTER_TRANSLATOR_PAGES`` is off."""
    site = pelican.settings.get(SITE_KEY)
    if site is None or not site.is_current():
        pelican.settings[SITE_KEY] = Site.load(pelican.settings)
    return TranslatorPagesGenerator if pelican.settings.get("OPENLETTER_TRANSLATOR_PAGES", True) else None


class TranslatorPagesGenerator(Generator):
    """The dashboard, review pages, badges and catalog downloads (after the letter's pages)."""

    def generate_output(self, writer: Any) -> None:
        from openletter.site.dashboard import TranslatorPages  # only sites that have them pay its import

        pages = TranslatorPages(site_of(self.settings), self.env, self.settings)
        if pages.enabled():
            pages.write(writer, self.context)


def on_readers_init(readers: Any) -> None:
    for extension in LetterReader.file_extensions:
        readers.reader_classes[extension] = LetterReader


def on_generator_init(generator: Generator) -> None:
    site = site_of(generator.settings)
    environment = generator.env
    if "jinja2.ext.InternationalizationExtension" not in environment.extensions:
        environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(newstyle=True, **site.jinja_callables())
    # A string in another page's language (the switcher's "also available in ..." notice);
    # N_ only marks a string for extraction.
    environment.globals.update(in_language=site.in_language, N_=lambda message: message)
    environment.filters["render_links"] = link_filter(site)
    if FragmentCache.identifier not in environment.extensions:
        environment.add_extension(FragmentCache)
    environment.fragment_cache = site.fragments  # type: ignore[attr-defined]
    environment.fragment_language = site.context_language  # type: ignore[attr-defined]
    if environment.bytecode_cache is None:
        environment.bytecode_cache = bytecode_cache(environment, site.cache.root)
    if not site.notice_attributes and NOTICE_TEMPLATE in environment.list_templates():
        template = environment.get_template(NOTICE_TEMPLATE)
        for language in site.languages:
            site.notice_attributes[language] = site.render_notice(template, language)


def link_filter(site: Site) -> Callable[..., Markup]:
    """The ``render_links`` filter: ``{{ alternates|render_links("switcher-item.html") }}`` renders
    that template once per language per build (see :mod:`openletter.site.links`), not once per page."""
    templates: dict[str, Any] = {}  # get_template would stat the file on every call

    @pass_context
    def render_links(context: Any, links: Sequence[Any], template_name: str) -> Markup:
        template = templates.get(template_name)
        if template is None:
            template = templates[template_name] = context.environment.get_template(template_name)
        return site.link_renderer.render(template, links, context.get("SITEURL", ""))

    return render_links


def on_pages_finalized(generator: PagesGenerator) -> None:
    """Add every translation of every source page, and the chooser's data for index.html."""
    site = site_of(generator.settings)
    reader = LetterReader(generator.settings)
    for page in list(generator.pages):
        document = site.document(page.source_path)
        for language in site.languages[1:]:
            content, metadata = page_arguments(site, document, language, reader)
            translation = Page(
                content, metadata=metadata, settings=generator.settings, source_path=page.source_path, context=generator.context
            )
            generator.translations.append(translation)
            page.translations.append(translation)
    if site.documents:
        generator.context.update(index_context(site, next(iter(site.documents.values()))))


def index_context(site: Site, home: Any) -> dict[str, Any]:
    """What the chooser (index.html) and the sitemap read from the context."""
    source = site.edition(home, site.source)
    links = site.links(home, None)
    return {"letter_index": {"source": site.source, "title": source.title, "summary": source.summary, "links": links}}


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(on_get_generators)
    signals.readers_init.connect(on_readers_init)
    signals.generator_init.connect(on_generator_init)
    signals.page_generator_finalized.connect(on_pages_finalized)
