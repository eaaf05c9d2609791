"""Every URL openletter.forges makes, per forge: edit, new issue, new file, mail."""

from __future__ import annotations

import pytest

from openletter.forges import Repository, component, fill, mail_template, parse_repository

PO = "locale/pt_BR/LC_MESSAGES/letter.po"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/owner/letter", Repository("github", "GitHub", "https://github.com/owner/letter")),
        ("https://github.com/owner/letter.git", Repository("github", "GitHub", "https://github.com/owner/letter")),
        ("https://github.com/owner/letter/issues", Repository("github", "GitHub", "https://github.com/owner/letter")),
        ("https://github.com/owner/letter/tree/dev/site", Repository("github", "GitHub", "https://github.com/owner/letter", "dev", "site")),
        ("https://gitlab.com/group/sub/letter", Repository("gitlab", "GitLab", "https://gitlab.com/group/sub/letter")),
        ("https://gitlab.com/group/letter/-/tree/dev", Repository("gitlab", "GitLab", "https://gitlab.com/group/letter", "dev")),
        ("https://gitlab.com/group/letter/-/issues", Repository("gitlab", "GitLab", "https://gitlab.com/group/letter")),
        ("https://gitlab.example.org/group/letter", Repository("gitlab", "GitLab", "https://gitlab.example.org/group/letter")),
        ("https://codeberg.org/owner/letter/", Repository("forgejo", "Codeberg", "https://codeberg.org/owner/letter")),
        ("https://codeberg.org/owner/letter/src/branch/dev", Repository("forgejo", "Codeberg", "https://codeberg.org/owner/letter", "dev")),
        ("https://forgejo.example.org/owner/letter", Repository("forgejo", "Forgejo", "https://forgejo.example.org/owner/letter")),
        ("https://gitea.com/owner/letter", Repository("forgejo", "Gitea", "https://gitea.com/owner/letter")),
    ],
)
def test_a_repository_url_names_its_forge_branch_and_folder(url: str, expected: Repository) -> None:
    assert parse_repository(url) == expected


@pytest.mark.parametrize("url", ["", "https://example.org/letter", "https://github.com/owner", "ftp://github.com/o/r", "https://github.com/o/r/tree/"])
def test_no_forge_for_an_unknown_host_or_an_incomplete_url(url: str) -> None:
    assert parse_repository(url) is None


def test_github_urls() -> None:
    repository = parse_repository("https://github.com/owner/letter")
    assert repository is not None
    assert repository.edit_url(PO, 42) == f"https://github.com/owner/letter/edit/main/{PO}#L42"
    assert repository.edit_url(PO) == f"https://github.com/owner/letter/edit/main/{PO}"
    issue = fill(repository.new_issue_template(), title="Review: ar", body="line 1\nline 2 & more")
    assert issue == "https://github.com/owner/letter/issues/new?title=Review%3A%20ar&body=line%201%0Aline%202%20%26%20more"
    new_file = repository.new_file_template("suggestions/ar-letter-suggestion.po")
    assert new_file is not None
    assert fill(new_file, value='msgid ""\n') == (
        "https://github.com/owner/letter/new/main?filename=suggestions%2Far-letter-suggestion.po&value=msgid%20%22%22%0A"
    )


def test_github_urls_in_a_folder_of_another_branch() -> None:
    repository = parse_repository("https://github.com/owner/letter/tree/dev/site")
    assert repository is not None
    assert repository.edit_url(PO, 3) == f"https://github.com/owner/letter/edit/dev/site/{PO}#L3"
    assert repository.new_file_template("suggestions/x.po") == "https://github.com/owner/letter/new/dev?filename=site%2Fsuggestions%2Fx.po&value={value}"


def test_gitlab_urls() -> None:
    repository = parse_repository("https://gitlab.com/group/sub/letter")
    assert repository is not None
    assert repository.edit_url(PO, 42) == f"https://gitlab.com/group/sub/letter/-/edit/main/{PO}"  # its editor takes no line
    assert fill(repository.new_issue_template(), title="T", body="B") == (
        "https://gitlab.com/group/sub/letter/-/issues/new?issue%5Btitle%5D=T&issue%5Bdescription%5D=B"
    )
    assert repository.new_file_template("suggestions/x.po") is None


