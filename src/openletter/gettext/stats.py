"""Where each language stands: translated, fuzzy and untranslated units and words per catalog.

Counts follow GNU ``msgfmt --statistics`` (the tests hold them to it): the header and obsolete
entries are not counted, a fuzzy entry with an empty translation counts as untranslated, and a
plural entry counts by its first form.  Words are the source's words, what a
translator still has to read.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from openletter.gettext.pofile import Catalog, Entry, read_po
from openletter.project import Project
from openletter.site.review import REVIEW_HEADER


@dataclass(frozen=True, slots=True)
class CatalogStats:
    language: str
    domain: str
    translated: int
    fuzzy: int
    untranslated: int
    translated_words: int
    fuzzy_words: int
    untranslated_words: int
    review_state: str
    revision_date: str

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _state(entry: Entry) -> str:
    if not entry.translations[0]:
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "translated"


def catalog_stats(catalog: Catalog, language: str, domain: str) -> CatalogStats:
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    words = dict.fromkeys(counts, 0)
    for entry in catalog.entries:
        state = _state(entry)
        counts[state] += 1
        words[state] += len(entry.msgid.split())
    header = catalog.header_fields()
    return CatalogStats(
        language, domain, counts["translated"], counts["fuzzy"], counts["untranslated"],
        words["translated"], words["fuzzy"], words["untranslated"],
        header.get(REVIEW_HEADER, "unreviewed") or "unreviewed", header.get("PO-Revision-Date", ""),
    )  # fmt: skip


def project_stats(project: Project) -> list[CatalogStats]:
    """Every catalog, least complete first, then by language and domain."""
    rows = []
    for language in project.languages():
        for domain in project.domains():
            path = project.catalog_path(language, domain)
            if path.exists():
                rows.append(catalog_stats(read_po(path), language.code, domain))
    return sorted(rows, key=lambda row: (row.percent, row.language, row.domain))


def render(rows: list[CatalogStats], output_format: str) -> str:
    if output_format == "json":
        return json.dumps([{**asdict(row), "total": row.total, "percent": round(row.percent, 1)} for row in rows], ensure_ascii=False, indent=2)
    header = ("language", "domain", "translated", "fuzzy", "untranslated", "words left", "%", "review", "revised")
    lines = [(row.language, row.domain, str(row.translated), str(row.fuzzy), str(row.untranslated),
              str(row.fuzzy_words + row.untranslated_words), f"{row.percent:.0f}", row.review_state, row.revision_date)
             for row in rows]  # fmt: skip
    if output_format == "markdown":
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines)]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in [header, *lines])



