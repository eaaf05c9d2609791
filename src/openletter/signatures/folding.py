"""How the search of the signatories compares text: folded as a search engine folds it, the same
here (the build, which shards the index) and in the reader's browser (theme/static/js/search-fold.js,
which folds what is typed and what it fetched).  The tests hold the two equal on a table of cases.

* **Folding**: NFKD, marks removed (``é`` -> ``e``, ``ñ`` -> ``n``), lower case, then the letters
  that do not decompose into a base letter and a mark (``ł``, ``ø``, ``đ``, ``ß``, ``æ``, ``œ``,
  ``ı``…) replaced by what a reader types for them: "lodz" finds "Łódź".
* **Where a word may start**: at each word (a run of letters and digits) and, in scripts written
  without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar), at every character.  What
  the reader types must begin where a word may: "ewa" finds "Łabędź Ewa", "abedz" does not.
* **Shards**: the index is cut into :data:`SHARDS` files by the first character of each place a
  word may start; a search fetches the one file of its first word's first character, which holds
  every signer with a word that can start with it.
"""

from __future__ import annotations

import unicodedata

#: Letters that NFKD leaves whole, folded as typed on a plain keyboard (lower case: applied after lowering).
LETTERS = {
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ß": "ss", "æ": "ae",
    "œ": "oe", "þ": "th", "ŋ": "n", "ĸ": "k", "ſ": "s", "ς": "σ",
}  # fmt: skip
_TABLE = str.maketrans(LETTERS)
#: Scripts written without spaces between words: a search may start at any of their characters.
#: The same ranges as search-fold.js's UNSPACED.
UNSPACED = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF), (0x31F0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF),
)  # fmt: skip
#: How many files the index is cut into.
SHARDS = 32


def fold(text: str) -> str:
    """``text`` as the search compares it."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.category(char).startswith("M")).lower().translate(_TABLE)


def _wordy(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def _unspaced(char: str) -> bool:
    code = ord(char)
    return any(first <= code <= last for first, last in UNSPACED)


def starts(folded: str) -> list[int]:
    """Where in ``folded`` (a folded text) a word the reader types may begin."""
    found = []
    for index, char in enumerate(folded):
        if _wordy(char) and (index == 0 or not _wordy(folded[index - 1]) or _unspaced(char)):
            found.append(index)
    return found


def shard(char: str) -> int:
    """The index file of words that begin with ``char`` (a folded character)."""
    return ord(char) % SHARDS


def shards(folded: str) -> set[int]:
    """Every index file a signer with the folded text ``folded`` is in."""
    return {shard(folded[index]) for index in starts(folded)}


def words(query: str) -> list[str]:
    """The words typed in ``query``, folded (what is not a letter or digit separates them)."""
    folded = fold(query)
    return "".join(char if _wordy(char) else " " for char in folded).split()
