"""Synthetic signature records for the tests and benchmarks: names in many scripts, from CLDR's
exemplar characters (:mod:`openletter.exemplars`), every one a record ``openletter check`` accepts.

Not for a real site: the names are words of letters, not people."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from openletter.exemplars import Exemplars
from openletter.record_names import ID_ALPHABET, ID_LENGTH, record_path
from openletter.signatures.record import countries
from openletter.signatures.text import text_problems

#: The first day synthetic records are signed on (each record a day or a few later, up to a year).
FIRST_DAY = date(2025, 1, 1)


def record_text(name: str, language: str, signed: date, country: str = "", affiliation: str = "") -> str:
    """A record's TOML, as signatures/README.md shows it."""
    lines = [f'name = "{name}"']
    if affiliation:
        lines.append(f'affiliation = "{affiliation}"')
    if country:
        lines.append(f'country = "{country}"')
    lines += [f'language = "{language}"', f"date = {signed.isoformat()}"]
    return "\n".join(lines) + "\n"


def write_record(root: Path, name: str, language: str, signed: date, record_id: str, country: str = "", affiliation: str = "") -> Path:
    """Write one record under ``root`` (the project folder); its path."""
    path = root / record_path(signed, record_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record_text(name, language, signed, country, affiliation), encoding="utf-8")
    return path


def synthetic_names(scripts: Sequence[Exemplars], count: int, seed: int = 0) -> list[str]:
    """``count`` distinct names of two words (three once a small alphabet runs short), in turn from
    each of ``scripts``, each valid record text."""
    chance = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    attempts = 0
    while len(names) < count:
        exemplars = scripts[len(names) % len(scripts)]
        words = []
        for _ in range(2 + attempts // 3):  # a small alphabet runs out of two-word names: then three
            words.append(exemplars.word("X" * chance.randint(3, 9), start=chance.randrange(1 << 20)))
        name = unicodedata.normalize("NFC", " ".join(words))
        if name not in seen and not any(True for _ in text_problems(name)) and '"' not in name and "\\" not in name:
            seen.add(name)
            names.append(name)
            attempts = 0
        else:
            attempts += 1
    return names


def write_synthetic_records(root: Path, names: Sequence[str], languages: Sequence[str], seed: int = 0) -> list[Path]:
    """A record per name under ``root``: a language of ``languages`` in turn, a country most of the
    time, an affiliation now and then, signed on a day of the year from :data:`FIRST_DAY`."""
    chance = random.Random(seed)
    codes = sorted(countries())
    paths = []
    for index, name in enumerate(names):
        record_id = "".join(chance.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        country = chance.choice(codes) if chance.random() < 0.8 else ""
        affiliation = f"University {index % 97 + 1}" if chance.random() < 0.2 else ""
        signed = FIRST_DAY + timedelta(days=chance.randrange(365))
        paths.append(write_record(root, name, languages[index % len(languages)], signed, record_id, country, affiliation))
    return paths
