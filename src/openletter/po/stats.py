"""Where each language stands: translated, fuzzy and untranslated units and words per catalog,
and how many units a reviewer has marked.

Counts follow GNU ``msgfmt --statistics`` (the tests hold them to it): the header and obsolete
entries are not counted, a fuzzy entry with an empty translation counts as untranslated, and a
plural entry counts by its first form.  Words are the source's words, what a
translator still has to read.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from openletter.po.pofile import Catalog
from openletter.po.states import entry_state, review_state, reviewed_units


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
    #: Translated units a reviewer marked (``# reviewed: <digest>``) and that have not changed since.
    reviewed: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def catalog_stats(catalog: Catalog, language: str, domain: str) -> CatalogStats:
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    words = dict.fromkeys(counts, 0)
    for entry in catalog.entries:
        state = entry_state(entry)
        counts[state] += 1
        words[state] += len(entry.msgid.split())
    header = catalog.header_fields()
    return CatalogStats(
        language, domain, counts["translated"], counts["fuzzy"], counts["untranslated"],
        words["translated"], words["fuzzy"], words["untranslated"],
        review_state(catalog), header.get("PO-Revision-Date", ""), reviewed_units(catalog)[0],
    )  # fmt: skip



def render(rows: list[CatalogStats], output_format: str) -> str:
    if output_format == "json":
        return json.dumps([{**asdict(row), "total": row.total, "percent": round(row.percent, 1)} for row in rows], ensure_ascii=False, indent=2)
    # The words of the review page and the dashboard (fuzzy: needs review; untranslated: missing).
    header = ("language", "domain", "translated", "needs review", "missing", "words left", "% translated", "units reviewed", "review", "revised")
    lines = [(row.language, row.domain, str(row.translated), str(row.fuzzy), str(row.untranslated),
              str(row.fuzzy_words + row.untranslated_words), f"{row.percent:.0f}", f"{row.reviewed} of {row.translated}",
              row.review_state, row.revision_date)
             for row in rows]  # fmt: skip
    if output_format == "markdown":
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines)]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in [header, *lines])



