"""Where things live, read from the Pelican settings and checked once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openletter.errors import ErrorList, LanguageError, SettingsError
from openletter.languages import Language

THEME_DOMAIN = "theme"


def setting_line(config: Path | None, name: str) -> int | None:
    """The line of the last ``NAME =`` in the settings file, to point errors at it."""
    if config is None or not config.is_file():
        return None
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*[:=]")
    found = None
    for number, line in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            found = number  # the last assignment is the one Python keeps
    return found


@dataclass(frozen=True)
class Project:
    """The project's folders and source language; the languages are the folders of ``locale/``."""

    root: Path
    content_dir: Path
    locale_dir: Path
    theme_dir: Path
    source_language: Language
    bugs_address: str
    config: Path | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], config: Path | None = None) -> Project:
        """Build from Pelican settings (``PATH``, ``THEME``, ``DEFAULT_LANG``, ``OPENLETTER_*``)."""
        root = Path(settings.get("OPENLETTER_ROOT") or (config.parent if config else Path.cwd())).resolve()

        def setting_error(name: str, message: str) -> SettingsError:
            return SettingsError(f"{name}: {message}", path=config, line=setting_line(config, name), value=settings.get(name))

        content_dir = (root / settings.get("PATH", "content")).resolve()
        if not content_dir.is_dir():
            raise setting_error("PATH", f"content folder {content_dir} does not exist")
        theme_dir = (root / settings.get("THEME", "theme")).resolve()
        if not (theme_dir / "templates").is_dir():
            raise setting_error("THEME", f"theme folder {theme_dir} has no templates/")
        locale_dir = (root / settings.get("OPENLETTER_LOCALE_PATH", "locale")).resolve()
        try:
            source = Language.parse(str(settings.get("DEFAULT_LANG", "en")))
        except LanguageError as error:
            raise setting_error("DEFAULT_LANG", error.message) from None
        bugs = settings.get("OPENLETTER_BUGS_ADDRESS", "")
        if not isinstance(bugs, str):
            raise setting_error("OPENLETTER_BUGS_ADDRESS", "must be a string")
        return cls(root, content_dir, locale_dir, theme_dir, source, bugs, config)

    # -- sources and catalogs --------------------------------------------------------

    def content_files(self) -> list[Path]:
        """The translatable Markdown sources, in a stable order."""
        return sorted(self.content_dir.glob("*.md"))

    def content_domains(self) -> list[str]:
        return [path.stem for path in self.content_files()]

    def domains(self) -> list[str]:
        return [*self.content_domains(), THEME_DOMAIN]

    def relative(self, path: Path) -> Path:
        """``path`` relative to the project root when inside it (for messages and references)."""
        if path.is_absolute() and path.is_relative_to(self.root) and ".." not in path.parts:
            return path.relative_to(self.root)  # already under the (resolved) root: no filesystem calls
        try:
            return path.resolve().relative_to(self.root)
        except ValueError:
            return path

    def template_path(self, domain: str) -> Path:
        return self.locale_dir / f"{domain}.pot"

    def mapping_path(self, domain: str) -> Path:
        return self.locale_dir / f"{domain}.cfg"

    def catalog_path(self, language: Language, domain: str) -> Path:
        return self.locale_dir / language.code / "LC_MESSAGES" / f"{domain}.po"

    def languages(self) -> list[Language]:
        """Every translation language, one per folder of ``locale/``; bad folder names are errors."""
        from openletter.checks.checker import check_folders

        languages, problems = check_folders(self.locale_dir, self.relative, self.source_language)
        errors = [LanguageError(f"locale folder: {p.message}", path=p.path, value=p.path.name, code=p.code) for p in problems]
        if errors:
            raise ErrorList(errors) if len(errors) > 1 else errors[0]
        return languages
