"""Webfonts: OFL Noto fonts from npm ``@fontsource/*`` packages, subset to what each page shows.

One Noto family per script (``families``: the script of a language comes from CLDR).  Each page
gets *own* faces for the text in its language, cut to exactly its characters; text in other
languages (the language menu, the chooser, an English column) is set in *site* faces that every
page shares.  A face is one Fontsource slice (``latin``, ``thai``, a CJK shard) of one family and
weight, cut by HarfBuzz and declared with the ``unicode-range`` of its characters, so a browser
fetches only the faces a page's visible text uses, and a site face once for all pages.

The contract with the theme
---------------------------
* Every page links one generated stylesheet: ``stylesheet_for(page, site_root)`` gives its
  site-relative path (``theme/fonts/de.css`` for ``de/index.html``, ``theme/fonts/index.css``
  for the root ``index.html``) and ``stylesheet_href(page, site_root)`` the relative href to put
  in the page. Link it AFTER the theme's own stylesheet.
* That stylesheet declares ``@font-face`` rules (``font-display: swap``, same-folder relative
  ``url(...)``, nothing leaves the site) for families named ``"<Noto family> OL"`` (the page's
  own) and ``"<Noto family> OL site"`` (shared), weights 400 and 700, normal style only.
* It sets the custom property ``--ol-font`` (a whole ``font-family`` list) on ``:root`` and on
  ``:lang(<tag>)`` for every ``lang`` the page uses, and applies it:
  ``:root, :root body, [lang] { font-family: var(--ol-font); }``.  So the generated CSS alone
  gives every element the right fonts; the theme must not set ``font-family`` on text except to
  ``var(--ol-font)`` (monospace for ``code`` is fine).
* Bold text gets the 700 face for what ``DEFAULT_BOLD`` lists (``h1``-``h6``, ``b``,
  ``strong``, ``th``, ``.name``, ``[aria-current=page]``); extend it (``FontBuilder(bold=...)``)
  when the theme makes other things bold.

Checking: every character a page shows that no face it declares maps (by the face's real
character map) is in ``FontReport.missing``, unless it is an invisible character
``SYSTEM_FALLBACK`` leaves to the browser.

Determinism and caching: the same text gives byte-identical CSS and WOFF2 (content-addressed
names ``<package>-<weight>-<slice>-<sha256:16>.woff2``).  The build cache keeps each face, each
page's text and each package's coverage, keyed (like every entry of :mod:`openletter.cache`) by
their inputs and the code.

Layout: ``constants``, ``families`` (the script table, ``family_for``, ``stack_for``),
``text`` (a page's characters by lang and weight; the pages' langs), ``sources`` (the packages,
their slices and coverage, ``choose_slices``), ``subsetting`` (HarfBuzz and WOFF2), ``stylesheet``
(naming and rendering the CSS), ``report``, ``builder`` (``FontBuilder``) and ``__main__``
(``python -m openletter.fonts``).
"""

from __future__ import annotations

from openletter.fonts.builder import DocumentFonts, FontBuilder
from openletter.fonts.constants import DEFAULT_BOLD, FONTS_DIR, SYSTEM_FALLBACK, WEIGHTS
from openletter.fonts.families import (
    BUDGET_DEFAULT,
    BUDGET_LARGE,
    BUDGET_SHARED,
    FAMILIES,
    Family,
    budget_for,
    family_for,
    script_of,
    stack_for,
)
from openletter.fonts.report import FontFile, FontReport, PageFonts
from openletter.fonts.stylesheet import (
    declared_faces,
    render_css,
    shared_stylesheet_for,
    stylesheet_for,
    stylesheet_href,
    unicode_range,
)
from openletter.fonts.text import PageText, page_langs, page_text, pages_from_site

__all__ = [
    "BUDGET_DEFAULT",
    "BUDGET_LARGE",
    "BUDGET_SHARED",
    "DEFAULT_BOLD",
    "DocumentFonts",
    "FAMILIES",
    "FONTS_DIR",
    "SYSTEM_FALLBACK",
    "WEIGHTS",
    "Family",
    "FontBuilder",
    "FontFile",
    "FontReport",
    "PageFonts",
    "PageText",
    "budget_for",
    "declared_faces",
    "shared_stylesheet_for",
    "family_for",
    "page_langs",
    "page_text",
    "pages_from_site",
    "render_css",
    "script_of",
    "stack_for",
    "stylesheet_for",
    "stylesheet_href",
    "unicode_range",
]
