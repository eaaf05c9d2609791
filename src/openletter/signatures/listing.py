"""What a language's pages show of the signatories: the count and a few names on the letter's
page, and the list cut into pages, by name and by country, in that language's collation.

The by-country ordering is the filter that needs no JavaScript: its first page lists every
country (in the language, collated) with its count, each linking to where its signers start.
Signers who gave no country are in the by-name list only.  A page shows its signers, its place
among the pages and nothing that changes with signers elsewhere (no total, no counts outside the
country list), so adding one signer changes only the pages from its place on (see
:mod:`openletter.pelican_plugin.signatories`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openletter.fonts import stylesheet_for
from openletter.languages import Language
from openletter.signatures.collation import Collation
from openletter.signatures.record import Record

#: Where a language's list lives, under its folder: ``<lang>/signatures/``.
FOLDER = "signatures"
BY_NAME, BY_COUNTRY = "name", "country"


def list_url(language: Language, ordering: str = BY_NAME, number: int = 1) -> str:
    """``de/signatures/``, ``de/signatures/2/``, ``de/signatures/countries/``, ``de/signatures/countries/2/``."""
    base = f"{language.slug}/{FOLDER}/" + ("countries/" if ordering == BY_COUNTRY else "")
    return base if number == 1 else f"{base}{number}/"


@dataclass(frozen=True, slots=True)
class Signer:
    """One signer as a list shows it, in the page's language."""

    name: str
    affiliation: str = ""
    role: str = ""
    country: str = ""  # the ISO code, or empty
    country_name: str = ""  # the country as the page's language names it

    @property
    def details(self) -> str:
        """Role and affiliation, as the record gives them, comma-separated (not translated: the signer's words)."""
        return ", ".join(part for part in (self.role, self.affiliation) if part)


def signer_of(record: Record, territories: Mapping[str, str]) -> Signer:
    """``record`` as a page shows it, its country named as ``territories`` (CLDR's, in the page's language) name it."""
    country = record.country or ""
    return Signer(record.name, record.affiliation or "", record.role or "", country, territories.get(country, country))


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
class ListPage:
    """One page of a language's list (``page`` to the theme: ``page.language`` drives gettext)."""

    language: Language
    ordering: str
    number: int
    urls: tuple[str, ...]  # every page of this ordering, first to last
    signers: tuple[Signer, ...] = ()
    groups: tuple[Group, ...] = ()
    countries: tuple[Country, ...] = ()  # the country list: on the first by-country page only
    draft: bool = False
    alternates: Sequence[object] = ()
    x_default_url: str = ""

    @property
    def url(self) -> str:
        return self.urls[self.number - 1]

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def previous_url(self) -> str:
        return self.urls[self.number - 2] if self.number > 1 else ""

    @property
    def next_url(self) -> str:
        return self.urls[self.number] if self.number < len(self.urls) else ""

    @property
    def by_name_url(self) -> str:
        return list_url(self.language)

    @property
    def by_country_url(self) -> str:
        return list_url(self.language, BY_COUNTRY)

    @property
    def fonts_stylesheet(self) -> str:
        """The name the font builder gives this page's stylesheet (``de-signatures-2``)."""
        return Path(stylesheet_for(Path(self.save_as), Path())).stem

    def content(self) -> tuple[object, ...]:
        """What this page shows besides the theme, the language and the menus: equal tuples, equal pages."""
        return (self.language.tag, self.ordering, self.number, len(self.urls), self.signers, self.groups, self.countries, self.draft)


@dataclass(slots=True)
class Listing:
    """One language's signatories in its collation, by name and by country."""

    language: Language
    records: Sequence[Record]
    per_page: int
    collation: Collation = field(init=False)
    by_name: list[Signer] = field(init=False)
    by_country: list[Signer] = field(init=False)

    def __post_init__(self) -> None:
        self.collation = Collation(self.language.tag)
        territories = dict(self.language.locale.territories)  # Babel's mapping looks each key up lazily
        signers = [signer_of(record, territories) for record in self.records]
        key = self.collation.key
        self.by_name = sorted(signers, key=lambda s: (key(s.name), key(s.affiliation), key(s.role), s.country))
        country_key = {code: key(name) for code, name in {(s.country, s.country_name) for s in signers if s.country}}
        self.by_country = sorted(
            (s for s in self.by_name if s.country), key=lambda s: country_key[s.country]
        )  # stable: by name within a country

    def page_count(self, ordering: str) -> int:
        signers = self.by_name if ordering == BY_NAME else self.by_country
        return max(1, -(-len(signers) // self.per_page))

    def countries(self) -> tuple[Country, ...]:
        """Every country with signers, in collation order, with where its signers start."""
        found: list[Country] = []
        urls = self.urls(BY_COUNTRY)
        for index, signer in enumerate(self.by_country):
            if found and found[-1].code == signer.country:
                found[-1] = Country(signer.country, signer.country_name, found[-1].count + 1, found[-1].url)
            else:
                url = f"{urls[index // self.per_page]}#country-{signer.country.lower()}"
                found.append(Country(signer.country, signer.country_name, 1, url))
        return tuple(found)

    def urls(self, ordering: str) -> tuple[str, ...]:
        return tuple(list_url(self.language, ordering, number) for number in range(1, self.page_count(ordering) + 1))

    def pages(self, draft: bool = False, alternates: Sequence[object] = (), x_default_url: str = "") -> Iterator[ListPage]:
        """Every page of both orderings."""
        common = {"draft": draft, "alternates": alternates, "x_default_url": x_default_url}
        urls = self.urls(BY_NAME)
        for number in range(1, len(urls) + 1):
            chunk = self.by_name[(number - 1) * self.per_page : number * self.per_page]
            yield ListPage(self.language, BY_NAME, number, urls, signers=tuple(chunk), **common)
        urls = self.urls(BY_COUNTRY)
        countries = self.countries()
        for number in range(1, len(urls) + 1):
            chunk = self.by_country[(number - 1) * self.per_page : number * self.per_page]
            groups: list[Group] = []
            for position, signer in enumerate(chunk):
                if groups and groups[-1].country == signer.country:
                    last = groups[-1]
                    groups[-1] = Group(last.country, last.name, (*last.signers, signer), last.continued)
                else:
                    continued = position == 0 and number > 1 and self.by_country[(number - 1) * self.per_page - 1].country == signer.country
                    groups.append(Group(signer.country, signer.country_name, (signer,), continued))
            yield ListPage(
                self.language, BY_COUNTRY, number, urls, groups=tuple(groups), countries=countries if number == 1 else (), **common
            )


@dataclass(frozen=True, slots=True)
class Summary:
    """What a letter's page shows: how many have signed, a few of them, and where the list is."""

    count: int
    shown: tuple[Signer, ...]
    url: str


def summary(language: Language, count: int, shown: Sequence[Record]) -> Summary:
    territories = language.locale.territories
    return Summary(count, tuple(signer_of(record, territories) for record in shown), list_url(language))
