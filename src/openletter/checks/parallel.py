"""Checking many catalogs at once: a first build, or one after a change to the letter, checks
every catalog, and on a machine with more than one core the checks are spread over processes.

Each check is independent (a catalog, its template, the source's references) and its report is
what the build cache keeps, so a report made in another process is the same object made here.
Processes are forked: the checker, the templates and the references are theirs without copying.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from openletter.checks.checker import CatalogChecker
from openletter.checks.report import CatalogReport
from openletter.languages import Language
from openletter.po.pofile import Catalog
from openletter.project import THEME_DOMAIN

#: Fewer catalogs than this are checked here: starting processes costs more than it saves.
POOL_THRESHOLD = 12


@dataclass(frozen=True, slots=True)
class CheckTask:
    """One catalog to check: where it is, as problems name it, its language and domain, and
    the build cache's key for its report."""

    path: Path
    shown: Path
    language: Language
    domain: str
    key: str


@dataclass(slots=True)
class CatalogChecks:
    """Checks catalogs with one checker, against the templates and the source's references."""

    checker: CatalogChecker
    templates: Mapping[str, Catalog]
    references: Mapping[str, dict[str, object]]

    def check(self, task: CheckTask) -> CatalogReport:
        """One catalog's report, its usable entries compiled (format strings in the theme's)."""
        report = self.checker.check_file(task.path, task.shown, task.language, self.templates.get(task.domain), self.references.get(task.domain, {}))
        if report.usable:
            report.compile(format_strings=task.domain == THEME_DOMAIN)
        return report

    def run(self, tasks: Sequence[CheckTask], workers: int | None = None) -> list[CatalogReport]:
        """Every task's report, in order: in ``workers`` processes (default: the cores this
        machine has) when there are enough tasks and cores, else here."""
        workers = workers if workers is not None else (os.cpu_count() or 1)  # as the font builder counts them
        if workers < 2 or len(tasks) < POOL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
            return [self.check(task) for task in tasks]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context, initializer=_adopt, initargs=(self,)) as pool:
            return list(pool.map(_check_in_worker, tasks, chunksize=max(1, len(tasks) // (4 * workers))))


class _Worker:
    """The checks a worker process runs (set once, when the process starts)."""

    checks: CatalogChecks | None = None


def _adopt(checks: CatalogChecks) -> None:
    _Worker.checks = checks


def _check_in_worker(task: CheckTask) -> CatalogReport:
    assert _Worker.checks is not None
    return _Worker.checks.check(task)
