"""Where a signature record lives: ``signatures/<yyyy>/<yyyy-mm-dd>-<id>.toml``, ``<id>`` eight random base32 letters
(its own module, below the settings, which check the record ids ``OPENLETTER_NOTABLE_SIGNERS`` names).

Random, not numbered: two people adding a record on two branches never pick the same name and no
record is ever renumbered.  Random, not a hash of the content: correcting a typo does not move the
file.  No name in the file name: the name is stored once, in the record, so removing it is one edit.
"""

from __future__ import annotations

import re
import secrets
from datetime import date
from pathlib import PurePosixPath

#: The folder of the records, at the project root.
FOLDER = "signatures"
#: Files of the folder that are not records.
NOT_RECORDS = frozenset({"README.md"})
ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"  # RFC 4648 base32, lowercase: no 0/1 to misread as o/l
ID_LENGTH = 8  # 40 bits: a collision needs about a million records before it becomes likely
#: A record's id alone (``OPENLETTER_NOTABLE_SIGNERS`` names records by it).
ID_RE = re.compile(f"[{ID_ALPHABET}]{{{ID_LENGTH}}}")
NAME_RULE = "signatures/<yyyy>/<yyyy-mm-dd>-<8 letters a-z or 2-7>.toml"

#: A record's id as other records name it (``not-duplicate-of``): its file name without ``.toml``.
RECORD_ID = re.compile(rf"\d{{4}}-\d\d-\d\d-[{ID_ALPHABET}]{{{ID_LENGTH}}}")
_NAME_RE = re.compile(rf"(?P<year>\d{{4}})/(?P<date>(?P=year)-\d\d-\d\d)-[{ID_ALPHABET}]{{{ID_LENGTH}}}\.toml")


def record_path(signed: date, record_id: str | None = None) -> PurePosixPath:
    """The path (relative to the project root) of a new record signed on ``signed``."""
    record_id = record_id or "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
    return PurePosixPath(FOLDER, f"{signed:%Y}", f"{signed.isoformat()}-{record_id}.toml")


def name_date(relative: PurePosixPath) -> str | None:
    """The ``yyyy-mm-dd`` a record's path (relative to ``signatures/``) carries, or None when it breaks the rule."""
    match = _NAME_RE.fullmatch(relative.as_posix())
    return match["date"] if match else None
