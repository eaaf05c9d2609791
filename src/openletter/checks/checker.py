"""Checks a catalog file, structure then content: every problem a ``Problem(path, line, severity, code, message)``.

Two layers.  *Structure* (:mod:`openletter.checks.structure`: can the file be trusted at all?):
encoding, BOM, syntax, duplicates, header, charset, plural forms, Language header, size.  A
structural error makes the whole catalog unusable.  *Content* (:mod:`openletter.checks.entries`,
per entry, Markdown-aware, against the source unit): links, emphasis and code, images, raw HTML,
placeholders, edge whitespace, invisible characters, stale entries.  A content error makes only
that entry unusable: the build shows the source text for it.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from openletter.checks.credits import Credits
from openletter.checks.entries import CONTENT_CHECKS, CheckContext, ContentCheck, noqa_codes
from openletter.checks.report import CatalogReport
from openletter.checks.structure import file_problems, structure_problems
from openletter.errors import PoSyntaxError, Problem
from openletter.languages import Language
from openletter.po.directives.compare import Distribution, mismatches
from openletter.po.plurals import PluralForms, PluralFormsError
from openletter.po.pofile import Catalog, decode_po_bytes, parse_po


class CatalogChecker:
    """Checks catalog files; one instance serves a whole run."""

    def __init__(self, markdown: MarkdownIt, size_cap: int, checks: list[ContentCheck] | None = None) -> None:
        self.markdown = markdown
        self.size_cap = size_cap
        self.checks = checks if checks is not None else CONTENT_CHECKS
        self._contexts: dict[int, CheckContext] = {}

    def check_file(
        self,
        path: Path,
        shown: Path | None = None,
        language: Language | None = None,
        template: Catalog | None = None,
        references: dict[str, object] | None = None,
    ) -> CatalogReport:
        """Everything wrong with one catalog file (``shown`` is the path printed in problems)."""
        shown = shown or path
        report = CatalogReport(shown)
        try:
            data = path.read_bytes()
        except OSError as error:
            report.problems.append(Problem(shown, 1, "error", "syntax", f"cannot read: {error.strerror}"))
            return report
        if len(data) > self.size_cap:
            report.problems.append(Problem(shown, 1, "error", "size", f"{len(data)} bytes, over the {self.size_cap}-byte cap"))
            return report
        try:
            text = decode_po_bytes(data, shown)
            report.problems += file_problems(shown, text)
            catalog = parse_po(text, shown)
        except PoSyntaxError as error:
            report.problems.append(Problem(shown, error.line or 1, "error", error.code, error.message, error.column))
            return report
        report.catalog = catalog
        report.problems += structure_problems(shown, catalog, language)
        credits = Credits()
        credits.add(catalog, shown)
        report.problems += credits.problems
        if template is not None:
            self._content(report, catalog, template, references or {})
        return report

    def _content(self, report: CatalogReport, catalog: Catalog, template: Catalog, references: dict[str, object]) -> None:
        wanted = {entry.key for entry in template.entries}
        context = self._contexts.get(id(references))
        if context is None or context.references is not references:
            context = self._contexts[id(references)] = CheckContext(self.markdown, references)
        distribution = _distribution(catalog)
        for entry in catalog.entries:
            for mismatch in mismatches(entry, distribution):
                line = entry.line_at(mismatch.offset, mismatch.form) if mismatch.offset is not None else entry.msgstr_line(mismatch.form)
                report.problems.append(Problem(report.path, line, "error", "placeholders", mismatch.message))
                report.rejected.add(entry.key)
            if entry.key not in wanted:
                report.problems.append(
                    Problem(report.path, entry.line, "warning", "stale", "msgid is not in the template; run 'invoke update'")
                )
            silenced = noqa_codes(entry)
            for form, text in enumerate(entry.translations if entry.translated else []):
                for check in self.checks:
                    for severity, code, message in check(entry, text, context):
                        if severity == "warning" and code in silenced:
                            continue
                        # The mistake is in the translation: name its msgstr (msgstr[form]) line.
                        report.problems.append(Problem(report.path, entry.msgstr_line(form), severity, code, message))
                        if severity == "error":
                            report.rejected.add(entry.key)


def _distribution(catalog: Catalog) -> Distribution:
    """Which plural forms stand for many numbers, from the catalog's own Plural-Forms (as
    ``msgfmt --check`` reads it; a broken one is reported by the structure checks)."""
    value = catalog.header_fields().get("Plural-Forms")
    try:
        return Distribution(PluralForms.parse(value) if value else None)
    except PluralFormsError:
        return Distribution(None)
