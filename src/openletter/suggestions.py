"""Suggestion files: translations (and review marks) proposed for one catalog, applied by
``openletter apply``.

A suggestion file is a PO file whose header names ``Language: <code>`` and
``X-Suggestion-For: <domain>`` (optionally ``X-Suggested-By: <name>``).  Each entry carries the
unit's msgctxt/msgid (/msgid_plural), the suggested msgstr, and translator comments:
``based-on: <digest>`` (:func:`unit_digest` of the catalog entry as the suggester saw it: an edit
made since is a conflict) and, on an unchanged unit, ``reviewed: <digest>`` ("I reviewed it as is").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from openletter.checks.checker import CatalogChecker
from openletter.errors import OpenletterError, Problem, raise_all
from openletter.po.pofile import Catalog, Entry, read_po
from openletter.po.powriter import PoWriter
from openletter.po.reviewmarks import DIGEST_LENGTH, mark_digests, mark_reviewed, unit_digest
from openletter.po.states import record_review_state
from openletter.project import Project
from openletter.site.review import word_changes

SUGGESTION_FOR = "X-Suggestion-For"
SUGGESTED_BY = "X-Suggested-By"
_BASED_ON_RE = re.compile(r"based-on:\s+([0-9a-f]{%d})\s*\Z" % DIGEST_LENGTH)

Key = tuple[str | None, str]


def _key(key: str | Key) -> Key:
    return (None, key) if isinstance(key, str) else key


def make_suggestion(
    catalog: Catalog,
    changes: Mapping[str | Key, str | list[str]],
    reviewed: Iterable[str | Key] = (),
    suggested_by: str | None = None,
    domain: str | None = None,
) -> Catalog:
    """The suggestion file for ``catalog``: ``changes`` maps a msgid (or (msgctxt, msgid)) to its new
    msgstr (a list for a plural), ``reviewed`` names units vouched for as they are."""
    fields = catalog.header_fields()
    domain = domain or (catalog.path.stem if catalog.path else None)
    if not domain:
        raise ValueError("the domain of the catalog is unknown: pass domain=")
    header = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
    suggestion = Catalog(header=header)
    suggestion.set_header_field("Language", fields.get("Language", ""))
    suggestion.set_header_field(SUGGESTION_FOR, domain)
    if suggested_by:
        suggestion.set_header_field(SUGGESTED_BY, suggested_by.strip())
    wanted = {_key(k): v for k, v in changes.items()}
    marked = {_key(k) for k in reviewed}
    by_key = catalog.by_key()
    for key in [*wanted, *(k for k in marked if k not in wanted)]:
        if key not in by_key:
            raise KeyError(f"no such unit in the catalog: {key!r}")
    for entry in catalog.entries:
        if entry.key not in wanted and entry.key not in marked:
            continue
        digest = unit_digest(entry)
        new = Entry(entry.msgid, msgctxt=entry.msgctxt, msgid_plural=entry.msgid_plural, translator_comments=[f"based-on: {digest}"])
        value = wanted.get(entry.key, entry.translations if entry.msgid_plural is not None else entry.msgstr)
        if entry.msgid_plural is not None:
            new.msgstr_plural = list(value) if isinstance(value, list) else [value]
        else:
            new.msgstr = value if isinstance(value, str) else value[0]
        if entry.key in marked and new.translations == entry.translations:
            new.translator_comments.append(f"reviewed: {digest}")
        suggestion.entries.append(new)
    return suggestion


def text_word_diff(old: str, new: str) -> str:
    """``[-removed-]{+added+}`` words, as ``git diff --word-diff`` shows them."""
    shown = {"same": "{}", "removed": "[-{}-]", "added": "{{+{}+}}"}
    return "".join(shown[kind].format(text) for kind, text in word_changes(old, new))


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class Plan:
    """What applying a suggestion file would do to its catalog."""

    catalog_path: Path
    catalog: Catalog
    shown: Path
    changes: list[tuple[Entry, list[str]]] = field(default_factory=list)  # (catalog entry, its old translations)
    marks: list[Entry] = field(default_factory=list)
    #: Conflicts (warnings) and refused entries (errors), printable.
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def refused(self) -> int:
        """Entries refused (each has one ``refused`` problem, after the check findings that caused it)."""
        return sum(p.code == "refused" for p in self.problems)

    @property
    def conflicts(self) -> int:
        return sum(p.code == "conflict" for p in self.problems)

    def change_lines(self) -> list[str]:
        lines = []
        for entry, old in self.changes:
            lines.append(f"{self.shown}:{entry.line}: {_short(entry.msgid)}")
            for before, after in zip(old, entry.translations, strict=True):
                if before != after:
                    lines.append("    " + text_word_diff(before, after).replace("\n", "\n    "))
        for entry in self.marks:
            lines.append(f"{self.shown}:{entry.line}: {_short(entry.msgid)}: reviewed")
        return lines

    def write(self) -> None:
        from openletter.atomic import write_bytes_atomic

        record_review_state(self.catalog)  # the last unit reviewed makes the catalog reviewed
        write_bytes_atomic(self.catalog_path, PoWriter().dump_bytes(self.catalog))


def plan_suggestion(project: Project, path: Path, checker: CatalogChecker, references: Mapping[str, dict[str, object]]) -> Plan:
    """Check ``path`` and work out what it changes; raise (nothing to apply) when the file as a whole is refused."""
    shown = project.relative(Path(path))
    first = checker.check_file(Path(path), shown)
    errors = [p for p in first.problems if p.severity == "error"]
    if first.catalog is None or errors:
        raise_all(errors or first.problems)
    fields = first.catalog.header_fields()
    code, domain = fields.get("Language", ""), fields.get(SUGGESTION_FOR, "")
    header_line = first.catalog.header.line if first.catalog.header else 1
    languages = {language.code: language for language in project.languages()}
    if code not in languages:
        raise OpenletterError(
            f"the suggestion is for language {code!r}, which this project does not have ({', '.join(sorted(languages)) or 'none'})",
            path=shown, line=first.catalog.header_field_line("Language") or header_line, code="suggestion",
        )  # fmt: skip
    template_path = project.template_path(domain) if domain else None
    if not domain or "/" in domain or domain not in project.domains() or template_path is None or not template_path.exists():
        raise OpenletterError(
            f"{SUGGESTION_FOR} is {domain!r}, not a catalog of this project ({', '.join(project.domains())})",
            path=shown, line=first.catalog.header_field_line(SUGGESTION_FOR) or header_line, code="suggestion",
        )  # fmt: skip
    template = read_po(template_path)
    wanted = {entry.key for entry in template.entries}
    unknown = [entry for entry in first.catalog.entries if entry.key not in wanted]
    if unknown:
        raise_all(
            Problem(shown, entry.line, "error", "suggestion", f"msgid {_short(entry.msgid)!r} is not in {project.relative(template_path)}: "
                    "this suggestion was written for another version of the letter")
            for entry in unknown
        )  # fmt: skip
    report = checker.check_file(Path(path), shown, None, template, dict(references.get(domain, {})))
    suggestion = report.catalog
    assert suggestion is not None
    language = languages[code]
    catalog_path = project.catalog_path(language, domain)
    catalog = read_po(catalog_path)
    plan = Plan(catalog_path, catalog, project.relative(catalog_path))
    reviewer = fields.get(SUGGESTED_BY) or None
    current = catalog.by_key()
    for entry in suggestion.entries:
        target = current.get(entry.key)

        def refuse(message: str, line: int = entry.line) -> None:
            plan.problems.append(Problem(shown, line, "error", "refused", message))

        if target is None:
            refuse(f"{plan.shown} has no such unit yet; run 'invoke update'")
            continue
        based = [m.group(1) for c in entry.translator_comments if (m := _BASED_ON_RE.match(c.strip()))]
        if not based:
            refuse("no '# based-on: <digest>' comment: cannot tell which translation this suggestion replaces")
            continue
        now = unit_digest(target)
        if based[0] != now:
            plan.problems.append(
                Problem(shown, entry.line, "warning", "conflict",
                        f"{plan.shown}:{target.line} changed since this suggestion was made (based on {based[0]}, now {now}); not applied")
            )  # fmt: skip
            continue
        if entry.key in report.rejected:
            plan.problems += [p for p in report.problems if p.severity == "error" and p.line in entry.lines()]
            refuse("suggested translation refused by the checks above")
            continue
        if len(entry.translations) != len(target.translations):
            refuse(f"{len(entry.translations)} plural form(s), the catalog has {len(target.translations)}")
            continue
        if entry.translations != target.translations:
            if not all(entry.translations):
                refuse("an empty translation: a suggestion cannot remove one")
                continue
            old = list(target.translations)
            if target.msgid_plural is not None:
                target.msgstr_plural = list(entry.translations)
            else:
                target.msgstr = entry.msgstr
            target.fuzzy = False
            plan.changes.append((target, old))
            if mark_digests(entry):
                plan.notes.append(f"{plan.shown}:{target.line}: changed, so not marked reviewed: a change needs another reviewer")
            continue
        marks = mark_digests(entry)
        if marks:
            if marks[0] != now:
                refuse(f"the review mark ({marks[0]}) is not for this unit as it is ({now})")
                continue
            try:
                mark_reviewed(target, reviewer)
            except ValueError:
                refuse("only a translated, non-fuzzy unit can be marked reviewed")
                continue
            plan.marks.append(target)
    return plan
