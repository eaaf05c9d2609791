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


# -- format strings: `check` refuses what `msgfmt --check-format` refuses ----------------------------

GERMAN = "nplurals=2; plural=(n != 1);"
RUSSIAN = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
JAPANESE = "nplurals=1; plural=0;"
#: (flags, msgid, msgid_plural, translations, Plural-Forms, accepted)
FORMAT_CASES = [
    ("c-format", "%d files in %s", None, ["%d Dateien in %s"], GERMAN, True),
    ("c-format", "%d files in %s", None, ["%s Dateien in %d"], GERMAN, False),
    ("c-format", "%d files in %s", None, ["%d Dateien"], GERMAN, False),
    ("c-format", "%d files", None, ["%d Dateien in %s"], GERMAN, False),
    ("c-format", "%1$s: %2$d", None, ["%2$d: %1$s"], GERMAN, True),
    ("c-format", "%1$s: %2$d", None, ["%2$d"], GERMAN, False),
    ("c-format", "%lld bytes", None, ["%d Bytes"], GERMAN, False),
    ("c-format", "'%.*s' not found", None, ["'%.*s' nicht gefunden"], GERMAN, True),
    ("c-format", "%s", None, ["%Is"], GERMAN, True),
    ("c-format", "%<PRId64> items", None, ["%<PRId64> Elemente"], GERMAN, True),
    ("c-format", "100%% sure", None, ["100% sicher"], GERMAN, False),
    ("c-format", "%y is no directive", None, ["%d"], GERMAN, True),
    ("no-c-format", "%d", None, ["%s"], GERMAN, True),
    ("fuzzy, c-format", "%d", None, ["%s"], GERMAN, True),
    ("python-format", "%(n)d of %(total)d", None, ["%(total)d: %(n)d"], GERMAN, True),
    ("python-format", "%(n)d of %(total)d", None, ["%(n)s von %(total)d"], GERMAN, False),
    ("python-format", "%(n)d", None, ["%(m)d"], GERMAN, False),
    ("python-format", "%(n)d", None, ["%(n"], GERMAN, False),
    ("python-format", "%s and %s", None, ["%s und %s"], GERMAN, True),
    ("python-format", "%s and %s", None, ["%s"], GERMAN, False),
    ("python-format", "%(name)s", None, ["%s"], GERMAN, False),
    ("possible-python-format", "%(name)s", None, ["Name"], GERMAN, False),
    ("python-format", "%(n)d item", "%(n)d items", ["ein Element", "%(n)d Elemente"], GERMAN, True),
    ("python-format", "%(n)d item", "%(n)d items", ["%(n)d Element", "Elemente"], GERMAN, False),
    ("python-format", "%d item", "%d items", ["ein Element", "%d Elemente"], GERMAN, False),
    ("python-brace-format", "{name} signed", None, ["{name} hat unterschrieben"], GERMAN, True),
    ("python-brace-format", "{name} signed", None, ["unterschrieben"], GERMAN, False),
    ("python-brace-format", "{name} signed", None, ["{nom} a signé"], GERMAN, False),
    ("python-brace-format", "{n} item", "{n} items", ["ein Element", "{n} Elemente"], GERMAN, True),
    ("python-brace-format", "{n} item", "{n} items", ["{n} Element", "Elemente"], GERMAN, False),
    ("c-format", "%d file", "%d files", ["%d файл", "%d файла", "%d файлов"], RUSSIAN, True),
    ("c-format", "%d file", "%d files", ["один файл", "%d файла", "%d файлов"], RUSSIAN, False),
    ("c-format", "%d file", "%d files", ["%dファイル"], JAPANESE, True),
    ("c-format", "%d file", "%d files", ["ファイル"], JAPANESE, False),
    ("c-format, range: 1..2", "%d file", "%d files", ["eine Datei", "zwei Dateien"], GERMAN, True),
]


def format_catalog(flags: str, msgid: str, plural: str | None, forms: list[str], rule: str) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    body = f"#, {flags}\nmsgid {quoted(msgid)}\n"
    if plural is None:
        body += f"msgstr {quoted(forms[0])}\n"
    else:
        body += f"msgid_plural {quoted(plural)}\n" + "".join(f"msgstr[{i}] {quoted(form)}\n" for i, form in enumerate(forms))
    return f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: {rule}\\n"\n\n{body}'


def format_problems(path: Path) -> list[str]:
    report = CatalogChecker(new_markdown(), size_cap=1_000_000).check_file(path, path, None, read_po(path))
    return [str(problem) for problem in report.problems]


@pytest.mark.parametrize("case", FORMAT_CASES, ids=lambda case: f"{case[0]}:{case[1]}->{'|'.join(case[3])}")
def test_format_strings_are_checked_as_msgfmt_checks_them(tmp_path: Path, case: tuple) -> None:
    """msgfmt reads the header's Plural-Forms (--check-header) to know which plural forms stand for
    a single number and may leave a directive out; without it, it relaxes every form."""
    flags, msgid, plural, forms, rule, accepted = case
    path = tmp_path / "de.po"
    path.write_text(format_catalog(flags, msgid, plural, forms, rule), encoding="utf-8")
    msgfmt = subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", os.devnull, str(path)], capture_output=True)
    problems = format_problems(path)
    assert (msgfmt.returncode == 0) == accepted, msgfmt.stderr.decode()
    assert (not problems) == accepted, problems


def test_a_format_finding_names_the_msgstr_line_and_the_directive(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text(
        format_catalog("python-format", "%(count)d of %(total)d parts", None, ["x"], GERMAN).replace(
            'msgstr "x"', 'msgstr ""\n"Teile: %(count)d\\n"\n"von %(summe)d"'
        ),
        encoding="utf-8",
    )
    assert format_problems(path) == [
        f"{path}:10: error: placeholders: %(summe)d: the source has no argument named 'summe' "
        "(python-format; the msgid is '%(count)d of %(total)d parts')"
    ]


def test_a_plural_form_may_not_add_a_brace_field_which_gettext_0_21_let_through(tmp_path: Path) -> None:
    """gettext 0.21 accepts a '{name}' the source does not have in a form that may omit fields;
    0.24 refuses it (commit 0ee87eb94), and so do we: msgfmt of either version then accepts what we accept."""
    path = tmp_path / "de.po"
    path.write_text(format_catalog("python-brace-format", "{n} item", "{n} items", ["{name}", "{n} Elemente"], GERMAN), encoding="utf-8")
    msgfmt = subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", os.devnull, str(path)], capture_output=True)
    assert msgfmt.returncode == 0
    assert format_problems(path) == [f"{path}:9: error: placeholders: {{name}}: the source has no field {{name}} (python-brace-format; the msgid_plural is '{{n}} items')"]


def test_a_python_format_mistake_is_reported_once_naming_the_directive() -> None:
    """The theme's %(name)s comparison and msgfmt's are one finding, not two."""
    assert [str(problem) for problem in check("38-placeholder-renamed.po").problems] == [
        "38-placeholder-renamed.po:9: error: placeholders: %(datum)s: the source has no argument named 'datum' "
        "(python-format; the msgid is 'Published on %(date)s')"
    ]
