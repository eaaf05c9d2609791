"""invoke publish: checked absolute-URL build, then a deploy that fails clearly when not configured.

The project is a git repository in ``tmp_path`` with everything committed, and a bare repository
beside it is its ``origin``.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from contextlib import redirect_stderr
from pathlib import Path

import pytest
from conftest import REPO, SiteCopy

from openletter.commands import actions
from openletter.commands.publish import DeployError, publish
from openletter.errors import ErrorList, SettingsError
from openletter.hosting import custom_domain
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter


def git(repository: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repository), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


def branch_commit(repository: Path, branch: str) -> str | None:
    found = subprocess.run(["git", "-C", str(repository), "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"], capture_output=True, text=True)
    return found.stdout.strip() or None


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    return bare


@pytest.fixture
def repo(project: SiteCopy, remote: Path) -> SiteCopy:
    project.add_pseudo_language("eo")
    publishconf = project.root / "publishconf.py"
    shutil.copy(REPO / "publishconf.py", publishconf)
    (project.root / ".gitignore").write_text("/output/\n/.output*\n", encoding="utf-8")
    git(project.root, "init", "-q")
    git(project.root, "add", "-A")
    git(project.root, "commit", "-q", "-m", "The letter")
    git(project.root, "remote", "add", "origin", str(remote))
    return project


@pytest.fixture
def site_url(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("OPENLETTER_SITEURL", "https://letter.example")
    monkeypatch.setenv("OPENLETTER_DEPLOY", "gh-pages")
    return "https://letter.example"


def test_every_missing_publish_setting_is_named_with_its_line_before_building(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENLETTER_SITEURL", raising=False)
    monkeypatch.delenv("OPENLETTER_DEPLOY", raising=False)
    with pytest.raises(ErrorList) as raised:
        publish(repo.root / "publishconf.py", repo.root / "output")
    siteurl, deploy = raised.value.errors
    assert siteurl.message.startswith("SITEURL: must be the absolute address") and siteurl.path.name == "publishconf.py" and siteurl.line
    assert "OPENLETTER_SITEURL" in siteurl.message
    assert deploy.message.startswith("OPENLETTER_DEPLOY: no deploy target") and deploy.line
    assert not (repo.root / "output").exists()


def test_a_bad_deploy_target_and_a_missing_site_url_are_reported_together(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENLETTER_SITEURL", raising=False)
    monkeypatch.setenv("OPENLETTER_DEPLOY", "github")
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        assert actions.publish(repo.root / "publishconf.py", repo.root / "output") == 1
    lines = stderr.getvalue().splitlines()
    publishconf = repo.root / "publishconf.py"
    assert lines == [
        f"{publishconf}:12: error: OPENLETTER_DEPLOY: unknown deploy target 'github': use 'gh-pages', 'git:<branch>' or 'rsync:<destination>'",
        f"{publishconf}:10: error: SITEURL: must be the absolute address of the published site, such as https://user.github.io/letter or "
        "https://letter.example: set the environment variable OPENLETTER_SITEURL (publishconf.py reads it), got ''",
    ]
    assert not (repo.root / "output").exists()


def test_no_deploy_target_is_a_clear_error_before_building(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENLETTER_SITEURL", "https://letter.example")
    monkeypatch.delenv("OPENLETTER_DEPLOY", raising=False)
    with pytest.raises(SettingsError, match="no deploy target"):
        publish(repo.root / "publishconf.py", repo.root / "output")
    assert not (repo.root / "output").exists()


def test_gh_pages_gets_the_published_tree_and_is_pushed_to_origin(repo: SiteCopy, remote: Path, site_url: str) -> None:
    out = io.StringIO()
    assert actions.publish(repo.root / "publishconf.py", repo.root / "output", out=out) == 0
    commit = branch_commit(repo.root, "gh-pages")
    assert commit and branch_commit(remote, "gh-pages") == commit
    assert out.getvalue().endswith(
        f"git:gh-pages: committed {commit[:12]} to branch gh-pages with CNAME letter.example; pushed gh-pages ({commit[:12]}) to origin ({remote})\n"
    )
    listing = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert {"index.html", "en/index.html", "eo/index.html", "sitemap.xml", ".nojekyll", "CNAME"} <= set(listing)
    assert git(remote, "show", "gh-pages:CNAME") == "letter.example"
    page = git(remote, "show", "gh-pages:eo/index.html")
    assert f'<link rel="canonical" href="{site_url}/eo/">' in page
    _, again = publish(repo.root / "publishconf.py", repo.root / "output")
    assert again.detail.startswith(f"branch gh-pages unchanged ({commit[:12]}) with CNAME letter.example; pushed gh-pages")
    assert branch_commit(remote, "gh-pages") == commit


def test_no_push_only_commits_the_branch_here(repo: SiteCopy, remote: Path, site_url: str) -> None:
    _, deployed = publish(repo.root / "publishconf.py", repo.root / "output", push_branch=False)
    commit = branch_commit(repo.root, "gh-pages")
    assert commit and branch_commit(remote, "gh-pages") is None
    assert deployed.detail.endswith("not pushed (--no-push): push it with: git push origin gh-pages")


def test_a_refused_push_says_the_site_is_committed_and_how_to_push_it(repo: SiteCopy, remote: Path, site_url: str) -> None:
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'the host says no' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    with pytest.raises(DeployError, match="git push origin gh-pages failed: .*the host says no") as raised:
        publish(repo.root / "publishconf.py", repo.root / "output")
    commit = branch_commit(repo.root, "gh-pages")
    assert commit and branch_commit(remote, "gh-pages") is None
    assert f"the site is committed to gh-pages ({commit[:12]}): push it with: git push origin gh-pages" in raised.value.message


def test_a_missing_remote_is_refused_before_building(repo: SiteCopy, site_url: str) -> None:
    git(repo.root, "remote", "remove", "origin")
    with pytest.raises(DeployError, match="no git remote 'origin' to push gh-pages to"):
        publish(repo.root / "publishconf.py", repo.root / "output")
    assert not (repo.root / "output").exists() and branch_commit(repo.root, "gh-pages") is None
    _, deployed = publish(repo.root / "publishconf.py", repo.root / "output", push_branch=False)
    assert deployed.detail.startswith("committed")


LISTED = "\n".join(
    f"  {path}" for path in ("content/letter.md", *(f"locale/ca/LC_MESSAGES/{domain}.po" for domain in ("about", "letter", "theme")))
)


def test_uncommitted_work_is_refused_and_listed_unless_allowed(repo: SiteCopy, remote: Path, site_url: str) -> None:
    repo.catalogs().add_language("ca")  # work in progress
    letter = repo.root / "content" / "letter.md"
    letter.write_text(letter.read_text(encoding="utf-8") + "\nA paragraph in progress.\n", encoding="utf-8")
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        assert actions.publish(repo.root / "publishconf.py", repo.root / "output") == 1
    message = stderr.getvalue()
    assert message.startswith(f"{repo.root}: error: 4 path(s) not committed would be published")
    assert "--allow-dirty" in message and message.endswith(f"\n{LISTED}\n")
    assert not (repo.root / "output").exists() and branch_commit(repo.root, "gh-pages") is None
    result, _ = publish(repo.root / "publishconf.py", repo.root / "output", allow_dirty=True)
    warning = result.warnings[0]
    assert (warning.severity, warning.code) == ("warning", "uncommitted")
    assert warning.message.endswith(f"(--allow-dirty):\n{LISTED}")
    assert branch_commit(remote, "gh-pages")


def test_an_error_the_build_finds_publishes_nothing(repo: SiteCopy, remote: Path, site_url: str) -> None:
    catalog = read_po(repo.po("eo"))
    catalog.entries[2].msgstr = '<span onclick="alert(1)">Saluton</span>'
    repo.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    git(repo.root, "commit", "-q", "-am", "A hostile translation")
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        assert actions.publish(repo.root / "publishconf.py", repo.root / "output") == 1
    lines = stderr.getvalue().splitlines()
    assert any(line.startswith("locale/eo/LC_MESSAGES/letter.po:") and ": error: html: " in line for line in lines), lines
    assert lines[-1].startswith("error: the build found") and lines[-1].endswith("nothing was published to gh-pages (fix them and publish again)")
    assert branch_commit(repo.root, "gh-pages") is None and branch_commit(remote, "gh-pages") is None


def test_a_language_skip_broken_leaves_out_publishes_nothing(repo: SiteCopy, remote: Path, site_url: str) -> None:
    path = repo.po("eo")
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    git(repo.root, "commit", "-q", "-am", "A broken catalog")
    with pytest.raises(ErrorList) as raised:
        publish(repo.root / "publishconf.py", repo.root / "output", {"OPENLETTER_SKIP_BROKEN": True})
    messages = [error.message for error in raised.value.errors]
    assert "eo was left out: its catalog is broken" in messages and messages[-1].endswith("nothing was published to gh-pages (fix them and publish again)")
    assert branch_commit(repo.root, "gh-pages") is None and branch_commit(remote, "gh-pages") is None


def test_a_sub_path_site_warns_of_robots_txt_and_gets_no_cname(repo: SiteCopy, remote: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENLETTER_SITEURL", "https://user.github.io/letter")
    monkeypatch.setenv("OPENLETTER_DEPLOY", "gh-pages")
    result, deployed = publish(repo.root / "publishconf.py", repo.root / "output")
    robots = [warning for warning in result.warnings if warning.code == "robots"]
    assert len(robots) == 1 and (robots[0].path, robots[0].line) == (repo.root / "publishconf.py", 10)
    assert "CNAME" not in deployed.detail
    assert "CNAME" not in git(remote, "ls-tree", "--name-only", "gh-pages").split()


@pytest.mark.parametrize(
    ("site_url", "domain"),
    [
        ("https://letter.example", "letter.example"),
        ("https://Letter.Example:8443/", "letter.example"),
        ("https://user.github.io", None),
        ("https://user.github.io/letter", None),
        ("https://example.org/letter", None),  # a project site: the owner's user site has the domain
        ("", None),
    ],
)
def test_the_custom_domain_of_a_github_pages_site(site_url: str, domain: str | None) -> None:
    assert custom_domain(site_url) == domain


def test_the_pseudo_locale_is_never_published(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENLETTER_SITEURL", "https://letter.example")
    publishconf = repo.root / "publishconf.py"
    publishconf.write_text(publishconf.read_text(encoding="utf-8") + "OPENLETTER_PSEUDO_LOCALE = True\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="never published") as raised:
        publish(publishconf, repo.root / "output", {"OPENLETTER_DEPLOY": "gh-pages"})
    assert raised.value.line == len(publishconf.read_text(encoding="utf-8").splitlines())
    assert not (repo.root / "output").exists()


def test_a_deploy_that_fails_is_a_deploy_error_after_the_build(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENLETTER_SITEURL", "https://letter.example")
    monkeypatch.setenv("OPENLETTER_DEPLOY", "rsync:/nonexistent-folder/of/the/host/")
    with pytest.raises(DeployError, match="rsync"):
        publish(repo.root / "publishconf.py", repo.root / "output")
    assert (repo.root / "output" / "eo" / "index.html").exists()  # built; only the deploy failed
    shutil.rmtree(repo.root / ".git")
    monkeypatch.setenv("OPENLETTER_DEPLOY", "gh-pages")
    with pytest.raises(DeployError, match="needs a git repository"):
        publish(repo.root / "publishconf.py", repo.root / "output")


def test_publish_help_names_what_it_needs() -> None:
    shown = subprocess.run([sys.executable, "-m", "invoke", "publish", "--help"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    for needed in ("OPENLETTER_SITEURL", "OPENLETTER_DEPLOY", "--[no-]push", "--allow-dirty", "--remote"):
        assert needed in shown.stdout
