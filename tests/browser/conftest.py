"""Chromium (Debian's, never a downloaded one) driven by Playwright, and a local server per site."""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

CHROMIUM = os.environ.get("OPENLETTER_CHROMIUM", "/usr/bin/chromium-headless-shell")  # as the build renders PDFs
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    home = tmp_path_factory.mktemp("chromium-home")
    os.environ.setdefault("XDG_CONFIG_HOME", str(home / "config"))
    os.environ.setdefault("XDG_CACHE_HOME", str(home / "cache"))
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Served:
    """A built site on http://127.0.0.1:<port>/ and what the browser tried to reach elsewhere."""

    root: Path
    base: str
    foreign_requests: list[str] = field(default_factory=list)


def start_server(root: Path) -> tuple[http.server.ThreadingHTTPServer, Served]:
    """``root`` on a free local port, served from a thread (stop it with :func:`stop_server`)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, Served(root, f"http://127.0.0.1:{server.server_address[1]}/")


def stop_server(server: http.server.ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


@pytest.fixture
def serve() -> Iterator:
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(root: Path) -> Served:
        server, served = start_server(root)
        servers.append(server)
        return served

    yield start
    for server in servers:
        stop_server(server)


@dataclass
class Watched:
    """A page with everything it reported: console errors, uncaught errors, dialogs."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    handlers: list[tuple[str, object]] = field(default_factory=list)

    def stop(self) -> None:
        """Stop listening (a page shared between tests is watched by one test at a time)."""
        for event, handler in self.handlers:
            self.page.remove_listener(event, handler)  # type: ignore[arg-type]


def new_context(browser: Browser, served: Served, **options: object) -> BrowserContext:
    """A context whose every request to a host other than the local server is blocked and recorded.

    The pattern (a regular expression the browser side matches) sends only foreign requests to
    this process; the local site's requests go straight through."""
    context = browser.new_context(**options)

    def guard(route: Route) -> None:
        served.foreign_requests.append(route.request.url)
        route.abort()

    context.route(re.compile(rf"^(?!{re.escape(served.base)}|data:|about:|blob:)"), guard)
    return context


def watch(page: Page) -> Watched:
    watched = Watched(page)

    def on_console(message) -> None:  # type: ignore[no-untyped-def]
        if message.type == "error":
            watched.console_errors.append(message.text)

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    watched.handlers = [("console", on_console), ("pageerror", lambda error: watched.page_errors.append(str(error))), ("dialog", on_dialog)]
    for event, handler in watched.handlers:
        page.on(event, handler)  # type: ignore[call-overload]
    return watched


def screenshot_on_failure(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="session")
def site(shipped_site: Path) -> Path:
    """The shipped site (built once per session, see tests/conftest.py)."""
    return shipped_site


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[Served]:
    server, served = start_server(site)
    yield served
    stop_server(server)


AXE = Path(__file__).resolve().parent.parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def serious_axe_violations(browser: Browser, served: Served, path: str) -> list[tuple[str, str, int]]:
    """axe-core's serious and critical violations on ``path`` (id, impact, number of nodes)."""
    context = new_context(browser, served, bypass_csp=True)  # to inject axe itself
    page = context.new_page()
    try:
        page.goto(served.base + path)
        return axe_violations(page)
    finally:
        context.close()


def axe_violations(page: Page, rules: tuple[str, ...] | None = None) -> list[tuple[str, str, int]]:
    """axe-core's serious and critical violations on the page loaded (its context must bypass
    the pages' Content-Security-Policy, which forbids the injected script); only ``rules`` when given."""
    assert AXE.exists(), "run `npm ci` (axe-core comes from package-lock.json)"
    page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"], **({"runOnly": {"type": "rule", "values": list(rules)}} if rules else {})}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]
