"""What a published text field (name, affiliation, role) may hold: plain, visible, NFC text of one line.

The records are public and shown on the site, so each refusal says why in the signer's terms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

#: The most characters a text field may have (a long affiliation fits; a paragraph does not).
MAX_LENGTH = 200

#: Zero-width joiners are part of spelling in Persian and Indic scripts: allowed between two letters.
_JOINERS = frozenset("\u200c\u200d")
#: Letters (category Lo) that show nothing: Hangul fillers and the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
#: A tag (``<b``, ``</a``, ``<!--``) or ``>``: names have neither, and HTML would hide them.
_MARKUP_RE = re.compile(r"[<>]")
#: A character reference (``&amp;``, ``&#233;``, ``&#xE9;``); a bare ``&`` (``Smith & Sons``) is text.
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
#: Something a reader could click: a scheme (``https://``, ``mailto:``) or a ``www.`` host.
_URL_RE = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://|\bmailto:|\bwww\.", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+")

Finding = tuple[str, str]  # (code, message)


def text_problems(value: str) -> Iterator[Finding]:
    """Everything that keeps ``value`` from being published as it is, most basic first."""
    if not value.strip():
        yield "empty", "empty; leave the key out instead"
        return
    if len(value) > MAX_LENGTH:
        yield "too-long", f"{len(value)} characters, over the {MAX_LENGTH}-character limit"
    bad = _bad_character(value)
    if bad:
        yield bad
    elif value != value.strip():
        yield "whitespace", "space at the start or end; it would not show, and two records would differ only by it"
    if unicodedata.is_normalized("NFC", value) is False:
        yield "nfc", "not in Unicode NFC form (a letter and its accent stored apart); save the file as NFC"
    if _MARKUP_RE.search(value) or _ENTITY_RE.search(value):
        yield "markup", "no HTML or character references (< > &name;): the site shows the text as written"
    if _EMAIL_RE.search(value):
        yield "email", "no e-mail addresses: the records are public; write only what you want published"
    elif _URL_RE.search(value):
        yield "url", "no web addresses: the records are public text, not links; write the name alone"


def _bad_character(value: str) -> Finding | None:
    """The first control or invisible character, named, or None."""
    for index, char in enumerate(value):
        category = unicodedata.category(char)
        if category == "Cc" or category in ("Zl", "Zp"):
            return "control-char", f"control character {_where(char, index)}: one line of plain text only"
        if char in _JOINERS:
            if not (_letter(value, index - 1) and _letter(value, index + 1)):
                return "invisible-char", f"{_where(char, index)} does not join two letters; it would hide in the name"
            continue
        if category in ("Cf", "Co", "Cn", "Cs") or char in _BLANK_LETTERS:
            return "invisible-char", f"invisible or unassigned character {_where(char, index)}: two names that look alike must be alike"
    return None


def _where(char: str, index: int) -> str:
    """``U+200B ZERO WIDTH SPACE at character 4``: named only for a message (a lookup a character cost every record)."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip() + f" at character {index + 1}"


def _letter(value: str, index: int) -> bool:
    return 0 <= index < len(value) and unicodedata.category(value[index])[0] in "LM"


def folded(value: str) -> str:
    """``value`` as near-duplicates compare: NFKC, case folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())
