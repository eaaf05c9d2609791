"""Per-language status, counted exactly as GNU msgfmt --statistics counts."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import REPO, SiteCopy

from openletter.cache import Cache
from openletter.content.segments import new_markdown
from openletter.loading import LoadedCatalogs, load_documents
from openletter.po.pofile import read_po
from openletter.po.stats import catalog_stats, render


def msgfmt_counts(path: Path) -> tuple[int, int, int]:
    result = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    text = result.stderr
    def number(pattern: str) -> int:
        match = re.search(r"(\d+) " + pattern, text)
        return int(match.group(1)) if match else 0
    return number("translated message"), number("fuzzy translation"), number("untranslated message")


MIXED = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "one two three"
msgstr "eins zwei drei"

#, fuzzy
msgid "four five"
msgstr "vier"

#, fuzzy
msgid "empty fuzzy"
msgstr ""

msgid "untranslated words here"
msgstr ""

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d Datei"
msgstr[1] ""

#~ msgid "obsolete"
#~ msgstr "veraltet"
'''


def test_counts_agree_with_msgfmt_on_a_mixed_catalog(tmp_path: Path) -> None:
    path = tmp_path / "mixed.po"
    path.write_text(MIXED, encoding="utf-8")
    stats = catalog_stats(read_po(path), "de", "letter")
    assert (stats.translated, stats.fuzzy, stats.untranslated) == msgfmt_counts(path) == (2, 1, 2)
    assert (stats.translated_words, stats.fuzzy_words, stats.untranslated_words) == (5, 2, 5)
    assert round(stats.percent) == 40


def test_counts_agree_with_msgfmt_on_every_shipped_catalog() -> None:
    for path in sorted((REPO / "locale").rglob("*.po")):
        stats = catalog_stats(read_po(path), path.parent.parent.name, path.stem)
        assert (stats.translated, stats.fuzzy, stats.untranslated) == msgfmt_counts(path), path


def test_project_stats_sorted_least_complete_first_in_every_format(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.catalogs().add_language("de")
    markdown = new_markdown()
    rows = LoadedCatalogs.load(project.project, load_documents(project.project, markdown), markdown, 1_000_000, Cache(None)).stats()
    assert [(row.language, row.domain) for row in rows][:3] == [("de", "about"), ("de", "letter"), ("de", "theme")]
    assert rows[0].percent == 0 and rows[-1].percent == 100
    as_json = json.loads(render(rows, "json"))
    assert as_json[0]["language"] == "de" and as_json[0]["total"] == rows[0].total
    markdown = render(rows, "markdown").splitlines()
    assert markdown[0].startswith("| language | domain |") and len(markdown) == 2 + len(rows)
    header = render(rows, "text").splitlines()[0]
    assert header.split("  ")[:5] == ["language", "domain", "translated", "needs review", "missing"]  # the pages' words


def test_units_a_reviewer_marked_are_counted_until_they_change(tmp_path: Path) -> None:
    from openletter.po.reviewmarks import mark_reviewed

    path = tmp_path / "mixed.po"
    path.write_text(MIXED, encoding="utf-8")
    catalog = read_po(path)
    translated = [entry for entry in catalog.entries if entry.translations and entry.translations[0] and not entry.fuzzy]
    mark_reviewed(translated[0], "Ana")
    assert catalog_stats(catalog, "de", "letter").reviewed == 1
    translated[0].msgstr += " (edited after the review)"
    stats = catalog_stats(catalog, "de", "letter")
    assert stats.reviewed == 0
    assert "0 of 2" in render([stats], "text").splitlines()[1] and json.loads(render([stats], "json"))[0]["reviewed"] == 0
