"""The static search index of the signatories: one JSON file for every language, fetched by the
lists' search box (theme/static/js/signatures.js) the first time a reader types in it.

Each signer is ``[name, affiliation, role, country]`` with empty trailing fields dropped: the
script folds case and accents itself and shows the matches in the page's collation
(``Intl.Collator``), so one file serves every language and a browser fetches it once.  Measured
against Pagefind in bench/README.md."""

from __future__ import annotations

import json
from collections.abc import Iterable

from openletter.signatures.record import Record

#: Where the index is, relative to the site's root.
INDEX_PATH = "signatures/index.json"


def search_index(records: Iterable[Record]) -> bytes:
    """The index of ``records``, in file order (the script sorts what it shows)."""
    rows = []
    for record in records:
        row = [record.name, record.affiliation or "", record.role or "", record.country or ""]
        while row and not row[-1]:
            row.pop()
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
