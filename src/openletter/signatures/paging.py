"""Where a sorted list of signers is cut into pages: at points its own content chooses, so that
adding or removing one signer moves only the cuts near it.

Cutting every ``per_page`` names moves every later page by one name, and a static site then
re-renders them all.  Here each signer has a pseudo-random value (a digest of its record id) and a
page starts at a signer whose value is the smallest within ``per_page // 2`` places either side (a
local minimum, as content-defined chunking finds cut points in a byte stream).  Whether a signer
starts a page depends only on its neighbours within that window, so a new signer changes the cuts
within a window of its place and no other: the pages around it change, the rest keep their
signers and their addresses (a page is named by the record id of its first signer).

Two minima are more than ``per_page // 2`` apart, and one falls on average every ``per_page``
places, so pages hold from half to (rarely) a few times ``per_page`` signers; a stretch longer
than :data:`MAX_FACTOR` pages is cut again at its own smallest value inside, which again depends
on that stretch alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

#: A page longer than this many times ``per_page`` is cut again (at its smallest inner value).
MAX_FACTOR = 2


def cut_value(record_id: str) -> int:
    """The value that decides whether the signer of ``record_id`` starts a page (stable across builds)."""
    return int.from_bytes(hashlib.blake2b(record_id.encode("utf-8"), digest_size=8).digest(), "big")


def page_starts(values: Sequence[int], per_page: int) -> list[int]:
    """The index where each page starts (the first is 0), for signers in list order with ``values``."""
    count = len(values)
    window = max(1, per_page // 2)
    starts = [0]
    # A local minimum is the smallest of its own block of ``window`` places (the block lies inside
    # its window): one candidate per block, checked against its window on both sides.
    for block in range(0, count, window):
        smallest = min(values[block : block + window])
        place = values.index(smallest, block, block + window)
        if place <= window or place >= count - window:
            continue  # the first and last page keep at least a window of signers
        if smallest < min(values[place - window : place]) and smallest < min(values[place + 1 : place + window + 1]):
            starts.append(place)
    starts.append(count)
    cut = [0]
    for begin, end in zip(starts, starts[1:]):
        cut += _split(values, begin, end, window, MAX_FACTOR * per_page)
    return cut[:-1] if count else [0]


def _split(values: Sequence[int], begin: int, end: int, window: int, longest: int) -> list[int]:
    """The starts after ``begin`` of the pieces of ``values[begin:end]``, each at most ``longest``
    long: a stretch that is longer is cut at its smallest value at least ``window`` from either end."""
    if end - begin <= longest or end - begin <= 2 * window + 1:
        return [end]
    inner = values[begin + window + 1 : end - window]
    place = begin + window + 1 + inner.index(min(inner))
    return _split(values, begin, place, window, longest) + _split(values, place, end, window, longest)
