"""The sign page of each language, ``<lang>/sign/``: what it shows and where a signature goes.

A page of its own rather than a form under the letter: the letter's page is what the PDFs, text
and Markdown are made from (:mod:`openletter.takeaway`) and what most readers only read, so it
stays as light as it is (its webfonts hold its own text, not 250 country names); the letter links
here.  Without JavaScript the page says how to add a record by pull request; with it, the theme's
script (``theme/static/js/sign.js``) builds a form from the data here, writes the record
(:func:`openletter.signatures.writing.record_text` is the same TOML) and opens the forge's page.

Signing is on when the site has somewhere to send a signature: a forge
(``OPENLETTER_REPOSITORY_URL``) or a contact (``OPENLETTER_SIGNATURES_CONTACT``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import ClassVar

from openletter.forges import FORGE_URL_LIMIT, MAIL_URL_LIMIT, Repository, fill, mail_template, parse_repository
from openletter.languages import Language
from openletter.record_names import FOLDER, ID_ALPHABET, ID_LENGTH, NAME_RULE
from openletter.settings import Options
from openletter.signatures.record import countries
from openletter.signatures.text import MAX_LENGTH
from openletter.signatures.writing import record_text

#: The theme's template of the sign pages.
SIGN_TEMPLATE = "sign.html"
#: The record the page without JavaScript shows and prefills (signatures/README.md's example).
EXAMPLE = {"name": "Ada Lovelace", "affiliation": "Analytical Society", "role": "Mathematician", "country": "GB"}
EXAMPLE_DATE = date(2026, 12, 3)


def signing_enabled(options: Options) -> bool:
    """Whether the site has sign pages: somewhere a signature can be sent."""
    return bool(options.repository_url or options.signatures_contact)


def sign_url(language: Language) -> str:
    return f"{language.slug}/sign/"


@dataclass(frozen=True)
class SignPage:
    """What the theme reads from ``sign`` on a language's sign page (the page itself is a translators'
    :class:`~openletter.pelican_plugin.translator_pages.ToolPage`, whose ``language`` drives gettext)."""

    language: Language
    #: The site's languages a signer may name (the record's ``language``), the source first.
    site_languages: tuple[Language, ...]
    repository: Repository | None
    contact: str
    removal_days: int
    #: Limits on the links the page's script makes (see :mod:`openletter.forges`).
    limits: dict[str, int] = field(default_factory=lambda: {"forge": FORGE_URL_LIMIT, "mail": MAIL_URL_LIMIT})
    #: The record's rules the page's script follows (:mod:`openletter.record_names`, the checks' length).
    path_rule: ClassVar[str] = NAME_RULE
    id_alphabet: ClassVar[str] = ID_ALPHABET
    id_length: ClassVar[int] = ID_LENGTH
    max_length: ClassVar[int] = MAX_LENGTH

    @cached_property
    def countries(self) -> list[tuple[str, str]]:
        """Every country a record may name, as CLDR names it in the page's language (the script
        sorts them by the language's collation, ``Intl.Collator``)."""
        names = self.language.locale.territories
        return sorted((code, names.get(code, code)) for code in countries())

    @cached_property
    def languages(self) -> list[tuple[str, str]]:
        """(record code, name in the page's language) of each language a signer may name."""
        locale = self.language.locale
        return [(language.code, language.locale.get_display_name(locale) or language.code) for language in self.site_languages]

    @property
    def contact_email(self) -> str:
        return self.contact if self.contact and "://" not in self.contact else ""

    @property
    def contact_url(self) -> str:
        """Where a removal is asked for: ``mailto:`` the address, or the form."""
        return f"mailto:{self.contact}" if self.contact_email else self.contact

    @property
    def new_file_template(self) -> str:
        """The forge's new-file page for the browser's record (``{path}`` below signatures/, ``{value}``); '' on GitLab."""
        return (self.repository.new_file_under_template(FOLDER) if self.repository else None) or ""

    @property
    def issue_template(self) -> str:
        return self.repository.new_issue_template() if self.repository else ""

    @property
    def mail_template(self) -> str:
        return mail_template(self.contact_email) if self.contact_email else ""

    @property
    def readme_url(self) -> str:
        return self.repository.file_url(f"{FOLDER}/README.md") if self.repository else ""

    @property
    def example(self) -> str:
        """The record a signer without JavaScript starts from, in this page's language."""
        return record_text(language=self.language.code, signed=EXAMPLE_DATE, **EXAMPLE)

    @property
    def manual_new_file_url(self) -> str:
        """The forge's new-file page with the rule as its name and the example as its text ('' on GitLab)."""
        template = self.repository.new_file_template(NAME_RULE) if self.repository else None
        return fill(template, value=self.example) if template else ""


def sign_page(options: Options, language: Language, site_languages: tuple[Language, ...]) -> SignPage:
    """What ``language``'s sign page shows on a site with ``options``."""
    repository = parse_repository(options.repository_url)
    return SignPage(language, site_languages, repository, options.signatures_contact, options.removal_days)
