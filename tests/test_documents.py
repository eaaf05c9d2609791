"""Content files: metadata units, body units, and clear errors for malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from openletter.content.documents import read_document
from openletter.content.segments import new_markdown
from openletter.errors import ContentError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "letter.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_title_and_summary_are_units_before_the_body(tmp_path: Path) -> None:
    path = write(tmp_path, "Title: A title\nDate: 2026-11-26\nSummary: Short.\n\nFirst.\n\nSecond.\n")
    document = read_document(path, new_markdown(), reference_path=Path("content/letter.md"))
    assert [(unit.kind, unit.text, unit.line) for unit in document.units] == [
        ("title", "A title", 1),
        ("summary", "Short.", 3),
        ("paragraph", "First.", 5),
        ("paragraph", "Second.", 7),
    ]
    assert document.domain == "letter"
    assert document.metadata["date"] == "2026-11-26"
    assert str(document.units[0].path) == "content/letter.md"


def test_the_shipped_letter_is_segmented_verbatim() -> None:
    repo = Path(__file__).resolve().parent.parent
    document = read_document(repo / "content" / "letter.md", new_markdown())
    # The letter as its authors published it (plain text), kept beside the tests.
    letter = (repo / "tests" / "data" / "letter-original.txt").read_text(encoding="utf-8")
    lines = letter.split("\n")
    paragraphs = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
    assert document.metadata["title"] == lines[0].strip()
    assert [unit.text for unit in document.body.units] == paragraphs


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("Title: x\nnot metadata\n\nBody\n", 2, "expected 'Key: value'"),
        ("Date: 2026-01-01\n\nBody\n", 1, "missing 'Title:'"),
    ],
)
def test_malformed_content_names_the_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    with pytest.raises(ContentError, match=fragment) as raised:
        read_document(write(tmp_path, text), new_markdown())
    assert raised.value.line == line


def test_non_utf8_content_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.md"
    path.write_bytes(b"Title: caf\xe9\n\nBody\n")
    with pytest.raises(ContentError, match="not valid UTF-8"):
        read_document(path, new_markdown())
