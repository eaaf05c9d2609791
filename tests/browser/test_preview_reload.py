"""The preview's pages reload themselves in Chromium when a saved catalog was rebuilt."""

from __future__ import annotations

import threading
from pathlib import Path

from conftest import SiteCopy
from playwright.sync_api import Browser, expect
from test_preview import WAKE_MS, retitle

from openletter.commands.preview import Preview
from openletter.commands.reload import Builds, serve


def test_a_page_shows_a_saved_translation_without_a_manual_reload(project: SiteCopy, browser: Browser) -> None:
    project.add_pseudo_language("eo")
    output = project.root / "preview"
    preview, builds, stop, first = Preview(project.config, output, lambda message: None, wake_ms=WAKE_MS), Builds(), threading.Event(), threading.Event()

    def watch() -> None:
        for rebuilt in preview.watch(stop):
            if first.is_set() and rebuilt.result is not None:
                builds.finished()
            first.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    assert first.wait(60)
    server = serve(output, 0, builds)
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        failed: list[str] = []
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/eo/")
        page.wait_for_load_state("networkidle")  # its faces fetched before the build that replaces them
        page.evaluate("window.notReloaded = true")
        retitle(project.po("eo"), "A TITLE SAVED IN THE EDITOR")
        expect(page.locator("h1")).to_have_text("A TITLE SAVED IN THE EDITOR", timeout=30_000)
        assert page.evaluate("window.notReloaded") is None  # the page itself reloaded
        assert errors == [], (errors, failed)  # no Content-Security-Policy violation
    finally:
        context.close()
        stop.set()
        thread.join(timeout=10)
        server.shutdown()
    assert not any(b"_preview" in path.read_bytes() for path in Path(output).rglob("*") if path.is_file())
