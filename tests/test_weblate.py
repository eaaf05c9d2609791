"""Weblate for real: every shipped catalog through translate-toolkit, the library Weblate loads and
saves gettext PO files with, under the component settings CONTRIBUTING.md documents; and the
translate-toolkit ``pofilter`` checks that must stay clean (docs/pofilter.md has what the others found)."""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import REPO, msgcat_bytes
from translate.filters import checks
from translate.filters.pofilter import pocheckfilter
from translate.misc.multistring import multistring
from translate.storage.po import pofile, pounit  # what Weblate imports (pypo, unless USECPO is set)

from openletter.po.pofile import Catalog, Entry, parse_po, read_po
from openletter.po.powriter import PoWriter

CATALOGS = sorted((REPO / "locale").glob("*/LC_MESSAGES/*.po"))
IDS = [f"{path.parts[-3]}/{path.name}" for path in CATALOGS]


def documented_settings() -> dict[str, str]:
    """The file format parameters CONTRIBUTING.md's Weblate section sets, ``{'po_line_wrap': '77', ...}``:
    its table rows ``| label (`name`) | `value` | why |``."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\|[^|\n]*\(`(po_\w+)`\)\s*\|\s*`([^`]+)`", text, flags=re.MULTILINE))


SETTINGS = documented_settings()


class WeblateStore:
    """One catalog as a Weblate component set up as CONTRIBUTING.md says loads, edits and saves it:
    the calls of weblate/formats/ttkit.py and file_format_params.py on translate-toolkit's pofile."""

    def __init__(self, path: Path, settings: dict[str, str]) -> None:
        self.code, self.domain = path.parts[-3], path.stem
        self.settings = settings
        self.store = pofile()  # TTKitFormat.get_store_instance()
        self.store.parse(path.read_bytes())  # TTKitFormat.parse_store()
        self.store.wrapper.width = int(settings["po_line_wrap"])  # GettextPoLineWrap.setup_store()

    def unit(self, entry: Entry) -> pounit:
        found = [
            unit for unit in self.store.units
            if not unit.isheader() and not unit.isobsolete() and unit.getcontext() == (entry.msgctxt or "")
            and (unit.source.strings[0] if unit.hasplural() else str(unit.source)) == entry.msgid
        ]  # fmt: skip
        assert len(found) == 1, entry.msgid
        return found[0]

    def translate(self, entry: Entry, translations: list[str]) -> None:
        """A translator saves ``translations`` for ``entry`` as translated (not "needs editing")."""
        unit = self.unit(entry)
        unit.target = multistring(translations) if entry.msgid_plural is not None else translations[0]  # TTKitUnit.set_target()
        unit.markfuzzy(False)  # TTKitUnit.set_state(STATE_TRANSLATED)
        unit.prev_msgid, unit.prev_msgid_plural, unit.prev_msgctxt = [], [], []  # PoUnit.set_state()

    def update_header(self, author: str, now: str) -> None:
        """What Weblate writes into the header when it commits (the po_set_* switches decide which fields)."""
        on = {name for name, value in self.settings.items() if value == "on"}
        fields: dict[str, object] = {
            "add": True, "language": self.code, "plural_forms": self.store.parseheader()["Plural-Forms"], "PO_Revision_Date": now,
        }  # fmt: skip
        if "po_set_last_translator" in on:
            fields["last_translator"] = author
        if "po_set_language_team" in on:
            fields["language_team"] = f"{self.code} <https://hosted.weblate.org/projects/openletter/{self.domain}/{self.code}/>"
        if "po_report_msgid_bugs_to" in on:
            fields["report_msgid_bugs_to"] = "letter@example.org"
        if "po_set_x_generator" in on:
            fields["x_generator"] = "Weblate 2026.10"
        self.store.updateheader(**fields)

    def save(self) -> bytes:
        return bytes(self.store)  # TTKitFormat.save_content()


