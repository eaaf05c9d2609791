"""What a language's pages show of the signatories: the count and a few names on the letter's
page, and the list cut into pages, by name and by country, in that language's collation.

The pages are cut where the names themselves say (:mod:`openletter.signatures.paging`), and each
but the first is named by the record id of its first signer (``de/signatures/k7q2m9xa/``), so a
new signer changes the page it lands on and, at most, a neighbour: not every page after it.  A
page shows its signers, the range of names it holds, its neighbours' addresses and nothing that
changes with signers elsewhere; the first page of each ordering is its table of contents (every
page's range by name; every country with its count by country) and changes with them.

The by-country ordering is the filter that needs no JavaScript: its first page lists every
country (in the language, collated) with its count, each linking to where its signers start.
Signers who gave no country are in the by-name list only."""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from openletter.cache import Cache
from openletter.fonts import stylesheet_for
from openletter.languages import Language
from openletter.signatures.collation import Collation
from openletter.signatures.load import record_id
from openletter.signatures.paging import cut_value, page_starts
from openletter.signatures.record import Record

#: A :class:`Signer`'s country (its fifth field).
_COUNTRY = operator.itemgetter(4)
#: Where a language's list lives, under its folder: ``<lang>/signatures/``.
FOLDER = "signatures"
BY_NAME, BY_COUNTRY = "name", "country"


def list_url(language: Language, ordering: str = BY_NAME, page_id: str = "") -> str:
    """``de/signatures/``, ``de/signatures/k7q2m9xa/``, ``de/signatures/countries/``, ``de/signatures/countries/k7q2m9xa/``."""
    base = f"{language.slug}/{FOLDER}/" + ("countries/" if ordering == BY_COUNTRY else "")
    return f"{base}{page_id}/" if page_id else base


def places_url(language: Language) -> str:
    """The folder where the search finds, for each signer of the index, the by-name page that lists it."""
    return f"{language.slug}/{FOLDER}/places/"


class Signer(NamedTuple):
    """One signer as a list shows it, in the page's language (a tuple: fifty languages' lists make
    half a million of them at 10,000 signers)."""

    id: str  # the record's id: the anchor of its row (``#s-k7q2m9xa``) and, on a page's first signer, the page's name
    name: str
    affiliation: str = ""
    role: str = ""
    country: str = ""  # the ISO code, or empty
    country_name: str = ""  # the country as the page's language names it (on the letter's page; a list names it by heading)

    @property
    def details(self) -> str:
        """Role and affiliation, as the record gives them, comma-separated (not translated: the signer's words)."""
        return ", ".join(part for part in (self.role, self.affiliation) if part)


def signer_of(record: Record, territories: Mapping[str, str]) -> Signer:
    """``record`` as a page shows it, its country named as ``territories`` (CLDR's, in the page's language) name it."""
    country = record.country or ""
    return Signer(record_id(record), record.name, record.affiliation or "", record.role or "", country, territories.get(country, country))


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    count: int
    url: str  # the page (and anchor) where its signers start


@dataclass(frozen=True, slots=True)
class Group:
    """The signers of one country on a by-country page (``continued``: it began on an earlier page)."""

    country: str
    name: str
    signers: tuple[Signer, ...]
    continued: bool = False


