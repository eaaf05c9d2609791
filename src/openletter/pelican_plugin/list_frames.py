"""The lists of signatories' pages made from guarded parts: the theme's page rendered, guarded and read
for its text once per language and kind of page (a *frame*), each signer's row once per build.

Fifty languages' lists show the same ten thousand rows in fifty orders.  Rendering, guarding and
reading each page whole costs per name per language (a minute at 10,000 signers); here the theme
renders ``signatures.html`` once for each language's first page of each ordering and once for the
pages after it, with placeholders where a page's own values go (its address, its neighbours', its
range of names, its rows), and renders ``signer.html`` once per signer.  Both pass through the
page guard (:class:`~openletter.pages.guard.PageGuard`) as they are made, so a page joined from
them is what the guard would make of it (the tests hold every list page to that); the fonts
step gets their text from the parts instead of reading each page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pelican.utils import get_relative_path, path_to_url

from openletter.fonts import PageText, page_text
from openletter.fonts.constants import DEFAULT_BOLD
from openletter.pages.guard import PageGuard
from openletter.signatures.listing import BY_NAME, ListPage, Signer

#: The template of a list page, and the one of a signer's row in it.
LIST_TEMPLATE, ROW_TEMPLATE = "signatures.html", "signer.html"

#: Placeholders a frame is rendered with: words no translation holds, kept as they are by the
#: template's escaping and by the guard.
SLOTS = ("olslotbody", "olsloturl", "olslotprev", "olslotnext", "olslotfirst", "olslotlast")
_SLOT_RE = re.compile("|".join(SLOTS))
#: The next-page link of a frame, taken out on a list's last page.
_NEXT_LINK_RE = re.compile(r'<a href="[^"]*olslotnext" rel="next">[^<]*</a>')


def text(value: str) -> str:
    """``value`` as the guard's serializer writes text (``&``, ``<``, ``>`` and no-break spaces
    escaped, quotes not), so that text put into a guarded frame leaves it as the guard would."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\xa0", "&nbsp;")


@dataclass(frozen=True)
class FramePage:
    """A :class:`ListPage` as a frame shows it: the page's own values replaced by :data:`SLOTS`
    (the first page of an ordering keeps its values: only its rows are a placeholder)."""

    page: ListPage

    def __getattr__(self, name: str) -> Any:
        return getattr(self.page, name)

    @property
    def body(self) -> Markup:
        return Markup("olslotbody")

    @property
    def url(self) -> str:
        return self.page.url if self.page.first else "olsloturl"

    @property
    def previous_url(self) -> str:
        return "olslotprev" if not self.page.first else ""

    @property
    def next_url(self) -> str:
        return self.page.next_url if self.page.first else "olslotnext"

    @property
    def range(self) -> tuple[str, str]:
        return self.page.range if self.page.first else ("olslotfirst", "olslotlast")


@dataclass(frozen=True)
class Frame:
    """A guarded page with placeholders: ``pieces`` between them, ``slots`` their names in order."""

    pieces: tuple[str, ...]
    slots: tuple[str, ...]
    html: str
    text: PageText | None  # what the frame shows without its placeholders (the fonts' input)

    @classmethod
    def of(cls, html: str, lang: str, bold: Iterable[str] = DEFAULT_BOLD, text: bool = True) -> Frame:
        """``text=False``: a frame showing less than one already read (the last page's)."""
        pieces = _SLOT_RE.split(html)
        return cls(tuple(pieces), tuple(_SLOT_RE.findall(html)), html, page_text("".join(pieces), lang, tuple(bold)) if text else None)

    def fill(self, values: Mapping[str, str]) -> str:
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:]):
            out += (values[slot], piece)
        return "".join(out)


#: A list page's name (site-relative) and what it shows in its language: regular, bold.
Member = tuple[str, str, str]
#: A frame by the ordering, the first page's address (``""``: the pages after it), and whether it has a next-page link.
FrameKey = tuple[str, str, bool]


