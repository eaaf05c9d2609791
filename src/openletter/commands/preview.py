"""``invoke preview``: serve the site on localhost and rebuild it as soon as a source is saved.

Every change runs the very build ``invoke build`` runs (warm: the build cache makes unchanged
work free), so what the preview shows is always what a build makes.  When only catalogs changed
since the last good build, the run is partial (:mod:`openletter.pelican_plugin.partial`): the
other languages' pages are copied from the live site instead of rendered again.  ``watchfiles``
reports the changes.  Each save prints the saved catalogs' findings once, as ``invoke check``
does, and findings not printed before; while a catalog is broken its ``path:line`` errors are
printed once per save and the last good site stays served.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from openletter.commands.build import BuildResult, build
from openletter.commands.reload import Builds, serve
from openletter.errors import OpenletterError, Problem
from openletter.languages import Language
from openletter.pelican_plugin.partial import PARTIAL_KEY, Partial, Published
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
    #: Pages copied from the live site instead of rendered (0 for a full rebuild).
    copied: int = 0


class Preview:
    """A project's site kept in ``output``, rebuilt whenever one of its sources changes."""

    def __init__(self, config: Path, output: Path, report: Callable[[str], None] = print, wake_ms: int = WAKE_MS) -> None:
        self.config = Path(config).resolve()
        self.output = Path(output).resolve()
        self.report = report
        #: How often :meth:`watch` wakes when nothing changed: also how long it waits before the
        #: first build and after ``stop`` is set (a test's preview wakes often).
        self.wake_ms = wake_ms
        #: Tags of the languages whose catalogs changed since the last good build, and whether
        #: anything else did (then the next rebuild renders every page).
        self._languages: set[str] = set()
        self._everything = True
        self._published: Published | None = None
        self._printed: set[str] = set()

    def sources(self) -> list[Path]:
        """What a build reads: the content, the catalogs, the theme and the settings files."""
        options: Options = load_settings(self.config)[OPTIONS_KEY]
        folders = [options.content_path, options.locale_path, options.theme_path]
        files = [self.config, self.config.with_name("pelicanconf.py")]
        return [path for path in dict.fromkeys([*folders, *files]) if path.exists()]

    def changed_catalogs(self, changed: tuple[Path, ...]) -> set[str] | None:
        """The tags of the languages whose catalogs (``<locale>/<ll>/LC_MESSAGES/<name>.po``) are in
        ``changed``, or None when something else a build reads is: a template, a content file, the
        theme, the settings.  Under the locale folder, folders and hidden files (an editor's or an
        atomic write's temporary file) are no source; a language added or removed changes the list
        of published languages, which makes the partial run render every page anyway."""
        locale = load_settings(self.config)[OPTIONS_KEY].locale_path.resolve()
        tags: set[str] = set()
        for path in (Path(path).resolve() for path in changed):
            if not path.is_relative_to(locale):
                return None
            if path.name.startswith(".") or path.is_dir() or (not path.suffix and not path.exists()):
                continue
            if path.suffix != ".po" or path.parent.name != "LC_MESSAGES" or path.parent.parent.parent != locale:
                return None
            try:
                tags.add(Language.parse(path.parent.parent.name).tag)
            except OpenletterError:
                return None  # the full build says why
        return tags

    def rebuild(self, changed: tuple[Path, ...] = ()) -> Rebuilt:
        """Build after ``changed``: only the changed languages' pages when nothing but catalogs
        changed since the last good build, every page otherwise."""
        started = time.perf_counter()
        languages = self.changed_catalogs(changed)
        self._everything = self._everything or languages is None
        self._languages.update(languages or ())
        partial = Partial(self.output, frozenset(self._languages), None if self._everything else self._published)
        try:
            result = build(self.config, self.output, overrides={PARTIAL_KEY: partial})
        except OpenletterError as error:
            for line in error.lines():
                self.report(line)
            self.report(f"not rebuilt: the site at {self.output} is the last good build")
            return Rebuilt(changed, None, time.perf_counter() - started)
        self._languages.clear()
        self._everything, self._published = False, partial.seen
        self._print(result.warnings, changed)
        return Rebuilt(changed, result, time.perf_counter() - started, partial.copied)

    def _print(self, problems: list[Problem], changed: tuple[Path, ...]) -> None:
        """Every finding in a saved file (once per save, as ``invoke check`` prints them), and any
        other not printed before (not the whole site's at every save)."""
        root = self.config.parent
        saved = {path.resolve() for path in changed}
        for problem in problems:
            line = str(problem)
            if line not in self._printed or (root / problem.path).resolve() in saved:
                self.report(line)
            self._printed.add(line)

    def watch(self, stop: threading.Event | None = None) -> Iterator[Rebuilt]:
        """A first build, then one rebuild per burst of changes, until ``stop`` is set.

        The first build starts once the watcher runs (its first report, empty after a short
        wait), so nothing saved while it builds is missed."""
        first = True
        for changes in watchfiles.watch(
            *self.sources(), debounce=DEBOUNCE_MS, step=50, stop_event=stop, raise_interrupt=False,
            yield_on_timeout=True, rust_timeout=self.wake_ms,
        ):  # fmt: skip
            if first or changes:
                yield self.rebuild(tuple(sorted({Path(path) for _, path in changes})))
                first = False


def watch_and_serve(config: Path, output: Path, port: int) -> None:
    """Build, serve ``output`` at http://127.0.0.1:<port>/, rebuild on every saved change and
    reload the open pages (:mod:`openletter.commands.reload`)."""
    preview = Preview(config, output)
    builds = Builds()
    server = None
    try:
        for rebuilt in preview.watch():
            if server is None:
                server = serve(preview.output, port, builds)
                print(f"serving {preview.output} at http://127.0.0.1:{port}/ - edit and save: open pages reload (Ctrl-C to stop)")
            if rebuilt.changed and rebuilt.result is not None:
                builds.finished()
                names = ", ".join(path.name for path in rebuilt.changed[:3]) + (" …" if len(rebuilt.changed) > 3 else "")
                rendered = rebuilt.result.pages - rebuilt.copied
                print(f"{names}: rebuilt {rendered} of {rebuilt.result.pages} page(s) in {rebuilt.seconds * 1000:.0f} ms")
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.shutdown()
