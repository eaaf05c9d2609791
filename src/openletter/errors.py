"""Exceptions that carry where a problem is, so every command can print ``path:line: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


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
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = Path(path) if path is not None else None
        self.line = line
        self.value = value
        self.column = column

    def location(self) -> str:
        """``path:line:column`` (1-based; the column where a syntax error is), ``path:line``, ``path``, or ''."""
        if self.path is None:
            return ""
        return _location(self.path, self.line, self.column)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message

    def lines(self) -> list[str]:
        """``path:line: error: code: message``, one line per error, as every command prints them."""
        code = f"{self.code}: " if self.code != "error" else ""
        where = self.location()
        return [f"{where}: error: {code}{self.message}" if where else f"error: {code}{self.message}"]


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

    def lines(self) -> list[str]:
        return [line for error in self.errors for line in error.lines()]


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, printable as ``path:line: severity: code: message`` (1-based line)."""

    path: Path
    line: int | None  # None for a folder or a file as a whole
    severity: Severity
    code: str
    message: str
    column: int | None = None  # 1-based, where the reader stopped (syntax errors)

    def __str__(self) -> str:
        return f"{_location(self.path, self.line, self.column)}: {self.severity}: {self.code}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data

    def as_error(self) -> OpenletterError:
        return OpenletterError(self.message, path=self.path, line=self.line, code=self.code, column=self.column)


def _location(path: Path, line: int | None, column: int | None) -> str:
    """``path:line:column``, ``path:line`` or ``path``, as compilers and msgfmt print them."""
    if line is None:
        return str(path)
    return f"{path}:{line}:{column}" if column is not None else f"{path}:{line}"


def raise_all(errors: Iterable[OpenletterError | Problem]) -> None:
    """Raise every error (a :class:`Problem` as the error it describes) together; nothing if none."""
    found = [error.as_error() if isinstance(error, Problem) else error for error in errors]
    if found:
        raise ErrorList(found) if len(found) > 1 else found[0]
