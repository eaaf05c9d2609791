"""Pelican pages from the site model: every document in every language."""

from __future__ import annotations

from typing import Any

from pelican.contents import Page
from pelican.generators import PagesGenerator
from pelican.readers import BaseReader

from openletter.content.documents import Document
from openletter.languages import Language
from openletter.pelican_plugin.list_frames import LIST_TEMPLATE
from openletter.pelican_plugin.run import Run, run_of
from openletter.pelican_plugin.sign_pages import sign_links
from openletter.pelican_plugin.signatories import country_links, list_links
from openletter.signatures.listing import BY_COUNTRY, list_url
from openletter.site.signing import SIGN_TEMPLATE, sign_url, signing_enabled


class LetterReader(BaseReader):
    """Reads a content file through the site model (segmented once, rendered by our Markdown)."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        run = run_of(self.settings)
        return page_arguments(run, run.site.document(source_path), run.site.source, self)


def page_arguments(run: Run, document: Document, language: Language, reader: BaseReader) -> tuple[str, dict[str, Any]]:
    """The content and metadata of ``document``'s page in ``language``: what the theme reads of ``page``."""
    site = run.site
    edition = site.edition(document, language)
    metadata: dict[str, Any] = {}
    for name, value in document.metadata.items():
        if name not in ("title", "summary", "lang", "url", "save_as", "status", "slug"):
            metadata[name] = reader.process_metadata(name, value)
    date = metadata.get("date")
    reviewed, review_total = site.review_progress(language, [document.domain])
    metadata.update(
        title=edition.title,
        summary=edition.summary,
        slug=document.domain,
        lang=language.tag,
        url=edition.url,
        save_as=edition.save_as,
        language=language,
        source_language=site.source,
        alternates=run.links(document, language),
        title_fallback=edition.title_fallback,
        untranslated_count=edition.untranslated,
        unit_count=edition.unit_count,
        is_home=document is site.home,
        x_default_url="" if document is site.home else site.url(document, site.source),
        date_html=site.date_html(date, language),
        # The notice speaks of the text on the page: this document's catalog.
        review_state=site.review_state(language, [document.domain]),
        reviewed_units=reviewed,
        review_total=review_total,
        draft=not site.is_published(language),
        source_url=site.url(document, site.source),
        credits=site.credits(language),
        takeaway=run.takeaway(language) if document is site.home else None,
    )
    return edition.html, metadata


def add_translations(generator: PagesGenerator) -> None:
    """Every translation of every document, and the chooser's data for ``index.html``."""
    run = run_of(generator.settings)
    site = run.site
    reader = LetterReader(generator.settings)
    for page in list(generator.pages):
        document = site.document(page.source_path)
        for language in site.languages[1:]:
            content, metadata = page_arguments(run, document, language, reader)
            translation = Page(content, metadata=metadata, settings=generator.settings, source_path=page.source_path, context=generator.context)
            generator.translations.append(translation)
            page.translations.append(translation)
    home = site.edition(site.home, site.source)
    generator.context["letter_index"] = {
        "source": site.source, "title": home.title, "summary": home.summary, "links": run.links(site.home, None),
        "takeaway": run.takeaway(None),
        "documents": [
            {"links": run.links(document, None), "x_default_url": "" if document is site.home else site.url(document, site.source)}
            for document in site.documents
        ],
        "tools": sitemap_tools(run, generator.env),
    }  # fmt: skip


def sitemap_tools(run: Run, environment: Any) -> list[dict[str, Any]]:
    """The pages beside the letters the sitemap lists, each with every published language's
    address: the sign page (when the site has one), the first page of the list of signatories by
    name and by country (when there is a record; the pages after them change as signers join and
    are found through them)."""
    site, templates = run.site, environment.list_templates()
    tools = []
    if signing_enabled(run.options) and SIGN_TEMPLATE in templates:
        tools.append({"links": sign_links(run), "x_default_url": sign_url(site.source)})
    if site.signatories.count and LIST_TEMPLATE in templates:
        tools.append({"links": list_links(run), "x_default_url": list_url(site.source)})
        tools.append({"links": country_links(run), "x_default_url": list_url(site.source, BY_COUNTRY)})
    return tools