def blocks(data: bytes) -> list[bytes]:
    """A catalog's entries as written, the header first: GNU's layout separates them by exactly one
    empty line, and none holds one."""
    return data.split(b"\n\n")


def content(catalog: Catalog) -> tuple[object, ...]:
    """Everything a catalog says, without the line numbers it was read at."""

    def bare(entry: Entry | None) -> Entry | None:
        return None if entry is None else dataclasses.replace(entry, line=0)

    return bare(catalog.header), [bare(e) for e in catalog.entries], [bare(e) for e in catalog.obsolete]


def chosen(catalog: Catalog) -> list[Entry]:
    """The units a test changes: the longest translation (the most line breaking) and, where the
    catalog has one, a plural."""
    translated = [entry for entry in catalog.entries if entry.translated]
    picks = [max(translated, key=lambda entry: sum(map(len, entry.translations)))]
    picks += [entry for entry in translated if entry.msgid_plural is not None][:1]
    return picks


def test_contributing_sets_every_po_file_format_parameter() -> None:
    assert {
        "po_line_wrap", "po_keep_previous", "po_remove_obsolete", "po_no_location", "po_set_last_translator",
        "po_set_language_team", "po_set_x_generator", "po_report_msgid_bugs_to", "po_contributor_comments",
    } == set(SETTINGS)  # fmt: skip
    assert SETTINGS["po_line_wrap"] == "77"


@pytest.mark.parametrize("path", CATALOGS, ids=IDS)
def test_a_translation_saved_in_weblate_changes_that_entry_and_nothing_else(path: Path) -> None:
    original = path.read_bytes()
    catalog = read_po(path)
    for entry in chosen(catalog):
        new = [f"{text} {text}" for text in entry.translations]  # longer: broken into more lines
        weblate = WeblateStore(path, SETTINGS)
        weblate.translate(entry, new)
        saved = weblate.save()

        before, after = blocks(original), blocks(saved)
        assert len(after) == len(before)
        changed = [index for index, (old, now) in enumerate(zip(before, after, strict=True)) if old != now]
        assert changed == [catalog.entries.index(entry) + 1], f"{path}: {entry.msgid[:40]!r}"

        expected = copy.deepcopy(catalog)
        target = expected.entries[catalog.entries.index(entry)]
        if target.msgid_plural is not None:
            target.msgstr_plural = new
        else:
            target.msgstr = new[0]
        assert content(parse_po(saved.decode("utf-8"), path)) == content(expected)
        # translate-toolkit may break that entry's lines otherwise than GNU (CONTRIBUTING.md: Weblate);
        # the next 'invoke update' writes it as GNU msgcat does, and nothing else with it.
        assert PoWriter().dump_bytes(parse_po(saved.decode("utf-8"), path)) == PoWriter().dump_bytes(expected)


@pytest.mark.parametrize("path", CATALOGS, ids=IDS)
def test_weblates_header_update_with_the_documented_settings_changes_two_fields(path: Path) -> None:
    weblate = WeblateStore(path, SETTINGS)
    weblate.update_header("Ana Souza <ana@example.org>", "2027-01-02 10:30+0000")
    saved = weblate.save()

    assert blocks(saved)[1:] == blocks(path.read_bytes())[1:]
    expected = read_po(path)
    expected.set_header_field("PO-Revision-Date", "2027-01-02 10:30+0000")
    expected.set_header_field("Last-Translator", "Ana Souza <ana@example.org>")
    assert saved == PoWriter().dump_bytes(expected)  # the fields in their places, laid out as msgcat does


def rebroken(width: int) -> int:
    """How many shipped messages translate-toolkit writes with other line breaks than the file's
    when Weblate saves them unchanged with ``po_line_wrap`` at ``width``."""
    count = 0
    for path in CATALOGS:
        store = pofile(path.read_bytes())
        store.wrapper.width = width
        for unit in store.units:
            if not unit.isheader() and not unit.isobsolete():
                as_read = str(unit)
                unit.target = unit.target.strings if unit.hasplural() else str(unit.target)
                count += str(unit) != as_read
    return count


