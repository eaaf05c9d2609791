"""The one place a project's documents and catalogs are read, checked and compiled.

The build, ``check``, ``stats``, the review pages and the dashboards all take their catalogs
from :class:`LoadedCatalogs`: one reading, one set of checks, one word for each state.  A
catalog whose bytes, template and source references are unchanged since a previous check gets
that check's report back from the cache (its usable entries already compiled).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from openletter.cache import Cache, digest
from openletter.checks.checker import CatalogChecker
from openletter.checks.parallel import CatalogChecks, CheckTask
from openletter.checks.report import CatalogReport
from openletter.content.documents import Document, read_document
from openletter.errors import ContentError, Problem, raise_all
from openletter.languages import Language
from openletter.po.pofile import Catalog
from openletter.po.stats import CatalogStats, catalog_stats
from openletter.project import RESERVED_NAMES, Project

#: The build cache's kind for a catalog's checked (and compiled) report.
CACHE_KIND = "catalog-report"


def load_documents(project: Project, markdown: MarkdownIt) -> list[Document]:
    """Every content file, segmented once: the home document first."""
    documents = []
    for path in project.content_files():
        document = read_document(path, markdown, reference_path=project.relative(path))
        if document.domain in RESERVED_NAMES:
            raise ContentError(
                f"a content file may not be named {document.domain!r}: that is {RESERVED_NAMES[document.domain]}",
                path=project.relative(path), value=document.domain,
            )  # fmt: skip
        documents.append(document)
    return documents


@dataclass(slots=True)
class LoadedCatalogs:
    """Every template and every catalog of every language, checked (and compiled when usable)."""

    project: Project
    #: The templates that exist and could be read, by domain.
    templates: dict[str, Catalog] = field(default_factory=dict)
    languages: list[Language] = field(default_factory=list)
    #: What is wrong with ``locale/`` itself: folder names, unreadable templates.
    folder_problems: list[Problem] = field(default_factory=list)
    reports: dict[Language, dict[str, CatalogReport]] = field(default_factory=dict)

    @classmethod
    def load(cls, project: Project, documents: list[Document], markdown: MarkdownIt, size_cap: int, cache: Cache) -> LoadedCatalogs:
        """Check folder names, the templates, then each language's catalog of each domain."""
        loaded = cls(project)
        checker = CatalogChecker(markdown, size_cap)
        loaded.languages, loaded.folder_problems = project.discover_languages()
        references = {document.domain: document.body.references for document in documents}
        template_keys: dict[str, str] = {}
        domains = project.domains()
        for domain in domains:
            path = project.template_path(domain)
            data = path.read_bytes() if path.exists() else b""
            template_keys[domain] = digest(data, repr(sorted(references.get(domain, {}).items())), str(size_cap))
            if path.exists():
                report = checker.check_file(path, project.relative(path))
                if report.catalog is None:
                    loaded.folder_problems += report.problems
                else:
                    loaded.templates[domain] = report.catalog
        unchecked: list[CheckTask] = []  # what the cache does not have, checked below all at once
        for language in loaded.languages:
            reports = loaded.reports[language] = {}
            for domain in domains:
                path = project.catalog_path(language, domain)
                shown = project.relative(path)
                if not path.exists():
                    missing = reports[domain] = CatalogReport(shown)
                    missing.problems.append(Problem(shown, None, "error", "missing", "catalog missing; run 'invoke update'"))
                    continue
                key = Cache.key(CACHE_KIND, path.read_bytes(), str(shown), language.code, template_keys[domain])
                cached = cache.load(CACHE_KIND, key)
                if isinstance(cached, CatalogReport):
                    reports[domain] = cached
                else:
                    unchecked.append(CheckTask(path, shown, language, domain, key))
        checks = CatalogChecks(checker, loaded.templates, references)
        for task, report in zip(unchecked, checks.run(unchecked), strict=True):
            loaded.reports[task.language][task.domain] = report
            cache.store(CACHE_KIND, task.key, report)
        return loaded

    def problems(self) -> list[Problem]:
        """Every problem, by file and line."""
        found = list(self.folder_problems)
        for reports in self.reports.values():
            for report in reports.values():
                found += report.problems
        return sorted(found, key=lambda p: (str(p.path), p.line or 0, p.code))

    def broken(self) -> dict[Language, list[Problem]]:
        """Languages with a structural error in any of their catalogs, and those errors."""
        broken: dict[Language, list[Problem]] = {}
        for language, reports in self.reports.items():
            for report in reports.values():
                if report.structural_errors:
                    broken.setdefault(language, []).extend(report.structural_errors)
        return broken

    def refuse_broken(self, skip_broken: bool) -> dict[Language, list[Problem]]:
        """Raise every error that makes a catalog unusable (unless ``skip_broken``, which only
        leaves those languages out); return the languages left out and why."""
        broken = self.broken()
        folder_errors = [p for p in self.folder_problems if p.severity == "error"]
        if skip_broken:
            raise_all(folder_errors)
        else:
            raise_all([*folder_errors, *(p for problems in broken.values() for p in problems)])
        return broken

    def usable(self) -> dict[Language, dict[str, CatalogReport]]:
        """The reports of every language a site can be built with (no structural error), by domain."""
        broken = self.broken()
        return {
            language: {domain: report for domain, report in reports.items() if report.catalog is not None}
            for language, reports in self.reports.items()
            if language not in broken
        }

    def stats(self) -> list[CatalogStats]:
        """Counts of every readable catalog, least complete first (``invoke stats``)."""
        rows = [
            catalog_stats(report.catalog, language.code, domain)
            for language, reports in self.reports.items()
            for domain, report in reports.items()
            if report.catalog is not None
        ]
        return sorted(rows, key=lambda row: (row.percent, row.language, row.domain))
