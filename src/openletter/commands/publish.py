"""Publishing: the checked, absolute-URL build, then a deploy to a static host.

Targets (setting ``OPENLETTER_DEPLOY`` in publishconf.py, or the environment variable of the
same name): ``gh-pages`` (or ``git:<branch>``) commits ``output/`` to that branch of this
repository with git's plumbing, leaving your work tree and index alone (push it yourself);
``rsync:<destination>`` mirrors ``output/`` there with ``rsync --delete``.  No target, a
relative ``SITEURL`` or a missing tool is a clear error, not a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openletter.commands.build import BuildResult, build, load_settings
from openletter.errors import SettingsError
from openletter.project import setting_line


@dataclass(frozen=True, slots=True)
class Deployed:
    target: str
    detail: str


def deploy_target(settings: dict[str, Any], config: Path, environ: dict[str, str]) -> str:
    target = environ.get("OPENLETTER_DEPLOY") or settings.get("OPENLETTER_DEPLOY") or ""
    if not target:
        raise SettingsError(
            "no deploy target: set OPENLETTER_DEPLOY to 'gh-pages', 'git:<branch>' or 'rsync:<destination>' "
            "(in publishconf.py or the environment)",
            path=config, line=setting_line(config, "OPENLETTER_DEPLOY"),
        )  # fmt: skip
    if target != "gh-pages" and not target.startswith(("git:", "rsync:")):
        raise SettingsError(f"unknown deploy target {target!r}", path=config, line=setting_line(config, "OPENLETTER_DEPLOY"), value=target)
    return target


def publish(config: Path, output: Path, environ: dict[str, str] | None = None) -> tuple[BuildResult, Deployed]:
    """Check and build with the publish settings, then deploy ``output``."""
    environ = dict(os.environ if environ is None else environ)
    config = config.resolve()
    settings = load_settings(config)
    site_url = str(settings.get("SITEURL", ""))
    if "://" not in site_url:
        raise SettingsError(
            "SITEURL must be the absolute address of the published site (set OPENLETTER_SITEURL), "
            f"got {site_url!r}",
            path=config, line=setting_line(config, "SITEURL"), value=site_url,
        )  # fmt: skip
    if settings.get("OPENLETTER_PSEUDO_LOCALE"):
        raise SettingsError(
            "OPENLETTER_PSEUDO_LOCALE is for local builds (invoke build --pseudo); it is never published",
            path=config, line=setting_line(config, "OPENLETTER_PSEUDO_LOCALE"), value=settings.get("OPENLETTER_PSEUDO_LOCALE"),
        )  # fmt: skip
    target = deploy_target(settings, config, environ)
    result = build(config, output, overrides={"OPENLETTER_PSEUDO_LOCALE": False})
    if target.startswith("rsync:"):
        return result, _rsync(output, target.removeprefix("rsync:"), config)
    branch = "gh-pages" if target == "gh-pages" else target.removeprefix("git:")
    return result, _commit_to_branch(output, config.parent, branch)


def _rsync(output: Path, destination: str, config: Path) -> Deployed:
    if shutil.which("rsync") is None:
        raise SettingsError("deploying with rsync needs rsync (apt-get install rsync)", path=config)
    completed = subprocess.run(["rsync", "-a", "--delete", f"{output}/", destination], capture_output=True, text=True)
    if completed.returncode != 0:
        raise SettingsError(f"rsync to {destination} failed: {completed.stderr.strip()}", path=config)
    return Deployed(f"rsync:{destination}", "mirrored")


def _git(repository: Path, *args: str, env: dict[str, str] | None = None) -> str:
    completed = subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True, env=env)
    if completed.returncode != 0:
        raise SettingsError(f"git {' '.join(args)} failed: {completed.stderr.strip()}", path=repository)
    return completed.stdout.strip()


def _commit_to_branch(output: Path, repository: Path, branch: str) -> Deployed:
    """Commit the tree of ``output`` onto ``branch`` without touching the work tree or index."""
    if shutil.which("git") is None:
        raise SettingsError("deploying to a branch needs git", path=repository)
    _git(repository, "rev-parse", "--git-dir")
    with tempfile.TemporaryDirectory() as temp:
        env = {
            **os.environ,
            "GIT_INDEX_FILE": str(Path(temp) / "index"),
            "GIT_WORK_TREE": str(output),
            "GIT_AUTHOR_NAME": os.environ.get("GIT_AUTHOR_NAME", "openletter publish"),
            "GIT_AUTHOR_EMAIL": os.environ.get("GIT_AUTHOR_EMAIL", "publish@openletter.invalid"),
            "GIT_COMMITTER_NAME": os.environ.get("GIT_COMMITTER_NAME", "openletter publish"),
            "GIT_COMMITTER_EMAIL": os.environ.get("GIT_COMMITTER_EMAIL", "publish@openletter.invalid"),
        }
        (output / ".nojekyll").touch()  # GitHub Pages: serve the folders as they are
        _git(repository, "add", "--all", "--force", ".", env=env)
        tree = _git(repository, "write-tree", env=env)
        parent = subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
            capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        if parent and _git(repository, "rev-parse", f"{parent}^{{tree}}") == tree:
            return Deployed(f"git:{branch}", f"unchanged ({parent[:12]})")
        commit = _git(repository, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", "Publish the site", env=env)
        _git(repository, "update-ref", f"refs/heads/{branch}", commit)
    return Deployed(f"git:{branch}", f"committed {commit[:12]}; push it with: git push origin {branch}")
