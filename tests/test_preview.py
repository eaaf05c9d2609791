"""The warm preview: a saved catalog re-renders only what it affects, and the result is the
same, byte for byte, as a full build."""

from __future__ import annotations

from pathlib import Path

from conftest import SiteCopy
from openletter.commands.build import build
from openletter.languages import Language
from openletter.gettext.pofile import read_po
from openletter.gettext.powriter import PoWriter
from openletter.commands.preview import PreviewSession


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    catalog = read_po(path)
    change(catalog)
    path.write_bytes(PoWriter().dump_bytes(catalog))


def test_incremental_updates_equal_a_full_build(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.add_pseudo_language("ar")
    session = PreviewSession(project.config, project.root / "preview")
    session.start()
    assert session.poll() == []

    def retitle(catalog) -> None:  # type: ignore[no-untyped-def]
        catalog.entries[0].msgstr = "A NEW TITLE"

    edit(project.po("eo"), retitle)
    [update] = session.poll()
    assert update.language == Language.parse("eo")
    # The letter, the chooser (its title) and the review page; the dashboards' rows did not change.
    assert sorted(str(p.relative_to(project.root / "preview")) for p in update.pages) == ["eo/index.html", "eo/review/index.html", "index.html"]
    build(project.config, project.root / "full")
    assert tree(project.root / "preview") == tree(project.root / "full")

    def renotice(catalog) -> None:  # type: ignore[no-untyped-def]
        for entry in catalog.entries:
            if entry.msgid == "Dismiss":
                entry.msgstr = "أغلق الآن"

    edit(project.po("ar", "theme"), renotice)
    [update] = session.poll()
    # Every letter (each language menu carries Arabic's notice), the chooser and Arabic's review
    # page at once; the 3 dashboards (their menus too) on the next poll.
    assert len(update.pages) == 5
    [dashboards] = session.poll()
    assert sorted(str(p.relative_to(project.root / "preview")) for p in dashboards.pages) == [
        "ar/translate/index.html", "eo/translate/index.html", "translate/index.html"
    ]
    assert session.poll() == []
    build(project.config, project.root / "full")
    assert tree(project.root / "preview") == tree(project.root / "full")

    def untranslate(catalog) -> None:  # type: ignore[no-untyped-def]
        catalog.entries[-1].msgstr = ""

    edit(project.po("eo"), untranslate)
    [update] = session.poll()
    assert sorted(str(p.relative_to(project.root / "preview")) for p in update.pages) == ["eo/index.html", "eo/review/index.html", "index.html"]
    # The dashboards' row for eo changed (one message fewer): every dashboard and the badge follow.
    [dashboards] = session.poll()
    assert len(dashboards.pages) == 3
    build(project.config, project.root / "full")
    assert tree(project.root / "preview") == tree(project.root / "full")
    assert 'data-dismiss="أغلق الآن"' in (project.root / "preview" / "en" / "index.html").read_text(encoding="utf-8")
