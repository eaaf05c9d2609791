"""What state an entry is in, and what review state a catalog is in: one word for each, everywhere.

Entries: ``translated`` (the page uses it), ``fuzzy`` (its source changed: it needs review and is
not used), ``untranslated`` (no text yet), and ``rejected`` (translated, but a check error keeps it
off the page).  Counts follow GNU ``msgfmt --statistics``: a fuzzy entry without text is
untranslated, a plural entry counts by its first form.

Catalogs: ``reviewed`` only when the header says exactly ``X-Review-State: reviewed``; anything
else, a missing header included, is ``unreviewed``.  The state the per-unit review marks
(:mod:`openletter.po.reviewmarks`) justify is :func:`derived_review_state`: ``reviewed`` only when
every active entry is translated and carries a mark that still matches it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from openletter.po.pofile import Catalog, Entry
from openletter.po.reviewmarks import is_reviewed

EntryState = Literal["translated", "fuzzy", "untranslated", "rejected"]
#: The states in the order pages list them.
ENTRY_STATES: tuple[EntryState, ...] = ("translated", "fuzzy", "untranslated", "rejected")

#: Header naming the review state: "unreviewed" until a native speaker has reviewed the whole catalog.
REVIEW_HEADER = "X-Review-State"
REVIEWED = "reviewed"
UNREVIEWED = "unreviewed"
ReviewState = Literal["reviewed", "unreviewed"]


def entry_state(entry: Entry | None, rejected: Collection[tuple[str | None, str]] = ()) -> EntryState:
    """The state of ``entry`` (None: the catalog has no entry for the message yet)."""
    if entry is None or not entry.translations or not entry.translations[0]:
        return "untranslated"
    if entry.fuzzy:
        return "fuzzy"
    return "rejected" if entry.key in rejected else "translated"


def review_state(catalog: Catalog) -> ReviewState:
    """``reviewed`` only when the header says exactly so."""
    return REVIEWED if catalog.header_fields().get(REVIEW_HEADER) == REVIEWED else UNREVIEWED


def reviewed_units(catalog: Catalog) -> tuple[int, int]:
    """(reviewed, total) over the translated, non-fuzzy entries: how far a review has come."""
    translated = [entry for entry in catalog.entries if entry_state(entry) == "translated"]
    return sum(1 for entry in translated if is_reviewed(entry)), len(translated)


def derived_review_state(catalog: Catalog) -> ReviewState:
    """What ``X-Review-State`` the marks justify: ``reviewed`` when every active entry is translated
    and reviewed (a fuzzy or untranslated entry, or an empty catalog, leaves it ``unreviewed``)."""
    reviewed, total = reviewed_units(catalog)
    return REVIEWED if total and reviewed == total == len(catalog.entries) else UNREVIEWED
