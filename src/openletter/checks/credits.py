"""Translator credits: names a translator chose to publish, from one documented header field.

``Last-Translator`` is written by every PO editor (often with an e-mail address) and says
nothing about consent, so the page never shows it.  A translator who wants to be credited adds
``X-Translator-Credits: Ana Souza; João Lima`` to the header of a catalog: names separated by
semicolons, shown as written under a translated "Translated by" label.  Only names: an entry
that looks like an e-mail address or a URL is left out and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from openletter.errors import Problem
from openletter.po.pofile import Catalog

CREDITS_HEADER = "X-Translator-Credits"
#: Longer than any real name list entry; a paragraph in the header is a mistake.
MAX_NAME_LENGTH = 80
#: Zero-width (non-)joiners belong in Persian and Indic names.
_JOINERS = frozenset("\u200c\u200d")
_NOT_A_NAME = re.compile(r"@|://|^www\.|[<>\[\]{}]", re.IGNORECASE)


@dataclass(slots=True)
class Credits:
    """The names to show for one language, in the order translators wrote them, and what was refused."""

    names: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add(self, catalog: Catalog, path: Path) -> None:
        """Read ``catalog``'s credits header; a name already listed (from another catalog) is kept once."""
        value = catalog.header_fields().get(CREDITS_HEADER)
        if not value:
            return
        line = catalog.header_field_line(CREDITS_HEADER)
        for name in _split(value):
            reason = _refusal(name)
            if reason:
                self.problems.append(Problem(path, line, "warning", "credits", f"{CREDITS_HEADER}: {name!r} not shown: {reason}"))
            elif name not in self.names:
                self.names.append(name)


def _split(value: str) -> Iterable[str]:
    return (" ".join(part.split()) for part in value.split(";") if part.strip())


def _refusal(name: str) -> str | None:
    if len(name) > MAX_NAME_LENGTH:
        return f"longer than {MAX_NAME_LENGTH} characters"
    if _NOT_A_NAME.search(name):
        return "credits show names only (no e-mail address, URL or markup)"
    if any(not character.isprintable() and character not in _JOINERS for character in name):
        return "contains a control or invisible character"
    return None
