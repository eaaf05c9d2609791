"""Webfonts: OFL Noto fonts from npm ``@fontsource/*`` packages, subset per page to what it shows.

Why per page: one language's letter uses a few hundred characters, but the fonts that can show
them weigh megabytes (CJK) or are split by Fontsource into many ``unicode-range`` slices. Each
page gets, per family and weight, ONE woff2 holding exactly the glyphs of the characters that
the page renders in that family (plus what shaping needs: ligatures, Arabic joining forms, Indic
conjuncts, marks), cut out of the slices with ``fontTools.subset`` and merged when the page's
characters come from several slices.

The contract with the theme
---------------------------
* Every page links one generated stylesheet: ``stylesheet_for(page, site_root)`` gives its
  site-relative path (``theme/fonts/de.css`` for ``de/index.html``, ``theme/fonts/index.css``
  for the root ``index.html``, ``theme/fonts/translate.css`` for ``translate/index.html``) and
  ``stylesheet_href(page, site_root)`` the relative href to put in the page. Link it AFTER the
  theme's own stylesheet.
* That stylesheet declares ``@font-face`` rules (``font-display: swap``, same-folder relative
  ``url(...)``, nothing leaves the site) for families named ``"<Noto family> OL"`` (for example
  ``"Noto Serif OL"``, ``"Noto Naskh Arabic OL"``, ``"Noto Serif JP OL"``), weights 400 and 700,
  normal style only.
* It sets the custom property ``--ol-font`` (a whole ``font-family`` list: the page's webfonts
  with the language's own script first, then system fonts of the same names, then ``serif``)
  on ``:root`` for the page's language and on ``:lang(<tag>)`` for every ``lang`` the page
  uses, and applies it: ``:root, :root body, [lang] { font-family: var(--ol-font); }``.
  So the generated CSS alone gives every element the right fonts.
* The theme must therefore not set ``font-family`` on text itself (no ``body { font: ... Georgia }``,
  no ``:lang(ja) { font-family: ... }``): either leave it out or write ``font-family:
  var(--ol-font)``. Monospace for ``code``/``pre`` is fine (the UA default is left alone).
* Bold text gets the 700 face only for what ``DEFAULT_BOLD`` lists (``h1``-``h6``, ``b``,
  ``strong``, ``th``, ``.name``, ``[aria-current=page]``, which is what the theme makes bold);
  anything else the theme makes bold has no 700 glyphs, and the browser falls back or
  synthesizes bold. Extend the list (``FontBuilder(bold=...)``) when the theme changes.

Checking: every character of the page's text and ``<title>`` that no face of the right weight
maps (by the woff2's real cmap, not by what was asked of the subsetter) and ``SYSTEM_FALLBACK``
does not excuse goes into ``FontReport.missing`` (empty for the real site, which the tests hold
it to). ``check_coverage`` does the same from what is on disk (the page, its stylesheet, the
cmaps of the woff2 files it declares), for checking a site afterwards.

Determinism: the same page text gives byte-identical CSS and woff2 (no timestamps, sorted
everything, content-addressed woff2 names ``<package>-<weight>-<sha256:16>.woff2``), so a
build of one page and a build of all pages agree. A cold build of the whole site takes about
15 s on two cores; the caches in ``cache_dir`` make a warm one a small fraction of a second:

* ``subsets/<key>.woff2``: a subset, keyed by (recipe, fontTools version, source files and
  their content hashes, weight, characters); ``<key>.cmap`` beside it is its cmap.
* ``pages/<key>.page``: a page's whole result (stylesheet text, its faces, the missing list),
  keyed by the page's bytes, path and lang, the bold selectors, the recipe, fontTools and every
  slice's name, size and mtime; the slices it was cut from are also checked by content hash
  and its subsets by their bytes' hash. Parsing HTML is most of a warm build's time otherwise:
  a byte-identical page now costs a hash and a few file writes.
* ``coverage/``: which code points each slice maps.

Cache records are written atomically and ``pages/`` and ``.cmap`` records carry their own
SHA-256, so a damaged one is a miss (rebuilt and rewritten), never trusted.

Layout: ``constants`` (shared settings), ``families`` (the Family table, ``family_for``,
``stack_for``, ``budget_for``), ``text`` (a page's characters by lang and weight),
``sources`` (the ``@fontsource`` slices, their coverage, ``choose_sources``), ``subsetting``
(``fontTools`` subset and merge into one woff2), ``stylesheet`` (naming and rendering the CSS),
``report`` (``FontReport`` and friends), ``caching`` (the on-disk cache records), ``builder``
(``FontBuilder``, ``check_coverage``, ``pages_from_site``) and ``__main__`` (``python -m
openletter.fonts``). Everything public is re-exported here: import it from ``openletter.fonts``.
"""

from __future__ import annotations

from typing import Any

from openletter.fonts.builder import FontBuilder, check_coverage, page_langs, pages_from_site
from openletter.fonts.constants import (
    DEFAULT_BOLD,
    FONTS_DIR,
    PIPELINE_VERSION,
    SYSTEM_FALLBACK,
    WEIGHTS,
)
from openletter.fonts.families import (
    BUDGET_CJK,
    BUDGET_DEFAULT,
    FAMILIES,
    Family,
    budget_for,
    family_for,
    stack_for,
)
from openletter.fonts.report import FontFile, FontReport, PageFonts
from openletter.fonts.sources import Source, choose_sources
from openletter.fonts.stylesheet import (
    declared_faces,
    prune_fonts,
    render_css,
    stylesheet_for,
    stylesheet_href,
)
from openletter.fonts.text import PageText, page_text

__all__ = [
    "BUDGET_CJK",
    "BUDGET_DEFAULT",
    "DEFAULT_BOLD",
    "FAMILIES",
    "FONTS_DIR",
    "PIPELINE_VERSION",
    "SYSTEM_FALLBACK",
    "WEIGHTS",
    "Family",
    "FontBuilder",
    "FontFile",
    "FontReport",
    "PageFonts",
    "PageText",
    "Source",
    "budget_for",
    "check_coverage",
    "choose_sources",
    "declared_faces",
    "family_for",
    "main",
    "page_langs",
    "page_text",
    "pages_from_site",
    "prune_fonts",
    "render_css",
    "stack_for",
    "stylesheet_for",
    "stylesheet_href",
    "subset_font",
]


def __getattr__(name: str) -> Any:
    """``main`` (the ``python -m openletter.fonts`` entry) lives in ``__main__`` and is imported on
    first use, so running the package does not import its ``__main__`` twice."""
    if name == "main":
        from openletter.fonts.__main__ import main

        return main
    if name == "subset_font":  # imports fontTools.subset, which warm builds never need
        from openletter.fonts.subsetting import subset_font

        return subset_font
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
