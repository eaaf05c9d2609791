"""The records a build shows, read by the one loader ``openletter check`` uses (:func:`check_signatures`).

A bad record stops the build, as a broken catalog does, with the very lines ``check`` prints;
with ``OPENLETTER_SKIP_BROKEN`` (``--skip-broken``) it is left out and its errors are reported
as the build's warnings.  Near-duplicates are warnings either way."""

from __future__ import annotations

from dataclasses import dataclass, field

from openletter.cache import Cache
from openletter.errors import Problem, raise_all
from openletter.project import Project
from openletter.record_names import ID_LENGTH
from openletter.settings import Options
from openletter.signatures.check import check_signatures
from openletter.signatures.record import Record


def record_id(record: Record) -> str:
    """The eight-letter id at the end of a record's file name (``OPENLETTER_NOTABLE_SIGNERS`` names records by it)."""
    return record.file.removesuffix(".toml")[-ID_LENGTH:]


@dataclass(slots=True)
class Signatories:
    """Every publishable record, and what the build reports about the others."""

    records: list[Record] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.records)

    def shown(self, recent: int, notable: tuple[str, ...] = ()) -> list[Record]:
        """The signers a letter's page names under the count: the notable ones in the settings'
        order, then the most recent (newest first, by date then file name) up to ``recent`` in all."""
        by_id = {record_id(record): record for record in self.records}
        chosen = [by_id[name] for name in notable if name in by_id]
        newest = sorted(self.records, key=lambda record: (record.date, record.file), reverse=True)
        for record in newest:
            if len(chosen) >= max(recent, len(notable)):
                break
            if record not in chosen:
                chosen.append(record)
        return chosen


def load_signatories(project: Project, options: Options, cache: Cache | None = None) -> Signatories:
    """The project's publishable records; every error at once unless ``options.skip_broken``.

    A notable id that names no record is an error at the settings line (a typo would silently
    show nobody)."""
    report = check_signatures(project, cache=cache)
    errors = [problem for problem in report.problems if problem.severity == "error"]
    if errors and not options.skip_broken:
        raise_all(errors)
    known = {record_id(record) for record in report.records}
    missing = [name for name in options.notable_signers if name not in known]
    if missing:
        raise options.file.error(
            "OPENLETTER_NOTABLE_SIGNERS", f"names no record of signatures/: {', '.join(map(repr, missing))}", missing
        )
    return Signatories(report.records, report.problems)
