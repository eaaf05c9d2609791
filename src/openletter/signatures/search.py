"""The static search of the signatories: one JSON index for every language, fetched by the lists'
search box (theme/static/js/signatures.js) the first time a reader types in it, and for each
language where each signer is on its list.

Each signer of the index is ``[id, name, affiliation, role, country]`` with empty trailing fields
dropped: the script folds case and accents itself and shows the matches in the page's collation
(``Intl.Collator``), so one file serves every language and a browser fetches it once.  Each
language's ``places.json`` gives, for each signer in the index's order, the by-name page that
lists it (its pages' addresses, then a page number per signer): a result links to
``<page>#s-<id>``.  Measured against Pagefind in bench/README.md."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from openletter.signatures.listing import BY_NAME, Listing
from openletter.signatures.load import record_id
from openletter.signatures.record import Record

#: Where the index is, relative to the site's root.
INDEX_PATH = "signatures/index.json"


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def search_index(records: Iterable[Record]) -> bytes:
    """The index of ``records``, in file order (the script sorts what it shows)."""
    rows = []
    for record in records:
        row = [record_id(record), record.name, record.affiliation or "", record.role or "", record.country or ""]
        while row and not row[-1]:
            row.pop()
        rows.append(row)
    return _json(rows)


def places_file(listing: Listing, positions: Mapping[str, int]) -> bytes:
    """``listing``'s ``places.json``: its by-name pages' addresses, and the page of each signer in
    the index's order (``positions``: record id to place in the index)."""
    parts, _ = listing.parts(BY_NAME)
    return _json({"pages": [part.url for part in parts], "places": listing.places(positions)})