class ListFrames:
    """Renders one language's frames and joins its pages from them and the build's rows."""

    def __init__(self, environment: Any, context: Mapping[str, Any], relative_urls: bool, guard: PageGuard, rows: Rows, fonts_shared: str) -> None:
        self.template = environment.get_template(LIST_TEMPLATE)
        self.context = context
        self.relative_urls = relative_urls
        self.guard = guard
        self.rows = rows
        self.fonts_shared = fonts_shared
        self._frames: dict[FrameKey, Frame] = {}

    def render(self, page: ListPage) -> str:
        """The template's page for ``page`` (as Pelican's writer renders it), guarded."""
        name = page.save_as
        local = dict(self.context)
        if self.relative_urls:
            local["SITEURL"] = local["localsiteurl"] = path_to_url(get_relative_path(name))
        local.update(output_file=name, url=page.url, page=FramePage(page), fonts_shared=self.fonts_shared)
        return self.guard.sanitize(self.template.render(local), Path(name))

    def frame(self, page: ListPage) -> Frame:
        """The frame of ``page``: its own for the first page of an ordering, else its ordering's."""
        key = (page.ordering, page.url if page.first else "", bool(page.first or page.next_url))
        if key not in self._frames:
            if key[2]:
                self._frames[key] = Frame.of(self.render(page), page.language.tag)
            else:  # the last page: the frame of the pages after the first, its next-page link taken out
                html = self.frame(_with_next(page)).html
                self._frames[key] = Frame.of(_NEXT_LINK_RE.sub("", html, count=1), "", text=False)
        return self._frames[key]

    def html(self, page: ListPage) -> str:
        """The page, joined from its frame and rows."""
        first, last = page.range
        values = {
            "olslotbody": self.body(page), "olsloturl": page.url, "olslotprev": page.previous_url, "olslotnext": page.next_url,
            "olslotfirst": text(first), "olslotlast": text(last),
        }  # fmt: skip
        return self.frame(page).fill(values)

    def body(self, page: ListPage) -> str:
        """The page's rows: one list by name; by country, a heading and a list per country."""
        row = self.rows.html
        if page.ordering == BY_NAME:
            return _list(map(row, page.signers))
        return "\n".join(f'<h2 id="country-{group.country.lower()}">{text(group.name)}</h2>\n' + _list(map(row, group.signers)) for group in page.groups)

    def text(self, pages: Sequence[ListPage], sources: Mapping[str, str], known: Mapping[FrameKey, tuple[str, PageText]]) -> tuple[PageText, dict[FrameKey, tuple[str, PageText]]]:
        """What the language's list ``pages`` show, together: their frames' text, every row's, the
        countries' names in their headings (bold).  The first page stands for them all in the
        fonts step: they link one stylesheet.

        A frame not rendered by this build has the text ``known`` from the last, if it was made
        from the same source (``sources``: a first page's key, by its address; the theme's
        digest, ``""``, for the pages after the first): adding a signer renders no frame but those
        of the pages it changes.  Also returns each frame's text with its source, for the next build."""
        lang = pages[0].language.tag
        result = PageText(lang)
        texts: dict[FrameKey, tuple[str, PageText]] = {}
        for page in pages:
            key = (page.ordering, page.url if page.first else "", True)  # a last page's text is its ordering's frame's
            if key in texts:
                continue
            source = sources[page.url if page.first else ""]
            frame = self._frames.get(key)
            if frame is not None and frame.text is not None:
                texts[key] = source, frame.text
            elif key in known and known[key][0] == source:
                texts[key] = known[key]
            else:
                frame = self.frame(page if page.first or page.next_url else _with_next(page))
                assert frame.text is not None
                texts[key] = source, frame.text
        for _, frame_text in texts.values():
            for (frame_lang, weight), chars in frame_text.usage.items():
                result.usage.setdefault((frame_lang, weight), set()).update(chars)
            result.langs |= frame_text.langs
        result.usage.setdefault((lang, 400), set()).update(self.rows.chars)
        result.add(lang, 700, " ".join(group.name for page in pages for group in page.groups))
        return result, texts

    def members(self, pages: Sequence[ListPage], texts: Mapping[FrameKey, tuple[str, PageText]], known: Mapping[str, Member]) -> list[Member]:
        """What each of ``pages`` shows in its language (regular, bold), for its own font budget:
        its frame's text, its rows and its countries' headings; ``known``: a page's from the last
        build, for a page made from the same frame and content (the caller's to tell)."""
        lang = pages[0].language.tag
        found = []
        for page in pages:
            if page.save_as in known:
                found.append(known[page.save_as])
                continue
            _, frame = texts[(page.ordering, page.url if page.first else "", True)]
            signers = page.signers or tuple(signer for group in page.groups for signer in group.signers)
            rows = set(" ".join(part for signer in signers for part in (signer.name, signer.details) if part))
            regular = rows | frame.usage.get((lang, 400), set())
            bold = set(" ".join(group.name for group in page.groups)) | frame.usage.get((lang, 700), set())
            found.append((page.save_as, "".join(sorted(regular)), "".join(sorted(bold))))
        return found


def _with_next(page: ListPage) -> ListPage:
    """``page`` with a page after it: the frame of a list's last page is its ordering's less the next-page link."""
    return replace(page, parts=(*page.parts, page.parts[-1]))


def _list(rows: Iterable[str]) -> str:
    return '<ul class="signers">\n' + "\n".join(rows) + "\n</ul>"


class Rows:
    """Every signer's row (``signer.html``), rendered and guarded once for all languages' pages."""

    def __init__(self, environment: Any, guard: PageGuard, signers: Iterable[Signer]) -> None:
        self.template = environment.get_template(ROW_TEMPLATE)
        self.guard = guard
        self._html: dict[str, str] = {}
        shown = PageText("")
        shown.add("", 400, " ".join(part for signer in signers for part in (signer.name, signer.details) if part))
        #: Every character the rows show (names, roles, affiliations), as a page's text records
        #: them (once: fifty languages add them).
        self.chars = frozenset(shown.usage.get(("", 400), ()))

    def html(self, signer: Signer) -> str:
        """The row of ``signer``, as every language's list shows it (no country: the lists show
        countries by heading)."""
        if signer.id not in self._html:
            row = self.template.render(signer=signer._replace(country="", country_name=""), show_country=False).strip()
            self._html[signer.id] = self.guard.cleaner.clean(row)
        return self._html[signer.id]
