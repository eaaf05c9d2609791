"""Putting a built site where the host serves it: a branch committed with ``ghp-import`` and
pushed, or a folder mirrored with ``rsync``.

``ghp-import`` (what Pelican's own quickstart tasks use) commits the tree of ``output/`` onto a
branch without touching the work tree or the index.  The push is ours rather than ghp-import's:
a site identical to the last one is then no new commit, and a failed push can say that the
commit is there and how to push it by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from openletter.commands.git import GitError, git
from openletter.errors import OpenletterError


class DeployError(OpenletterError):
    """The site was built but could not be deployed (a git or rsync failure)."""


@dataclass(frozen=True, slots=True)
class Deployed:
    """Where the site went (``git:<branch>`` or ``rsync:<destination>``), and what happened there."""

    target: str
    detail: str


def rsync(output: Path, destination: str) -> Deployed:
    """Mirror ``output`` to ``destination`` (files the site no longer has are deleted there)."""
    if shutil.which("rsync") is None:
        raise DeployError("deploying with rsync needs rsync (apt-get install rsync)", path=output)
    completed = subprocess.run(["rsync", "-a", "--delete", f"{output}/", destination], capture_output=True, text=True)
    if completed.returncode != 0:
        raise DeployError(f"rsync to {destination} failed: {completed.stderr.strip()}", path=output)
    return Deployed(f"rsync:{destination}", f"mirrored {output} to {destination}")


def _deploy_git(repository: Path, *args: str) -> str:
    try:
        return git(repository, *args)
    except GitError as error:
        raise DeployError(error.message, path=repository) from None


@contextmanager
def _in_repository(repository: Path) -> Iterator[None]:
    """ghp-import runs git in the current folder and signs with the committer's identity."""
    cwd, environ = os.getcwd(), dict(os.environ)
    os.chdir(repository)
    os.environ.setdefault("GIT_COMMITTER_NAME", _deploy_git(repository, "config", "--default", "openletter publish", "user.name"))
    os.environ.setdefault("GIT_COMMITTER_EMAIL", _deploy_git(repository, "config", "--default", "publish@openletter.invalid", "user.email"))
    try:
        yield
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(environ)


def commit_to_branch(output: Path, repository: Path, branch: str, remote: str, cname: str | None = None) -> str:
    """Commit the tree of ``output`` (with ``.nojekyll``, and ``CNAME`` naming ``cname``) onto
    ``branch``, on top of ``remote``'s copy of it when that is newer; what happened, in words."""
    import ghp_import

    before = subprocess.run(
        ["git", "-C", str(repository), "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"], capture_output=True, text=True
    ).stdout.strip()
    with _in_repository(repository):
        try:
            ghp_import.ghp_import(str(output), branch=branch, remote=remote, mesg="Publish the site", nojekyll=True, cname=cname)
        except (ghp_import.GhpError, subprocess.CalledProcessError, OSError) as error:
            raise DeployError(f"ghp-import could not commit the site to {branch}: {error}", path=repository) from None
    commit = _deploy_git(repository, "rev-parse", f"refs/heads/{branch}")
    if commit == before:
        raise DeployError(f"ghp-import did not commit the site to {branch}", path=repository)
    parent = subprocess.run(
        ["git", "-C", str(repository), "rev-parse", "--verify", "--quiet", f"{commit}^"], capture_output=True, text=True
    ).stdout.strip()
    if parent and _deploy_git(repository, "rev-parse", f"{commit}^{{tree}}") == _deploy_git(repository, "rev-parse", f"{parent}^{{tree}}"):
        _deploy_git(repository, "update-ref", f"refs/heads/{branch}", parent, commit)  # the same site: no empty commit
        return f"branch {branch} unchanged ({parent[:12]})"
    return f"committed {commit[:12]} to branch {branch}"


def push(repository: Path, branch: str, remote: str, url: str) -> str:
    """Push ``branch`` to ``remote`` (at ``url``); what was pushed where, in words."""
    commit = _deploy_git(repository, "rev-parse", f"refs/heads/{branch}")
    completed = subprocess.run(
        ["git", "-C", str(repository), "push", "--porcelain", remote, f"refs/heads/{branch}:refs/heads/{branch}"],
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise DeployError(
            f"git push {remote} {branch} failed: {completed.stderr.strip()}; the site is committed to {branch} "
            f"({commit[:12]}): push it with: git push {remote} {branch} (rejected because {remote} has newer commits "
            f"on {branch}? git fetch {remote}, then publish again: the site is committed on top of them)",
            path=repository,
        )
    return f"pushed {branch} ({commit[:12]}) to {remote} ({url})"
