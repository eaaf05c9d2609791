"""The pre-commit hook (.pre-commit-hooks.yaml), run on a copy of the project as pre-commit runs it."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO, SiteCopy, shipped_copy

CATALOG = "locale/de/LC_MESSAGES/letter.po"


def hooks() -> list[dict[str, object]]:
    declared: list[dict[str, object]] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return declared


def run_hook(hook: dict[str, object], root: Path, staged: list[str]) -> subprocess.CompletedProcess[str] | None:
    """What pre-commit does with ``hook`` for a commit of ``staged`` (pre_commit/commands/run.py and
    languages/python.py): nothing unless a staged path matches ``files`` (re.search); otherwise the
    ``entry`` split as a shell splits it, then ``args``, then the matching paths when ``pass_filenames``
    (the default), run at the repository's root with the hook's virtualenv first on PATH."""
    assert hook["language"] == "python" and hook.get("exclude", "^$") == "^$" and "types" not in hook
    files = [path for path in staged if re.search(str(hook.get("files", "")), path)]
    if not files and not hook.get("always_run", False):
        return None
    command = [*shlex.split(str(hook["entry"])), *map(str, hook.get("args", []))]  # type: ignore[call-overload]
    if hook.get("pass_filenames", True):
        command += files
    environ = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(command, cwd=root, env=environ, capture_output=True, text=True, check=False)


def test_one_hook_runs_openletter_check_when_a_commit_changes_a_catalog(tmp_path: Path) -> None:
    [hook] = hooks()
    assert {"id", "name", "entry", "language"} <= set(hook) and hook["id"] == "openletter-check"
    copy = shipped_copy(tmp_path / "site")
    for staged in (["content/letter.md"], ["locale/letter.pot", "README.md"], ["signatures/2026/2026-11-26-a.toml"]):
        assert run_hook(hook, copy.root, staged) is None, staged
    assert re.search(str(hook["files"]), "locale/pt_BR/LC_MESSAGES/theme.po")


def test_a_commit_of_a_good_catalog_passes(tmp_path: Path) -> None:
    [hook] = hooks()
    copy = shipped_copy(tmp_path / "site")
    result = run_hook(hook, copy.root, [CATALOG, "content/letter.md"])
    assert result is not None
    assert (result.returncode, result.stderr) == (0, ""), result.stdout + result.stderr
    languages = sum(folder.is_dir() for folder in (REPO / "locale").iterdir())
    summary = rf"\b{2 * languages} catalog\(s\) of {languages} translation\(s\) checked in [\d.]+ s: 0 error\(s\)"
    assert re.search(summary, result.stdout), result.stdout


def broken(copy: SiteCopy) -> int:
    """Leave the first translation of the copy's German letter catalog unterminated; its line."""
    path = copy.root / CATALOG
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith('msgstr "') and line != 'msgstr ""')
    lines[index] = lines[index].rstrip('"')
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def test_a_commit_of_a_broken_catalog_is_stopped_at_its_line(tmp_path: Path) -> None:
    [hook] = hooks()
    copy = shipped_copy(tmp_path / "site")
    line = broken(copy)
    result = run_hook(hook, copy.root, [CATALOG])
    assert result is not None and result.returncode == 1
    assert re.match(rf"{re.escape(CATALOG)}:{line}:\d+: error: syntax: ", result.stdout), result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("1 error(s), 0 warning(s)")