def test_the_documented_line_wrap_is_the_choice_that_keeps_the_most_line_breaks() -> None:
    # Weblate's choices: 77 ("xgettext default"), 65535 (only at newlines), -1 (none).
    counts = {width: rebroken(width) for width in (77, 65535, -1)}
    assert min(counts, key=counts.__getitem__) == int(SETTINGS["po_line_wrap"]), counts


def test_translate_toolkit_breaks_a_placeholder_gnu_keeps_whole_and_update_mends_it(tmp_path: Path) -> None:
    """Why CONTRIBUTING.md says a message saved in Weblate may come back with other line breaks:
    translate-toolkit's wrapper splits ``%(summary)s`` after the ``%`` (translate/translate#5251)."""
    text = (
        "Weby a soubory README mohou zobrazovat stav překladů pomocí odznaku %(summary)s a stav jednoho jazyka "
        "pomocí jeho vlastního odznaku."
    )
    catalog = parse_po('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: cs\\n"\n', tmp_path / "cs.po")
    catalog.entries.append(Entry("Websites can show %(summary)s.", text, flags=["python-format"]))
    path = tmp_path / "cs" / "LC_MESSAGES" / "theme.po"
    path.parent.mkdir(parents=True)
    gnu = PoWriter().dump_bytes(catalog)
    path.write_bytes(gnu)
    assert msgcat_bytes(path) == gnu

    weblate = WeblateStore(path, SETTINGS)
    weblate.translate(catalog.entries[0], [text])  # saved unchanged: translate-toolkit writes it anew
    saved = weblate.save()
    assert b'%"\n"(summary)s' in saved and saved != gnu
    path.write_bytes(saved)
    assert msgcat_bytes(path) == gnu == PoWriter().dump_bytes(read_po(path))


# -- pofilter ---------------------------------------------------------------------------------

#: pofilter's checks that must find nothing in any shipped catalog. docs/pofilter.md says why these
#: and what each of the others found (language conventions pofilter does not know, reviewed one by one).
MUST_STAY_CLEAN = [
    # Weblate's default checks, as pofilter has them
    "unchanged", "newlines", "startwhitespace", "endwhitespace", "doublespacing", "xmltags",
    # format strings (Weblate checks them from the entry's python-format flag)
    "printf", "pythonbraceformat",
    # pofilter's other critical checks
    "escapes", "tabs",
    # an error in this letter whenever they fire
    "blank", "short", "long", "urls", "emails", "purepunc", "options", "filepaths", "functions", "simpleplurals",
    # an unresolved msgcat merge
    "compendiumconflicts",
]  # fmt: skip


#: Names a language may write as English does, one a line (pofilter's ``--notranslatefile`` takes
#: the one-word ones; a message that is one of the others is no ``unchanged`` finding either).
NOT_TRANSLATED = (REPO / "docs" / "pofilter-notranslate.txt").read_text(encoding="utf-8").splitlines()


def pofilter(path: Path, tests: list[str]) -> list[str]:
    """What ``pofilter --language=<code> --test=... <path>`` reports, one ``path: msgid: test: message`` each:
    its own filter class (StandardChecker) on every unit, fuzzy and obsolete ones included."""
    code = path.parts[-3]
    options = SimpleNamespace(excludefilters={}, limitfilters=tests, includefuzzy=True, includereview=True, autocorrect=False)
    words = [name for name in NOT_TRANSLATED if " " not in name]
    config = checks.CheckerConfig(targetlanguage=code, notranslatewords=words, varmatches=[("%(", ")s")])
    checkfilter = pocheckfilter(options, checkerconfig=config)
    found = []
    for unit in pofile(path.read_bytes()).units:
        for name, failure in (checkfilter.filterunit(unit) or {}).items():
            if name == "unchanged" and unit.source in NOT_TRANSLATED:
                continue
            found.append(f"{path}: {unit.getid()[:60]!r}: {name}: {failure['message']}")
    return found


