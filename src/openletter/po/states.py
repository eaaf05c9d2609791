"""What state an entry is in, and what review state a catalog is in: one word for each, everywhere.

Entries: ``translated`` (the page uses it), ``fuzzy`` (its source changed: it needs review and is
not used), ``untranslated`` (no text yet), and ``rejected`` (translated, but a check error keeps it
off the page).  Counts follow GNU ``msgfmt --statistics``: a fuzzy entry without text is
untranslated, a plural entry counts by its first form.

Catalogs: their review state is derived from the per-unit review marks
(:mod:`openletter.po.reviewmarks`), never typed: :func:`review_state` is ``reviewed`` only when
every active entry is translated and carries a mark that still matches it.  A hand-typed
``X-Review-State`` header (:func:`declared_review_state`) is what a translator claims; the pages,
badges and ``stats`` do not follow it, and ``check`` warns (``review-state``) when it disagrees
with the marks, so that a stale claim is noticed rather than published.  ``update`` and ``apply``
write the derived state into the header (:func:`record_review_state`).
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


def declared_review_state(catalog: Catalog) -> ReviewState:
    """What the ``X-Review-State`` header claims: ``reviewed`` only when it says exactly so."""
    return REVIEWED if catalog.header_fields().get(REVIEW_HEADER) == REVIEWED else UNREVIEWED


def reviewed_units(catalog: Catalog) -> tuple[int, int]:
    """(reviewed, total) over the translated, non-fuzzy entries: how far a review has come."""
    translated = [entry for entry in catalog.entries if entry_state(entry) == "translated"]
    return sum(1 for entry in translated if is_reviewed(entry)), len(translated)


def review_progress(catalog: Catalog) -> tuple[int, int]:
    """(reviewed, all) active entries: "9 of 15 parts reviewed"."""
    return reviewed_units(catalog)[0], len(catalog.entries)


def review_state(catalog: Catalog) -> ReviewState:
    """The catalog's review state, from its marks: ``reviewed`` when every active entry is translated
    and reviewed (a fuzzy or untranslated entry, or an empty catalog, leaves it ``unreviewed``)."""
    reviewed, total = review_progress(catalog)
    return REVIEWED if total and reviewed == total else UNREVIEWED


def record_review_state(catalog: Catalog) -> bool:
    """Write the state the marks give into an ``X-Review-State`` header the catalog has (the tools
    that change marks or entries — ``update``, ``apply`` — keep the header true, so only a hand
    edit can make ``check`` warn); True when the header changed."""
    fields = catalog.header_fields()
    derived = review_state(catalog)
    if REVIEW_HEADER not in fields or fields[REVIEW_HEADER] == derived:
        return False
    catalog.set_header_field(REVIEW_HEADER, derived)
    return True
