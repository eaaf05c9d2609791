"""A catalog's review state, from its header: the page and the stats tell readers the truth."""

from __future__ import annotations

from openletter.pofile import Catalog

#: Header naming the review state: "unreviewed" until a native speaker has reviewed the whole catalog.
REVIEW_HEADER = "X-Review-State"
UNREVIEWED = "unreviewed"
REVIEWED = "reviewed"


def review_state(catalog: Catalog) -> str:
    """``reviewed`` only when the header says exactly so; anything else is ``unreviewed``."""
    return REVIEWED if catalog.header_fields().get(REVIEW_HEADER) == REVIEWED else UNREVIEWED
