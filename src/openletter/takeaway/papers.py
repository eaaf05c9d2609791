"""The paper sizes a letter's PDF can be made in (``OPENLETTER_PDF_PAPERS``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper size: the name the setting and the link give it, CSS's, and the file name's."""

    name: str  # as OPENLETTER_PDF_PAPERS writes it, and in the link when ``label`` is empty
    css: str  # the CSS ``@page { size }`` keyword
    slug: str  # in the file's name: letter.de.<slug>.pdf
    #: The name readers of a language call it by, when it is not the same everywhere (a theme
    #: string: page.html translates it); ISO sizes are called by their name in every language.
    label: str = ""


#: Every paper a PDF can be made in: ISO's, and North America's letter size.
PAPERS: dict[str, Paper] = {
    paper.name: paper
    for paper in (
        Paper("A4", "A4", "a4"),
        Paper("A5", "A5", "a5"),
        Paper("Letter", "letter", "us-letter", "US Letter"),
    )
}
