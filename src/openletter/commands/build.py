"""One Pelican run for every language, built beside ``output/`` and swapped in only on success."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from pelican import Pelican
from pelican.settings import get_settings_from_file, read_settings

from openletter.errors import OpenletterError, SettingsError
from openletter.fonts import FONTS_DIR, FontBuilder, pages_from_site
from openletter.pages.guard import PageGuard
from openletter.languages import Language
from openletter.pelican_plugin import SITE_KEY
from openletter.project import setting_line
from openletter.checks.checker import Problem
from openletter.pseudo import PseudoLanguage, unmarked_text
from openletter.site.model import Site
from openletter.commands.staging import Staging


@dataclass(slots=True)
class BuildResult:
    output: Path
    languages: int
    pages: int
    warnings: list[Problem] = field(default_factory=list)
    skipped: dict[Language, list[Problem]] = field(default_factory=dict)


class _ErrorCollector(logging.Handler):
    """Pelican logs (rather than raises) when it cannot process a file; we fail the build instead."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_settings(config: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Pelican settings from ``config`` (pelicanconf.py or publishconf.py)."""
    if not config.is_file():
        raise OpenletterError("settings file not found", path=config)
    cwd = os.getcwd()
    # No .pyc for settings files: a cached one goes stale when an edit keeps size and mtime second.
    dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        os.chdir(config.parent)
        _check_folders(get_settings_from_file(str(config)), config)
        settings = read_settings(str(config), override=overrides or {})
    except OpenletterError:
        raise
    except Exception as error:  # a settings file is Python; report what broke in it
        raise SettingsError(f"cannot load settings: {error}", path=config) from None
    finally:
        os.chdir(cwd)
        sys.dont_write_bytecode = dont_write_bytecode
    settings["OPENLETTER_ROOT"] = str(config.parent.resolve())
    return settings


def _check_folders(raw: dict[str, Any], config: Path) -> None:
    """PATH and THEME must be folders; Pelican would stop with a message that names no line."""
    for name, default in (("PATH", "content"), ("THEME", "theme")):
        value = raw.get(name, default)
        if not isinstance(value, str) or not (config.parent / value).is_dir():
            raise SettingsError(
                f"{name}: {value!r} is not a folder", path=config, line=setting_line(config, name), value=value
            )


def site_url_of(settings: dict[str, Any]) -> str:
    """``SITEURL`` when it is absolute (a publish build), else empty."""
    value = str(settings.get("SITEURL", ""))
    return value if "://" in value else ""


def _font_warnings(missing: list[tuple[Path, str]], root: Path) -> list[Problem]:
    """One warning per page listing the characters no webfont covers."""
    by_page: dict[Path, list[str]] = {}
    for page, char in missing:
        by_page.setdefault(page, []).append(char)
    return [
        Problem(
            Path(page).relative_to(root) if Path(page).is_absolute() else Path(page),
            None,
            "warning",
            "font-coverage",
            f"{len(chars)} character(s) no webfont covers, left to system fonts: "
            + " ".join(f"U+{ord(char):04X}" for char in sorted(set(chars))[:12]),
        )
        for page, chars in sorted(by_page.items())
    ]


def _unmarked_warnings(site: Site, root: Path) -> list[Problem]:
    """What the pseudo-locale's pages show in plain English: theme strings not marked for translation."""
    problems = []
    for language in site.languages:
        if isinstance(language, PseudoLanguage):
            for page in sorted((root / language.slug).rglob("*.html")):
                relative = page.relative_to(root)
                for found in unmarked_text(page.read_text(encoding="utf-8"), relative, language.tag):
                    problems.append(Problem(relative, found.line, "warning", "unmarked", f"{found.text!r} is not marked for translation"))
    return problems


def build(
    config: Path,
    output: Path | None = None,
    overrides: dict[str, Any] | None = None,
    skip_broken: bool | None = None,
    pseudo: bool = False,
) -> BuildResult:
    """Check everything, run Pelican once into a staging folder, then swap it into ``output``.

    With ``skip_broken``, a language whose catalog is structurally broken is left out and its
    previous page (if any) is carried over unchanged into the new site.  With ``pseudo`` (or the
    setting ``OPENLETTER_PSEUDO_LOCALE``) the pseudo-locale is built too, at ``/en-xa/``, and any
    English left on its pages is reported as an ``unmarked`` warning.
    """
    config = config.resolve()
    overrides = dict(overrides or {})
    if pseudo:
        overrides["OPENLETTER_PSEUDO_LOCALE"] = True
    settings = load_settings(config, overrides)
    site = Site.load(settings, config, skip_broken=skip_broken)  # all user input checked before anything is written
    output = (output or Path(settings["OUTPUT_PATH"])).resolve()
    # Pelican skips a static file it links when the link is there already: nothing it skips
    # could be told from what a recycled folder held before, so such a site starts empty.
    folder = Staging.claim(output, recycle=not settings.get("STATIC_CREATE_LINKS", False))
    staging = folder.path
    settings.update(
        {SITE_KEY: site, "OUTPUT_PATH": str(staging), "DELETE_OUTPUT_DIRECTORY": False, "STATIC_CHECK_IF_MODIFIED": False}
    )
    collector = _ErrorCollector()
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(collector)
    try:
        cwd = os.getcwd()
        os.chdir(config.parent)
        try:
            Pelican(settings).run()
        except TemplateSyntaxError as error:  # a theme template: its path and line, not a traceback
            where = Path(error.filename) if error.filename else config
            raise OpenletterError(f"theme template: {error.message}", path=site.project.relative(where), line=error.lineno) from None
        finally:
            os.chdir(cwd)
        if collector.messages:
            raise OpenletterError("Pelican reported errors: " + "; ".join(collector.messages), path=config)
        cache = site.cache  # the one Site.load checked the catalogs with
        node_modules = site.project.root / settings.get("OPENLETTER_NODE_MODULES", "node_modules")
        fonts = FontBuilder(node_modules, cache.root / "fonts" if cache.root else None)
        # A recycled folder's files this build did not write go before the fonts and the guard read
        # the pages; the font builder clears its own folder of what it did not write.
        folder.sweep(besides=FONTS_DIR)
        font_report = fonts.build(staging, pages_from_site(staging, site.source.tag), exclusive=True)
        # A script no shipped webfont covers (a new language, say) is shown by the reader's system
        # fonts; the build says which characters so a maintainer can add a Noto family.
        page_warnings = _font_warnings(font_report.missing, staging)
        PageGuard(site_url_of(settings)).sanitize_tree(staging, cache)
        page_warnings += _unmarked_warnings(site, staging)
        for language in site.skipped:
            previous = output / language.slug
            if previous.is_dir():
                shutil.rmtree(staging / language.slug, ignore_errors=True)
                shutil.copytree(previous, staging / language.slug)
        folder.swap_into_place()
    except BaseException:
        folder.discard()
        raise
    finally:
        pelican_logger.removeHandler(collector)
    site.save_memos()  # the site is live: a memo that cannot be written is only a miss next time
    pages = sum(1 for _ in output.rglob("index.html"))
    return BuildResult(
        output=output, languages=len(site.languages), pages=pages, warnings=[*site.warnings, *page_warnings], skipped=site.skipped
    )
