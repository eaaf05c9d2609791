"""The preview (``invoke preview``): every saved change rebuilds the site as ``invoke build`` does, and open pages reload."""

from __future__ import annotations

import queue
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SiteCopy

from openletter.commands.build import build
from openletter.commands.preview import Preview, Rebuilt
from openletter.commands.reload import serve
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def retitle(path: Path, title: str, atomic: bool = False) -> None:
    """Change the catalog's first translation; ``atomic``: as editors save, a hidden file renamed."""
    catalog = read_po(path)
    catalog.entries[0].msgstr = title
    temporary = path.with_name(f".{path.name}.tmp") if atomic else path
    temporary.write_bytes(PoWriter().dump_bytes(catalog))
    temporary.replace(path)


#: The tests' previews wake every 50 ms (a reader's, every 500): each test waits for a first
#: wake-up before the first build and for a last one after it asks the preview to stop.
WAKE_MS = 50


class Watching:
    """A preview watching in a thread; each rebuild arrives on a queue."""

    def __init__(self, preview: Preview) -> None:
        self.stop = threading.Event()
        self.rebuilds: queue.Queue[Rebuilt] = queue.Queue()
        self.thread = threading.Thread(target=self._watch, args=(preview,), daemon=True)
        self.thread.start()

    def _watch(self, preview: Preview) -> None:
        for rebuilt in preview.watch(self.stop):
            self.rebuilds.put(rebuilt)

    def next(self) -> Rebuilt:
        return self.rebuilds.get(timeout=60)


@pytest.fixture
def watching(project: SiteCopy) -> Iterator[tuple[SiteCopy, Watching, list[str]]]:
    project.add_pseudo_language("eo")
    project.add_pseudo_language("de")
    messages: list[str] = []
    watcher = Watching(Preview(project.config, project.root / "preview", messages.append, wake_ms=WAKE_MS))
    assert watcher.next().result is not None  # the first build
    yield project, watcher, messages
    watcher.stop.set()
    watcher.thread.join(timeout=10)


def test_an_edit_to_each_document_catalog_is_on_its_page_and_equals_a_full_build(watching: tuple[SiteCopy, Watching, list[str]]) -> None:
    project, watcher, _ = watching
    preview = project.root / "preview"
    retitle(project.po("eo", "letter"), "A NEW LETTER TITLE")
    rebuilt = watcher.next()
    assert rebuilt.result is not None and project.po("eo", "letter") in rebuilt.changed
    assert "<h1>A NEW LETTER TITLE</h1>" in (preview / "eo" / "index.html").read_text(encoding="utf-8")
    retitle(project.po("eo", "about"), "A NEW ABOUT TITLE")
    watcher.next()
    assert "<h1>A NEW ABOUT TITLE</h1>" in (preview / "eo" / "about" / "index.html").read_text(encoding="utf-8")
    assert "A NEW LETTER TITLE" in (preview / "index.html").read_text(encoding="utf-8")  # the chooser
    build(project.config, project.root / "full")
    assert tree(preview) == tree(project.root / "full")


def mtimes(root: Path, folder: str) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in sorted((root / folder).rglob("*.html"))}


def test_a_catalog_save_renders_only_its_language_and_equals_a_full_build(watching: tuple[SiteCopy, Watching, list[str]]) -> None:
    project, watcher, _ = watching
    preview = project.root / "preview"
    german, esperanto = mtimes(preview, "de"), mtimes(preview, "eo")
    assert len(german) == 4  # the letter, the about page, the review page, the dashboard
    retitle(project.po("eo", "letter"), "A NEW LETTER TITLE", atomic=True)
    rebuilt = watcher.next()
    assert rebuilt.result is not None and rebuilt.copied == len(german)
    assert mtimes(preview, "de") == german  # copied, not rendered
    assert all(mtimes(preview, "eo")[name] != mtime for name, mtime in esperanto.items())
    assert "<h1>A NEW LETTER TITLE</h1>" in (preview / "eo" / "index.html").read_text(encoding="utf-8")
    build(project.config, project.root / "full")
    assert tree(preview) == tree(project.root / "full")


def test_a_new_language_renders_every_page(watching: tuple[SiteCopy, Watching, list[str]]) -> None:
    project, watcher, _ = watching
    project.add_pseudo_language("fr")  # translated, so listed: every page's menu gains it
    first = rebuilt = watcher.next()
    while not {project.po("fr"), project.po("fr", "theme")} <= set(first.changed) | set(rebuilt.changed):
        rebuilt = watcher.next()  # the two catalogs came in two bursts
    assert first.result is not None and first.copied == 0
    assert 'hreflang="fr"' in (project.root / "preview" / "de" / "index.html").read_text(encoding="utf-8")
    build(project.config, project.root / "full")
    assert tree(project.root / "preview") == tree(project.root / "full")


