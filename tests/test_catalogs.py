"""The catalog commands on a project copy: stable bytes, one entry per edit, nothing lost."""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, SiteCopy, msgcat_bytes

from openletter import atomic
from openletter.errors import LanguageError
from openletter.po.pofile import read_po

LETTER = "\n".join(f"Paragraph {i} says something about topic {i}, at some length, so it wraps." for i in range(1, 7))


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted((root / "locale").rglob("*.po*"))}


def translate_all(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    catalog = read_po(path)
    for entry in catalog.entries:
        if entry.msgid_plural is None:
            entry.msgstr = "DE: " + entry.msgid
        else:
            entry.msgstr_plural = ["DE1: " + entry.msgid, "DE2: " + entry.msgid_plural]
    from openletter.po.powriter import PoWriter

    path.write_bytes(PoWriter().dump_bytes(catalog))
    assert path.read_text(encoding="utf-8") != text


@pytest.fixture
def german(project: SiteCopy) -> SiteCopy:
    project.write_content(LETTER.replace("\n", "\n\n") + "\n")
    catalogs = project.catalogs()
    catalogs.extract()
    catalogs.add_language("de")
    translate_all(project.po("de"))
    translate_all(project.po("de", "theme"))
    return project


def test_second_extract_and_update_change_no_byte(german: SiteCopy) -> None:
    before = snapshot(german.root)
    # A different SOURCE_DATE_EPOCH must not churn an unchanged template either.
    catalogs = german.catalogs(SOURCE_DATE_EPOCH="1800000000")
    assert catalogs.extract().changed == []
    assert catalogs.update().changed == []
    assert snapshot(german.root) == before


def changed_blocks(before: bytes, after: bytes) -> list[tuple[str, str]]:
    """The (old, new) entry blocks that differ, entries being the blank-line separated blocks."""
    old, new = before.decode().split("\n\n"), after.decode().split("\n\n")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [("\n\n".join(old[i1:i2]), "\n\n".join(new[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def test_editing_and_reflowing_one_paragraph_changes_only_that_entry(german: SiteCopy) -> None:
    before = snapshot(german.root)
    content = german.root / "content" / "letter.md"
    text = content.read_text(encoding="utf-8")
    old = "Paragraph 3 says something about topic 3, at some length, so it wraps."
    new = "Paragraph 3 now says\nsomething quite different about topic 3,\nreflowed onto three lines."
    content.write_text(text.replace(old, new), encoding="utf-8")
    catalogs = german.catalogs()
    catalogs.extract()
    catalogs.update()
    after = snapshot(german.root)
    [(old_block, new_block)] = changed_blocks(before["locale/letter.pot"], after["locale/letter.pot"])
    assert old in old_block and "reflowed onto" in new_block and old_block.count("msgid") == 1
    [(old_block, new_block)] = changed_blocks(before["locale/de/LC_MESSAGES/letter.po"], after["locale/de/LC_MESSAGES/letter.po"])
    assert old_block.count("msgid") == 1 and "#, fuzzy" in new_block and "#| msgid" in new_block
    assert after["locale/theme.pot"] == before["locale/theme.pot"]
    assert after["locale/de/LC_MESSAGES/theme.po"] == before["locale/de/LC_MESSAGES/theme.po"]
    entry = next(e for e in read_po(german.po("de")).entries if e.msgid.startswith("Paragraph 3"))
    assert entry.fuzzy and entry.msgstr == "DE: " + old and entry.previous_msgid == old


def test_a_removed_paragraph_stays_as_obsolete(german: SiteCopy) -> None:
    content = german.root / "content" / "letter.md"
    removed = "Paragraph 5 says something about topic 5, at some length, so it wraps."
    content.write_text(content.read_text(encoding="utf-8").replace(removed + "\n\n", ""), encoding="utf-8")
    catalogs = german.catalogs()
    catalogs.extract()
    catalogs.update()
    catalog = read_po(german.po("de"))
    assert [(e.msgid, e.msgstr) for e in catalog.obsolete] == [(removed, "DE: " + removed)]
    assert "#~ msgid" in german.po("de").read_text(encoding="utf-8")


def test_every_written_file_is_what_msgcat_writes_and_msgfmt_accepts(german: SiteCopy) -> None:
    for path in sorted((german.root / "locale").rglob("*.po*")):
        assert msgcat_bytes(path) == path.read_bytes(), path
        if path.suffix == ".po":
            result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True)
            assert result.returncode == 0, result.stderr


def test_add_language_writes_a_complete_header_from_cldr(german: SiteCopy) -> None:
    german.catalogs().add_language("ar")
    fields = read_po(german.po("ar", "theme")).header_fields()
    assert fields["Language"] == "ar"
    assert fields["Plural-Forms"].startswith("nplurals=6;")
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["X-Review-State"] == "unreviewed"
    plural = next(e for e in read_po(german.po("ar", "theme")).entries if e.msgid_plural)
    assert plural.msgstr_plural == [""] * 6


def test_the_header_contributing_shows_is_the_one_add_language_writes(german: SiteCopy) -> None:
    """CONTRIBUTING.md quotes a new catalog's header lines; they are the very bytes add-language writes."""
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    lines = [line.strip() for line in contributing.splitlines() if re.fullmatch(r' {4}"(Last-Translator|X-Review-State): .*\\n"', line)]
    assert [line.split(":")[0] for line in lines] == ['"Last-Translator', '"X-Review-State']
    german.catalogs().add_language("fr")
    for domain in ("letter", "theme"):
        written = german.po("fr", domain).read_text(encoding="utf-8").splitlines()
        assert all(line in written for line in lines), (domain, lines)


@pytest.mark.parametrize("code", ["en_US.UTF-8", "../x", "xx", "en", "EN", "de", "DE"])
def test_add_language_refuses_bad_codes_and_writes_nothing(german: SiteCopy, code: str) -> None:
    before = snapshot(german.root)
    folders = sorted(p.name for p in (german.root / "locale").iterdir())
    with pytest.raises(LanguageError):
        german.catalogs().add_language(code)
    assert snapshot(german.root) == before
    assert sorted(p.name for p in (german.root / "locale").iterdir()) == folders


def test_a_failing_write_leaves_the_catalog_byte_identical(german: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    path = german.po("de")
    before = path.read_bytes()
    content = german.root / "content" / "letter.md"
    content.write_text(content.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    german.catalogs().extract()

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        german.catalogs().update()
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_an_unencodable_translation_never_truncates_the_file(german: SiteCopy) -> None:
    path = german.po("de")
    before = path.read_bytes()
    catalog = read_po(path)
    catalog.entries[0].msgstr = "lone surrogate \udc80"
    from openletter.po.powriter import PoWriter

    with pytest.raises(UnicodeEncodeError):
        atomic.write_bytes_atomic(path, PoWriter().dump_bytes(catalog))
    assert path.read_bytes() == before


def test_a_broken_catalog_stops_update_with_its_line(german: SiteCopy) -> None:
    path = german.po("de")
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "oops\n', encoding="utf-8")
    before = snapshot(german.root)
    from openletter.errors import PoSyntaxError

    with pytest.raises(PoSyntaxError) as raised:
        german.catalogs().update()
    assert raised.value.line == len(path.read_text(encoding="utf-8").splitlines())
    assert snapshot(german.root) == before
