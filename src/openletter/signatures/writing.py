"""A record as text: what the sign page's script writes (theme/static/js/sign.js), byte for byte.

The script and this module make the same TOML, so the tests can hold the browser's record equal to
:func:`record_text` and run the checker on both; the sign page's example record comes from here.
"""

from __future__ import annotations

import re
from datetime import date

from openletter.signatures.record import SCHEMA

#: What a TOML basic string cannot hold as it is: the quote, the backslash, control characters.
_ESCAPED = re.compile(r'["\\\x00-\x1f\x7f]')


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string: ``"`` and ``\\`` escaped, every control character as
    ``\\uXXXX`` (the checker refuses those in a record, but the file stays TOML whatever it holds)."""
    return '"' + _ESCAPED.sub(lambda match: _escape(match.group()), value) + '"'


def _escape(char: str) -> str:
    return "\\" + char if char in '"\\' else f"\\u{ord(char):04X}"


def record_text(name: str, language: str, signed: date, affiliation: str = "", role: str = "", country: str = "") -> str:
    """A signer's record in the schema's order; an empty optional field is left out."""
    values: dict[str, str] = {"name": name, "affiliation": affiliation, "role": role, "country": country, "language": language}
    lines = [f"{key} = {toml_string(values[key])}" for key in SCHEMA if values.get(key)]
    lines.append(f"date = {signed.isoformat()}")
    return "\n".join(lines) + "\n"
