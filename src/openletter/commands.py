"""The user-facing commands behind ``invoke`` and ``openletter``: print, never trace back.

Each returns an exit status.  A user error (bad catalog, bad code, bad
setting) is printed as ``path:line: error: message`` on stderr with status 1;
only a bug in openletter itself shows a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from openletter.build import build, load_settings
from openletter.catalogs import Catalogs, Written
from openletter.errors import ErrorList, OpenletterError
from openletter.project import Project


def report_error(error: OpenletterError, stream: TextIO) -> None:
    for each in error.errors if isinstance(error, ErrorList) else [error]:
        where = each.location()
        print(f"{where}: error: {each.message}" if where else f"error: {each.message}", file=stream)


def guarded(action: Callable[[], None], stream: TextIO | None = None) -> int:
    """Run ``action``; turn user errors into messages and status 1."""
    try:
        action()
    except OpenletterError as error:
        report_error(error, stream or sys.stderr)
        return 1
    return 0


def _catalogs(config: Path) -> Catalogs:
    return Catalogs(Project.from_settings(load_settings(config), config.resolve()))


def _print_written(written: Written, project: Project, out: TextIO) -> None:
    for path in written.changed:
        line = f"wrote {project.relative(path)}"
        report = written.reports.get(path)
        if report:
            line += f" ({report.kept} kept, {report.fuzzy} fuzzy, {report.new} new, {report.obsoleted} obsolete)"
        print(line, file=out)
    print(f"{len(written.changed)} file(s) written, {len(written.unchanged)} unchanged", file=out)


def extract(config: Path, out: TextIO = sys.stdout) -> int:
    def action() -> None:
        catalogs = _catalogs(config)
        _print_written(catalogs.extract(), catalogs.project, out)

    return guarded(action)


def update(config: Path, out: TextIO = sys.stdout) -> int:
    def action() -> None:
        catalogs = _catalogs(config)
        _print_written(catalogs.update(), catalogs.project, out)

    return guarded(action)


def add_language(config: Path, code: str, out: TextIO = sys.stdout) -> int:
    def action() -> None:
        catalogs = _catalogs(config)
        _print_written(catalogs.add_language(code), catalogs.project, out)
        print(f"next: translate the files above, then 'invoke build' and open output/", file=out)

    return guarded(action)


def build_site(config: Path, output: Path | None = None, out: TextIO = sys.stdout) -> int:
    def action() -> None:
        result = build(config, output)
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        print(f"built {result.languages} language(s), {result.pages} page(s) into {result.output}", file=out)

    return guarded(action)
