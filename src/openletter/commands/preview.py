"""``invoke livereload``: serve the site on localhost and rebuild it as soon as a source is saved.

Every change — a catalog, a content file, the theme, the settings — runs the very build
``invoke build`` runs (warm: the build cache makes unchanged work free), so what the preview
shows is always what a build makes.  ``watchfiles`` reports the changes.  While a catalog is
broken its ``path:line`` errors are printed once per save and the last good site stays served.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from openletter.commands.build import BuildResult, build
from openletter.errors import OpenletterError
from openletter.settings import OPTIONS_KEY, Options, load_settings

#: How long a burst of saves (an editor writing a temp file, then renaming it) is gathered, in ms.
DEBOUNCE_MS = 100
#: How often the watcher wakes when nothing changed (to see whether it should stop), in ms.
WAKE_MS = 500


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """One rebuild after a change: what changed, the build's result (None when it failed), its time."""

    changed: tuple[Path, ...]
    result: BuildResult | None
    seconds: float


class Preview:
    """A project's site kept in ``output``, rebuilt whenever one of its sources changes."""

    def __init__(self, config: Path, output: Path, report: Callable[[str], None] = print) -> None:
        self.config = Path(config).resolve()
        self.output = Path(output).resolve()
        self.report = report

    def sources(self) -> list[Path]:
        """What a build reads: the content, the catalogs, the theme and the settings files."""
        options: Options = load_settings(self.config)[OPTIONS_KEY]
        folders = [options.content_path, options.locale_path, options.theme_path]
        files = [self.config, self.config.with_name("pelicanconf.py")]
        return [path for path in dict.fromkeys([*folders, *files]) if path.exists()]

    def rebuild(self, changed: tuple[Path, ...] = ()) -> Rebuilt:
        started = time.perf_counter()
        try:
            result = build(self.config, self.output)
        except OpenletterError as error:
            for line in error.lines():
                self.report(line)
            self.report(f"not rebuilt: the site at {self.output} is the last good build")
            return Rebuilt(changed, None, time.perf_counter() - started)
        for warning in result.warnings:
            self.report(str(warning))
        return Rebuilt(changed, result, time.perf_counter() - started)

    def watch(self, stop: threading.Event | None = None) -> Iterator[Rebuilt]:
        """A first build, then one rebuild per burst of changes, until ``stop`` is set.

        The first build starts once the watcher runs (its first report, empty after a short
        wait), so nothing saved while it builds is missed."""
        first = True
        for changes in watchfiles.watch(
            *self.sources(), debounce=DEBOUNCE_MS, step=50, stop_event=stop, raise_interrupt=False,
            yield_on_timeout=True, rust_timeout=WAKE_MS,
        ):  # fmt: skip
            if first or changes:
                yield self.rebuild(tuple(sorted({Path(path) for _, path in changes})))
                first = False


def serve(output: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serve ``output`` on localhost in a thread (the folder a build swaps in is served at once)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watch_and_serve(config: Path, output: Path, port: int) -> None:
    """Build, serve ``output`` at http://127.0.0.1:<port>/, and rebuild on every saved change."""
    preview = Preview(config, output)
    server = None
    try:
        for rebuilt in preview.watch():
            if server is None:
                server = serve(preview.output, port)
                print(f"serving {preview.output} at http://127.0.0.1:{port}/ - edit and save, then reload (Ctrl-C to stop)")
            if rebuilt.changed and rebuilt.result is not None:
                names = ", ".join(path.name for path in rebuilt.changed[:3]) + (" …" if len(rebuilt.changed) > 3 else "")
                print(f"{names}: rebuilt {rebuilt.result.pages} page(s) in {rebuilt.seconds * 1000:.0f} ms")
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.shutdown()
