"""The commands people type: clear path:line errors, exit status 1, never a traceback."""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SiteCopy

from openletter.commands import actions, cli

OPENLETTER = [sys.executable, "-m", "openletter.commands.cli"]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("../x", "error: invalid language code '../x'"),
        ("en_US.UTF-8", "error: invalid language code 'en_US.UTF-8'; use 'en_US'"),
        ("xx", "error: unknown language code 'xx' (not in CLDR)"),
        ("jp", "error: unknown language code 'jp' (not in CLDR); did you mean 'ja'?"),
        ("EN", "error: 'en' is the source language"),
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


@pytest.mark.parametrize(
    ("typed", "folder", "note"),
    [
        ("pt-BR", "pt_BR", "note: CLDR's 'pt' is Portuguese as written in Brazil too."),
        ("ca-ES", "ca_ES", "note: CLDR's 'ca' is Catalan as written in Spain too."),
        ("zh-Hans", "zh_Hans", None),  # a script, not a region: nothing shorter to suggest
        ("CA_ad", "ca_AD", None),  # Andorra is not where CLDR's ca is written
    ],
)
def test_add_language_takes_any_case_and_separator_and_says_which_folder_it_made(project: SiteCopy, typed: str, folder: str, note: str | None) -> None:
    project.catalogs().extract()
    out = io.StringIO()
    assert actions.add_language(project.config, typed, out=out) == 0
    printed = out.getvalue()
    assert sorted(p.name for p in (project.root / "locale").iterdir() if p.is_dir()) == [folder]
    slug = folder.lower().replace("_", "-")
    assert f"created locale/{folder}/: " in printed and f"published at /{slug}/" in printed
    if note is None:
        assert "note:" not in printed
    else:
        short = folder.split("_")[0]
        assert note in printed and f"delete locale/{folder}/ and run 'invoke add-language {short}'" in printed


def test_no_short_code_note_beside_another_variant_of_the_language(project: SiteCopy) -> None:
    project.catalogs().extract()
    assert actions.add_language(project.config, "pt-PT", out=io.StringIO()) == 0
    out = io.StringIO()
    assert actions.add_language(project.config, "pt-br", out=out) == 0
    assert "created locale/pt_BR/" in out.getvalue() and "note:" not in out.getvalue()


def test_a_broken_catalog_is_reported_as_path_line_and_exit_1(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    path = project.po("eo")
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if n > 20 and line.startswith('msgstr "') and line != 'msgstr ""')
    lines[number - 1] = 'msgstr "bad \\q escape"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run([*OPENLETTER, "build", "--output", "output"], project.root)
    assert result.returncode == 1
    assert result.stderr.startswith(f"locale/eo/LC_MESSAGES/letter.po:{number}:13: error: syntax: invalid escape sequence '\\q'")
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
    failed = run([*invoke, "add-language", "PT-br"], root)  # the same language, spelled as a URL spells it
    assert failed.returncode == 1 and "language 'pt_BR' already exists" in failed.stderr and "Traceback" not in failed.stderr


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


#: What reStructuredText would leave in a help text: ``literals``, :roles:, a literal block's ``::``.
RST_MARKUP = re.compile(r"``|:[a-z]+:`|::")

#: invoke tasks other sessions own (preview and publish, the Pelican server tasks) are not checked here.
TASKS = ("extract", "update", "add-language", "clean", "check", "stats", "apply", "build", "rebuild")


#: The commands of ``openletter``.
COMMANDS = ("extract", "update", "add-language", "check", "stats", "apply", "build")


def help_of(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        cli.main([*args, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


def cli_parser(monkeypatch: pytest.MonkeyPatch) -> argparse.ArgumentParser:
    """The parser ``openletter`` builds (caught as it starts parsing)."""
    made: list[argparse.ArgumentParser] = []

    def caught(self: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        made.append(self)
        raise SystemExit(0)

    with monkeypatch.context() as patch:
        patch.setattr(argparse.ArgumentParser, "parse_args", caught)
        with pytest.raises(SystemExit):
            cli.main([])
    return made[0]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_and_option_has_a_plain_text_help(
    command: str | None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main = cli_parser(monkeypatch)
    (commands,) = [action for action in main._actions if isinstance(action, argparse._SubParsersAction)]
    assert sorted(commands.choices) == sorted(COMMANDS)
    parser = main if command is None else commands.choices[command]
    text = help_of([] if command is None else [command], capsys)
    assert not RST_MARKUP.search(text), text
    assert parser.description and " ".join(parser.description.split()) in " ".join(text.split())
    for action in parser._actions:
        assert action.help and action.help != argparse.SUPPRESS, f"{command} {action.option_strings or action.dest} has no help"
    if command is None:
        assert all(choice.help for choice in commands._choices_actions)


def test_every_invoke_task_parameter_has_a_help() -> None:
    from invoke import Collection
    from invoke.loader import FilesystemLoader

    module, _ = FilesystemLoader(start=str(REPO)).load("tasks")
    tasks = Collection.from_module(module)
    for name in TASKS:
        task = tasks[name]
        assert task.__doc__ and not RST_MARKUP.search(task.__doc__), name
        for argument in task.get_arguments():
            assert argument.help, f"invoke {name} --{argument.name} has no help"
