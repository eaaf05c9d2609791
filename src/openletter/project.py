"""Where things live: the documents, the templates, the catalogs, and the languages (``locale/`` folders)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openletter.errors import LanguageError, Problem, raise_all
from openletter.languages import Language, babel_canonical
from openletter.settings import Options

#: The catalog of the theme's strings (every other catalog is a content file's).
THEME_DOMAIN = "theme"
#: Names a content file may not have: a page of every language, or a catalog, already has them.
RESERVED_NAMES = {
    "translate": "the translators' dashboard /<lang>/translate/",
    "review": "the review page /<lang>/review/",
    THEME_DOMAIN: "the theme's catalog theme.po",
}


@dataclass(frozen=True)
class Project:
    """The project's folders, source language and documents; its languages are the folders of ``locale/``."""

    root: Path
    content_dir: Path
    locale_dir: Path
    theme_dir: Path
    source_language: Language
    bugs_address: str
    #: The document whose pages are ``/<lang>/`` (``OPENLETTER_HOME``).
    home: str = "letter"

    @classmethod
    def from_options(cls, options: Options) -> Project:
        return cls(
            options.root, options.content_path, options.locale_path, options.theme_path,
            options.source_language, options.bugs_address, options.home,
        )  # fmt: skip

    # -- sources and catalogs --------------------------------------------------------

    def content_files(self) -> list[Path]:
        """The translatable Markdown sources: the home document first, then the others by name."""
        return sorted(self.content_dir.glob("*.md"), key=lambda path: (path.stem != self.home, path.name))

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

    # -- languages -------------------------------------------------------------------

    def discover_languages(self) -> tuple[list[Language], list[Problem]]:
        """The translation languages, one per folder of ``locale/``, and what is wrong with the
        folders that are not one (a bad code, two spellings of one locale, the source language)."""
        languages: list[Language] = []
        problems: list[Problem] = []
        if not self.locale_dir.is_dir():
            return languages, problems
        folders = [f for f in sorted(self.locale_dir.iterdir()) if f.is_dir() and not f.name.startswith(".")]
        by_locale: dict[str, list[Path]] = {}
        for folder in folders:
            canonical = babel_canonical(folder.name)
            if canonical:
                by_locale.setdefault(canonical, []).append(folder)
        for canonical, group in by_locale.items():
            if len(group) > 1:
                names = ", ".join(str(self.relative(folder)) for folder in group)
                problems.append(Problem(self.relative(group[-1]), None, "error", "same-locale", f"{names} name the same locale ({canonical})"))
        for folder in folders:
            try:
                language = Language.parse(folder.name)
            except LanguageError as error:
                problems.append(Problem(self.relative(folder), None, "error", "locale-folder", error.message))
                continue
            if language == self.source_language:
                problems.append(
                    Problem(self.relative(folder), None, "error", "locale-folder", "folder for the source language; its text is content/ itself")
                )
                continue
            languages.append(language)
        return languages, problems

    def languages(self) -> list[Language]:
        """Every translation language; bad folder names raise, all together."""
        languages, problems = self.discover_languages()
        raise_all(LanguageError(f"locale folder: {p.message}", path=p.path, value=p.path.name, code=p.code) for p in problems)
        return languages
