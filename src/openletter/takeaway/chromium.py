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
A document is shown with its files in it (:meth:`Document.standalone`) and printed on each of
its papers from that one load; any request it would still make is refused, so a document can
load nothing from the network or the disk.
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
#: Sets the paper a loaded print document is printed on (its ``@page { size }``).
SET_PAPER = """css => {
  let rule = document.getElementById('ol-paper');
  if (!rule) { rule = document.createElement('style'); rule.id = 'ol-paper'; document.head.append(rule); }
  rule.textContent = css;
}"""


class RenderError(OpenletterError):
    """Chromium could not be started, or could not render a document."""


@dataclass(frozen=True)
class Job:
    """One file to render: a PDF of ``document`` on ``paper`` (a CSS ``@page`` size), or its picture as a share card."""

    document: Document
    kind: str  # "pdf" or "card"
    paper: str = ""


def _by_document(jobs: Sequence[Job]) -> list[list[tuple[int, Job]]]:
    """The jobs (with their index) of each document, documents in order of first appearance:
    a document is loaded once for all of them."""
    groups: dict[int, list[tuple[int, Job]]] = {}
    for index, job in enumerate(jobs):
        groups.setdefault(id(job.document), []).append((index, job))
    return list(groups.values())


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
    groups = _by_document(jobs)
    waiting = iter(groups)
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(chromium), args=ARGS)
            try:
                context = await browser.new_context(viewport={"width": CARD_WIDTH, "height": CARD_HEIGHT}, java_script_enabled=True)

                async def worker() -> None:
                    """One page rendering the next waiting document's jobs until none is left."""
                    page = await context.new_page()
                    await page.route("**/*", lambda route: route.abort())
                    for group in waiting:
                        await page.set_content(group[0][1].document.standalone(ORIGIN), wait_until="load")
                        await page.evaluate("document.fonts.ready.then(() => true)")
                        for index, job in group:
                            if job.kind == "pdf":
                                await page.evaluate(SET_PAPER, f"@page {{ size: {job.paper}; }}")
                            results[index] = await (_pdf(page) if job.kind == "pdf" else _card(page))

                await asyncio.gather(*(worker() for _ in range(max(1, min(pages_at_once, len(groups))))))
            finally:
                await browser.close()
    except Error as error:
        raise RenderError(f"Chromium failed: {error.message.splitlines()[0]}", path=chromium) from None
    return results


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
