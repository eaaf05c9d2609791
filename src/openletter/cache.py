"""A content-addressed cache, so a build only redoes the work whose inputs changed.

Keys are SHA-256 digests of everything a result depends on (file bytes, settings,
openletter's version), so a stale entry can never be hit: changing any input
changes the key.  Entries are written atomically; a corrupt or unreadable entry
is treated as a miss.  The cache holds only what this machine computed itself.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from openletter import __version__
from openletter.atomic import write_bytes_atomic

#: Bump when the shape or meaning of cached results changes.
CACHE_FORMAT = f"{__version__}/2"


class ContentCache:
    """Results by key, in ``root/<kind>/<key>``; ``root=None`` disables caching."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(*parts: bytes | str) -> str:
        digest = hashlib.sha256(CACHE_FORMAT.encode())
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def _path(self, kind: str, key: str) -> Path | None:
        return None if self.root is None else self.root / kind / key[:2] / key

    def load(self, kind: str, key: str) -> Any | None:
        path = self._path(kind, key)
        if path is None:
            return None
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def store(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        if path is not None:
            write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
