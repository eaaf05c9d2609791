"""Constants every part of the webfont pipeline shares: weights, output folder, fallbacks, bold elements."""

from __future__ import annotations

#: The weights shipped: body text and bold (headings, ``strong``, the chooser's names).
WEIGHTS = (400, 700)

#: Where the generated stylesheets and woff2 files go, relative to the site root.
FONTS_DIR = "theme/fonts"

#: Characters left to the browser on purpose when the language's own font does not map them:
#: invisible formatting characters the shaper consumes (joiners, bidi marks, soft hyphen) and
#: the one space no Noto slice has. Everything else a page shows must be in a shipped font.
#: HTML whitespace (tab, newline, CR, form feed) never reaches here: it is rendered as a space.
SYSTEM_FALLBACK: frozenset[str] = frozenset(
    "\u00ad"  # soft hyphen: shown only at a line break, as a hyphen the shaper picks
    "\u202f"  # narrow no-break space (French, Russian, Ukrainian): no Noto slice maps it; blank
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060\u2066\u2067\u2068\u2069"  # word joiner, bidi isolates
    "\ufeff"  # zero-width no-break space / BOM
)

#: Elements rendered bold (the 700 face): tag names, ``.class`` and ``[attr]``/``[attr=value]``.
#: Deliberately wider than the theme's context selectors (``.chooser .name``): a character
#: wrongly thought bold costs a few bytes, one wrongly thought regular is a missing glyph.
DEFAULT_BOLD: tuple[str, ...] = (
    "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "th", ".name", "[aria-current=page]",
)  # fmt: skip

#: Characters a shaper draws with the glyphs of others, which the subsetter's closure (which follows
#: the font's own tables) does not keep: HarfBuzz decomposes Thai SARA AM and Lao AM into NIKHAHIT
#: (NIGGAHITA) and SARA AA to place the circle over a tone mark. Without these, "คำ" shows "ค า".
SHAPED_WITH: dict[str, str] = {
    "\u0e33": "\u0e4d\u0e32",  # THAI CHARACTER SARA AM
    "\u0eb3": "\u0ecd\u0eb2",  # LAO VOWEL SIGN AM
}
