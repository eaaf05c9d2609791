"""The git questions ``invoke publish`` asks of the project's repository, and the failures as errors.

A publish states what it published: the site is built from the work tree, so work in progress
there (an untracked ``locale/ca/``, an edited catalog) would go live unseen by anyone else.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from openletter.errors import OpenletterError


class GitError(OpenletterError):
    """A git command failed (its stderr is in the message)."""


def _run(repository: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    """``git -C repository args`` as it ran, or None when git is not installed."""
    if shutil.which("git") is None:
        return None
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True)


def git(repository: Path, *args: str, strip: bool = True) -> str:
    """The output of ``git -C repository args``; :class:`GitError` when it fails."""
    completed = _run(repository, *args)
    if completed is None:
        raise GitError("publishing needs git", path=repository)
    if completed.returncode != 0:
        raise GitError(f"git {' '.join(args)} failed: {completed.stderr.strip()}", path=repository)
    return completed.stdout.strip() if strip else completed.stdout


def work_tree(folder: Path) -> Path | None:
    """The top folder of the git work tree ``folder`` is in, or None when it is in none."""
    completed = _run(folder, "rev-parse", "--show-toplevel")
    return Path(completed.stdout.strip()).resolve() if completed is not None and completed.returncode == 0 else None


def uncommitted(top: Path, paths: Iterable[Path]) -> list[str]:
    """What under ``paths`` differs from the last commit: modified, staged, deleted or untracked
    (ignored files are not), as paths relative to ``top``, sorted."""
    inside = [str(path) for path in dict.fromkeys(Path(path).resolve() for path in paths) if path.exists() and path.is_relative_to(top)]
    if not inside:
        return []
    status = git(top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *inside, strip=False)
    found, fields = [], iter(status.split("\0"))
    for field in fields:
        if len(field) < 4:
            continue
        found.append(field[3:])
        if field[0] in "RC":  # a rename or copy: its old path follows
            next(fields, None)
    return sorted(found)


def remote_url(repository: Path, remote: str) -> str | None:
    """Where ``remote`` pushes to, or None when the repository has no such remote."""
    completed = _run(repository, "remote", "get-url", "--push", remote)
    return completed.stdout.strip() if completed is not None and completed.returncode == 0 else None


def upstream_remote(repository: Path, branch: str) -> str:
    """The remote ``branch`` is set to track (``git push -u``), else ``origin``."""
    return git(repository, "config", "--default", "origin", f"branch.{branch}.remote")
