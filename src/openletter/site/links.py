"""The lists of languages every page carries whole, rendered once per build instead of once per page.

Each page of an N-language site lists all N languages: its hreflang cluster, its
``og:locale:alternate`` tags, its language menu; the sitemap lists the cluster under each of its N
URLs.  Rendering those from the page template costs N template iterations per page, N² per build
(most of a 200-language build).  Here each item is rendered once per build by a small theme
template that sees only ``link`` and ``SITEURL``; a page joins the rendered strings (one C-level
join) with its own language's item swapped for the ``current`` rendering.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, overload

from markupsafe import Markup

from openletter.languages import Language


@dataclass(frozen=True, slots=True)
class LanguageLink:
    """One entry of the language switcher and of the hreflang cluster."""

    language: Language
    url: str
    title: str
    title_fallback: bool = False
    current: bool = False


class LinkCluster(Sequence[LanguageLink]):
    """Every published language's link to one page, as one of those pages sees it (its own
    language marked ``current``).

    All the pages of a cluster share its :attr:`key`, a token made when the links were built, so
    what is rendered from the links can be cached under it: new links (after a catalog changed)
    get a new key, and a key in a cache keeps its token alive, so it is never reused."""

    __slots__ = ("_links", "key", "current_index", "_index", "_groups", "_root_cluster")

    def __init__(self, links: Sequence[LanguageLink], key: object | None = None, current_index: int | None = None) -> None:
        self._links = tuple(links)
        self.key = object() if key is None else key
        self.current_index = current_index
        self._index: dict[Language, int] | None = None
        self._groups: list[tuple[str, LinkCluster]] | None = None
        self._root_cluster: LinkCluster | None = None

    def groups(self) -> list[tuple[str, LinkCluster]]:
        """The links by the script their languages are written in (the script's ISO 15924 code),
        the biggest group first, each in the order of its languages' own names (accents and case
        aside), a cluster of its own (rendered once per build like this one) marked as this one is."""
        root = self._root
        if root._groups is None:
            by_script: dict[str, list[LanguageLink]] = {}
            for link in root._links:
                by_script.setdefault(link.language.script, []).append(replace(link, current=False))
            ordered = sorted(by_script.items(), key=lambda item: (-len(item[1]), item[0]))
            root._groups = [(script, LinkCluster(sorted(links, key=_by_name))) for script, links in ordered]
        current = self._links[self.current_index].language if self.current_index is not None else None
        return [(script, group.marked(current)) for script, group in root._groups]

    def marked(self, current: Language | None) -> LinkCluster:
        """The same cluster as ``current``'s page sees it (unmarked when ``current`` is not in it)."""
        if self._index is None:
            self._index = {link.language: position for position, link in enumerate(self._links)}
        position = self._index.get(current) if current is not None else None
        if position is None:
            if self.current_index is None:
                return self
            unmarked = LinkCluster([replace(link, current=False) for link in self._links], self.key)
        else:
            links = list(self._links)
            if self.current_index is not None:
                links[self.current_index] = replace(links[self.current_index], current=False)
            links[position] = replace(links[position], current=True)
            unmarked = LinkCluster(links, self.key, position)
        unmarked._index, unmarked._root_cluster = self._index, self._root
        return unmarked

    @property
    def _root(self) -> LinkCluster:
        """The unmarked cluster every marked one was made from (where the groups are kept)."""
        return self._root_cluster or self

    @overload
    def __getitem__(self, index: int) -> LanguageLink: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[LanguageLink]: ...
    def __getitem__(self, index: int | slice) -> LanguageLink | Sequence[LanguageLink]:
        return self._links[index]

    def __len__(self) -> int:
        return len(self._links)

    def __iter__(self) -> Iterator[LanguageLink]:
        return iter(self._links)

    def __repr__(self) -> str:
        return f"LinkCluster({list(self._links)!r}, current_index={self.current_index!r})"


class LinkRenderer:
    """Rendered link items, per (item template, cluster, ``SITEURL``): each item rendered once as
    another page's link (and once more as its own page's), however many pages list it."""

    def __init__(self) -> None:
        self._others: dict[tuple[str, object, str], list[str]] = {}
        self._current: dict[tuple[str, object, str, int], str] = {}

    def render(self, template: Any, links: Sequence[LanguageLink], site_url: str) -> Markup:
        """``template`` rendered for each link, the non-empty results joined by newlines.

        Any sequence works; a :class:`LinkCluster` is rendered once per build, anything else
        (a theme's own list) every time."""
        if not isinstance(links, LinkCluster):
            return _join(_render_item(template, link, site_url) for link in links)
        key = (template.name, links.key, site_url)
        others = self._others.get(key)
        if others is None:
            unmarked = [link if not link.current else replace(link, current=False) for link in links]
            others = self._others[key] = [_render_item(template, link, site_url) for link in unmarked]
        position = links.current_index
        if position is None:
            return _join(others)
        current = self._current.get((*key, position))
        if current is None:
            current = self._current[(*key, position)] = _render_item(template, links[position], site_url)
        items = others.copy()
        items[position] = current
        return _join(items)

    def clear(self) -> None:
        """Forget everything rendered (the links or the notices changed)."""
        self._others.clear()
        self._current.clear()


def _render_item(template: Any, link: LanguageLink, site_url: str) -> str:
    return str(template.render(link=link, SITEURL=site_url)).strip()


def _join(items: Iterable[str]) -> Markup:
    return Markup("\n".join(filter(None, items)))


def _by_name(link: LanguageLink) -> tuple[str, str]:
    """A language's place in its script's list: its own name without accents or case (Čeština
    among the C's), then its code."""
    name = unicodedata.normalize("NFKD", link.language.native_name)
    return "".join(char for char in name if not unicodedata.combining(char)).casefold(), link.language.code