def test_every_listed_check_is_one_of_pofilters() -> None:
    options = SimpleNamespace(excludefilters={}, limitfilters=None)
    every = set(pocheckfilter(options, checkerconfig=checks.CheckerConfig(targetlanguage="de")).checker.getfilters())
    assert set(MUST_STAY_CLEAN) <= every and len(set(MUST_STAY_CLEAN)) == len(MUST_STAY_CLEAN)


@pytest.mark.parametrize("path", CATALOGS, ids=IDS)
def test_pofilter_finds_nothing_the_listed_checks_look_for(path: Path) -> None:
    assert pofilter(path, MUST_STAY_CLEAN) == []


#: For each listed check, a translation it finds (so the list above checks something).
CAUGHT = {
    "unchanged": ("Read the English original", "Read the English original", []),
    "newlines": ("Not translated yet.", "Noch nicht übersetzt.\n", []),
    "startwhitespace": ("Language:", " Sprache:", []),
    "endwhitespace": ("Language:", "Sprache: ", []),
    "doublespacing": ("Not translated yet.", "Noch  nicht übersetzt.", []),
    "xmltags": ("Read the <em>English</em> original", "Das englische Original lesen", []),
    "printf": ("Published on %(date)s", "Veröffentlicht am", ["python-format"]),
    "pythonbraceformat": ("Published on {date}", "Veröffentlicht am {datum}", ["python-brace-format"]),
    "escapes": ("Language:", "Sprache:\\", []),
    "tabs": ("Language:", "Sprache:\t", []),
    "blank": ("Language:", " ", []),
    "short": ("Reviews by native speakers are especially welcome.", "Ja.", []),
    "long": ("Review", "Überprüfung durch Muttersprachler, die den ganzen Text gelesen haben, Absatz für Absatz", []),
    "urls": ("See https://example.org/letter first.", "Siehe zuerst https://example.org/brief.", []),
    "emails": ("Write to letter@example.org first.", "Schreiben Sie zuerst an brief@example.org.", []),
    "purepunc": ("…", "...", []),
    "options": ("Run it with --skip-broken first.", "Führen Sie es zuerst mit --kaputte-auslassen aus.", []),
    "filepaths": ("Edit /etc/letter.conf first.", "Bearbeiten Sie zuerst /etc/brief.conf.", []),
    "functions": ("Call build() first.", "Rufen Sie zuerst bauen() auf.", []),
    "simpleplurals": ("Delete the file(s)", "Datei(en) löschen", []),
    "compendiumconflicts": ("Language:", "#-#-#-#-#  de.po  #-#-#-#-#\nSprache:", []),
}


@pytest.mark.parametrize("name", MUST_STAY_CLEAN)
def test_each_listed_check_finds_its_mistake(name: str, tmp_path: Path) -> None:
    msgid, msgstr, flags = CAUGHT[name]
    catalog = parse_po('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n', tmp_path / "de.po")
    catalog.entries.append(Entry(msgid, msgstr, flags=flags))
    path = tmp_path / "de" / "LC_MESSAGES" / "theme.po"
    path.parent.mkdir(parents=True)
    path.write_bytes(PoWriter().dump_bytes(catalog))
    assert [finding.split(": ")[2] for finding in pofilter(path, [name])] == [name]


def test_docs_account_for_every_pofilter_check() -> None:
    """docs/pofilter.md has a row for each of pofilter's checks; those it says stay clean are the list above."""
    text = (REPO / "docs" / "pofilter.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \|[^|\n]*\| ([^|\n]*?) \|", text, flags=re.MULTILINE))
    options = SimpleNamespace(excludefilters={}, limitfilters=None)
    assert set(rows) == set(pocheckfilter(options, checkerconfig=checks.CheckerConfig(targetlanguage="de")).checker.getfilters())
    assert {name for name, result in rows.items() if result.startswith("clean, tested")} == set(MUST_STAY_CLEAN)
