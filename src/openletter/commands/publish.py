"""``invoke publish``: the checked, absolute-URL build, then a deploy to a static host.

Targets (``OPENLETTER_DEPLOY``, which publishconf.py reads from the environment variable of the
same name): ``gh-pages`` or ``git:<branch>`` commits ``output/`` to that branch of this
repository with ``ghp-import`` (what Pelican's own quickstart tasks use), leaving the work tree
and index alone; ``rsync:<destination>`` mirrors ``output/`` there with ``rsync --delete``.  The
build and the deploy hold the output's lock together, so no other build changes the site while
it is being deployed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openletter.commands.build import BuildResult, build_settings, exclusive
from openletter.errors import OpenletterError, raise_all
from openletter.settings import DEPLOY_TARGETS, OPTIONS_KEY, Options, load_settings


class DeployError(OpenletterError):
    """The site was built but could not be deployed (a git or rsync failure)."""


@dataclass(frozen=True, slots=True)
class Deployed:
    target: str
    detail: str


def publish(config: Path, output: Path, overrides: Mapping[str, Any] | None = None) -> tuple[BuildResult, Deployed]:
    """Check the publish settings, build with them, then deploy ``output``."""
    settings = load_settings(config, overrides)
    options: Options = settings[OPTIONS_KEY]
    file = options.file
    problems = []
    if not options.absolute_site_url:
        problems.append(
            file.error("SITEURL", f"must be the absolute address of the published site (set OPENLETTER_SITEURL), got {options.site_url!r}", options.site_url)
        )
    if options.pseudo_locale:
        problems.append(file.error("OPENLETTER_PSEUDO_LOCALE", "is for local builds (invoke build --pseudo); it is never published", True))
    if not options.deploy:
        problems.append(file.error("OPENLETTER_DEPLOY", f"no deploy target: set it to {DEPLOY_TARGETS} (in publishconf.py or the environment)"))
    raise_all(problems)
    output = Path(output).resolve()
    with exclusive(output):
        result = build_settings(settings, output)
        if options.deploy.startswith("rsync:"):
            return result, _rsync(output, options.deploy.removeprefix("rsync:"))
        branch = "gh-pages" if options.deploy == "gh-pages" else options.deploy.removeprefix("git:")
        return result, _commit_to_branch(output, options.root, branch)


def _rsync(output: Path, destination: str) -> Deployed:
    if shutil.which("rsync") is None:
        raise DeployError("deploying with rsync needs rsync (apt-get install rsync)", path=output)
    completed = subprocess.run(["rsync", "-a", "--delete", f"{output}/", destination], capture_output=True, text=True)
    if completed.returncode != 0:
        raise DeployError(f"rsync to {destination} failed: {completed.stderr.strip()}", path=output)
    return Deployed(f"rsync:{destination}", "mirrored")


def _git(repository: Path, *args: str) -> str:
    completed = subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True)
    if completed.returncode != 0:
        raise DeployError(f"git {' '.join(args)} failed: {completed.stderr.strip()}", path=repository)
    return completed.stdout.strip()


@contextmanager
def _in_repository(repository: Path) -> Iterator[None]:
    """ghp-import runs git in the current folder and signs with the committer's identity."""
    cwd, environ = os.getcwd(), dict(os.environ)
    os.chdir(repository)
    os.environ.setdefault("GIT_COMMITTER_NAME", _git(repository, "config", "--default", "openletter publish", "user.name"))
    os.environ.setdefault("GIT_COMMITTER_EMAIL", _git(repository, "config", "--default", "publish@openletter.invalid", "user.email"))
    try:
        yield
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(environ)


def _commit_to_branch(output: Path, repository: Path, branch: str) -> Deployed:
    """Commit the tree of ``output`` onto ``branch`` without touching the work tree or index."""
    import ghp_import

    if shutil.which("git") is None:
        raise DeployError("deploying to a branch needs git", path=repository)
    _git(repository, "rev-parse", "--git-dir")
    before = subprocess.run(
        ["git", "-C", str(repository), "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"], capture_output=True, text=True
    ).stdout.strip()
    with _in_repository(repository):
        try:
            ghp_import.ghp_import(str(output), branch=branch, mesg="Publish the site", nojekyll=True)
        except (ghp_import.GhpError, subprocess.CalledProcessError, OSError) as error:
            raise DeployError(f"ghp-import could not commit the site to {branch}: {error}", path=repository) from None
    commit = _git(repository, "rev-parse", f"refs/heads/{branch}")
    if commit == before:
        raise DeployError(f"ghp-import did not commit the site to {branch}", path=repository)
    if before and _git(repository, "rev-parse", f"{commit}^{{tree}}") == _git(repository, "rev-parse", f"{before}^{{tree}}"):
        _git(repository, "update-ref", f"refs/heads/{branch}", before, commit)  # the same site: no empty commit
        return Deployed(f"git:{branch}", f"unchanged ({before[:12]})")
    return Deployed(f"git:{branch}", f"committed {commit[:12]}; push it with: git push origin {branch}")
