"""``invoke build``: the Pelican run (which does everything, see :mod:`openletter.pelican_plugin`),
into a staging folder beside ``output/`` that is swapped in only when the run succeeded.

Builds of one project take turns: a lock file beside ``output/`` makes a second build (a
preview's rebuild, a publish, another terminal, another CI job on the same machine) wait until
the first has swapped its site in, so the live site is always one complete build.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from filelock import FileLock, Timeout
from jinja2 import TemplateSyntaxError
from pelican import Pelican

from openletter.commands.staging import Staging
from openletter.errors import OpenletterError, Problem
from openletter.fonts import FONTS_DIR, declared_faces, stylesheet_for
from openletter.languages import Language
from openletter.pelican_plugin.run import REPORT_KEY, RUN_KEY, Run
from openletter.pelican_plugin.signatories import LIVE_KEY
from openletter.settings import OPTIONS_KEY, Options, load_settings


@dataclass(slots=True)
class BuildResult:
    output: Path
    languages: int
    pages: int
    warnings: list[Problem] = field(default_factory=list)
    skipped: dict[Language, list[Problem]] = field(default_factory=dict)
    #: What the build made of the takeaway files (:class:`openletter.takeaway.builder.TakeawayReport`).
    takeaway: Any = None


class _ErrorCollector(logging.Handler):
    """Pelican logs (rather than raises) when it cannot process a file; we fail the build instead."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def lock_path(output: Path) -> Path:
    return output.parent / f".{output.name}.lock"


@contextmanager
def exclusive(output: Path, waiting: TextIO | None = None) -> Iterator[None]:
    """Hold the lock of ``output``: builds, previews and publishes of it take turns."""
    output.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(output))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"waiting for another build of {output} to finish", file=waiting or sys.stderr)
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def build(
    config: Path,
    output: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    skip_broken: bool | None = None,
    pseudo: bool = False,
    pdf: bool = False,
) -> BuildResult:
    """Run Pelican once into a staging folder, then swap it into ``output``.

    With ``skip_broken`` (setting ``OPENLETTER_SKIP_BROKEN``), a language whose catalog is
    structurally broken is left out and its previous pages (if any) are carried over unchanged.
    With ``pseudo`` (setting ``OPENLETTER_PSEUDO_LOCALE``) the pseudo-locale is built too; with
    ``pdf`` (setting ``OPENLETTER_PDF``) each language's PDFs and share card.
    """
    overrides = dict(overrides or {})
    if pseudo:
        overrides["OPENLETTER_PSEUDO_LOCALE"] = True
    if pdf:
        overrides["OPENLETTER_PDF"] = True
    if skip_broken is not None:
        overrides["OPENLETTER_SKIP_BROKEN"] = skip_broken
    settings = load_settings(config, overrides)
    output = Path(output or settings["OUTPUT_PATH"]).resolve()
    with exclusive(output):
        return build_settings(settings, output)


def build_settings(settings: dict[str, Any], output: Path) -> BuildResult:
    """:func:`build` with settings already loaded; the caller holds :func:`exclusive`."""
    options: Options = settings[OPTIONS_KEY]
    warnings: list[Problem] = []
    # Pelican skips a static file it links when the link is there already: nothing it skips
    # could be told from what a recycled folder held before, so such a site starts empty.
    staging = Staging.claim(output, recycle=not settings.get("STATIC_CREATE_LINKS", False))
    settings.update(
        {
            "OUTPUT_PATH": str(staging.path), "DELETE_OUTPUT_DIRECTORY": False, "STATIC_CHECK_IF_MODIFIED": False,
            REPORT_KEY: warnings.append, LIVE_KEY: str(output),
        }  # fmt: skip
    )
    collector = _ErrorCollector()
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(collector)
    try:
        cwd = os.getcwd()
        os.chdir(options.root)
        try:
            Pelican(settings).run()
        except TemplateSyntaxError as error:  # a theme template: its path and line, not a traceback
            where = Path(error.filename) if error.filename else options.file.path
            raise OpenletterError(f"theme template: {error.message}", path=_relative(where, options.root), line=error.lineno) from None
        finally:
            os.chdir(cwd)
        if collector.messages:
            raise OpenletterError("Pelican reported errors: " + "; ".join(collector.messages), path=options.file.path)
        run: Run = settings[RUN_KEY]
        for language in run.site.skipped:
            _carry_over(output, staging.path, language)
        staging.sweep(besides=FONTS_DIR)
        staging.swap_into_place()
    except BaseException:
        staging.discard()
        raise
    finally:
        pelican_logger.removeHandler(collector)
    pages = sum(1 for _ in output.rglob("index.html"))
    return BuildResult(output=output, languages=len(run.site.languages), pages=pages, warnings=warnings, skipped=run.site.skipped, takeaway=run.takeaway_report)


def _carry_over(output: Path, staging: Path, language: Language) -> None:
    """A left-out language's previous pages, with the webfonts they load, into the new site."""
    previous = output / language.slug
    if not previous.is_dir():
        return
    shutil.rmtree(staging / language.slug, ignore_errors=True)
    shutil.copytree(previous, staging / language.slug)
    for page in (staging / language.slug).rglob("*.html"):
        stylesheet = stylesheet_for(page, staging)
        old = output / stylesheet
        if old.is_file():
            shutil.copy2(old, staging / stylesheet)
            for _, face in declared_faces(old):
                if not (staging / FONTS_DIR / face.name).exists():
                    shutil.copy2(face, staging / FONTS_DIR / face.name)
    for license in (output / FONTS_DIR).glob("*-LICENSE.txt"):
        if not (staging / FONTS_DIR / license.name).exists():
            shutil.copy2(license, staging / FONTS_DIR / license.name)


def _relative(path: Path | None, root: Path) -> Path | None:
    if path is None or not path.is_absolute():
        return path
    try:
        return path.relative_to(root)
    except ValueError:
        return path
