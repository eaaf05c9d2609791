"""``check --format github|gitlab|sarif``: what GitHub, GitLab and SARIF viewers read, escaped as they
unescape it, with the fields their documentation requires; golden files show each whole."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, REPO, SiteCopy

from openletter.checks import formats
from openletter.errors import Problem

GOLDEN = DATA / "golden"

PROBLEMS = [
    Problem(Path("locale/eo/LC_MESSAGES/letter.po"), 21, "error", "syntax", "invalid escape sequence '\\q'", 12),
    Problem(Path("locale/eo/LC_MESSAGES/letter.po"), 40, "warning", "whitespace", "trailing space: 'a, b: c'"),
    Problem(Path("locale/de"), None, "error", "missing", "no letter.po"),
    Problem(Path("signatures/odd, name: x%.toml"), 3, "error", "text", "100% sure\r\nsecond line"),
    # The same finding twice in one file (say, two entries with the same mistake).
    Problem(Path("locale/eo/LC_MESSAGES/letter.po"), 50, "error", "html", "raw HTML in the translation; the source has none"),
    Problem(Path("locale/eo/LC_MESSAGES/letter.po"), 60, "error", "html", "raw HTML in the translation; the source has none"),
]


def unescape_property(text: str) -> str:
    """As the Actions runner reads a property back (ActionCommand.cs: ``%25`` last)."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def unescape_data(text: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command split as the runner splits it: ``::name k=v,k=v::message``."""
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match[2].split(","))
    return match[1], {key: unescape_property(value) for key, value in properties.items()}, unescape_data(match[3])


@pytest.mark.parametrize(("name", "render"), [("github.txt", formats.github), ("gitlab.json", formats.gitlab), ("sarif.json", formats.sarif)])
def test_each_format_matches_its_golden_file(name: str, render) -> None:
    assert render(PROBLEMS) == (GOLDEN / f"check-{name}").read_text(encoding="utf-8")


def test_github_commands_round_trip_through_the_runners_unescaping() -> None:
    lines = formats.github(PROBLEMS).splitlines()
    assert len(lines) == len(PROBLEMS)
    for line, problem in zip(lines, PROBLEMS, strict=True):
        command, properties, message = parse_command(line)
        assert command == problem.severity
        assert message == problem.message
        assert properties["file"] == problem.path.as_posix()
        assert properties["title"] == f"openletter {problem.code}"
        assert properties.get("line") == (str(problem.line) if problem.line is not None else None)
        assert properties.get("col") == (str(problem.column) if problem.column is not None else None)


def test_github_escapes_percent_first_and_ends_properties_at_commas_and_colons() -> None:
    line = formats.github([PROBLEMS[3]])
    assert line == "::error file=signatures/odd%2C name%3A x%25.toml,line=3,title=openletter text::100%25 sure%0D%0Asecond line\n"
    # The message keeps ':' and ',' (only properties are split at them).
    assert formats.github([PROBLEMS[1]]).endswith("::trailing space: 'a, b: c'\n")


def test_github_omits_line_and_column_when_unknown() -> None:
    assert formats.github([PROBLEMS[2]]) == "::error file=locale/de,title=openletter missing::no letter.po\n"


def test_gitlab_issues_have_the_documented_fields_and_severities() -> None:
    issues = json.loads(formats.gitlab(PROBLEMS))
    assert isinstance(issues, list) and len(issues) == len(PROBLEMS)
    for issue, problem in zip(issues, PROBLEMS, strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["description"] == problem.message and issue["check_name"] == problem.code
        assert issue["severity"] == {"error": "major", "warning": "minor"}[problem.severity]
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"] == {"path": problem.path.as_posix(), "lines": {"begin": problem.line or 1}}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])


def test_gitlab_fingerprints_are_unique_and_survive_a_moved_line() -> None:
    fingerprints = [issue["fingerprint"] for issue in json.loads(formats.gitlab(PROBLEMS))]
    assert len(set(fingerprints)) == len(fingerprints)  # GitLab shows one issue per fingerprint
    moved = [Problem(p.path, p.line + 7 if p.line is not None else None, p.severity, p.code, p.message, p.column) for p in PROBLEMS]
    assert [issue["fingerprint"] for issue in json.loads(formats.gitlab(moved))] == fingerprints
    reworded = Problem(PROBLEMS[0].path, 21, "error", "syntax", "invalid escape sequence '\\w'", 12)
    assert json.loads(formats.gitlab([reworded]))[0]["fingerprint"] != fingerprints[0]


def test_gitlab_report_of_no_problems_is_an_empty_array() -> None:
    assert json.loads(formats.gitlab([])) == []


def test_sarif_has_the_properties_the_2_1_0_schema_requires() -> None:
    log = json.loads(formats.sarif(PROBLEMS, "https://example.org/letter"))
    # sarifLog: version (and $schema, which viewers use to recognise the version).
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]  # sarifLog.runs
    driver = run["tool"]["driver"]  # run.tool (required), tool.driver (required)
    assert driver["name"] == "openletter"  # toolComponent.name (required)
    assert driver["informationUri"] == "https://example.org/letter"
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == ["html", "missing", "syntax", "text", "whitespace"]  # one per code, sorted
    for rule in rules:  # reportingDescriptor.id (required); a multiformatMessageString needs text
        assert rule["shortDescription"]["text"]
    assert len(run["results"]) == len(PROBLEMS)
    for result, problem in zip(run["results"], PROBLEMS, strict=True):
        assert result["message"] == {"text": problem.message}  # result.message (required): text
        assert result["ruleId"] == problem.code and rules[result["ruleIndex"]]["id"] == problem.code
        assert result["level"] == problem.severity  # one of none, note, warning, error
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not physical["artifactLocation"]["uri"].startswith("/")  # relative to the base
        if problem.line is None:
            assert "region" not in physical
        else:
            expected = {"startLine": problem.line} | ({"startColumn": problem.column} if problem.column else {})
            assert physical["region"] == expected  # 1-based, as Problem's lines and columns are


