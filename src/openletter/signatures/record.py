"""One signer's record: the schema, and everything wrong with one file of ``signatures/``.

The schema is closed: a key it does not name is refused, so nothing (an e-mail address, a note)
is ever published by accident.  ``signatures/README.md`` is the same schema for people."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from babel import Locale

from openletter.errors import LanguageError, Problem
from openletter.languages import Language
from openletter.record_names import NAME_RULE, RECORD_ID, name_date
from openletter.signatures.text import text_problems
from openletter.signatures.tomllines import key_lines, syntax_location

#: Each key, whether it is required, and what it holds.
SCHEMA: dict[str, tuple[bool, str]] = {
    "name": (True, "text"),
    "affiliation": (False, "text"),
    "role": (False, "text"),
    "country": (False, "country"),
    "language": (True, "language"),
    "date": (True, "date"),
    # Maintainers only: the ids of records a duplicate warning named, reviewed as another person.
    "not-duplicate-of": (False, "record-ids"),
}
#: A record is a few short lines; a bigger file is not one.
MAX_BYTES = 4096
#: CLDR territories that are not ISO 3166-1 countries (unions, reserved and private-use codes).
#: Kosovo's XK stays: CLDR, the EU and most registries use it.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"})


@functools.cache
def countries() -> frozenset[str]:
    """The ISO 3166-1 codes a record's country may be (CLDR's two-letter territories): read on
    first use, not at import — loading CLDR's English data costs every command ~45 ms."""
    return frozenset(code for code in Locale("en").territories if len(code) == 2 and code.isalpha()) - _NOT_COUNTRIES


@dataclass(frozen=True, slots=True)
class Record:
    """A record that passed its check (``file``: its path as shown in problems; a string, which a
    build of 100,000 records loads from its cache far faster than as many paths)."""

    file: str
    name: str
    language: str
    date: date
    affiliation: str | None = None
    role: str | None = None
    country: str | None = None
    name_line: int = 1  # where its name is written (a duplicate is reported there)
    #: Records a maintainer found to be another person (``not-duplicate-of``): no duplicate warning between them.
    not_duplicate_of: tuple[str, ...] = ()
    not_duplicate_line: int = 1

    @property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def id(self) -> str:
        """What ``not-duplicate-of`` names this record by: its file name without ``.toml``."""
        return self.file.rpartition("/")[2].removesuffix(".toml")


@dataclass(frozen=True)
class Context:
    """What a record is checked against: the site's languages by code, the latest date allowed."""

    languages: dict[str, Language]
    latest: date


def check_record(data: bytes, shown: Path, relative: PurePosixPath, context: Context) -> tuple[Record | None, list[Problem]]:
    """The record in ``data`` (``relative`` to ``signatures/``) if it is publishable, and what is wrong with it."""
    problems: list[Problem] = []

    def add(line: int, code: str, message: str, column: int | None = None) -> None:
        problems.append(Problem(shown, line, "error", code, message, column))

    if name_date(relative) is None:
        add(1, "file-name", f"a record's path is {NAME_RULE}, so that two never collide")
    if len(data) > MAX_BYTES:
        add(1, "size", f"{len(data)} bytes, over the {MAX_BYTES}-byte cap of a record")
        return None, problems
    if data.startswith(b"\xef\xbb\xbf"):
        add(1, "encoding", "starts with a byte-order mark; save as UTF-8 without BOM")
        return None, problems
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        add(data[: error.start].count(b"\n") + 1, "encoding", "not UTF-8; save the file as UTF-8")
        return None, problems
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column, message = syntax_location(str(error), text)
        add(line, "syntax", f"not TOML: {message}", column)
        return None, problems
    lines = key_lines(text)
    for key in values:
        if key not in SCHEMA:
            known = ", ".join(SCHEMA)
            add(lines.get(key, 1), "unknown-key", f"unknown key {key!r}: a record holds only {known}; nothing else is stored")
    for key, (required, _) in SCHEMA.items():
        if required and key not in values:
            add(1, "missing-key", f"no {key!r}; a record needs {', '.join(k for k, (r, _) in SCHEMA.items() if r)}")
    for key, (_, kind) in SCHEMA.items():
        if key in values:
            for code, message in _value_problems(kind, values[key], context):
                add(lines.get(key, 1), code, f"{key}: {message}")
    signed = values.get("date")
    named = name_date(relative)
    if isinstance(signed, date) and not isinstance(signed, datetime) and named not in (None, signed.isoformat()):
        add(lines.get("date", 1), "file-date", f"the file name says {named}, the record {signed.isoformat()}; rename the file")
    if problems:
        return None, problems
    fields = {key.replace("-", "_"): tuple(value) if isinstance(value, list) else value for key, value in values.items()}
    return Record(shown.as_posix(), **fields, name_line=lines.get("name", 1), not_duplicate_line=lines.get("not-duplicate-of", 1)), problems


def _value_problems(kind: str, value: object, context: Context) -> Iterator[tuple[str, str]]:
    if kind == "date":
        if not isinstance(value, date) or isinstance(value, datetime):
            yield "type", "a TOML date without quotes or time, such as 2026-12-03"
        elif value > context.latest:
            yield "future-date", f"{value.isoformat()} is in the future; a record is added once signed"
        return
    if kind == "record-ids":
        if not isinstance(value, list) or not value or not all(isinstance(item, str) and RECORD_ID.fullmatch(item) for item in value):
            yield "type", "a list of record ids in quotes, each a file name without .toml, such as [\"2026-12-03-k7q2m9xa\"]"
        return
    if not isinstance(value, str):
        yield "type", f"text in quotes, not {_toml_type(value)}"
        return
    if kind == "text":
        yield from text_problems(value)
    elif kind == "country":
        if value.upper() in countries() and value != value.upper():
            yield "country-code", f"write the code in capitals: {value.upper()!r}"
        elif value not in countries():
            yield "country-code", f"{value!r} is not an ISO 3166-1 alpha-2 country code (such as 'DE', 'BR')"
    elif kind == "language" and value not in context.languages:
        yield "language-code", _language_message(value, context)


def _language_message(value: str, context: Context) -> str:
    try:
        meant = Language.from_input(value)
    except LanguageError:
        meant = None
    if meant is not None and meant.code in context.languages:
        return f"write {meant.code!r}, as the site's folder names it"
    return f"{value!r} is not a language of this site (its source, or a folder of locale/)"


def _toml_type(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}
    return next((name for kind, name in names.items() if isinstance(value, kind)), "a date or time")
