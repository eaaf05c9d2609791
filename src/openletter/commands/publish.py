"""``invoke publish``: the checked, absolute-URL build, then a deploy to a static host.

Targets (``OPENLETTER_DEPLOY``, which publishconf.py reads from the environment variable of the
same name): ``gh-pages`` or ``git:<branch>`` commits ``output/`` to that branch of this
repository and pushes it to its remote (:mod:`.deploy`); ``rsync:<destination>`` mirrors
``output/`` there.  Nothing is published unless everything is right, and what is refused says
all that is wrong at once:

* the publish settings: ``SITEURL`` absolute (``OPENLETTER_SITEURL``), a deploy target, no pseudo-locale;
* the work tree: what is built is what is committed (``allow_dirty`` publishes it anyway, warned);
* the build: any error it finds (a translation left out of a page, a broken catalog) stops it
  before the deploy, so the branch or the destination is untouched.

The build and the deploy hold the output's lock together, so no other build changes the site
while it is being deployed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openletter.commands.build import BuildResult, build_settings, exclusive
from openletter.commands.deploy import Deployed, DeployError, commit_to_branch, push, rsync
from openletter.commands.git import remote_url, uncommitted, upstream_remote, work_tree
from openletter.errors import ErrorList, OpenletterError, Problem, raise_all
from openletter.hosting import custom_domain
from openletter.settings import (
    ABSOLUTE_URL,
    BASE_SETTINGS_FILE,
    DEPLOY_TARGETS,
    OPTIONS_KEY,
    Options,
    SettingsFile,
    load_settings,
)

__all__ = ["DeployError", "Deployed", "PublishRefused", "publish"]


class PublishRefused(OpenletterError):
    """Nothing was published: the work tree or the build is not fit to publish."""


def publish(
    config: Path,
    output: Path,
    overrides: Mapping[str, Any] | None = None,
    *,
    push_branch: bool = True,
    remote: str | None = None,
    allow_dirty: bool = False,
) -> tuple[BuildResult, Deployed]:
    """Check the publish settings and the work tree, build with them, then deploy ``output``.

    ``push_branch`` False commits a git target locally only (and skips an rsync); ``remote``
    is the git remote to push to (default: the branch's upstream, else ``origin``)."""
    settings = publish_settings(config, overrides)
    options: Options = settings[OPTIONS_KEY]
    branch = _branch(options.deploy)
    repository, remote = _check_repository(options, branch, remote, push_branch)
    dirty = _check_work_tree(options, allow_dirty)
    output = Path(output).resolve()
    with exclusive(output):
        result = build_settings(settings, output)
        result.warnings[:0] = dirty
        _refuse_errors(result, options)
        if branch is None:
            destination = options.deploy.removeprefix("rsync:")
            if not push_branch:
                return result, Deployed(options.deploy, f"not mirrored to {destination} (--no-push)")
            return result, rsync(output, destination)
        assert repository is not None and remote is not None
        cname = custom_domain(options.absolute_site_url) if options.deploy == "gh-pages" else None
        done = commit_to_branch(output, repository, branch, remote, cname)
        if cname:
            done += f" with CNAME {cname}"
        if not push_branch:
            return result, Deployed(f"git:{branch}", f"{done}; not pushed (--no-push): push it with: git push {remote} {branch}")
        return result, Deployed(f"git:{branch}", f"{done}; {push(repository, branch, remote, remote_url(repository, remote) or remote)}")


def publish_settings(config: Path, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The publish build's settings, checked: every bad value and every missing publish setting
    in one error, each on the line of the settings file that sets it."""
    file = SettingsFile(Path(config).resolve())
    try:
        settings = load_settings(config, overrides)
    except OpenletterError as error:
        found = list(error.errors) if isinstance(error, ErrorList) else [error]
        raw = _raw_settings(Path(config), overrides)
        raise_all([*found, *(publish_problems(raw, file) if raw is not None else [])])
        raise
    raise_all(publish_problems(settings, file))
    return settings


def publish_problems(settings: Mapping[str, Any], file: SettingsFile) -> list[OpenletterError]:
    """What a publish needs that a local build does not (a value of the wrong type is the
    settings check's to report, so it is left alone here)."""
    problems: list[OpenletterError] = []
    site_url = settings.get("SITEURL", "")
    if isinstance(site_url, str):
        try:
            absolute = ABSOLUTE_URL.convert(site_url)
        except ValueError:
            absolute = ""
        if not absolute:
            problems.append(
                file.error(
                    "SITEURL",
                    "must be the absolute address of the published site, such as https://user.github.io/letter or "
                    f"https://letter.example: set the environment variable OPENLETTER_SITEURL (publishconf.py reads it), got {site_url!r}",
                    site_url,
                )
            )
    if settings.get("OPENLETTER_PSEUDO_LOCALE") is True:
        problems.append(file.error("OPENLETTER_PSEUDO_LOCALE", "is for local builds (invoke build --pseudo); it is never published", True))
    if not settings.get("OPENLETTER_DEPLOY"):
        problems.append(
            file.error("OPENLETTER_DEPLOY", f"no deploy target: set it to {DEPLOY_TARGETS} (in publishconf.py or the environment)")
        )
    return problems


def _raw_settings(config: Path, overrides: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The settings file's own values (no defaults, unchecked), or None when it cannot be run."""
    from pelican.settings import get_settings_from_file

    try:
        return {**get_settings_from_file(str(config)), **(overrides or {})}
    except Exception:  # reported already: the settings check could not run it either
        return None


def _branch(deploy: str) -> str | None:
    """The branch a git target commits to; None for rsync."""
    if deploy.startswith("rsync:"):
        return None
    return "gh-pages" if deploy == "gh-pages" else deploy.removeprefix("git:")


def _check_repository(options: Options, branch: str | None, remote: str | None, push_branch: bool) -> tuple[Path | None, str | None]:
    """For a git target: the repository, and the remote the branch is pushed to, known to exist."""
    if branch is None:
        return None, None
    repository = work_tree(options.root)
    if repository is None:
        raise DeployError(f"deploying to the branch {branch} needs a git repository, and {options.root} is in none", path=options.root)
    remote = remote or upstream_remote(repository, branch)
    if push_branch and remote_url(repository, remote) is None:
        raise DeployError(
            f"no git remote {remote!r} to push {branch} to: add it (git remote add {remote} <url>), "
            "name another (invoke publish --remote <name>) or only commit the branch (invoke publish --no-push)",
            path=repository,
        )
    return repository, remote


def _check_work_tree(options: Options, allow_dirty: bool) -> list[Problem]:
    """Refuse to publish uncommitted content, catalogs, theme or settings (a warning with ``allow_dirty``)."""
    top = work_tree(options.root)
    if top is None:
        return []  # not versioned with git: nothing to compare with
    settings_files = [options.file.path, options.root / BASE_SETTINGS_FILE] if options.file.path else []
    paths = uncommitted(top, [options.content_path, options.locale_path, options.theme_path, *settings_files])
    if not paths:
        return []
    listed = "\n".join(f"  {path}" for path in paths)
    if not allow_dirty:
        raise PublishRefused(
            f"{len(paths)} path(s) not committed would be published; commit them (or stash them) first, "
            f"or publish them anyway with invoke publish --allow-dirty:\n{listed}",
            path=top,
        )
    return [Problem(top, None, "warning", "uncommitted", f"publishing {len(paths)} path(s) not committed (--allow-dirty):\n{listed}")]


def _refuse_errors(result: BuildResult, options: Options) -> None:
    """Every error the build found (it left a translation or a language out), then the refusal."""
    found: list[OpenletterError] = [problem.as_error() for problem in result.warnings if problem.severity == "error"]
    for language, problems in result.skipped.items():
        found += [problem.as_error() for problem in problems]
        found.append(OpenletterError(f"{language.code} was left out: its catalog is broken", code="skip-broken"))
    if found:
        found.append(
            PublishRefused(f"the build found {len(found)} error(s): nothing was published to {options.deploy} (fix them and publish again)")
        )
        raise_all(found)
