"""Catalog checks over a corpus of broken and hostile catalogs, each with its expected outcome,
and GNU msgfmt as the oracle: whatever `check` accepts, msgfmt --check accepts too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, REPO, SiteCopy

from openletter.checks.checker import CatalogChecker
from openletter.content.segments import new_markdown
from openletter.languages import Language
from openletter.po.pofile import read_po

BAD = DATA / "bad-po"
CASES = json.loads((BAD / "cases.json").read_text(encoding="utf-8"))
TEMPLATE = read_po(BAD / "template.pot")


def check(name: str):
    case = CASES[name]
    checker = CatalogChecker(new_markdown(), size_cap=case.get("size_cap", 1_000_000))
    return checker.check_file(BAD / name, Path(name), Language.parse(case.get("language", "de")), TEMPLATE)


def msgfmt_accepts(path: Path) -> bool:
    return subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True).returncode == 0


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_catalog_gets_exactly_its_expected_problems(name: str) -> None:
    report = check(name)
    found = {(p.severity, p.code, p.line) for p in report.problems}
    expected = {tuple(item) for item in CASES[name]["expect"]}
    assert expected <= found, [str(p) for p in report.problems]
    assert {code for _, code, _ in found} == {code for _, code, _ in expected}, [str(p) for p in report.problems]
    for problem in report.problems:
        where = f"{name}:{problem.line}" + (f":{problem.column}" if problem.column is not None else "")
        assert str(problem).startswith(f"{where}: {problem.severity}: {problem.code}: ")


@pytest.mark.parametrize("name", sorted(CASES))
def test_what_check_accepts_msgfmt_accepts(name: str) -> None:
    report = check(name)
    if not any(p.severity == "error" for p in report.problems):
        assert msgfmt_accepts(BAD / name), name


def test_content_errors_reject_only_their_entry() -> None:
    report = check("29-link-target-changed.po")
    assert report.usable and report.rejected == {(None, "Hello *world* and [a link](https://example.org/).")}


def test_shipped_catalogs_pass_check_and_msgfmt() -> None:
    checker = CatalogChecker(new_markdown(), size_cap=1_000_000)
    for path in sorted((REPO / "locale").rglob("*.po")):
        language = Language.parse(path.parent.parent.name)
        report = checker.check_file(path, path, language, read_po(REPO / "locale" / f"{path.stem}.pot"))
        assert report.problems == [], [str(p) for p in report.problems]
        assert msgfmt_accepts(path)


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "openletter.commands.cli", "check", *args], cwd=root, capture_output=True, text=True)


def test_check_command_prints_parseable_lines_a_summary_and_fails_on_errors(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    path = project.po("eo")
    catalog_text = path.read_text(encoding="utf-8")
    # Findings about a translation name its msgstr line (1-based), not the msgid's.
    title_line = catalog_text.splitlines().index(next(l for l in catalog_text.splitlines() if l.startswith('msgstr "‹'))) + 1
    path.write_text(catalog_text.replace('msgstr "‹', 'msgstr "<b>‹', 1), encoding="utf-8")
    result = run_check(project.root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"locale/eo/LC_MESSAGES/letter.po:{title_line}: error: html: raw HTML in the translation; the source has none"
    assert "3 catalog(s) of 1 translation(s) checked" in lines[-1] and "1 error(s), 0 warning(s)" in lines[-1]
    as_json = json.loads(run_check(project.root, "--format", "json").stdout)
    assert as_json["summary"]["errors"] == 1
    assert as_json["problems"][0] == {
        "path": "locale/eo/LC_MESSAGES/letter.po", "line": title_line, "severity": "error", "code": "html",
        "message": "raw HTML in the translation; the source has none", "column": None,
    }  # fmt: skip


def test_check_command_passes_on_a_clean_project(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    result = run_check(project.root)
    assert result.returncode == 0 and result.stdout.endswith("0 error(s), 0 warning(s)\n")
