"""Catalogs checked in several processes give the reports one process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, SiteCopy

from openletter.cache import Cache
from openletter.checks import parallel
from openletter.checks.checker import CatalogChecker
from openletter.checks.parallel import POOL_THRESHOLD, CatalogChecks, CheckTask
from openletter.content.segments import new_markdown
from openletter.languages import Language
from openletter.loading import LoadedCatalogs, load_documents


def shipped_tasks(project: SiteCopy) -> tuple[CatalogChecks, list[CheckTask]]:
    """The repository's catalogs in ``project``, one made wrong, as check tasks."""
    shutil.rmtree(project.root / "locale")
    shutil.copytree(REPO / "locale", project.root / "locale")
    (project.root / "content" / "about.md").unlink()
    broken = project.po("de")
    broken.write_text(broken.read_text(encoding="utf-8").replace('msgstr "', 'msgstr "<script>', 3), encoding="utf-8")
    markdown = new_markdown()
    loaded = LoadedCatalogs.load(project.project, load_documents(project.project, markdown), markdown, 1_000_000, Cache(None))
    references = {document.domain: document.body.references for document in load_documents(project.project, markdown)}
    checks = CatalogChecks(CatalogChecker(markdown, 1_000_000), loaded.templates, references)
    site = project.project
    paths = [(language, domain, site.catalog_path(language, domain)) for language in loaded.languages for domain in ("letter", "theme")]
    tasks = [CheckTask(path, site.relative(path), language, domain, "") for language, domain, path in paths]
    return checks, tasks


def test_reports_made_in_worker_processes_equal_those_made_here(project: SiteCopy) -> None:
    checks, tasks = shipped_tasks(project)
    assert len(tasks) >= POOL_THRESHOLD
    here = checks.run(tasks, workers=1)
    spread = checks.run(tasks, workers=2)
    assert [report.path for report in spread] == [task.shown for task in tasks]
    for mine, theirs in zip(here, spread, strict=True):
        assert theirs.problems == mine.problems
        assert theirs.rejected == mine.rejected
        assert theirs.compiled is not None and mine.compiled is not None
        assert (theirs.compiled.messages, theirs.compiled.plural_forms) == (mine.compiled.messages, mine.compiled.plural_forms)
    german = next(report for task, report in zip(tasks, spread) if task.language == Language.parse("de") and task.domain == "letter")
    assert [p.code for p in german.problems].count("html") >= 1 and all(p.line for p in german.problems)  # path:line, from a worker


def test_a_build_checks_what_the_cache_lacks_in_workers_and_stores_it(project: SiteCopy, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shutil.rmtree(project.root / "locale")
    shutil.copytree(REPO / "locale", project.root / "locale")
    (project.root / "content" / "about.md").unlink()
    spread: list[int] = []
    run = CatalogChecks.run

    def counted(self: CatalogChecks, tasks: list[CheckTask], workers: int | None = None) -> list:  # type: ignore[type-arg]
        spread.append(len(tasks))
        return run(self, tasks, workers=2)

    monkeypatch.setattr(CatalogChecks, "run", counted)
    cache = Cache(tmp_path / "cache")
    markdown = new_markdown()
    first = LoadedCatalogs.load(project.project, load_documents(project.project, markdown), markdown, 1_000_000, cache)
    second = LoadedCatalogs.load(project.project, load_documents(project.project, markdown), markdown, 1_000_000, cache)
    languages = len(first.languages)
    assert spread == [2 * languages, 0]  # everything checked once, in workers; then all from the cache
    assert second.problems() == first.problems()


def test_few_catalogs_or_one_core_are_checked_in_this_process(project: SiteCopy, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    checks, tasks = shipped_tasks(project)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    assert len(checks.run(tasks[: POOL_THRESHOLD - 1], workers=2)) == POOL_THRESHOLD - 1
    assert len(checks.run(tasks, workers=1)) == len(tasks)