def test_a_broken_catalog_keeps_the_last_good_site_and_says_where(watching: tuple[SiteCopy, Watching, list[str]]) -> None:
    project, watcher, messages = watching
    preview = project.root / "preview"
    before = tree(preview)
    path = project.po("eo")
    path.write_text(path.read_text(encoding="utf-8") + 'msgid "unterminated\n', encoding="utf-8")
    rebuilt = watcher.next()
    assert rebuilt.result is None
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert messages[0].startswith(f"locale/eo/LC_MESSAGES/letter.po:{line}:20: error: syntax: the string is not closed")
    assert "the last good build" in messages[-1]
    assert tree(preview) == before
    messages.clear()
    path.write_text(path.read_text(encoding="utf-8").replace('msgid "unterminated\n', ""), encoding="utf-8")
    assert watcher.next().result is not None and messages == []


def test_content_and_theme_changes_rebuild_too(watching: tuple[SiteCopy, Watching, list[str]]) -> None:
    project, watcher, _ = watching
    stylesheet = project.root / "theme" / "static" / "css" / "letter.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    watcher.next()
    assert (project.root / "preview" / "theme" / "css" / "letter.css").read_text(encoding="utf-8").endswith("/* edited */\n")


def test_the_server_serves_the_site_a_build_swapped_in(project: SiteCopy) -> None:
    output = project.root / "output"
    build(project.config, output)
    server = serve(output, 0)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/en/"
        assert b"<h1>" in urllib.request.urlopen(url, timeout=10).read()
        retitle_source = project.root / "content" / "letter.md"
        retitle_source.write_text(retitle_source.read_text(encoding="utf-8").replace("Title: ", "Title: Renamed ", 1), encoding="utf-8")
        build(project.config, output)
        assert b"Renamed" in urllib.request.urlopen(url, timeout=10).read()
    finally:
        server.shutdown()


def test_the_server_has_the_browser_revalidate_every_file(project: SiteCopy) -> None:
    """A page's stylesheet keeps its name while the faces it names change with every build: one
    kept from before a rebuild would send the reloaded page to faces that are gone."""
    output = project.root / "output"
    build(project.config, output)
    server = serve(output, 0)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        stylesheet = next((output / "theme" / "fonts").glob("en.css")).relative_to(output).as_posix()
        face = next((output / "theme" / "fonts").glob("*.woff2")).relative_to(output).as_posix()
        controls = {path: urllib.request.urlopen(f"{base}/{path}", timeout=10).headers.get_all("Cache-Control") for path in ("en/", stylesheet, face)}
    finally:
        server.shutdown()
    assert controls == {"en/": ["no-store"], stylesheet: ["no-cache"], face: ["no-cache"]}


def test_an_entry_error_is_printed_once_per_save_and_other_findings_once(watching: tuple[SiteCopy, Watching, list[str]]) -> None:
    project, watcher, messages = watching
    path = project.po("eo")
    catalog = read_po(path)
    catalog.entries[1].msgstr = "<b>bold</b> " + catalog.entries[1].msgstr
    path.write_bytes(PoWriter().dump_bytes(catalog))
    assert watcher.next().result is not None
    line = read_po(path).entries[1].msgstr_line()  # a finding about a translation names its msgstr line
    finding = [message for message in messages if message.startswith(f"locale/eo/LC_MESSAGES/letter.po:{line}: error: html: ")]
    assert len(finding) == 1
    messages.clear()
    retitle(project.po("de"), "ANOTHER LANGUAGE SAVED")
    assert watcher.next().result is not None
    assert messages == []  # eo's finding was printed for eo's save
    retitle(path, "ESPERANTO SAVED AGAIN")
    assert watcher.next().result is not None
    assert messages == finding


def test_a_syntax_error_is_printed_once_per_save_not_per_poll(watching: tuple[SiteCopy, Watching, list[str]]) -> None:
    project, watcher, messages = watching
    path = project.po("eo")
    path.write_text(path.read_text(encoding="utf-8") + 'msgid "unterminated\n', encoding="utf-8")
    assert watcher.next().result is None
    time.sleep(8 * WAKE_MS / 1000)  # several of the watcher's wake-ups
    assert watcher.rebuilds.empty()
    assert sum("error: syntax:" in message for message in messages) == 1


def test_served_pages_carry_the_reload_script_and_the_built_files_do_not(project: SiteCopy) -> None:
    output = project.root / "output"
    build(project.config, output)
    built = (output / "en" / "index.html").read_bytes()
    server = serve(output, 0)
    try:
        served = urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/en/", timeout=10).read()
    finally:
        server.shutdown()
    assert b'<script src="/_preview/reload.js?build=0" defer></script>' in served
    assert b"connect-src 'self'" in served and b"connect-src 'none'" in built
    assert served.replace(b'<script src="/_preview/reload.js?build=0" defer></script>\n', b"").replace(b"connect-src 'self'", b"connect-src 'none'") == built
    assert not any(b"_preview" in path.read_bytes() for path in output.rglob("*") if path.is_file())
    rebuilt = project.root / "rebuilt"
    build(project.config, rebuilt)
    assert tree(output) == tree(rebuilt)  # what the preview served from is what a build makes
