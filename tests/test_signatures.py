"""Signature records (issue 16): the schema, the text rules, the naming rule, and their place in ``openletter check``."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath

import pytest
from conftest import SiteCopy

from openletter.languages import Language
from openletter.project import Project
from openletter.record_names import ID_ALPHABET, name_date, record_path
from openletter.signatures.check import check_signatures, latest_date
from openletter.signatures.record import Context, check_record
from openletter.signatures.tomllines import key_lines, syntax_location

BAD = Path(__file__).resolve().parent / "data" / "bad-signatures"
CASES = json.loads((BAD / "cases.json").read_text(encoding="utf-8"))
DEFAULT_PATH = "2026/2026-11-20-abcdefgh.toml"
TODAY = date(2026, 12, 3)
CONTEXT = Context({code: Language(code) for code in ("en", "de", "fa", "pt_BR")}, TODAY)
VALID = 'name = "Ada Lovelace"\nlanguage = "en"\ndate = 2026-11-20\n'


def check(text: str | bytes, relative: str = DEFAULT_PATH):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return check_record(data, Path("signatures", relative), PurePosixPath(relative), CONTEXT)


def test_the_corpus_has_at_least_twenty_bad_records() -> None:
    assert sum(bool(case["expect"]) for case in CASES.values()) >= 20


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_record_gets_exactly_its_expected_problems(name: str) -> None:
    case = CASES[name]
    record, problems = check((BAD / name).read_bytes(), case.get("path", DEFAULT_PATH))
    shown = [str(p) for p in problems]
    assert {(p.severity, p.code, p.line) for p in problems} == {tuple(e[:3]) for e in case["expect"]}, shown
    for severity, code, line, fragment in case["expect"]:
        assert any(p.code == code and fragment in p.message for p in problems), (fragment, shown)
    assert (record is None) == bool(case["expect"])


def test_a_valid_record_passes_with_every_field() -> None:
    record, problems = check((BAD / "00-valid.toml").read_bytes())
    assert problems == []
    assert record is not None and (record.name, record.affiliation, record.country, record.date) == (
        "Ada Lovelace", "Analytical Society", "GB", date(2026, 11, 20),
    )  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        "محمد\u200cرضا شجریان",  # a zero-width non-joiner between two letters is Persian spelling
        "山田 太郎",
        "Zoë O'Brien-Łukasiewicz",
        "Smith & Sons",  # a bare ampersand is text, not markup
    ],
)
def test_real_names_in_any_script_pass(name: str) -> None:
    record, problems = check(VALID.replace("Ada Lovelace", name).replace('"en"', '"fa"'))
    assert problems == [] and record is not None and record.name == name


def test_a_record_dated_today_anywhere_on_earth_is_not_in_the_future() -> None:
    assert latest_date(datetime(2026, 12, 3, 11, 0, tzinfo=UTC)) == date(2026, 12, 4)
    assert latest_date(datetime(2026, 12, 3, 9, 0, tzinfo=UTC)) == date(2026, 12, 3)
    _, problems = check(VALID.replace("2026-11-20", "2026-12-03"), "2026/2026-12-03-abcdefgh.toml")
    assert problems == []


def test_key_lines_name_each_top_level_key_and_skip_multiline_strings() -> None:
    text = 'name = "A"\n\n"e-mail" = "x"\nrole = """\nlanguage = not a key\n"""\n\'date\'=1\n[extra]\nsub.key = 2\n'
    assert key_lines(text) == {"name": 1, "e-mail": 3, "role": 4, "date": 7, "extra": 8, "sub": 9}
    # tomllib counts lines at LF only: a line separator inside a value does not start a line.
    assert key_lines('name = "A\u2028B\x0cC"\nlanguage = "en"\n') == {"name": 1, "language": 2}


def test_syntax_location_reads_tomllibs_line_and_column() -> None:
    assert syntax_location("Invalid value (at line 3, column 8)", "a\nb\nc\n") == (3, 8, "Invalid value")
    assert syntax_location("Unclosed array (at end of document)", "a\nb\n") == (2, None, "Unclosed array")
    assert syntax_location("Unclosed array (at end of document)", "a\u2028b\n") == (1, None, "Unclosed array")


def test_new_record_paths_follow_the_rule_and_do_not_collide() -> None:
    paths = {record_path(date(2026, 12, 3)) for _ in range(200)}
    assert len(paths) == 200
    for path in paths:
        assert path.parts[:2] == ("signatures", "2026")
        assert name_date(path.relative_to("signatures")) == "2026-12-03"
    assert str(record_path(date(2026, 1, 2), "abcdefgh")) == "signatures/2026/2026-01-02-abcdefgh.toml"
    assert name_date(PurePosixPath("2026/2026-01-02-ABCDEFGH.toml")) is None  # lowercase only: one spelling per id


def make_project(root: Path, records: dict[str, str] | None = None) -> Project:
    for code in ("de", "fa"):
        (root / "locale" / code).mkdir(parents=True)
    for relative, text in (records or {}).items():
        path = root / "signatures" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Project(root, root / "content", root / "locale", root / "theme", Language("en"), "bugs@example.org")


def test_a_project_without_signatures_has_nothing_to_check(tmp_path: Path) -> None:
    report = check_signatures(make_project(tmp_path))
    assert (report.files, report.records, report.problems) == (0, [], [])


def test_the_project_check_knows_locale_folders_skips_the_readme_and_refuses_stray_files(tmp_path: Path) -> None:
    project = make_project(tmp_path, {
        "README.md": "# Signatures\n",
        "2026/2026-11-20-aaaaaaaa.toml": VALID.replace('"en"', '"de"'),
        "2026/2026-11-21-bbbbbbbb.toml": VALID.replace('"en"', '"it"').replace("11-20", "11-21"),
        "2026/notes.txt": "x",
    })  # fmt: skip
    report = check_signatures(project, latest=TODAY)
    assert report.files == 2 and len(report.records) == 1
    assert sorted((str(p.path), p.code) for p in report.problems) == [
        ("signatures/2026/2026-11-21-bbbbbbbb.toml", "language-code"),
        ("signatures/2026/notes.txt", "file-name"),
    ]


def test_near_duplicates_warn_naming_both_files(tmp_path: Path) -> None:
    first, second, other = "2026/2026-11-20-aaaaaaaa.toml", "2026/2026-11-21-bbbbbbbb.toml", "2026/2026-11-21-cccccccc.toml"
    project = make_project(tmp_path, {
        first: 'name = "Ada Lovelace"\naffiliation = "Analytical  Society"\nlanguage = "en"\ndate = 2026-11-20\n',
        # Case, compatibility forms (fullwidth letters) and runs of spaces do not make another person.
        second: 'affiliation = "analytical society"\nname = "ADA  Ｌovelace"\nlanguage = "en"\ndate = 2026-11-21\n',
        # Same name, another affiliation: another person, perhaps.
        other: 'name = "Ada Lovelace"\naffiliation = "Royal Society"\nlanguage = "en"\ndate = 2026-11-21\n',
    })  # fmt: skip
    problems = check_signatures(project, latest=TODAY).problems
    assert [(p.severity, p.code, str(p.path), p.line) for p in problems] == [("warning", "duplicate", f"signatures/{second}", 2)]  # its name's line
    assert f"signatures/{first}" in problems[0].message and f"signatures/{second}" in problems[0].message


def test_a_thousand_records_check_quickly(tmp_path: Path) -> None:
    texts = {}
    for n in range(1000):
        signed = date(2026, 1 + n % 11, 1 + n % 28)
        record_id = "".join(ID_ALPHABET[n >> shift & 31] for shift in range(0, 40, 5))
        texts[str(record_path(signed, record_id).relative_to("signatures"))] = (
            f'name = "Signer {n}"\naffiliation = "Org {n % 37}"\ncountry = "FR"\nlanguage = "fa"\ndate = {signed}\n'
        )
    project = make_project(tmp_path, texts)
    started = time.perf_counter()
    report = check_signatures(project, latest=TODAY)
    elapsed = time.perf_counter() - started
    print(f"\n1000 records checked in {elapsed:.3f} s")
    assert report.problems == [] and len(report.records) == 1000


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "openletter.commands.cli", "check", *args], cwd=root, capture_output=True, text=True)


def test_check_command_reports_signature_problems_and_fails(project: SiteCopy) -> None:
    bad = project.root / "signatures" / "2026" / "2026-11-20-abcdefgh.toml"
    bad.parent.mkdir(parents=True)
    bad.write_text(VALID + 'email = "ada@example.org"\n', encoding="utf-8")
    result = run_check(project.root)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("signatures/2026/2026-11-20-abcdefgh.toml:4: error: unknown-key: unknown key 'email'")
    assert "and 1 signature(s) checked" in lines[-1] and "1 error(s), 0 warning(s)" in lines[-1]
    as_json = json.loads(run_check(project.root, "--format", "json").stdout)
    assert as_json["summary"]["signatures"] == 1 and as_json["summary"]["errors"] == 1
    assert as_json["problems"][0]["path"] == "signatures/2026/2026-11-20-abcdefgh.toml" and as_json["problems"][0]["line"] == 4
    bad.write_text(VALID, encoding="utf-8")
    assert run_check(project.root).returncode == 0


def test_the_readme_documents_every_key_and_every_refusal_code() -> None:
    from openletter.signatures.record import SCHEMA

    readme = (Path(__file__).resolve().parent.parent / "signatures" / "README.md").read_text(encoding="utf-8")
    for key in SCHEMA:
        assert f"| `{key}` |" in readme
    text_codes = {code for case in CASES.values() for _, code, _, _ in case["expect"]} & {
        "empty", "whitespace", "nfc", "control-char", "invisible-char", "markup", "email", "url",
    }  # fmt: skip
    for code in text_codes:
        assert f"`{code}`" in readme


def test_a_reviewed_false_positive_is_silenced_by_not_duplicate_of_either_way(tmp_path: Path) -> None:
    first, second, third = "2026/2026-11-20-aaaaaaaa.toml", "2026/2026-11-21-bbbbbbbb.toml", "2026/2026-11-22-cccccccc.toml"
    ada = 'name = "Ada Lovelace"\nlanguage = "en"\ndate = {}\n'
    records = {first: ada.format("2026-11-20"), second: ada.format("2026-11-21"), third: ada.format("2026-11-22")}
    problems = check_signatures(make_project(tmp_path / "before", records), latest=TODAY).problems
    assert [(str(p.path), p.code) for p in problems] == [(f"signatures/{second}", "duplicate"), (f"signatures/{third}", "duplicate")]
    assert 'add not-duplicate-of = ["2026-11-20-aaaaaaaa"] to signatures/2026/2026-11-21-bbbbbbbb.toml' in problems[0].message
    # The second names the first; the first names the third (the older record may carry the mark too).
    records[second] += 'not-duplicate-of = ["2026-11-20-aaaaaaaa"]\n'
    records[first] += 'not-duplicate-of = ["2026-11-22-cccccccc"]\n'
    problems = check_signatures(make_project(tmp_path / "after", records), latest=TODAY).problems
    # The third is still the same name as the second, which nobody said was another person.
    assert [(str(p.path), p.line) for p in problems] == [(f"signatures/{third}", 1)]
    assert f"signatures/{second}" in problems[0].message


def test_not_duplicate_of_names_existing_records_by_their_ids(tmp_path: Path) -> None:
    record, problems = check(VALID + 'not-duplicate-of = "2026-11-20-aaaaaaaa"\n')
    assert record is None and [(p.code, p.line) for p in problems] == [("type", 4)]
    assert check(VALID + 'not-duplicate-of = ["Ada Lovelace"]\n')[1][0].code == "type"
    gone = "2026/2026-11-20-aaaaaaaa.toml"
    problems = check_signatures(make_project(tmp_path, {gone: VALID + 'not-duplicate-of = ["2026-11-19-zzzzzzzz"]\n'}), latest=TODAY).problems
    assert [(p.severity, p.code, p.line) for p in problems] == [("warning", "duplicate", 4)]
    assert "'2026-11-19-zzzzzzzz', which is no record" in problems[0].message


@pytest.mark.parametrize(
    "name",
    ['Jürgen "Jo" Mül\\ler', "O'Brien & Sons", "محمد\u200cعلی", "李小龍", "trailing backslash \\", 'a """ b', "tab\there", "line\nbreak\x7f"],
)
def test_record_text_is_toml_that_reads_back_as_written(name: str) -> None:
    import tomllib

    from openletter.signatures.writing import record_text

    text = record_text(name, "de", date(2026, 11, 20), affiliation="Uni \\ Köln", country="DE")
    assert tomllib.loads(text) == {"name": name, "affiliation": "Uni \\ Köln", "country": "DE", "language": "de", "date": date(2026, 11, 20)}
    assert "\t" not in text and text.count("\n") == 5  # control characters escaped: one key a line


def test_record_text_writes_the_schemas_order_leaves_out_empty_fields_and_passes_the_check() -> None:
    from openletter.signatures.writing import record_text

    text = record_text("Ada Lovelace", "pt_BR", date(2026, 11, 20), role="Mathematician")
    assert text == 'name = "Ada Lovelace"\nrole = "Mathematician"\nlanguage = "pt_BR"\ndate = 2026-11-20\n'
    record, problems = check(text)
    assert problems == [] and record is not None and record.role == "Mathematician"
