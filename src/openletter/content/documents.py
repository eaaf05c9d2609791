"""Source documents: Pelican-style metadata, a Markdown body, and their translation units."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from openletter.content.segments import Segmentation, Unit, normalize, segment
from openletter.errors import ContentError

_METADATA_RE = re.compile(r"\A([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*)\Z")
#: Metadata whose values readers see, so translators translate them.
TRANSLATABLE_METADATA = ("title", "summary")


@dataclass(frozen=True, slots=True)
class Document:
    """One content file, segmented once and shared by every language."""

    path: Path  # as written in ``#:`` references, relative to the project
    domain: str  # catalog name: the file's stem ("letter" -> letter.pot)
    metadata: Mapping[str, str]
    metadata_units: Mapping[str, Unit]
    body: Segmentation

    @property
    def units(self) -> list[Unit]:
        """Every unit in reading order: translatable metadata, then the body."""
        return [*self.metadata_units.values(), *self.body.units]


def read_document(
    path: Path,
    markdown: MarkdownIt,
    reference_path: Path | None = None,
    translatable: Sequence[str] = TRANSLATABLE_METADATA,
) -> Document:
    """Read a Markdown file whose first lines are ``Key: value`` metadata up to a blank line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(f"not valid UTF-8 ({error.reason})", path=path) from None
    except OSError as error:
        raise ContentError(f"cannot read: {error.strerror}", path=path) from None
    return read_document_text(text, path, markdown, reference_path, translatable)


def read_document_text(
    text: str,
    path: Path,
    markdown: MarkdownIt,
    reference_path: Path | None = None,
    translatable: Sequence[str] = TRANSLATABLE_METADATA,
) -> Document:
    """Segment already-read file text (the Babel extractor gets a file object, not a path)."""
    shown = reference_path or path
    lines = text.split("\n")
    metadata: dict[str, str] = {}
    metadata_lines: dict[str, int] = {}
    index = 0
    while index < len(lines) and lines[index].strip():
        match = _METADATA_RE.match(lines[index])
        if not match:
            raise ContentError(
                f"expected 'Key: value' metadata or a blank line, found {lines[index]!r}",
                path=path,
                line=index + 1,
                value=lines[index],
            )
        key = match.group(1).lower()
        metadata[key] = match.group(2).strip()
        metadata_lines[key] = index + 1
        index += 1
    if "title" not in metadata:
        raise ContentError("missing 'Title:' metadata", path=path, line=1)
    metadata_units = {
        key: Unit(kind=key, text=normalize(metadata[key]), path=shown, line=metadata_lines[key])
        for key in translatable
        if metadata.get(key)
    }
    body_start = index + 1 if index < len(lines) else index
    body = "\n".join(lines[body_start:])
    return Document(
        path=shown,
        domain=path.stem,
        metadata=metadata,
        metadata_units=metadata_units,
        body=segment(markdown, body, shown, line_offset=body_start),
    )