@dataclass(frozen=True, slots=True)
class Part:
    """One page of an ordering as the others show it: its address and the names it runs from and to."""

    url: str
    first: str
    last: str


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of a language's list (``page`` to the theme: ``page.language`` drives gettext)."""

    language: Language
    ordering: str
    index: int  # its place among the ``parts`` of its ordering
    parts: tuple[Part, ...]  # every page of this ordering, first to last
    signers: tuple[Signer, ...] = ()
    groups: tuple[Group, ...] = ()
    countries: tuple[Country, ...] = ()  # the country list: on the first by-country page only
    draft: bool = False
    alternates: Sequence[object] = ()
    x_default_url: str = ""
    #: Its signers' texts (:attr:`Orders.texts`), one a line, when the listing made them.
    signer_texts: str | None = None

    @property
    def first(self) -> bool:
        return self.index == 0

    @property
    def url(self) -> str:
        return self.parts[self.index].url

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def previous_url(self) -> str:
        return self.parts[self.index - 1].url if self.index > 0 else ""

    @property
    def next_url(self) -> str:
        return self.parts[self.index + 1].url if self.index + 1 < len(self.parts) else ""

    @property
    def range(self) -> tuple[str, str]:
        """The first and the last name the page lists."""
        part = self.parts[self.index]
        return part.first, part.last

    @property
    def contents(self) -> tuple[Part, ...]:
        """The pages the first by-name page lists, with their ranges (none on the others)."""
        return self.parts if self.first and self.ordering == BY_NAME and len(self.parts) > 1 else ()

    @property
    def by_name_url(self) -> str:
        return list_url(self.language)

    @property
    def by_country_url(self) -> str:
        return list_url(self.language, BY_COUNTRY)

    @property
    def places_url(self) -> str:
        return places_url(self.language)

    @property
    def fonts_stylesheet(self) -> str:
        """The stylesheet every list page of the language links (``de-signatures``): one set of
        faces, cut for all of them, which a reader's browser fetches once for the whole list."""
        return Path(stylesheet_for(Path(list_url(self.language)) / "index.html", Path())).stem

    def content(self) -> str:
        """What this page shows besides the theme, the language and the menus: equal texts, equal
        pages (its signers' texts made once for every language, :attr:`Orders.texts`, when the
        listing gave them)."""
        groups = tuple((group.country, group.name, group.continued, len(group.signers)) for group in self.groups)
        head = (self.language.tag, self.ordering, self.url, self.previous_url, self.next_url, self.range, groups, self.countries, self.contents, self.draft)
        if self.signer_texts is not None:
            return repr(head) + "\n" + self.signer_texts
        signers = self.signers or tuple(signer for group in self.groups for signer in group.signers)
        return repr(head) + "\n" + "\n".join(repr(tuple(signer)) for signer in signers)


