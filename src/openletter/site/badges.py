"""SVG status badges, like those translation platforms offer, for a README or a wiki.

Drawn the way shields.io draws its "flat" badges (a grey label, a coloured value, Verdana 11px
text with a shadow), so they sit well beside other badges.  Text widths come from a table of
Verdana's advance widths at 11px (approximate: a pixel too wide looks the same), since the
badge is a static file that must size itself without a font engine.  Everything written into
the SVG is escaped; nothing in it is executable.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

#: Approximate Verdana 11px advance widths for printable ASCII (close enough to centre the text).
_WIDTHS = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        [
            3.9, 4.3, 5.1, 9.0, 7.0, 12.3, 8.0, 3.0, 5.0, 5.0, 7.0, 9.0, 4.0, 5.0, 4.0, 5.0,
            7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 5.0, 5.0, 9.0, 9.0, 9.0, 6.0,
            11.0, 7.5, 7.6, 7.7, 8.5, 7.0, 6.3, 8.5, 8.3, 4.6, 5.0, 7.6, 6.1, 9.3, 8.2, 8.7,
            6.6, 8.7, 7.7, 7.5, 6.8, 8.1, 7.5, 10.9, 7.5, 6.8, 7.5, 5.0, 5.0, 5.0, 9.0, 7.0,
            7.0, 6.6, 6.8, 5.7, 6.8, 6.6, 3.9, 6.8, 7.0, 3.0, 3.8, 6.5, 3.0, 10.7, 7.0, 6.7,
            6.8, 6.8, 4.7, 5.7, 4.3, 7.0, 6.5, 9.0, 6.5, 6.5, 5.8, 7.0, 5.0, 7.0, 9.0,
        ],
        strict=True,
    )
)
#: Anything outside the table (a native language name, say) counts as a wide letter.
_DEFAULT_WIDTH = 8.0
_PADDING = 10

#: shields.io's colours, from complete to barely started.
COLOURS = ((100, "#4c1"), (75, "#97ca00"), (50, "#dfb317"), (25, "#fe7d37"), (0, "#e05d44"))


def text_width(text: str) -> float:
    return sum(_WIDTHS.get(character, _DEFAULT_WIDTH) for character in text)


def colour_for(percent: float) -> str:
    """Green only when complete; red under a quarter."""
    return next(colour for threshold, colour in COLOURS if percent >= threshold)


@dataclass(frozen=True, slots=True)
class Badge:
    """``label | value``; ``title`` is what screen readers and tooltips get."""

    label: str
    value: str
    colour: str
    title: str

    def svg(self) -> str:
        left = round(text_width(self.label) + _PADDING)
        right = round(text_width(self.value) + _PADDING)
        width = left + right
        label, value, title = escape(self.label), escape(self.value), escape(self.title)
        colour = escape(self.colour)
        # Text is drawn at 10x and scaled down, as shields.io does, for crisp subpixel placement.
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{title}">'
            f"<title>{title}</title>"
            '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
            '<stop offset="1" stop-opacity=".1"/></linearGradient>'
            f'<clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>'
            f'<g clip-path="url(#r)"><rect width="{left}" height="20" fill="#555"/>'
            f'<rect x="{left}" width="{right}" height="20" fill="{colour}"/>'
            f'<rect width="{width}" height="20" fill="url(#s)"/></g>'
            '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" '
            'text-rendering="geometricPrecision" font-size="110">'
            f'<text aria-hidden="true" x="{left * 5}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">{label}</text>'
            f'<text x="{left * 5}" y="140" transform="scale(.1)">{label}</text>'
            f'<text aria-hidden="true" x="{left * 10 + right * 5}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">{value}</text>'
            f'<text x="{left * 10 + right * 5}" y="140" transform="scale(.1)">{value}</text>'
            "</g></svg>\n"
        )


def language_badge(tag: str, translated: int, total: int, reviewed: bool, review: tuple[int, int] = (0, 0)) -> Badge:
    """``de | 93%``; ``100% ✓`` once a native speaker has reviewed it all, ``100% · 9/15 reviewed``
    while a review is under way (``review``: reviewed and all units of the text)."""
    percent = 100.0 * translated / total if total else 100.0
    shown = f"{int(percent)}%"  # floor: 99.6% is not "100%"
    reviewed_units, review_total = review
    if reviewed:
        value, state = shown + " \u2713", "reviewed"
    elif reviewed_units:
        value, state = f"{shown} \u00b7 {reviewed_units}/{review_total} reviewed", f"{reviewed_units} of {review_total} units reviewed"
    else:
        value, state = shown, "not reviewed"
    return Badge(
        label=tag,
        value=value,
        colour=colour_for(percent),
        title=f"{tag}: {shown} translated ({translated} of {total}), {state}",
    )


def summary_badge(languages: int) -> Badge:
    """``translations | 25 languages`` for the project's README."""
    value = f"{languages} language" if languages == 1 else f"{languages} languages"
    return Badge("translations", value, "#007ec6", f"translations: {value}")
