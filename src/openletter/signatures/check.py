"""Every record of ``signatures/`` checked, and the near-duplicates among them.

A project without ``signatures/`` has nothing to check.  Findings are :class:`Problem`s, printed
with the catalogs' by ``openletter check``."""

from __future__ import annotations

import os
from dataclasses import astuple, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path, PurePosixPath

from openletter.cache import Cache
from openletter.errors import Problem
from openletter.project import Project
from openletter.record_names import FOLDER, NAME_RULE, NOT_RECORDS
from openletter.signatures.record import Context, Record, check_record
from openletter.signatures.text import folded


@dataclass(slots=True)
class SignatureReport:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def latest_date(now: datetime | None = None) -> date:
    """Today somewhere on Earth (UTC+14): a record dated by its signer's calendar is never 'in the future'."""
    return ((now or datetime.now(UTC)) + timedelta(hours=14)).date()


def project_context(project: Project, latest: date | None = None) -> Context:
    languages = [project.source_language, *project.discover_languages()[0]]
    return Context({language.code: language for language in languages}, latest or latest_date())


def check_signatures(project: Project, latest: date | None = None, cache: Cache | None = None) -> SignatureReport:
    """Everything wrong with the project's records (none when there is no ``signatures/``).

    With a ``cache``, a file checked by an earlier run with the same bytes, path, languages and
    latest date gets that run's result back (the build's memo of records): a build of 10,000
    unchanged records reads them and checks none."""
    folder = project.root / FOLDER
    report = SignatureReport()
    if not folder.is_dir():
        return report
    context = project_context(project, latest)
    memo = None if cache is None else cache.memo("signature-records\0" + repr((sorted(context.languages), context.latest)))
    shown_folder = project.relative(folder)
    for name in _files(folder):
        if name in NOT_RECORDS or name.rpartition("/")[2].startswith("."):
            continue
        if not name.endswith(".toml"):
            report.problems.append(Problem(shown_folder / name, None, "error", "file-name", f"not a record; a record's path is {NAME_RULE}"))
            continue
        report.files += 1
        with open(os.path.join(folder, name), "rb") as handle:
            data = handle.read()

        def check(data: bytes = data, name: str = name) -> tuple[tuple[object, ...] | None, list[Problem]]:
            record, problems = check_record(data, shown_folder / name, PurePosixPath(name), context)
            return (None if record is None else astuple(record)), problems

        values, problems = check() if memo is None else memo.get((name, data), check)
        record = None if values is None else Record(*values)  # kept as a tuple: 100,000 of them load in a tenth of the time
        report.problems += problems
        if record is not None:
            report.records.append(record)
    report.problems += duplicates(report.records)
    return report


def _files(folder: Path) -> list[str]:
    """Every file under ``folder``, its path relative to it, in path order (a scandir per folder:
    at 100,000 records ``rglob`` and a stat per path cost seconds)."""
    found: list[str] = []
    pending = [""]
    while pending:
        relative = pending.pop()
        with os.scandir(os.path.join(folder, relative)) as entries:
            for entry in entries:
                name = f"{relative}/{entry.name}" if relative else entry.name
                if entry.is_dir():
                    pending.append(name)
                elif entry.is_file():
                    found.append(name)
    return sorted(found, key=lambda name: name.split("/"))


def duplicates(records: list[Record]) -> list[Problem]:
    """A warning per record whose name and affiliation (folded) an earlier record has: the same person
    twice?  Not between two records one of which names the other in ``not-duplicate-of`` (a
    maintainer found them to be two people); an id there that names no record is a warning too."""
    seen: dict[tuple[str, str], list[Record]] = {}
    ids = {record.id for record in records}
    problems = []
    for record in records:
        key = (folded(record.name), folded(record.affiliation or ""))
        same = [other for other in seen.setdefault(key, []) if not _reviewed_apart(record, other)]
        if same:
            other = same[0]
            message = (
                f"same name and affiliation as {other.path} ({record.name!r}); one person signs once: remove one of "
                f"{other.path} and {record.path}, or, if they are two people, add not-duplicate-of = [\"{other.id}\"] to {record.path}"
            )
            problems.append(Problem(record.path, record.name_line, "warning", "duplicate", message))
        seen[key].append(record)
        for missing in sorted(set(record.not_duplicate_of) - ids):
            message = f"not-duplicate-of names {missing!r}, which is no record (removed?); take it out of the list"
            problems.append(Problem(record.path, record.not_duplicate_line, "warning", "duplicate", message))
    return problems


def _reviewed_apart(record: Record, other: Record) -> bool:
    return other.id in record.not_duplicate_of or record.id in other.not_duplicate_of
