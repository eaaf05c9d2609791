"""Templates: content units in order with kind and file, theme strings through Babel's Jinja2 extractor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, SiteCopy, msgcat_bytes

from openletter.cache import Cache
from openletter.errors import OpenletterError
from openletter.extract import creation_date
from openletter.maintenance import Catalogs
from openletter.po.pofile import read_po


def test_letter_template_lists_units_in_source_order_with_kind_and_file(project: SiteCopy) -> None:
    project.write_content((DATA / "markdown" / "all-blocks.md").read_text(encoding="utf-8"))
    project.catalogs().extract()
    template = read_po(project.root / "locale" / "letter.pot")
    assert [entry.extracted_comments[0] for entry in template.entries][:5] == [
        "title", "summary", "heading (level 1)", "paragraph", "heading (level 2)"
    ]  # fmt: skip
    assert {tuple(entry.references) for entry in template.entries} == {("content/letter.md",)}
    notes = [entry for entry in template.entries if len(entry.extracted_comments) > 1]
    assert notes[0].extracted_comments[1].startswith('"Pause AI" is the movement')
    assert template.header.fuzzy and template.header_fields()["POT-Creation-Date"] == "2023-11-14 22:13+0000"


def test_golden_letter_template(project: SiteCopy) -> None:
    """The exact bytes of a template for a document with every kind of block (reviewed by eye)."""
    project.write_content((DATA / "markdown" / "all-blocks.md").read_text(encoding="utf-8"))
    project.catalogs().extract()
    written = (project.root / "locale" / "letter.pot").read_bytes()
    assert written == (DATA / "golden" / "all-blocks.pot").read_bytes()
    assert msgcat_bytes(project.root / "locale" / "letter.pot") == written


def test_theme_template_comes_from_babels_jinja2_extractor(project: SiteCopy) -> None:
    project.catalogs().extract()
    template = read_po(project.root / "locale" / "theme.pot")
    by_id = {entry.msgid: entry for entry in template.entries}
    assert "Skip to the letter" in by_id
    published = by_id["Published on %(date)s"]
    assert published.flags == ["python-format"] and published.references == ["theme/templates/page.html"]
    plural = next(entry for entry in template.entries if entry.msgid_plural)
    assert plural.msgstr_plural == ["", ""]
    assert by_id["Language:"].extracted_comments == ["label of the language menu; the current language's name follows"]
    assert template.header_fields()["Plural-Forms"] == "nplurals=INTEGER; plural=EXPRESSION;"


def test_strings_inside_cache_blocks_are_extracted_and_a_broken_template_is_named(project: SiteCopy) -> None:
    project.catalogs().extract()
    by_id = {entry.msgid: entry for entry in read_po(project.root / "locale" / "theme.pot").entries}
    inside = by_id["%(count)s missing"]  # in a {% cache %} block of translate.html (and in review.html)
    assert "theme/templates/translate.html" in inside.references and inside.msgid_plural
    assert "A new language" in by_id  # after the last {% cache %} block: nothing silently dropped
    page = project.root / "theme" / "templates" / "page.html"
    lines = page.read_text(encoding="utf-8").split("\n")
    broken = lines.index("{% block content %}") + 2
    lines.insert(broken - 1, "{% nonsense %}")
    page.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(OpenletterError) as raised:
        project.catalogs().extract()
    assert str(raised.value).startswith(f"theme/templates/page.html:{broken}: cannot extract the theme's strings: Encountered unknown tag 'nonsense'")


def test_the_theme_is_parsed_once_per_change_of_its_templates(project: SiteCopy, tmp_path: Path) -> None:
    """The theme's messages come from the cache while no template changes, and are found anew
    (never stale) after an edit."""
    cache = Cache(tmp_path / "cache")
    catalogs = Catalogs(project.project, environ={"SOURCE_DATE_EPOCH": "1700000000"}, cache=cache)
    first = catalogs.build_template("theme", "2023-11-14 22:13+0000")
    assert (cache.hits, cache.misses) == (0, 1)
    again = catalogs.build_template("theme", "2023-11-14 22:13+0000")
    assert (cache.hits, cache.misses) == (1, 1) and again == first
    page = project.root / "theme" / "templates" / "page.html"
    page.write_text(page.read_text(encoding="utf-8").replace("{% block content %}", '{% block content %}{{ _("A new string") }}', 1), encoding="utf-8")
    edited = catalogs.build_template("theme", "2023-11-14 22:13+0000")
    assert cache.misses == 2 and "A new string" in {entry.msgid for entry in edited.entries}


def test_pybabel_with_the_mapping_file_finds_the_same_messages(project: SiteCopy, tmp_path: Path) -> None:
    project.catalogs().extract()
    output = tmp_path / "babel.pot"
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "locale/letter.cfg", "-o", str(output), "content"],
        cwd=project.root, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # Babel reads content/ in name order (about.md, letter.md) into one template; ours has one per document.
    ours = [*read_po(project.root / "locale" / "about.pot").entries, *read_po(project.root / "locale" / "letter.pot").entries]
    theirs = read_po(output)
    # Babel wraps a long translators' note over several #. lines; GNU msgcat (and we) do not.
    assert [(e.msgid, " ".join(e.extracted_comments)) for e in theirs.entries] == [(e.msgid, " ".join(e.extracted_comments)) for e in ours]


def test_source_date_epoch_sets_the_creation_date() -> None:
    assert creation_date({"SOURCE_DATE_EPOCH": "0"}) == "1970-01-01 00:00+0000"
    with pytest.raises(OpenletterError, match="SOURCE_DATE_EPOCH"):
        creation_date({"SOURCE_DATE_EPOCH": "yesterday"})


def test_repository_templates_are_up_to_date(tmp_path: Path) -> None:
    """locale/*.pot in the repository match what extract produces from content/ and theme/."""
    from conftest import shipped_copy

    copy = shipped_copy(tmp_path / "copy")
    written = copy.catalogs().extract()
    assert written.changed == [], "run 'invoke extract' and commit locale/*.pot"
