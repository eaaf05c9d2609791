"""The sign pages' model (openletter.site.signing): when a site has them, what they link and prefill."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path, PurePosixPath

import pytest
from conftest import SiteCopy

from openletter.forges import fill
from openletter.languages import Language
from openletter.record_names import NAME_RULE
from openletter.signatures.record import Context, check_record, countries
from openletter.site.signing import EXAMPLE_DATE, sign_page, signing_enabled

LANGUAGES = (Language("en"), Language("de"), Language("ar"))


@pytest.fixture(scope="module")
def options(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return SiteCopy(tmp_path_factory.mktemp("signing") / "site").options


def test_a_site_signs_only_with_somewhere_to_send_a_signature(options) -> None:  # type: ignore[no-untyped-def]
    assert not signing_enabled(options)
    assert signing_enabled(replace(options, repository_url="https://github.com/o/letter"))
    assert signing_enabled(replace(options, signatures_contact="privacy@example.org"))


def test_github_page_prefills_the_browsers_file_and_the_example_without_javascript(options) -> None:  # type: ignore[no-untyped-def]
    page = sign_page(replace(options, repository_url="https://github.com/o/letter/tree/dev"), Language("de"), LANGUAGES)
    assert fill(page.new_file_template, path="2026/2026-12-03-k7q2m9xa.toml", value="x") == (
        "https://github.com/o/letter/new/dev?filename=signatures%2F2026%2F2026-12-03-k7q2m9xa.toml&value=x"
    )
    assert page.issue_template == "https://github.com/o/letter/issues/new?title={title}&body={body}"
    assert page.readme_url == "https://github.com/o/letter/blob/dev/signatures/README.md"
    assert page.manual_new_file_url == fill("https://github.com/o/letter/new/dev?filename={n}&value={value}", n=NAME_RULE, value=page.example)
    assert (page.mail_template, page.contact_url) == ("", "")  # no contact: no e-mail, removal by the forge only


def test_the_example_record_is_in_the_pages_language_and_passes_the_check(options) -> None:  # type: ignore[no-untyped-def]
    page = sign_page(options, Language("ar"), LANGUAGES)
    assert 'language = "ar"' in page.example
    relative = PurePosixPath(f"{EXAMPLE_DATE:%Y}/{EXAMPLE_DATE.isoformat()}-abcdefgh.toml")
    context = Context({language.code: language for language in LANGUAGES}, date(2026, 12, 31))
    record, problems = check_record(page.example.encode("utf-8"), Path("signatures", relative), relative, context)
    assert problems == [] and record is not None


def test_gitlab_cannot_prefill_a_new_file_so_the_page_offers_none(options) -> None:  # type: ignore[no-untyped-def]
    page = sign_page(replace(options, repository_url="https://gitlab.com/g/letter"), Language("de"), LANGUAGES)
    assert (page.new_file_template, page.manual_new_file_url) == ("", "")
    assert page.issue_template.startswith("https://gitlab.com/g/letter/-/issues/new?")
    assert page.readme_url == "https://gitlab.com/g/letter/-/blob/main/signatures/README.md"


def test_a_contact_address_is_mailed_and_a_form_is_linked(options) -> None:  # type: ignore[no-untyped-def]
    mail = sign_page(replace(options, signatures_contact="privacy@example.org", removal_days=14), Language("de"), LANGUAGES)
    assert (mail.mail_template, mail.contact_url, mail.removal_days) == (
        "mailto:privacy@example.org?subject={title}&body={body}", "mailto:privacy@example.org", 14,
    )  # fmt: skip
    form = sign_page(replace(options, signatures_contact="https://forms.example/remove"), Language("de"), LANGUAGES)
    assert (form.mail_template, form.contact_url) == ("", "https://forms.example/remove")


def test_countries_and_languages_are_named_in_the_pages_language(options) -> None:  # type: ignore[no-untyped-def]
    page = sign_page(options, Language("de"), LANGUAGES)
    named = dict(page.countries)
    assert set(named) == countries() and named["DE"] == "Deutschland" and named["XK"] == "Kosovo"
    assert page.languages == [("en", "Englisch"), ("de", "Deutsch"), ("ar", "Arabisch")]
    assert dict(sign_page(options, Language("ar"), LANGUAGES).countries)["EG"] == "مصر"


def test_the_shipped_site_without_a_forge_or_contact_has_no_sign_pages_or_link(shipped_site: Path) -> None:
    assert not (shipped_site / "de" / "sign").exists()
    assert "sign-link" not in (shipped_site / "de" / "index.html").read_text(encoding="utf-8")