class Orders:
    """The records' order by name in each collation, sorted once per set of collation rules
    (ten of the shipped languages sort by the root collation) and kept for the build."""

    def __init__(self, records: Sequence[Record], cache: Cache | None = None) -> None:
        self.records = records
        self.cache = cache or Cache(None)
        self._orders: dict[str, list[int]] = {}
        #: Each record's id, and the value that decides whether it starts a page.
        self.ids = [record_id(record) for record in records]
        self.values = {record: cut_value(record) for record in self.ids}
        self.value_list = list(map(self.values.__getitem__, self.ids))
        #: Each record's place in the records' order (the search index's), by id.
        self.positions = {record: position for position, record in enumerate(self.ids)}

    @cached_property
    def signers(self) -> list[Signer]:
        """Every record as every language's list shows it (the country's name is the language's:
        a list names countries in its headings and table), in the records' order."""
        return [
            Signer(id, record.name, record.affiliation or "", record.role or "", record.country or "")
            for id, record in zip(self.ids, self.records)
        ]  # fmt: skip

    @cached_property
    def countries(self) -> frozenset[str]:
        return frozenset(record.country for record in self.records if record.country)

    @cached_property
    def texts(self) -> dict[str, str]:
        """Each signer as a page's key reads it (made once for every language's pages)."""
        return dict(zip(self.ids, self.text_list))

    @cached_property
    def text_list(self) -> list[str]:
        """:attr:`texts` in the records' order."""
        return [repr(tuple(signer)) for signer in self.signers]

    def by_name(self, collation: Collation) -> list[int]:
        """The indexes of the records by name, then affiliation, role, country and id.

        Sorted once per set of collation rules; and when the cache holds the last build's order for
        those rules and the records changed by a few, that order with the new ones put in place (a
        few sort keys each) and the removed ones taken out: adding a signer to 100,000 does not
        sort them again in each of forty collations."""
        rules = collation.rules
        if rules not in self._orders:
            entry = Cache.key("signatory-order", rules)
            previous = self.cache.load("signatory-order", entry)
            ids = self._updated(previous.split("\0") if isinstance(previous, str) and previous else None, collation)
            if ids is None:
                order = self._sorted(collation)
            else:
                order = list(map(self.positions.__getitem__, ids))
            self.cache.store("signatory-order", entry, "\0".join(map(self.ids.__getitem__, order)))
            self._orders[rules] = order
        return self._orders[rules]

    def _sorted(self, collation: Collation) -> list[int]:
        records, key = self.records, collation.key
        names = [key(record.name) for record in records]
        order = sorted(range(len(records)), key=names.__getitem__)
        # Equal names (rare) by the rest; sort keys for those only.
        start = 0
        for end in range(1, len(order) + 1):
            if end == len(order) or names[order[end]] != names[order[start]]:
                if end - start > 1:
                    order[start:end] = sorted(order[start:end], key=lambda i: self._full_key(i, collation))
                start = end
        return order

    def _full_key(self, index: int, collation: Collation) -> tuple[bytes, bytes, bytes, str, str]:
        record, key = self.records[index], collation.key
        return key(record.name), key(record.affiliation or ""), key(record.role or ""), record.country or "", self.ids[index]

    def _updated(self, previous: list[str] | None, collation: Collation) -> list[str] | None:
        """``previous`` (ids in order) less the records gone, with the new ones in place; None
        when there is none or too much changed (then the records are sorted whole)."""
        if previous is None:
            return None
        current = self.positions
        before = set(previous)
        gone = before.difference(current)
        kept = [id for id in previous if id not in gone] if gone else list(previous)
        added = [id for id in current if id not in before] if len(kept) != len(current) else []
        if len(previous) - len(kept) + len(added) > max(100, len(current) // 50):
            return None
        keys: dict[str, tuple[bytes, bytes, bytes, str, str]] = {}

        def full(id: str) -> tuple[bytes, bytes, bytes, str, str]:
            if id not in keys:
                keys[id] = self._full_key(current[id], collation)
            return keys[id]

        for id in added:
            bisect.insort(kept, id, key=full)
        return kept


@dataclass(slots=True)
class Listing:
    """One language's signatories in its collation, by name and by country."""

    language: Language
    records: Sequence[Record]
    per_page: int
    orders: Orders | None = None
    collation: Collation = field(init=False)
    by_name: list[Signer] = field(init=False)
    by_country: list[Signer] = field(init=False)
    country_names: dict[str, str] = field(init=False)
    _values: Mapping[str, int] = field(init=False)
    _parts: dict[str, tuple[tuple[Part, ...], list[int]]] = field(init=False)
    _counts: list[tuple[str, int]] = field(init=False)
    #: The records' indexes (their positions) in each ordering.
    _order: dict[str, list[int]] = field(init=False)

    def __post_init__(self) -> None:
        self.collation = Collation(self.language.tag)
        self.orders = orders = self.orders or Orders(self.records)
        signers = orders.signers
        order = orders.by_name(self.collation)
        self.by_name = list(map(signers.__getitem__, order))
        self._values = orders.values
        territories = self.language.locale.territories
        #: Each country's name in the language.
        self.country_names = {code: territories.get(code, code) for code in orders.countries}
        key = self.collation.key
        ranked = sorted(self.country_names, key=lambda code: key(self.country_names[code]))
        rank = {code: number for number, code in enumerate(ranked)}
        of_record = [rank.get(record.country or "", -1) for record in self.records]
        # By country in the language's order; within one by name (the sort is stable).
        given = [number >= 0 for number in of_record]
        by_country = sorted(itertools.compress(order, map(given.__getitem__, order)), key=of_record.__getitem__)
        self.by_country = list(map(signers.__getitem__, by_country))
        self._order = {BY_NAME: order, BY_COUNTRY: by_country}
        counts = collections.Counter(map(of_record.__getitem__, by_country))
        self._counts = [(code, counts[number]) for number, code in enumerate(ranked) if counts[number]]
        self._parts = {}

    def parts(self, ordering: str) -> tuple[tuple[Part, ...], list[int]]:
        """The pages of ``ordering`` and the index where each starts."""
        if ordering not in self._parts:
            self._parts[ordering] = self._cut(ordering)
        return self._parts[ordering]

    def _cut(self, ordering: str) -> tuple[tuple[Part, ...], list[int]]:
        signers = self.by_name if ordering == BY_NAME else self.by_country
        starts = page_starts(list(map(self.orders.value_list.__getitem__, self._order[ordering])), self.per_page)  # type: ignore[union-attr]
        ends = [*starts[1:], len(signers)]
        parts = tuple(
            Part(list_url(self.language, ordering, signers[start].id if number else ""), signers[start].name if signers else "", signers[end - 1].name if signers else "")
            for number, (start, end) in enumerate(zip(starts, ends))
        )  # fmt: skip
        return parts, starts

    def countries(self, parts: Sequence[Part], starts: Sequence[int]) -> tuple[Country, ...]:
        """Every country with signers, in collation order, with where its signers start."""
        found: list[Country] = []
        index = 0
        for code, count in self._counts:
            page = bisect.bisect_right(starts, index) - 1
            found.append(Country(code, self.country_names[code], count, f"{parts[page].url}#country-{code.lower()}"))
            index += count
        return tuple(found)

    def pages(self, draft: bool = False, alternates: Sequence[object] = (), x_default_url: str = "") -> Iterator[ListPage]:
        """Every page of both orderings."""
        common = {"draft": draft, "alternates": alternates, "x_default_url": x_default_url}
        parts, starts = self.parts(BY_NAME)
        ends = [*starts[1:], len(self.by_name)]
        texts = self.texts(BY_NAME)
        for index, (start, end) in enumerate(zip(starts, ends)):
            yield ListPage(self.language, BY_NAME, index, parts, signers=tuple(self.by_name[start:end]), signer_texts="\n".join(texts[start:end]), **common)
        parts, starts = self.parts(BY_COUNTRY)
        ends = [*starts[1:], len(self.by_country)]
        countries = self.countries(parts, starts)
        texts = self.texts(BY_COUNTRY)
        for index, (start, end) in enumerate(zip(starts, ends)):
            runs = [tuple(run) for _, run in itertools.groupby(self.by_country[start:end], key=_COUNTRY)]
            groups = [
                Group(run[0].country, self.country_names[run[0].country], tuple(run), number == 0 and start > 0 and self.by_country[start - 1].country == run[0].country)
                for number, run in enumerate(runs)
            ]  # fmt: skip
            yield ListPage(
                self.language, BY_COUNTRY, index, parts, groups=tuple(groups), countries=countries if index == 0 else (),
                signer_texts="\n".join(texts[start:end]), **common,
            )  # fmt: skip

    def places(self) -> list[int]:
        """For each signer in the records' (the search index's) order, the number of the by-name
        page that lists it: the search links each result there."""
        _, starts = self.parts(BY_NAME)
        order = self._order[BY_NAME]
        ends = [*starts[1:], len(order)]
        page_of_rank = list(itertools.chain.from_iterable(itertools.repeat(number, end - start) for number, (start, end) in enumerate(zip(starts, ends))))
        rank_of_position = sorted(range(len(order)), key=order.__getitem__)
        return list(map(page_of_rank.__getitem__, rank_of_position))

    def texts(self, ordering: str) -> list[str]:
        """Each signer's text (:attr:`Orders.texts`) in ``ordering``: a page's key joins a slice."""
        return list(map(self.orders.text_list.__getitem__, self._order[ordering]))  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Summary:
    """What a letter's page shows: how many have signed, a few of them, and where the list is."""

    count: int
    shown: tuple[Signer, ...]
    url: str


def summary(language: Language, count: int, shown: Sequence[Record], territories: Mapping[str, str] | None = None) -> Summary:
    """``territories``: the names of the shown signers' countries in ``language`` (default: CLDR's)."""
    names = language.locale.territories if territories is None else territories
    return Summary(count, tuple(signer_of(record, names) for record in shown), list_url(language))