def test_forgejo_urls() -> None:
    repository = parse_repository("https://codeberg.org/owner/letter")
    assert repository is not None
    assert repository.edit_url(PO, 42) == f"https://codeberg.org/owner/letter/_edit/main/{PO}"
    assert fill(repository.new_issue_template(), title="T", body="B") == "https://codeberg.org/owner/letter/issues/new?title=T&body=B"
    new_file = repository.new_file_template("suggestions/x.po")
    assert new_file is not None and fill(new_file, value="v") == "https://codeberg.org/owner/letter/_new/main/?filename=suggestions%2Fx.po&value=v"


def test_mail_urls() -> None:
    template = mail_template("reviews+letter@example.org")
    assert fill(template, title="Review: ja", body="a\nb") == "mailto:reviews%2Bletter@example.org?subject=Review%3A%20ja&body=a%0Ab"


def test_values_are_escaped_as_encode_uri_component_escapes_them() -> None:
    """The page's script fills the templates with encodeURIComponent: the same bytes as here."""
    assert component("A-z_0.9~!*'()") == "A-z_0.9~!*'()"
    assert component("a b/c?d&e=f#g{h}") == "a%20b%2Fc%3Fd%26e%3Df%23g%7Bh%7D"
    assert component("é日\u0645") == "%C3%A9%E6%97%A5%D9%85"
    # A value that looks like a placeholder is not filled again.
    assert fill("x?a={a}&b={b}", a="{b}", b="1") == "x?a=%7Bb%7D&b=1"


def test_edit_urls_escape_odd_path_segments() -> None:
    repository = Repository("github", "GitHub", "https://github.com/o/r", "release 1")
    assert repository.edit_url("locale/a b/x#y.po") == "https://github.com/o/r/edit/release%201/locale/a%20b/x%23y.po"


RECORD = "2026/2026-12-03-k7q2m9xa.toml"


@pytest.mark.parametrize(
    ("url", "new_file", "shown"),
    [
        (
            "https://github.com/owner/letter",
            "https://github.com/owner/letter/new/main?filename=signatures%2F2026%2F2026-12-03-k7q2m9xa.toml&value=name%20%3D%20%22Ada%22%0A",
            "https://github.com/owner/letter/blob/main/signatures/README.md",
        ),
        (
            "https://github.com/owner/letter/tree/dev/site",
            "https://github.com/owner/letter/new/dev?filename=site%2Fsignatures%2F2026%2F2026-12-03-k7q2m9xa.toml&value=name%20%3D%20%22Ada%22%0A",
            "https://github.com/owner/letter/blob/dev/site/signatures/README.md",
        ),
        (
            "https://codeberg.org/owner/letter",
            "https://codeberg.org/owner/letter/_new/main/?filename=signatures%2F2026%2F2026-12-03-k7q2m9xa.toml&value=name%20%3D%20%22Ada%22%0A",
            "https://codeberg.org/owner/letter/src/branch/main/signatures/README.md",
        ),
        ("https://gitlab.com/group/letter", None, "https://gitlab.com/group/letter/-/blob/main/signatures/README.md"),
    ],
)
def test_a_new_file_under_a_folder_is_named_by_the_browser_and_a_file_is_shown_on_its_branch(url: str, new_file: str | None, shown: str) -> None:
    repository = parse_repository(url)
    assert repository is not None
    template = repository.new_file_under_template("signatures")
    assert (template and fill(template, path=RECORD, value='name = "Ada"\n')) == new_file
    assert repository.file_url("signatures/README.md") == shown
    if template:  # the same page as a new file whose whole path is known when the site is built
        assert fill(template, path=RECORD, value="x") == fill(repository.new_file_template(f"signatures/{RECORD}") or "", value="x")
