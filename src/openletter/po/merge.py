"""Merge a new template into a translated catalog without losing anything a translator wrote.

``msgmerge``, pybabel, po4a and friends match each new message against *all*
old ones by string similarity: a heavily rewritten paragraph finds no match,
its translation goes to the obsolete pile and the new paragraph starts empty.
Here the old and new sequences of units are aligned first, the way ``diff``
aligns lines: a unit rewritten in place is paired with the unit it replaced
and keeps that translation as fuzzy (with ``#|`` previous source); moved units
keep theirs; only units that really appeared or vanished become new or obsolete.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from openletter.po.plurals import declared_nplurals
from openletter.po.pofile import Catalog, Entry

#: Below this word similarity, a leftover unit is not offered as a fuzzy match
#: outside its aligned region (inside one, position decides).
GLOBAL_FUZZY_THRESHOLD = 0.6
_IN_PLACE_BONUS = 0.3


@dataclass(slots=True)
class MergeReport:
    """What an update did to one catalog, for the command's summary."""

    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    obsoleted: int = 0
    resurrected: int = 0


def similarity(old: str, new: str) -> float:
    """Word-level similarity in [0, 1]."""
    return difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio()


def _kind(entry: Entry) -> str:
    return entry.extracted_comments[0] if entry.extracted_comments else ""


def _pair_region(olds: Sequence[int], news: Sequence[int], old: Sequence[Entry], new: Sequence[Entry]) -> list[tuple[int, int]]:
    """Monotone pairing of a replaced region maximizing similarity (rewrites in place pair up)."""
    if not olds or not news:
        return []
    rows, cols = len(olds), len(news)
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            a, b = old[olds[i]], new[news[j]]
            bonus = _IN_PLACE_BONUS if _kind(a) == _kind(b) else 0.05
            pair = bonus + similarity(a.msgid, b.msgid) + score[i + 1][j + 1]
            score[i][j] = max(pair, score[i + 1][j], score[i][j + 1])
    pairs = []
    i = j = 0
    while i < rows and j < cols:
        if score[i][j] == score[i + 1][j]:
            i += 1
        elif score[i][j] == score[i][j + 1]:
            j += 1
        else:
            pairs.append((olds[i], news[j]))
            i += 1
            j += 1
    return pairs


def align(old: Sequence[Entry], new: Sequence[Entry]) -> dict[int, tuple[int, bool]]:
    """Map each new index to ``(old index, exact)`` for every new unit that has a predecessor."""
    old_keys = [entry.key for entry in old]
    new_keys = [entry.key for entry in new]
    old_index = {key: index for index, key in enumerate(old_keys)}
    result: dict[int, tuple[int, bool]] = {}
    used: set[int] = set()
    for j, key in enumerate(new_keys):
        if key in old_index and old_index[key] not in used:
            result[j] = (old_index[key], True)
            used.add(old_index[key])
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        olds = [i for i in range(i1, i2) if i not in used]
        news = [j for j in range(j1, j2) if j not in result]
        for i, j in _pair_region(olds, news, old, new):
            result[j] = (i, False)
            used.add(i)
    leftovers = [i for i in range(len(old)) if i not in used and any(old[i].translations)]
    for j, entry in enumerate(new):
        if j in result or not leftovers:
            continue
        best, best_score = None, GLOBAL_FUZZY_THRESHOLD
        for i in leftovers:
            matcher = difflib.SequenceMatcher(None, old[i].msgid.split(), entry.msgid.split(), autojunk=False)
            if matcher.quick_ratio() < best_score:
                continue
            ratio = matcher.ratio()
            if ratio >= best_score:
                best, best_score = i, ratio
        if best is not None:
            result[j] = (best, False)
            leftovers.remove(best)
    return result


def _reshape(forms: list[str], plural: bool, nplurals: int) -> tuple[str, list[str], bool]:
    """(msgstr, msgstr_plural, changed) for a template entry's plural shape."""
    if plural:
        if len(forms) == nplurals:
            return "", list(forms), False
        padded = (forms + [""] * nplurals)[:nplurals] if len(forms) < nplurals else forms
        return "", padded, True
    return forms[0], [], len(forms) != 1


