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
from collections.abc import Callable
from typing import Any

from openletter import __version__
from openletter.atomic import write_bytes_atomic

#: Bump when the shape or meaning of cached results changes.
CACHE_FORMAT = f"{__version__}/3"


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


class Memo:
    """A persistent memo for one pure function of small values (a date as a language writes it,
    a translation escaped for its block): one file, read once per build, written once if it grew.

    ``versions`` are everything the function's results depend on besides its arguments (library
    versions); a new version is a new file.  Only the entries a build used are written back, so
    the file holds the current site's values, not every value it ever held.
    """

    def __init__(self, cache: ContentCache, name: str, *versions: str) -> None:
        self.cache = cache
        self.name = name
        self.key = ContentCache.key(name, *versions)
        self._values: dict[Any, Any] | None = None
        self._used: dict[Any, Any] = {}
        self._stored: dict[Any, Any] = {}

    def get(self, arguments: Any, compute: Callable[[], Any]) -> Any:
        """The value for ``arguments`` (hashable), computed by ``compute()`` on a miss."""
        if arguments in self._used:
            return self._used[arguments]
        if self._values is None:
            loaded = self.cache.load("memo", self.key)
            self._values = self._stored = loaded if isinstance(loaded, dict) else {}
        if arguments in self._values:
            value = self._values[arguments]
        else:
            value = compute()
        self._used[arguments] = value
        return value

    def save(self) -> bool:
        """Write the entries used since loading, unless the file already holds exactly them."""
        if self.cache.root is None or self._used == self._stored:
            return False
        try:
            self.cache.store("memo", self.key, dict(self._used))
        except OSError:  # a read-only or full cache folder: the next build computes them again
            return False
        self._stored = dict(self._used)
        return True
