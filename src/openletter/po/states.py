"""What state an entry is in, and what review state a catalog is in: one word for each, everywhere.

Entries: ``translated`` (the page uses it), ``fuzzy`` (its source changed: it needs review and is
not used), ``untranslated`` (no text yet), and ``rejected`` (translated, but a check error keeps it
off the page).  Counts follow GNU ``msgfmt --statistics``: a fuzzy entry without text is
untranslated, a plural entry counts by its first form.

Catalogs: ``reviewed`` only when the header says exactly ``X-Review-State: reviewed``; anything
else, a missing header included, is ``unreviewed``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from openletter.po.pofile import Catalog, Entry

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
