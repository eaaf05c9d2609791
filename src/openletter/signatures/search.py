"""The static search of the signatories: one index for every language, cut into
:data:`~openletter.signatures.folding.SHARDS` files by the first letter of each word
(:mod:`openletter.signatures.folding`), of which the lists' search box (theme/static/js/signatures.js)
fetches the one of the first word typed; and for each language where each signer is on its list.

Each signer of a shard is ``[position, id, name, affiliation, role, country]`` with empty
trailing fields dropped (``position``: its place in the records' order).  The script folds what
it fetched and what is typed as the build does and shows the matches in the page's collation
(``Intl.Collator``), so the files serve every language and a browser fetches each once.  Each
language's places (``<lang>/signatures/places/``, blocks of positions) give, for each signer by
position, the by-name page that lists it (its pages' addresses, then a page number per signer):
a result links to ``<page>#s-<id>``.
Measured against Pagefind, and sharded against whole, in bench/README.md."""

from __future__ import annotations

import json
from collections.abc import Iterable

from openletter.cache import Cache
from openletter.signatures import folding
from openletter.signatures.folding import SHARDS
from openletter.signatures.listing import BY_NAME, Listing, places_url
from openletter.signatures.load import record_id
from openletter.signatures.record import Record

#: Where the index's files are, relative to the site's root: ``signatures/index/007.json``.
INDEX_FOLDER = "signatures/index"


def shard_path(number: int) -> str:
    return f"{INDEX_FOLDER}/{number:03d}.json"


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def search_index(records: Iterable[Record], cache: Cache | None = None) -> dict[str, bytes]:
    """The index of ``records`` by file (every shard, empty ones too: a search finds nothing there),
    each in the records' order (the script sorts what it shows).  A record's files come from the
    ``cache``'s memo when its text was folded by an earlier build."""
    shards: list[list[list[object]]] = [[] for _ in range(SHARDS)]
    memo = (cache or Cache(None)).memo("search-shards")
    for position, record in enumerate(records):
        row: list[object] = [position, record_id(record), record.name, record.affiliation or "", record.role or "", record.country or ""]
        while row and not row[-1]:
            row.pop()
        text = " ".join(str(value) for value in row[2:5])
        for number in memo.get(text, lambda text=text: tuple(sorted(folding.shards(folding.fold(text))))):
            shards[number].append(row)
    return {shard_path(number): _json(rows) for number, rows in enumerate(shards)}


#: How many signers' places one file of a language's places holds.
PLACES_BLOCK = 2048


def places_files(listing: Listing) -> dict[str, bytes]:
    """``listing``'s places, by file (``<lang>/signatures/places/000.json``, a block of
    :data:`PLACES_BLOCK` positions each): its by-name pages' addresses, and the page of each
    signer of the block by position (a search fetches the blocks of the results it shows)."""
    parts, _ = listing.parts(BY_NAME)
    pages = [part.url for part in parts]
    places = listing.places()
    return {
        f"{places_url(listing.language)}{start // PLACES_BLOCK:03d}.json": _json({"pages": pages, "places": places[start : start + PLACES_BLOCK]})
        for start in range(0, max(1, len(places)), PLACES_BLOCK)
    }
