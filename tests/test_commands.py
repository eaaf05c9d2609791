"""The commands people type: clear path:line errors, exit status 1, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SiteCopy

from openletter.commands import cli

OPENLETTER = [sys.executable, "-m", "openletter.commands.cli"]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("FR", "error: language code 'FR' is not in canonical form; use 'fr'"),
        ("../x", "error: invalid language code '../x'"),
        ("en_US.UTF-8", "error: language code 'en_US.UTF-8' is not in canonical form; use 'en_US'"),
        ("xx", "error: unknown language code 'xx' (not in CLDR)"),
    ],
)
def test_add_language_refuses_with_a_message_and_status_1(
    project: SiteCopy, code: str, message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In this process (the command is the same function ``python -m openletter.commands.cli`` runs;
    the broken-catalog test below runs it as a process)."""
    monkeypatch.chdir(project.root)
    assert cli.main(["extract"]) == 0
    capsys.readouterr()
    assert cli.main(["add-language", code]) == 1
    assert capsys.readouterr().err.startswith(message)
    assert sorted(p.name for p in (project.root / "locale").iterdir() if p.is_dir()) == []


def test_a_broken_catalog_is_reported_as_path_line_and_exit_1(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    path = project.po("eo")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(20, 'msgid "bad \\q escape"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run([*OPENLETTER, "build", "--output", "output"], project.root)
    assert result.returncode == 1
    assert result.stderr.startswith("locale/eo/LC_MESSAGES/letter.po:21:12: error: syntax: invalid escape sequence '\\q'")
    assert "Traceback" not in result.stderr
    assert not (project.root / "output").exists()


def test_invoke_tasks_run_the_whole_flow(tmp_path: Path) -> None:
    """tasks.py as a maintainer uses it: extract, add-language, update, build."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("content", "theme"):
        shutil.copytree(REPO / name, root / name)
    (root / "locale").mkdir()
    for name in ("letter.cfg", "theme.cfg", "letter.pot", "theme.pot"):
        shutil.copy(REPO / "locale" / name, root / "locale" / name)
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(REPO / name, root / name)
    (root / "node_modules").symlink_to(REPO / "node_modules")
    invoke = [sys.executable, "-m", "invoke"]
    assert run([*invoke, "extract"], root).stdout.endswith("0 file(s) written, 2 unchanged\n")
    added = run([*invoke, "add-language", "pt_BR"], root)
    assert added.returncode == 0 and "wrote locale/pt_BR/LC_MESSAGES/letter.po" in added.stdout
    assert "http://127.0.0.1:8000/pt-br/" in added.stdout and "invoke check" in added.stdout and "invoke preview" in added.stdout
    assert run([*invoke, "update"], root).returncode == 0
    built = run([*invoke, "build"], root)
    assert built.returncode == 0, built.stderr
    assert (root / "output" / "pt-br" / "index.html").exists()
    listed = run([*invoke, "--list"], root).stdout
    assert "preview (livereload, reserve)" in listed and "publish-build" in listed  # one preview, its old names as aliases
    for name in ("preview", "livereload", "serve", "regenerate"):
        assert run([*invoke, "--help", name], root).returncode == 0
    failed = run([*invoke, "add-language", "PT"], root)
    assert failed.returncode == 1 and "use 'pt'" in failed.stderr and "Traceback" not in failed.stderr


def test_a_failed_build_says_the_site_was_kept_and_how_to_build_without_the_broken_language(
    project: SiteCopy, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project.root)
    project.add_pseudo_language("eo")
    assert cli.main(["build", "--output", "output"]) == 0
    before = (project.root / "output" / "eo" / "index.html").read_bytes()
    capsys.readouterr()
    path = project.po("eo")
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "', 'msgstr "\\q', 1), encoding="utf-8")
    assert cli.main(["build", "--output", "output"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("locale/eo/LC_MESSAGES/letter.po:") and "Traceback" not in err
    assert err[1:] == [
        f"build failed: {project.root / 'output'} was left as it was",
        "to build the other languages, leaving out those with a broken catalog (their previous pages are kept): invoke build --skip-broken",
    ]
    assert (project.root / "output" / "eo" / "index.html").read_bytes() == before
    # A failure that --skip-broken cannot help (a theme template) does not suggest it.
    (project.root / "theme" / "templates" / "base.html").write_text("{% if %}", encoding="utf-8")
    assert cli.main(["build", "--output", "output", "--skip-broken"]) == 1
    assert "--skip-broken" not in capsys.readouterr().err
