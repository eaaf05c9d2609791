"""Exceptions that carry where a problem is, so every command can print ``path:line: message``."""

from __future__ import annotations

from pathlib import Path


class OpenletterError(Exception):
    """Base class for every error a user (not a bug) can cause."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        value: object = None,
        code: str = "error",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = Path(path) if path is not None else None
        self.line = line
        self.value = value

    def location(self) -> str:
        """``path:line`` (1-based), ``path``, or an empty string."""
        if self.path is None:
            return ""
        if self.line is None:
            return str(self.path)
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class PoSyntaxError(OpenletterError):
    """A PO file that GNU gettext would not read the same way."""


class LanguageError(OpenletterError):
    """A language code that is invalid, unknown, or not in canonical form."""


class ContentError(OpenletterError):
    """A content file that cannot be read or segmented."""


class SettingsError(OpenletterError):
    """A bad value in pelicanconf.py / publishconf.py."""


class ErrorList(OpenletterError):
    """Several independent problems, reported together."""

    def __init__(self, errors: list[OpenletterError]) -> None:
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)
