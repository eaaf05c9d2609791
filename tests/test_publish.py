"""invoke publish: checked absolute-URL build, then a deploy that fails clearly when not configured."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import REPO, SiteCopy

from openletter.commands.publish import publish
from openletter.errors import ErrorList, SettingsError


@pytest.fixture
def repo(project: SiteCopy) -> SiteCopy:
    project.add_pseudo_language("eo")
    publishconf = project.root / "publishconf.py"
    shutil.copy(REPO / "publishconf.py", publishconf)
    subprocess.run(["git", "init", "-q", str(project.root)], check=True)
    return project


def test_every_missing_publish_setting_is_named_with_its_line_before_building(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENLETTER_SITEURL", raising=False)
    monkeypatch.delenv("OPENLETTER_DEPLOY", raising=False)
    with pytest.raises(ErrorList) as raised:
        publish(repo.root / "publishconf.py", repo.root / "output")
    siteurl, deploy = raised.value.errors
    assert siteurl.message.startswith("SITEURL: must be the absolute address") and siteurl.path.name == "publishconf.py" and siteurl.line
    assert deploy.message.startswith("OPENLETTER_DEPLOY: no deploy target") and deploy.line
    assert not (repo.root / "output").exists()


def test_no_deploy_target_is_a_clear_error_before_building(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENLETTER_SITEURL", "https://letter.example")
    monkeypatch.delenv("OPENLETTER_DEPLOY", raising=False)
    with pytest.raises(SettingsError, match="no deploy target"):
        publish(repo.root / "publishconf.py", repo.root / "output")
    assert not (repo.root / "output").exists()


def test_gh_pages_gets_the_published_tree(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENLETTER_SITEURL", "https://letter.example")
    monkeypatch.setenv("OPENLETTER_DEPLOY", "gh-pages")
    result, deployed = publish(repo.root / "publishconf.py", repo.root / "output")
    assert deployed.target == "git:gh-pages" and deployed.detail.startswith("committed")
    listing = subprocess.run(["git", "-C", str(repo.root), "ls-tree", "-r", "--name-only", "gh-pages"], capture_output=True, text=True).stdout.split()
    assert {"index.html", "en/index.html", "eo/index.html", "sitemap.xml", ".nojekyll"} <= set(listing)
    page = subprocess.run(["git", "-C", str(repo.root), "show", "gh-pages:eo/index.html"], capture_output=True, text=True).stdout
    assert '<link rel="canonical" href="https://letter.example/eo/">' in page
    _, again = publish(repo.root / "publishconf.py", repo.root / "output")
    assert again.detail.startswith("unchanged")


def test_the_pseudo_locale_is_never_published(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENLETTER_SITEURL", "https://letter.example")
    publishconf = repo.root / "publishconf.py"
    publishconf.write_text(publishconf.read_text(encoding="utf-8") + "OPENLETTER_PSEUDO_LOCALE = True\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="never published") as raised:
        publish(publishconf, repo.root / "output", {"OPENLETTER_DEPLOY": "gh-pages"})
    assert raised.value.line == len(publishconf.read_text(encoding="utf-8").splitlines())
    assert not (repo.root / "output").exists()


def test_a_deploy_that_fails_is_a_deploy_error_after_the_build(repo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    from openletter.commands.publish import DeployError

    monkeypatch.setenv("OPENLETTER_SITEURL", "https://letter.example")
    monkeypatch.setenv("OPENLETTER_DEPLOY", "rsync:/nonexistent-folder/of/the/host/")
    with pytest.raises(DeployError, match="rsync"):
        publish(repo.root / "publishconf.py", repo.root / "output")
    assert (repo.root / "output" / "eo" / "index.html").exists()  # built; only the deploy failed
    shutil.rmtree(repo.root / ".git")
    monkeypatch.setenv("OPENLETTER_DEPLOY", "gh-pages")
    with pytest.raises(DeployError, match="git"):
        publish(repo.root / "publishconf.py", repo.root / "output")
