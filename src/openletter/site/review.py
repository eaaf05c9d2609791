"""Reviewing a translation without a PO editor: the units of a catalog side by side with their
source, state, check findings and ``.po`` line (``/<lang>/review/``)."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from openletter.errors import Problem
from openletter.po.pofile import Catalog
from openletter.po.reviewmarks import is_reviewed, unit_digest
from openletter.po.states import EntryState, entry_state


@dataclass(frozen=True, slots=True)
class SourceUnit:
    """One message a catalog should translate, in source order."""

    msgid: str
    kind: str = ""
    msgid_plural: str | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewUnit:
    """A source unit beside its translation, as a reviewer needs to see it."""

    number: int
    source: SourceUnit
    state: EntryState
    #: Every msgstr (one per plural form); empty when untranslated.
    translations: tuple[str, ...]
    #: Line of the entry's ``msgid`` in the catalog, or None when the catalog has no entry.
    line: int | None
    problems: tuple[Problem, ...]
    #: For a fuzzy entry that kept its previous source (``#| msgid``): what changed, word by word.
    changes: Markup | None
    notes: tuple[str, ...]
    #: A reviewer marked this translation (``# reviewed: <digest>``) and it has not changed since.
    reviewed: bool = False
    #: :func:`~openletter.po.reviewmarks.unit_digest` of the entry (a suggestion's ``based-on``), None without one.
    digest: str | None = None
    #: The entry's msgstrs as the catalog has them, empty ones included (one per plural form).
    msgstrs: tuple[str, ...] = ()

    @property
    def data(self) -> str:
        """What the page's script needs to suggest for this unit (a JSON string, for a ``data-``
        attribute: the template escapes it, the script reads it with ``JSON.parse``); '' when the
        catalog has no entry for it yet (nothing to base a suggestion on)."""
        if self.digest is None or self.line is None:
            return ""
        source = self.source
        return json.dumps(
            {
                "msgctxt": source.context, "msgid": source.msgid, "plural": source.msgid_plural, "msgstr": list(self.msgstrs),
                "digest": self.digest, "line": self.line, "reviewable": self.state == "translated",
            },
            ensure_ascii=False,
        )  # fmt: skip


def review_units(
    sources: Sequence[SourceUnit],
    catalog: Catalog | None,
    problems: Iterable[Problem] = (),
    rejected: Collection[tuple[str | None, str]] = (),
) -> list[ReviewUnit]:
    """Pair every source unit with its entry (by msgctxt and msgid) and the findings on its line."""
    entries = {entry.key: entry for entry in catalog.entries} if catalog else {}
    by_line: dict[int, list[Problem]] = {}
    for problem in problems:
        if problem.line is not None:
            by_line.setdefault(problem.line, []).append(problem)
    units = []
    for number, source in enumerate(sources, start=1):
        entry = entries.get((source.context, source.msgid))
        state = entry_state(entry, rejected)
        changes = None
        if entry is not None and entry.fuzzy and entry.previous_msgid is not None:
            changes = word_diff(entry.previous_msgid, entry.msgid)
        units.append(
            ReviewUnit(
                number=number,
                source=source,
                state=state,
                translations=tuple(entry.translations) if entry is not None and state != "untranslated" else (),
                line=entry.line if entry is not None else None,
                problems=tuple(p for line in entry.lines() for p in by_line.get(line, ())) if entry is not None else (),
                changes=changes,
                notes=tuple(entry.extracted_comments) if entry is not None else (),
                reviewed=state == "translated" and entry is not None and is_reviewed(entry),
                digest=unit_digest(entry) if entry is not None else None,
                msgstrs=tuple(entry.translations) if entry is not None else (),
            )
        )
    return units


def template_units(template: Catalog) -> list[SourceUnit]:
    """The messages of a ``.pot`` in its order (for catalogs with no source document: the theme)."""
    return [SourceUnit(entry.msgid, "", entry.msgid_plural, entry.msgctxt) for entry in template.entries]


#: Words, runs of spaces and single punctuation marks: what a word diff compares.
_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def word_changes(old: str, new: str) -> list[tuple[str, str]]:
    """``new`` as ("same" | "removed" | "added", text) runs against ``old``, word by word
    (punctuation and spaces are tokens of their own): a reviewer sees "the *long* paragraph"
    changed, not a character soup.  The review page and ``openletter apply`` both show these."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    changes: list[tuple[str, str]] = []
    for operation, old_start, old_end, new_start, new_end in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if operation == "equal":
            changes.append(("same", "".join(after[new_start:new_end])))
            continue
        if old_end > old_start:
            changes.append(("removed", "".join(before[old_start:old_end])))
        if new_end > new_start:
            changes.append(("added", "".join(after[new_start:new_end])))
    return changes


def word_diff(old: str, new: str) -> Markup:
    """``new`` with the words that replaced ``old``'s in ``<ins>`` and the removed ones in ``<del>``."""
    shown = {"same": Markup("{}"), "removed": Markup("<del>{}</del>"), "added": Markup("<ins>{}</ins>")}
    return Markup("").join(shown[kind].format(text) for kind, text in word_changes(old, new))
