"""The static search of the signatories: one index for every language, cut into
:data:`~openletter.signatures.folding.SHARDS` files by the first letter of each word
(:mod:`openletter.signatures.folding`), of which the lists' search box (theme/static/js/signatures.js)
fetches the one of the first word typed; and for each language where each signer is on its list.

Each signer of a shard is ``[position, id, name, affiliation, role, country]`` with empty
trailing fields dropped (``position``: its place in the records' order).  The script folds what
it fetched and what is typed as the build does and shows the matches in the page's collation
(``Intl.Collator``), so the files serve every language and a browser fetches each once.  Each
language's ``places.json`` gives, for each signer by position, the by-name page that lists it
(its pages' addresses, then a page number per signer): a result links to ``<page>#s-<id>``.
Measured against Pagefind, and sharded against whole, in bench/README.md."""

from __future__ import annotations

import json
from collections.abc import Iterable

from openletter.signatures import folding
from openletter.signatures.folding import SHARDS
from openletter.signatures.listing import BY_NAME, Listing
from openletter.signatures.load import record_id
from openletter.signatures.record import Record

#: Where the index's files are, relative to the site's root: ``signatures/index/07.json``.
INDEX_FOLDER = "signatures/index"


def shard_path(number: int) -> str:
    return f"{INDEX_FOLDER}/{number:02d}.json"


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def search_index(records: Iterable[Record]) -> dict[str, bytes]:
    """The index of ``records`` by file (every shard, empty ones too: a search finds nothing there),
    each in the records' order (the script sorts what it shows)."""
    shards: list[list[list[object]]] = [[] for _ in range(SHARDS)]
    for position, record in enumerate(records):
        row: list[object] = [position, record_id(record), record.name, record.affiliation or "", record.role or "", record.country or ""]
        while row and not row[-1]:
            row.pop()
        for number in sorted(folding.shards(folding.fold(" ".join(str(value) for value in row[2:5])))):
            shards[number].append(row)
    return {shard_path(number): _json(rows) for number, rows in enumerate(shards)}


def places_file(listing: Listing) -> bytes:
    """``listing``'s ``places.json``: its by-name pages' addresses, and the page of each signer by position."""
    parts, _ = listing.parts(BY_NAME)
    return _json({"pages": [part.url for part in parts], "places": listing.places()})
