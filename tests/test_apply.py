"""``openletter apply``: a suggestion file's changes and review marks, checked, shown, applied."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from conftest import SiteCopy, msgcat_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openletter.commands import actions
from openletter.po.pofile import Catalog, Entry, read_po
from openletter.po.powriter import PoWriter
from openletter.po.reviewmarks import is_reviewed, reviewer_of
from openletter.suggestions import make_suggestion, text_word_diff

LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


@pytest.fixture
def eo(project: SiteCopy) -> SiteCopy:
    project.add_pseudo_language("eo")
    return project


def plain(catalog: Catalog) -> list:
    """Translated single-form entries without links."""
    return [e for e in catalog.entries if e.msgid_plural is None and e.msgstr and "](" not in e.msgstr and not e.fuzzy]


def write(project: SiteCopy, suggestion: Catalog, name: str = "suggestion.po") -> Path:
    path = project.root / name
    path.write_bytes(PoWriter().dump_bytes(suggestion))
    return path


def run(project: SiteCopy, path: Path, yes: bool = True, answer: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = actions.apply(project.config, path, yes=yes, out=out, err=err, stdin=io.StringIO(answer))
    return status, out.getvalue(), err.getvalue()


def test_a_change_is_applied_shown_as_a_word_diff_and_the_file_stays_msgcat_identical(eo: SiteCopy) -> None:
    catalog = read_po(eo.po("eo"))
    entry = plain(catalog)[0]
    new = "Nova teksto " + entry.msgstr
    path = write(eo, make_suggestion(catalog, {entry.key: new}, [], suggested_by="Zamenhof"))
    status, out, err = run(eo, path)
    assert (status, err) == (0, "")
    assert f"locale/eo/LC_MESSAGES/letter.po:{entry.line}: " in out
    assert "{+Nova teksto +}" in out or "{+Nova+}" in out
    assert "applied 1 change(s) and 0 review mark(s) to locale/eo/LC_MESSAGES/letter.po" in out
    after = read_po(eo.po("eo")).by_key()[entry.key]
    assert after.msgstr == new and not is_reviewed(after)
    assert msgcat_bytes(eo.po("eo")) == eo.po("eo").read_bytes()


def test_an_applied_change_clears_fuzzy(eo: SiteCopy) -> None:
    catalog = read_po(eo.po("eo"))
    entry = plain(catalog)[0]
    entry.fuzzy = True
    eo.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    path = write(eo, make_suggestion(catalog, {entry.key: "Korektita " + entry.msgstr}, []))
    assert run(eo, path)[0] == 0
    assert not read_po(eo.po("eo")).by_key()[entry.key].fuzzy


def test_a_review_mark_is_recorded_with_the_suggesters_name(eo: SiteCopy) -> None:
    catalog = read_po(eo.po("eo"))
    entry = plain(catalog)[1]
    path = write(eo, make_suggestion(catalog, {}, [entry.key], suggested_by="Ana Müller"))
    status, out, _ = run(eo, path)
    assert status == 0 and "0 change(s) and 1 review mark(s)" in out
    after = read_po(eo.po("eo")).by_key()[entry.key]
    assert is_reviewed(after) and reviewer_of(after) == "Ana Müller"
    assert msgcat_bytes(eo.po("eo")) == eo.po("eo").read_bytes()


def test_a_changed_unit_is_not_marked_reviewed(eo: SiteCopy) -> None:
    catalog = read_po(eo.po("eo"))
    entry = plain(catalog)[0]
    suggestion = make_suggestion(catalog, {entry.key: "Alia " + entry.msgstr}, [])
    suggestion.entries[0].translator_comments.append(f"reviewed: {suggestion.entries[0].translator_comments[0].split()[1]}")
    status, out, _ = run(eo, write(eo, suggestion))
    assert status == 0 and "a change needs another reviewer" in out
    assert not is_reviewed(read_po(eo.po("eo")).by_key()[entry.key])


def test_a_conflict_is_reported_and_not_applied_the_rest_is(eo: SiteCopy) -> None:
    catalog = read_po(eo.po("eo"))
    first, second = plain(catalog)[:2]
    path = write(eo, make_suggestion(catalog, {first.key: "Sugesto unu", second.key: "Sugesto du"}, []))
    edited = read_po(eo.po("eo"))  # someone edits the first unit after the suggestion was made
    edited.by_key()[first.key].msgstr = "Redaktita"
    eo.po("eo").write_bytes(PoWriter().dump_bytes(edited))
    status, out, err = run(eo, path)
    assert status == 1
    assert re.search(rf"suggestion.po:\d+: warning: conflict: locale/eo/LC_MESSAGES/letter.po:{first.line} changed since", err)
    after = read_po(eo.po("eo")).by_key()
    assert after[first.key].msgstr == "Redaktita" and after[second.key].msgstr == "Sugesto du"
    assert "1 in conflict" in out


@pytest.mark.parametrize(
    ("header", "value", "message"),
    [
        ("Language", "de", "the suggestion is for language 'de', which this project does not have"),
        ("X-Suggestion-For", "nonesuch", "X-Suggestion-For is 'nonesuch', not a catalog of this project"),
    ],
)
def test_a_suggestion_for_another_language_or_domain_is_refused_with_nothing_written(
    eo: SiteCopy, header: str, value: str, message: str
) -> None:
    catalog = read_po(eo.po("eo"))
    before = eo.po("eo").read_bytes()
    suggestion = make_suggestion(catalog, {plain(catalog)[0].key: "Io"}, [])
    suggestion.set_header_field(header, value)
    status, out, err = run(eo, write(eo, suggestion))
    assert status == 1 and message in err and err.startswith("suggestion.po:")
    assert eo.po("eo").read_bytes() == before and "applied" not in out


def test_a_suggestion_for_another_version_of_the_letter_is_refused(eo: SiteCopy) -> None:
    catalog = read_po(eo.po("eo"))
    before = eo.po("eo").read_bytes()
    suggestion = make_suggestion(catalog, {plain(catalog)[0].key: "Io"}, [])
    suggestion.entries[0].msgid = "A paragraph the letter no longer has."
    status, _, err = run(eo, write(eo, suggestion))
    assert status == 1 and "written for another version of the letter" in err
    assert eo.po("eo").read_bytes() == before


def test_a_broken_suggestion_file_is_refused_as_path_line_column(eo: SiteCopy) -> None:
    path = eo.root / "suggestion.po"
    path.write_text('msgid ""\nmsgstr "bad \\q"\n', encoding="utf-8")
    status, _, err = run(eo, path)
    assert status == 1 and err.startswith("suggestion.po:2:") and "error: syntax: invalid escape sequence" in err


def test_a_hostile_link_target_is_refused_by_the_checks_the_rest_applies(project: SiteCopy) -> None:
    project.write_content("Read [the report](https://example.org/report) first.\n\nA second paragraph without a link.\n")
    project.add_pseudo_language("eo")
    eo = project
    catalog = read_po(eo.po("eo"))
    linked = next(e for e in catalog.entries if e.msgid_plural is None and LINK.search(e.msgstr) and not e.fuzzy)
    other = plain(catalog)[0]
    hostile = LINK.sub("](https://evil.example/)", linked.msgstr, count=1)
    before = read_po(eo.po("eo")).by_key()[linked.key].msgstr
    path = write(eo, make_suggestion(catalog, {linked.key: hostile, other.key: "Bona " + other.msgstr}, []))
    status, out, err = run(eo, path)
    assert status == 1 and "error: refused:" in err and "error: links:" in err and "1 refused, 0 in conflict" in out
    after = read_po(eo.po("eo")).by_key()
    assert after[linked.key].msgstr == before and after[other.key].msgstr == "Bona " + other.msgstr


def test_without_yes_the_answer_n_writes_nothing_and_y_writes(eo: SiteCopy) -> None:
    catalog = read_po(eo.po("eo"))
    entry = plain(catalog)[0]
    before = eo.po("eo").read_bytes()
    path = write(eo, make_suggestion(catalog, {entry.key: "Demandita"}, []))
    status, out, _ = run(eo, path, yes=False, answer="n\n")
    assert "apply 1 change(s) and 0 review mark(s) to locale/eo/LC_MESSAGES/letter.po? [y/N]" in out
    assert status == 1 and eo.po("eo").read_bytes() == before
    status, out, _ = run(eo, path, yes=False, answer="y\n")
    assert status == 0 and read_po(eo.po("eo")).by_key()[entry.key].msgstr == "Demandita"


def test_text_word_diff() -> None:
    assert text_word_diff("the long paragraph", "the short paragraph") == "the [-long-]{+short+} paragraph"


def test_the_command_line_applies_with_yes(eo: SiteCopy, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from openletter.commands import cli

    catalog = read_po(eo.po("eo"))
    entry = plain(catalog)[0]
    write(eo, make_suggestion(catalog, {entry.key: "Per komandlinio"}, []))
    monkeypatch.chdir(eo.root)
    assert cli.main(["apply", "suggestion.po", "--yes"]) == 0
    assert "applied 1 change(s)" in capsys.readouterr().out
    assert read_po(eo.po("eo")).by_key()[entry.key].msgstr == "Per komandlinio"


def test_a_plural_change_in_the_theme_catalog(eo: SiteCopy) -> None:
    catalog = read_po(eo.po("eo", "theme"))
    entry = next(e for e in catalog.entries if e.msgid_plural is not None and not e.fuzzy)
    forms = [f"Nova {form}" for form in entry.msgstr_plural]
    path = write(eo, make_suggestion(catalog, {entry.key: forms}, []))
    status, out, err = run(eo, path)
    assert (status, err) == (0, ""), err
    assert "to locale/eo/LC_MESSAGES/theme.po" in out
    assert read_po(eo.po("eo", "theme")).by_key()[entry.key].msgstr_plural == forms
    assert msgcat_bytes(eo.po("eo", "theme")) == eo.po("eo", "theme").read_bytes()


# -- apply never loses a translation (property) -------------------------------------------------

#: What a suggestion does with a unit; the conflicting kinds are edited in the catalog after the
#: suggestion was written.
ACTIONS = ("change", "review", "conflicting change", "conflicting review")
#: The unit as the suggester saw it.
STATES = ("translated", "fuzzy", "untranslated")
#: Suggested text: quotes and backslashes to escape, newlines and tabs, wide and combining characters
#: and other scripts to break into lines, and spaces where the checks warn.
TEXT = st.text(alphabet=st.sampled_from([*"aeiou xyzÄéß„“«»\"\\'—….,;:!?\t\n漢字عربيไทย\u0301🙂"]), min_size=1, max_size=60)


def bare(entry: Entry | None) -> Entry | None:
    """The entry without the line it was read at."""
    return None if entry is None else dataclasses.replace(entry, line=0)


def with_translations(entry: Entry, translations: list[str]) -> Entry:
    """``entry`` as applying a change leaves it: the new translations, no longer fuzzy."""
    changed = dataclasses.replace(entry, line=0)
    if changed.msgid_plural is not None:
        changed.msgstr_plural = list(translations)
    else:
        changed.msgstr = translations[0]
    changed.flags = [flag for flag in changed.flags if flag != "fuzzy"]
    return changed


@pytest.fixture
def pristine(eo: SiteCopy) -> dict[Path, bytes]:
    """The eo catalogs as made, put back before each generated example."""
    return {eo.po("eo", domain): eo.po("eo", domain).read_bytes() for domain in ("letter", "theme")}


# One project for every example (building one is slow): each example starts from the pristine catalogs.
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_apply_never_drops_or_alters_an_entry_it_was_not_about(eo: SiteCopy, pristine: dict[Path, bytes], data: st.DataObject) -> None:
    """Any units of a catalog, in any state, changed or marked reviewed, some edited again before the
    file comes back: an entry changes only as the suggestion says (or not at all, when refused or in
    conflict), every other entry, the header and the obsolete entries stay as they were, and the file
    stays as msgcat writes it."""
    for catalog_path, data_bytes in pristine.items():
        catalog_path.write_bytes(data_bytes)
    domain = data.draw(st.sampled_from(["letter", "theme"]), label="domain")
    path = eo.po("eo", domain)

    catalog = read_po(path)
    picks = data.draw(st.lists(st.sampled_from(range(len(catalog.entries))), unique=True, min_size=1, max_size=6), label="units")
    plans: dict[tuple[str | None, str], tuple[str, list[str]]] = {}
    for index in picks:
        entry = catalog.entries[index]
        state, action = data.draw(st.sampled_from(STATES), label="state"), data.draw(st.sampled_from(ACTIONS), label="action")
        if state == "fuzzy":
            entry.fuzzy = True
        elif state == "untranslated":
            entry.msgstr, entry.msgstr_plural = "", ["" for _ in entry.msgstr_plural]
        keep = data.draw(st.booleans(), label="keep the old text after the new")
        new = [data.draw(TEXT, label="text") + (old if keep else "") for old in entry.translations]
        plans[entry.key] = (action, new)
    path.write_bytes(PoWriter().dump_bytes(catalog))  # the catalog as the suggester saw it
    reviewer = data.draw(st.sampled_from([None, "Ana Müller", "李雷"]), label="reviewer")
    suggestion = make_suggestion(
        catalog,
        {key: new for key, (action, new) in plans.items() if action.endswith("change")},
        [key for key, (action, _) in plans.items() if action.endswith("review")],
        suggested_by=reviewer,
    )
    for key, (action, _) in plans.items():
        if action.startswith("conflicting"):  # someone edits the unit after the suggestion was written
            entry = catalog.by_key()[key]
            entry.msgstr = "Redaktita"
            entry.msgstr_plural = [f"Redaktita {form}" for form in range(len(entry.msgstr_plural))]
    path.write_bytes(PoWriter().dump_bytes(catalog))
    before = read_po(path)

    status, out, err = run(eo, write(eo, suggestion))

    after = read_po(path)
    assert path.read_bytes() == msgcat_bytes(path)
    assert bare(after.header) == bare(before.header) and [bare(e) for e in after.obsolete] == [bare(e) for e in before.obsolete]
    assert [e.key for e in after.entries] == [e.key for e in before.entries]
    applied = marked = 0
    for old, now in zip(before.entries, after.entries, strict=True):
        action, new = plans.get(old.key, ("none", []))
        if bare(now) == bare(old):
            continue  # untouched (not in the suggestion, in conflict, or refused)
        assert action in ("change", "review"), f"{old.key}: {action}, yet changed (status {status}: {err})"
        if action == "change":
            assert bare(now) == with_translations(old, new)
            applied += 1
        else:
            assert now.translations == old.translations and is_reviewed(now) and reviewer_of(now) == reviewer
            assert bare(now) == dataclasses.replace(bare(old), translator_comments=now.translator_comments)
            assert [c for c in now.translator_comments if not c.startswith("reviewed:")] == [
                c for c in old.translator_comments if not c.startswith("reviewed:")
            ]
            marked += 1
    if applied or marked:
        assert f"applied {applied} change(s) and {marked} review mark(s)" in out
    else:
        assert "applied" not in out


def test_the_last_review_mark_makes_the_header_say_reviewed_and_a_changed_source_unsays_it(eo: SiteCopy) -> None:
    """``X-Review-State`` follows the marks through the tools (apply, update): no stale claim for
    ``check`` to warn about after a review is finished or a reviewed paragraph changes."""
    from openletter.checks.structure import review_state_problems
    from openletter.po.states import declared_review_state

    catalog = read_po(eo.po("eo"))
    for entry in catalog.entries:
        entry.fuzzy = False
        for index, text in enumerate(entry.translations):
            entry.translations[index] = text or entry.msgid
    eo.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    catalog = read_po(eo.po("eo"))
    status, _, err = run(eo, write(eo, make_suggestion(catalog, {}, [entry.key for entry in catalog.entries], suggested_by="Ana")))
    assert (status, err) == (0, "")
    reviewed = read_po(eo.po("eo"))
    assert declared_review_state(reviewed) == "reviewed" and list(review_state_problems(eo.po("eo"), reviewed, 1)) == []
    assert msgcat_bytes(eo.po("eo")) == eo.po("eo").read_bytes()
    letter = eo.root / "content" / "letter.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("Summary: An open letter", "Summary: A public letter"), encoding="utf-8")
    eo.catalogs().extract()
    eo.catalogs().update()
    assert declared_review_state(read_po(eo.po("eo"))) == "unreviewed"
