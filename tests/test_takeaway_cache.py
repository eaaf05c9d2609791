"""The takeaway files are cached by content: a warm build renders none, a change to one language
renders only that language's; and a character no font has leaves that file out, with a warning."""

from __future__ import annotations

import time

from conftest import SiteCopy

from openletter.commands.build import build
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter

#: A character no shipped font has (a test tube emoji): the PDF and card cannot show it.
NO_FONT = "\U0001f9ea"


def set_translation(project: SiteCopy, code: str, source_start: str, text: str) -> None:
    path = project.po(code)
    catalog = read_po(path)
    entry = next(entry for entry in catalog.entries if entry.msgid.startswith(source_start))
    entry.msgstr = text
    path.write_bytes(PoWriter().dump_bytes(catalog))


def test_warm_builds_render_nothing_and_a_changed_language_only_its_files(project: SiteCopy) -> None:
    """One project for the three claims (each build of it with PDFs costs a browser session)."""
    project.write_content("The letter's only paragraph.\n")
    project.add_pseudo_language("de")
    project.add_pseudo_language("fr")
    set_translation(project, "fr", "Test letter", f"Lettre de test {NO_FONT}")  # the title: in the PDFs and card
    output = project.root / "output"

    first = build(project.config, output, pdf=True)
    warnings = [str(warning) for warning in first.warnings if warning.code == "takeaway"]
    assert any(w.startswith("fr/index.html: warning: takeaway: letter.fr.a4.pdf not made") and "U+1F9EA" in w for w in warnings), warnings
    assert not (output / "fr" / "letter.fr.a4.pdf").exists() and not (output / "fr" / "letter.fr.png").exists()
    french = (output / "fr" / "index.html").read_text(encoding="utf-8")
    assert "letter.fr.a4.pdf" not in french and "og:image" not in french and 'href="letter.fr.txt"' in french
    assert (output / "de" / "letter.de.a4.pdf").read_bytes().startswith(b"%PDF-")

    warm = build(project.config, output, pdf=True)
    assert warm.takeaway.made == [] and warm.takeaway.reused > 0
    assert (output / "de" / "letter.de.a4.pdf").is_file(), "a file the build did not make anew is kept"

    set_translation(project, "de", "The letter", f"Der einzige Absatz des Briefs ({time.time_ns()}).")
    changed = build(project.config, output, pdf=True)
    # The card shows the title, which did not change: it is not made again either.
    assert sorted(changed.takeaway.made) == ["de/letter.de.a4.pdf", "de/letter.de.md", "de/letter.de.txt", "de/letter.de.us-letter.pdf"]


def test_a_warm_build_reads_no_page_back(project: SiteCopy, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each page's letter is parsed once per page as written: a warm build, whose pages are the
    same, takes the parsed letters from the cache (the text and Markdown files come from it too)."""
    from openletter.takeaway import builder

    project.write_content("The letter's only paragraph.\n")
    project.add_pseudo_language("de")
    output = project.root / "output"
    build(project.config, output)
    parsed: list[str] = []
    original = builder.read_letter
    monkeypatch.setattr(builder, "read_letter", lambda html, path: parsed.append(str(path)) or original(html, path))
    warm = build(project.config, output)
    assert parsed == [] and warm.takeaway.made == []
    set_translation(project, "de", "Test letter", f"Testbrief {time.time_ns()}")
    build(project.config, output)
    assert parsed == ["de/index.html"]
