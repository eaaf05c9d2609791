"""How the search of the signatories compares text: folded as a search engine folds it, the same
here (the build, which shards the index) and in the reader's browser (theme/static/js/search-fold.js,
which folds what is typed and what it fetched).  The tests hold the two equal on a table of cases.

* **Folding**: NFKD, marks removed (``é`` -> ``e``, ``ñ`` -> ``n``), lower case, then the letters
  that do not decompose into a base letter and a mark (``ł``, ``ø``, ``đ``, ``ß``, ``æ``, ``œ``,
  ``ı``…) replaced by what a reader types for them: "lodz" finds "Łódź".
* **Where a word may start**: at each word (a run of letters and digits) and, in Han and kana
  (names written without spaces, each character a syllable or more), at every character.  What
  the reader types must begin where a word may: "ewa" finds "Łabędź Ewa", "abedz" does not, "太郎"
  finds "山田太郎".  (Thai, Lao, Khmer and Myanmar names are found by their words, as written
  apart: each of their letters as a start would put a name in most of the index's files.)
* **Shards**: the index is cut into :data:`SHARDS` files by the *key* of each place a word may
  start: its first two letters (its first character alone in Han and kana, where one character
  is a name's syllable); a search fetches the one file of the key of its first word that has one
  (two letters typed, or one Han or kana character), which holds every signer with a word
  beginning so.  At 100,000 signers a file is about 1/250 of the index.
"""

from __future__ import annotations

import functools
import unicodedata

#: Letters that NFKD leaves whole, folded as typed on a plain keyboard (lower case: applied after lowering).
LETTERS = {
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ß": "ss", "æ": "ae",
    "œ": "oe", "þ": "th", "ŋ": "n", "ĸ": "k", "ſ": "s", "ς": "σ",
}  # fmt: skip
_TABLE = str.maketrans(LETTERS)
#: Han and kana: a search may start at any of their characters. The same ranges as search-fold.js's UNSPACED.
UNSPACED = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
#: How many files the index is cut into.
SHARDS = 256


@functools.cache
def _without_marks() -> dict[int, None]:
    """A :meth:`str.translate` table deleting every combining mark (categories Mn, Mc, Me)."""
    return {code: None for code in (*range(0x30000), *range(0xE0000, 0xE01F0)) if unicodedata.category(chr(code)).startswith("M")}


def fold(text: str) -> str:
    """``text`` as the search compares it."""
    return unicodedata.normalize("NFKD", text).translate(_without_marks()).lower().translate(_TABLE)


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


def key(word: str) -> str:
    """What picks the index file of a word (folded) beginning so: its first character in Han and
    kana, else its first two letters; "" when it has too few to pick one."""
    if word and _unspaced(word[0]):
        return word[0]
    return word[:2] if len(word) >= 2 and _wordy(word[1]) and not _unspaced(word[1]) else ""


def shard(key: str) -> int:
    """The index file of a :func:`key`."""
    codes = [ord(char) for char in key]
    return (codes[0] * 31 + (codes[1] if len(codes) > 1 else 0)) % SHARDS


def shards(folded: str) -> set[int]:
    """Every index file a signer with the folded text ``folded`` is in."""
    return {shard(found) for found in (key(folded[index : index + 2]) for index in starts(folded)) if found}


def words(query: str) -> list[str]:
    """The words typed in ``query``, folded (what is not a letter or digit separates them)."""
    folded = fold(query)
    return "".join(char if _wordy(char) else " " for char in folded).split()
