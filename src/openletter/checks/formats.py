"""``check``'s findings in the formats CI services read, so they appear on the lines contributors changed.

One function per format, each over the list of :class:`~openletter.errors.Problem` that ``check``
found (paths relative to the repository root): GitHub Actions workflow commands (annotations),
a GitLab Code Quality report, and SARIF 2.1.0 (GitHub code scanning and most other viewers).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from openletter.checks.codes import CODES
from openletter.errors import Problem

#: The formats besides ``text`` and ``json``, as ``check --format`` names them.
CI_FORMATS = ("github", "gitlab", "sarif")

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

#: GitLab's severities (info, minor, major, critical, blocker): an error blocks nothing by itself
#: in GitLab, the job's exit status does; ``major`` ranks it above the warnings' ``minor``.
GITLAB_SEVERITY = {"error": "major", "warning": "minor"}


def _escape_data(text: str) -> str:
    """A command's message, escaped as @actions/core's ``escapeData`` does (``%`` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A command's property value, escaped as ``escapeProperty`` does: ``:`` and ``,`` end a property."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _posix(path: Path) -> str:
    return path.as_posix()


def github(problems: list[Problem]) -> str:
    """One ``::error``/``::warning`` workflow command per problem; GitHub shows each on its file and line."""
    lines = []
    for problem in problems:
        properties = [("file", _posix(problem.path))]
        if problem.line is not None:
            properties.append(("line", str(problem.line)))
            if problem.column is not None:
                properties.append(("col", str(problem.column)))
        properties.append(("title", f"openletter {problem.code}"))
        joined = ",".join(f"{key}={_escape_property(value)}" for key, value in properties)
        lines.append(f"::{problem.severity} {joined}::{_escape_data(problem.message)}\n")
    return "".join(lines)


def gitlab(problems: list[Problem]) -> str:
    """A GitLab Code Quality report: a JSON array of issues, shown in the merge request's widget and diff.

    The fingerprint hashes the path, the code and the message, not the line: GitLab compares the
    fingerprints of the merge request's report with the target branch's, so a finding that only moved
    (a line inserted above it) stays the same issue instead of "fixed" plus "new".  Findings identical
    in all three get an occurrence number in file order, because GitLab shows only one issue per
    fingerprint.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for problem in problems:
        key = (_posix(problem.path), problem.code, problem.message)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\0".join([*key, str(occurrence)]).encode("utf-8")).hexdigest()
        issues.append({
            "description": problem.message,
            "check_name": problem.code,
            "fingerprint": digest,
            "severity": GITLAB_SEVERITY[problem.severity],
            # GitLab requires a line: a finding about a whole file or folder is put on its first.
            "location": {"path": key[0], "lines": {"begin": problem.line or 1}},
        })  # fmt: skip
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def sarif(problems: list[Problem], information_uri: str = "") -> str:
    """A SARIF 2.1.0 log with one run: a rule per code that occurs, a result per problem.

    Locations are relative URIs against ``%SRCROOT%`` (the repository's root), which the viewer
    (GitHub code scanning, an editor) resolves to its checkout.
    """
    codes = sorted({problem.code for problem in problems})
    index = {code: number for number, code in enumerate(codes)}
    driver: dict[str, object] = {"name": "openletter"}
    if information_uri:
        driver["informationUri"] = information_uri
    driver["rules"] = [
        {"id": code, "name": code, "shortDescription": {"text": CODES.get(code, f"openletter check '{code}'")}} for code in codes
    ]
    results = []
    for problem in problems:
        physical: dict[str, object] = {"artifactLocation": {"uri": quote(_posix(problem.path)), "uriBaseId": "%SRCROOT%"}}
        if problem.line is not None:
            region = {"startLine": problem.line}
            if problem.column is not None:
                region["startColumn"] = problem.column
            physical["region"] = region
        results.append({
            "ruleId": problem.code,
            "ruleIndex": index[problem.code],
            "level": problem.severity,
            "message": {"text": problem.message},
            "locations": [{"physicalLocation": physical}],
        })  # fmt: skip
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
