"""Per-unit review marks, stored in the catalog as a translator comment that the tools keep.

A reviewed unit carries one translator comment ``# reviewed: <digest>[ <reviewer>]``.

Why a translator comment: it is the one part of an entry that every tool translators use
keeps as written.  GNU gettext documents translator comments as "created and maintained
exclusively by the translator" and says its tools never alter them (manual, "What an entry looks
like" and "Modifying Comments"); ``msgcat`` copies them and ``msgmerge`` carries them to the
updated entry, exact or fuzzy match.  translate-toolkit (``translate.storage.po``, under Weblate
and Pootle) reads them as the unit's translator notes and writes them back byte for byte.  Poedit
shows translator comments as the entry's editable comment and keeps them on save; its documentation
(the wiki's "PO Extensions") covers only header fields, so that is not proven here.
The alternatives lose the mark (tests/test_review_marks.py and tests/test_interop.py run the tools):

* a flag (``#, reviewed``): GNU gettext keeps only the flags it knows (fuzzy, format flags,
  range, wrap), so ``msgcat`` and ``msgmerge`` drop it silently (our writer does too);
* an extracted comment (``#. reviewed``): ``msgmerge`` replaces extracted comments with the
  template's.

Why a digest: ``msgmerge`` carries translator comments over when it fuzzy-matches a changed
source, and a translator who edits a reviewed translation in any editor leaves the comment in
place.  The mark therefore names what was reviewed: the first 8 hex digits of a SHA-256 over
(msgctxt, msgid, msgid_plural, every msgstr).  After any edit the digest no longer matches and
the unit reads as unreviewed, with no tool having to know about review.
"""

from __future__ import annotations

import hashlib
import json
import re

from openletter.po.pofile import Entry

#: The word that starts a review mark's translator comment.
MARK_PREFIX = "reviewed:"
DIGEST_LENGTH = 8
_MARK_RE = re.compile(r"reviewed:\s+([0-9a-f]{%d})(?:\s+(.*\S))?\s*\Z" % DIGEST_LENGTH)


def unit_digest(entry: Entry) -> str:
    """What a review vouches for: the source (context, singular, plural) and every translation."""
    payload = json.dumps([entry.msgctxt, entry.msgid, entry.msgid_plural, entry.translations], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def review_mark(entry: Entry, reviewer: str | None = None) -> str:
    """The translator comment (without ``# ``) marking ``entry``, as it is now, reviewed."""
    if reviewer is not None:
        reviewer = reviewer.strip()
        if "\n" in reviewer or "\r" in reviewer:
            raise ValueError("a reviewer's name must fit on one comment line")
    return f"{MARK_PREFIX} {unit_digest(entry)}" + (f" {reviewer}" if reviewer else "")


def _marks(entry: Entry) -> list[re.Match[str]]:
    return [match for comment in entry.translator_comments if (match := _MARK_RE.match(comment.strip()))]


def mark_digests(entry: Entry) -> list[str]:
    """The digests of the review marks ``entry`` carries, matching it or not (a suggestion's marks)."""
    return [match.group(1) for match in _marks(entry)]


def is_reviewed(entry: Entry) -> bool:
    """True when the entry is translated, not fuzzy, and a mark's digest matches it as it is now.

    A fuzzy entry is never reviewed: its source changed, whatever the mark says."""
    if entry.fuzzy or not entry.translations or not entry.translations[0]:
        return False
    digests = mark_digests(entry)  # most entries carry none: no digest to work out for them
    return bool(digests) and unit_digest(entry) in digests


def reviewer_of(entry: Entry) -> str | None:
    """The name on the matching mark (None if unreviewed or unnamed)."""
    if not is_reviewed(entry):
        return None
    digest = unit_digest(entry)
    return next((match.group(2) for match in _marks(entry) if match.group(1) == digest), None)


def mark_reviewed(entry: Entry, reviewer: str | None) -> None:
    """Mark ``entry`` reviewed, replacing any earlier (possibly stale) mark and keeping other comments."""
    if entry.fuzzy or not entry.translations or not entry.translations[0]:
        raise ValueError(f"only a translated, non-fuzzy entry can be reviewed: {entry.msgid!r}")
    mark = review_mark(entry, reviewer)
    entry.translator_comments = [c for c in entry.translator_comments if not _MARK_RE.match(c.strip())]
    entry.translator_comments.append(mark)