def _carry(template: Entry, old: Entry, exact: bool, nplurals: int) -> Entry:
    """The template entry carrying the old entry's translation (fuzzy unless exact)."""
    merged = template.copy()
    merged.flags = [flag for flag in template.flags if flag != "fuzzy"]
    merged.translator_comments = list(old.translator_comments)
    msgstr, plural_forms, reshaped = _reshape(old.translations, template.msgid_plural is not None, nplurals)
    merged.msgstr, merged.msgstr_plural = msgstr, plural_forms
    fuzzy = old.fuzzy or not exact or reshaped
    merged.fuzzy = fuzzy and any(old.translations)
    if merged.fuzzy:
        if old.fuzzy and old.previous_msgid is not None:
            merged.previous_msgctxt = old.previous_msgctxt
            merged.previous_msgid = old.previous_msgid
            merged.previous_msgid_plural = old.previous_msgid_plural
        elif not exact:
            merged.previous_msgctxt = old.msgctxt
            merged.previous_msgid = old.msgid
            merged.previous_msgid_plural = old.msgid_plural
    return merged


def _obsolete(old: Entry) -> Entry:
    entry = old.copy()
    entry.obsolete = True
    entry.extracted_comments = []
    entry.references = []
    return entry


def merge(catalog: Catalog, template: Catalog) -> tuple[Catalog, MergeReport]:
    """A new catalog: the template's entries in order, the old translations carried over."""
    report = MergeReport()
    nplurals = declared_nplurals(catalog.header_fields().get("Plural-Forms"))
    old = catalog.entries
    pairs = align(old, template.entries)
    obsolete_by_key = {entry.key: entry for entry in catalog.obsolete}
    entries: list[Entry] = []
    used_old: set[int] = set()
    resurrected: set[tuple[str | None, str]] = set()
    for j, template_entry in enumerate(template.entries):
        if j in pairs and not pairs[j][1] and template_entry.key in obsolete_by_key:
            # An obsolete entry has exactly this text: its translation is the better one (as
            # msgmerge prefers an exact match), and keeping it obsolete beside an active entry
            # of the same msgid would make a catalog GNU gettext refuses (a duplicate).
            merged = _carry(template_entry, obsolete_by_key[template_entry.key], True, nplurals)
            resurrected.add(template_entry.key)
            report.resurrected += 1
        elif j in pairs:
            i, exact = pairs[j]
            used_old.add(i)
            merged = _carry(template_entry, old[i], exact, nplurals)
            if merged.fuzzy and not old[i].fuzzy:
                report.fuzzy += 1
            else:
                report.kept += 1
        elif template_entry.key in obsolete_by_key:
            merged = _carry(template_entry, obsolete_by_key[template_entry.key], True, nplurals)
            resurrected.add(template_entry.key)
            report.resurrected += 1
        else:
            merged = template_entry.copy()
            merged.flags = [flag for flag in template_entry.flags if flag != "fuzzy"]
            if merged.msgid_plural is not None:
                merged.msgstr_plural = [""] * nplurals
            report.new += 1
        entries.append(merged)
    obsolete = [entry for entry in catalog.obsolete if entry.key not in resurrected]
    newly = [_obsolete(entry) for i, entry in enumerate(old) if i not in used_old and any(entry.translations)]
    newly_keys = {entry.key for entry in newly}
    obsolete = [entry for entry in obsolete if entry.key not in newly_keys] + newly
    report.obsoleted = len(newly)
    header = catalog.header.copy() if catalog.header else (template.header.copy() if template.header else None)
    result = Catalog(header=header, entries=entries, obsolete=obsolete, path=catalog.path)
    created = template.header_fields().get("POT-Creation-Date")
    if created is not None:
        result.set_header_field("POT-Creation-Date", created)
    return result, report