def test_sarif_is_valid_against_the_sarif_2_1_0_json_schema() -> None:
    """The report and an empty one validate against OASIS's SARIF 2.1.0 schema (the copy npm's
    @microsoft/jest-sarif ships, pinned in package-lock.json); a report with a broken level does not."""
    import jsonschema

    schema = json.loads((REPO / "node_modules" / "@microsoft" / "jest-sarif" / "lib" / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    for log in (json.loads(formats.sarif(PROBLEMS, "https://example.org/letter")), json.loads(formats.sarif([]))):
        assert list(validator.iter_errors(log)) == []
    broken = json.loads(formats.sarif(PROBLEMS))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(broken)) != []


def test_sarif_uris_are_percent_encoded_relative_references() -> None:
    log = json.loads(formats.sarif([PROBLEMS[3]]))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "signatures/odd%2C%20name%3A%20x%25.toml"


def test_sarif_without_an_information_uri_and_without_problems() -> None:
    log = json.loads(formats.sarif([]))
    assert log["runs"][0]["tool"]["driver"] == {"name": "openletter", "rules": []}
    assert log["runs"][0]["results"] == []


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "openletter.commands.cli", "check", *args], cwd=root, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def broken(project: SiteCopy) -> tuple[SiteCopy, int]:
    """A project whose one catalog has raw HTML in a translation: one error, on a known line."""
    project.add_pseudo_language("eo")
    path = project.po("eo")
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith('msgstr "‹'))) + 1
    path.write_text(text.replace('msgstr "‹', 'msgstr "<b>‹', 1), encoding="utf-8")
    return project, line


def test_check_command_prints_github_annotations_and_fails_on_errors(broken: tuple[SiteCopy, int]) -> None:
    project, line = broken
    result = run_check(project.root, "--format", "github")
    assert result.returncode == 1
    annotation, summary = result.stdout.splitlines()
    assert annotation == (
        f"::error file=locale/eo/LC_MESSAGES/letter.po,line={line},title=openletter html::"
        "raw HTML in the translation; the source has none"
    )
    assert "1 error(s), 0 warning(s)" in summary


@pytest.mark.parametrize("name", ["gitlab", "sarif"])
def test_check_command_writes_only_the_report_on_stdout_and_fails_on_errors(broken: tuple[SiteCopy, int], name: str) -> None:
    project, line = broken
    result = run_check(project.root, "--format", name)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert "1 error(s), 0 warning(s)" in result.stderr
    if name == "gitlab":
        assert report[0]["location"] == {"path": "locale/eo/LC_MESSAGES/letter.po", "lines": {"begin": line}}
    else:
        physical = report["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert physical == {
            "artifactLocation": {"uri": "locale/eo/LC_MESSAGES/letter.po", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": line},
        }


def test_sarif_links_the_tool_to_the_repository_url_setting(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    with project.config.open("a", encoding="utf-8") as config:
        config.write('\nOPENLETTER_REPOSITORY_URL = "https://example.org/letter"\n')
    log = json.loads(run_check(project.root, "--format", "sarif").stdout)
    assert log["runs"][0]["tool"]["driver"]["informationUri"] == "https://example.org/letter"


def test_check_command_passes_a_clean_project_in_every_ci_format(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    for name in formats.CI_FORMATS:
        result = run_check(project.root, "--format", name)
        assert result.returncode == 0, (name, result.stderr)
        if name == "github":
            assert not result.stdout.startswith("::")
    assert json.loads(run_check(project.root, "--format", "gitlab").stdout) == []


def test_check_needs_no_node_modules(tmp_path: Path) -> None:
    """The CI workflows install only the Python package: ``check`` must run on the repository as cloned."""
    root = tmp_path / "repo"
    ignore = shutil.ignore_patterns("node_modules", ".venv", ".git", "output", ".cache", "__pycache__")
    shutil.copytree(REPO, root, ignore=ignore, symlinks=True)
    assert not (root / "node_modules").exists()
    result = run_check(root, "--format", "github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s)" in result.stdout


WORKFLOW = REPO / ".github" / "workflows" / "check.yml"
GITLAB_CI = REPO / ".gitlab-ci.yml"


def test_the_ci_files_parse_as_yaml() -> None:
    import yaml

    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert {"pull_request", "push"} <= set(workflow[True] if True in workflow else workflow["on"])
    gitlab = yaml.safe_load(GITLAB_CI.read_text(encoding="utf-8"))
    job = gitlab["openletter-check"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"


def test_the_github_workflow_checks_with_annotations() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text
    assert re.search(r"^on:\n  pull_request:\n  push:\n", text, re.M)
    assert 'python-version: "3.11"' in text
    assert "pip install -e ." in text
    assert re.search(r"^ +- run: openletter check --format github$", text, re.M)
    assert "npm" not in text and "node" not in text  # check needs no node_modules (tested above)


def test_the_gitlab_job_keeps_its_report_when_it_fails() -> None:
    text = GITLAB_CI.read_text(encoding="utf-8")
    assert "\t" not in text
    assert "openletter check --format gitlab > gl-code-quality-report.json" in text
    assert re.search(r"^  artifacts:\n    when: always\n    reports:\n      codequality: gl-code-quality-report.json$", text, re.M)
    # No "|| true": the job's status is check's, so an error fails the pipeline.
    assert "|| true" not in text and "allow_failure" not in text
