"""Writes each language's sign page, ``<lang>/sign/``, with the theme (what it shows: :mod:`openletter.site.signing`)."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from openletter.pelican_plugin.run import Run, run_of
from openletter.pelican_plugin.translator_pages import ToolPage
from openletter.site.links import LinkCluster
from openletter.site.signing import SIGN_TEMPLATE, sign_page, sign_url, signing_enabled


def sign_links(run: Run) -> LinkCluster:
    """The sign page of every published language (its menu, hreflang and the sitemap)."""
    return run.tool_links("sign", sign_url, "Sign the letter")


class SignPagesGenerator(Generator):
    """The sign pages, when the site has somewhere to send a signature and the theme a template."""

    def generate_output(self, writer: Any) -> None:
        run = run_of(self.settings)
        if not signing_enabled(run.options) or SIGN_TEMPLATE not in self.env.list_templates():
            return
        site = run.site
        template = self.env.get_template(SIGN_TEMPLATE)
        languages = tuple(site.languages)
        cluster = sign_links(run)  # the sign page in every published language, for the language menu and hreflang
        for language in languages:
            page = ToolPage(language, sign_url(language), not site.is_published(language), cluster.marked(language), sign_url(site.source))
            sign = sign_page(run.options, language, languages)
            writer.write_file(page.save_as, template, self.context, run.options.relative_urls, override_output=True, url=page.url, page=page, sign=sign)
