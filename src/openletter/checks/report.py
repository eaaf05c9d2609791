"""What checking one catalog found: its problems, the parsed catalog, the entries a build may use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openletter.errors import Problem
from openletter.po.compiled import CompiledCatalog
from openletter.po.pofile import Catalog

#: Problems that make a whole catalog unusable (the rest make one entry unusable, or warn).
STRUCTURAL_CODES = frozenset({
    "syntax", "encoding", "bom", "duplicate", "size", "header", "charset", "plural-forms",
    "language-header", "control-char-file", "missing",
})  # fmt: skip


@dataclass(slots=True)
class CatalogReport:
    """What checking one catalog found, and the parsed catalog when it could be parsed."""

    path: Path
    catalog: Catalog | None = None
    problems: list[Problem] = field(default_factory=list)
    #: Entries (by key) that have a content error: the build must not use them.
    rejected: set[tuple[str | None, str]] = field(default_factory=set)
    #: The entries a build may use, compiled once when checked and cached with the report.
    compiled: CompiledCatalog | None = None

    @property
    def structural_errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error" and p.code in STRUCTURAL_CODES]

    @property
    def usable(self) -> bool:
        return self.catalog is not None and not self.structural_errors

    def compile(self, format_strings: bool) -> CompiledCatalog:
        """The entries a build may use (theme strings must survive ``%``: ``format_strings``),
        compiled once and kept."""
        if self.compiled is None:
            assert self.catalog is not None
            self.compiled = CompiledCatalog.compile(self.catalog, format_strings=format_strings, excluded=self.rejected)
        return self.compiled
