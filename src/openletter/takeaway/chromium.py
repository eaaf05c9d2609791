"""Chromium, driven by Playwright, renders the PDFs and the share cards.

Why a browser rather than WeasyPrint (what the issue suggested): measured on this letter,
WeasyPrint 70's PDFs *look* right in every script, but their text layer is wrong wherever a
glyph stands for several characters: it maps each glyph to the first text it drew, so
Arabic's shared letter shapes come out as other letters (ت as ة, ن as ف: upstream issue
Kozea/WeasyPrint#2841) and Devanagari and Bengali lose every vowel sign drawn before its
consonant (सामुदायिक as सामुदायक).  Copying, searching and screen readers use that layer.
Chromium's PDFs carry the real text (``ActualText``), are tagged, and are laid out by the
engine that lays out the page itself, from the same webfonts.

One browser per build, started only when something is to be rendered, in a thread of its own
(with its own event loop: Pelican may run where one is running), rendering a few pages at once.
Every request a document makes goes to :func:`_route`: its own files are served from memory,
anything else is refused, so a document can load nothing from the network or the disk.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openletter.errors import OpenletterError
from openletter.takeaway.documents import FIT_TITLE, Document
from openletter.takeaway.files import CARD_HEIGHT, CARD_WIDTH

#: Where a document seems to be, for its relative links: a name that resolves nowhere.
ORIGIN = "https://openletter.invalid/"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--font-render-hinting=none"]  # fmt: skip
#: Colours a share card's PNG keeps: a flat background, two inks and their anti-aliasing (~20 KB a card).
CARD_COLOURS = 32
_TYPES = {".css": "text/css", ".woff2": "font/woff2", ".html": "text/html; charset=utf-8"}


class RenderError(OpenletterError):
    """Chromium could not be started, or could not render a document."""


@dataclass(frozen=True)
class Job:
    """One file to render: a PDF of ``document`` (``paper`` set) or its picture as a share card."""

    document: Document
    kind: str  # "pdf" or "card"


#: Pages rendering at once in the one browser: Chromium lays out and prints each in its own
#: renderer process, so on two cores three pages at a time keep both busy while Python waits.
PAGES_AT_ONCE = 3


def render(chromium: Path, jobs: Sequence[Job], pages_at_once: int = PAGES_AT_ONCE) -> list[bytes]:
    """The bytes of every job, in order, by one Chromium (in a thread of its own)."""
    if not jobs:
        return []
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _render_all(chromium, list(jobs), pages_at_once)).result()


async def _render_all(chromium: Path, jobs: list[Job], pages_at_once: int) -> list[bytes]:
    from playwright.async_api import Error, async_playwright  # a build that renders nothing never imports it

    if not chromium.is_file():
        raise RenderError("Chromium is not installed there: install it (make system-packages), set OPENLETTER_CHROMIUM, "
                          "or build without PDFs (OPENLETTER_PDF = False)", path=chromium)  # fmt: skip
    results: list[bytes] = [b""] * len(jobs)
    waiting = iter(enumerate(jobs))
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(chromium), args=ARGS)
            try:
                context = await browser.new_context(viewport={"width": CARD_WIDTH, "height": CARD_HEIGHT}, java_script_enabled=True)

                async def worker() -> None:
                    """One page rendering the next waiting job until none is left."""
                    page = await context.new_page()
                    served: dict[str, bytes] = {}
                    await page.route("**/*", lambda route: _route(route, served))
                    for index, job in waiting:
                        served.clear()
                        served.update({ORIGIN + name: data for name, data in job.document.files.items()})
                        served[ORIGIN + "document.html"] = job.document.html.encode("utf-8")
                        await page.goto(ORIGIN + "document.html", wait_until="load")
                        await page.evaluate("document.fonts.ready.then(() => true)")
                        results[index] = await (_pdf(page) if job.kind == "pdf" else _card(page))

                await asyncio.gather(*(worker() for _ in range(max(1, min(pages_at_once, len(jobs))))))
            finally:
                await browser.close()
    except Error as error:
        raise RenderError(f"Chromium failed: {error.message.splitlines()[0]}", path=chromium) from None
    return results


async def _route(route: Any, served: dict[str, bytes]) -> None:
    """A document's own file from memory; any other request refused."""
    url = route.request.url
    if url in served:
        await route.fulfill(status=200, body=served[url], content_type=_TYPES.get(Path(url).suffix, "application/octet-stream"))
    else:
        await route.abort()


async def _pdf(page: Any) -> bytes:
    """The document as a tagged PDF, on the paper its ``@page`` rule names."""
    data: bytes = await page.pdf(prefer_css_page_size=True, tagged=True, outline=True, print_background=False)
    return data


async def _card(page: Any) -> bytes:
    """The card's picture: the title fitted, taken at 1200 × 630, kept in a few colours (PNG)."""
    from PIL import Image

    await page.evaluate(FIT_TITLE)
    shot = Image.open(io.BytesIO(await page.screenshot(type="png")))
    picture = shot.convert("RGB").quantize(colors=CARD_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    picture.save(out, "PNG", compress_level=9)
    return out.getvalue()
