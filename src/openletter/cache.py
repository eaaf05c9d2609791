"""The build cache, behind one rule: an entry's key is a digest of its inputs and of the code.

"The code" is :func:`fingerprint`: openletter's own source and the versions of the libraries it
runs on.  Change an input, edit openletter, upgrade a library, and the key changes, so a stale
entry can never be hit, no module keeps a format number to bump, and nobody keeps a list of
what to forget.  Entries are written whole (SQLite transactions); a damaged or unreadable one is
a miss, and a cache that cannot be written only costs the next build the work.  The cache holds
only what this machine computed itself.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The distributions whose code computes what is cached (besides openletter's own).
LIBRARIES = ("babel", "jinja2", "markupsafe", "pelican", "markdown-it-py", "nh3", "uharfbuzz", "brotli", "playwright", "pillow")


@functools.cache
def fingerprint() -> bytes:
    """A digest of openletter's source files and of the versions of :data:`LIBRARIES` (once per process)."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name, version in sorted(library_versions().items()):
        digest.update(f"{name}=={version}\0".encode())
    return digest.digest()


def library_versions() -> dict[str, str]:
    """The installed version of each of :data:`LIBRARIES`, from the names of their ``.dist-info``
    folders on ``sys.path`` (what ``importlib.metadata`` reads, without its 20 ms import)."""
    wanted = {re.sub(r"[-_.]+", "_", name).lower(): name for name in LIBRARIES}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            if entry.endswith(".dist-info") and "-" in entry:
                name, _, version = entry[: -len(".dist-info")].rpartition("-")
                key = re.sub(r"[-_.]+", "_", name).lower()
                if key in wanted and wanted[key] not in found:
                    found[wanted[key]] = version
    return {name: found.get(name, "-") for name in LIBRARIES}


def _today() -> int:
    """Days since 1970: when an entry was last used."""
    return int(time.time() // 86400)


def _open_database(path: Path) -> sqlite3.Connection:
    """The cache's database at ``path``, with its table, entries unused for :data:`UNUSED_DAYS`
    deleted; a file that is not a database (damaged, or something else) is replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for attempt in (1, 2):
        database = sqlite3.connect(path, timeout=30, isolation_level=None)  # autocommit: each write is whole
        try:
            database.execute("PRAGMA journal_mode = WAL")  # readers do not wait for a writer
            database.execute("PRAGMA synchronous = NORMAL")  # no fsync per entry; a crash may lose the last ones
            database.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, used INTEGER, PRIMARY KEY (kind, key)) WITHOUT ROWID")
            # Every open prunes: through this index it reads the few old entries, not every value
            # (a cache of 200 MB took 60-90 ms a scan, paid by every build and every command).
            database.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")
            _write(database, "DELETE FROM entries WHERE used < ?", (_today() - UNUSED_DAYS,))
            return database
        except sqlite3.DatabaseError:
            database.close()
            if attempt == 2:
                raise
            for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
                path.with_name(name).unlink(missing_ok=True)
    raise AssertionError("unreachable")


def _write(database: sqlite3.Connection, statement: str, parameters: tuple[Any, ...]) -> None:
    """Run a write; a locked, read-only or full database is not an error (the entry is not kept)."""
    try:
        database.execute(statement, parameters)
    except sqlite3.Error:
        pass


def tree_inputs(folder: Path) -> list[bytes]:
    """Every file under ``folder`` as its relative name and bytes, in name order: the inputs of a
    key for what is made from a whole folder (the theme's templates)."""
    return [
        path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]


def digest(*parts: bytes | str) -> str:
    """SHA-256 of ``parts``, each length-prefixed (``("ab", "c")`` and ``("a", "bc")`` differ)."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


#: Entries no build has used for this many days are deleted (a removed language's faces, a
#: catalog's old versions); a build that wants one again computes it again.
UNUSED_DAYS = 30


class Cache:
    """Results by kind and key in one SQLite file under ``root`` (``root=None``: nothing is kept).

    One file rather than a file per entry: a first build stores about ten entries per language,
    and on this project's machines creating a file (written beside its place, renamed into it)
    cost 0.6–1 ms where a row in SQLite's write-ahead log costs 0.1 ms.  Every store is its own
    transaction, so a build reading the cache at the same time sees an entry whole or not at all,
    and overlapping builds wait for each other's writes (``timeout``) instead of failing.
    """

    FILE = "entries.sqlite3"

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0
        self._memos: dict[str, Memo] = {}
        self._db: sqlite3.Connection | None = None
        self._unusable = root is None

    @staticmethod
    def key(kind: str, *inputs: bytes | str) -> str:
        """The key of a ``kind`` of result computed from ``inputs`` by this code."""
        return digest(fingerprint(), kind, *inputs)

    def _connection(self) -> sqlite3.Connection | None:
        """The open database (opened, created or, if damaged, made anew on first use), or None
        when there is no cache folder or it cannot be used (then nothing is kept)."""
        if self._db is None and not self._unusable:
            assert self.root is not None
            try:
                self._db = _open_database(self.root / self.FILE)
            except (OSError, sqlite3.Error):
                self._unusable = True
        return self._db

    def load(self, kind: str, key: str) -> Any | None:
        """The value stored under ``key``, or None (a miss)."""
        database = self._connection()
        if database is None:
            return None
        try:
            row = database.execute("SELECT value, used FROM entries WHERE kind = ? AND key = ?", (kind, key)).fetchone()
            value = pickle.loads(row[0]) if row is not None else None
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError):
            value = None
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        if row[1] != _today():  # what was used today is not pruned for another UNUSED_DAYS
            _write(database, "UPDATE entries SET used = ? WHERE kind = ? AND key = ?", (_today(), kind, key))
        return value

    def store(self, kind: str, key: str, value: Any) -> None:
        """Keep ``value`` under ``key`` (a cache that cannot be written only costs the next build the work)."""
        database = self._connection()
        if database is not None:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            _write(database, "INSERT OR REPLACE INTO entries (kind, key, value, used) VALUES (?, ?, ?, ?)", (kind, key, data, _today()))

    def get(self, kind: str, inputs: tuple[bytes | str, ...], compute: Callable[[], Any], valid: type | tuple[type, ...] = object) -> Any:
        """The value for ``inputs``: stored, or computed now and stored (a stored value that is
        not an instance of ``valid`` is a miss)."""
        key = self.key(kind, *inputs)
        value = self.load(kind, key)
        if value is None or not isinstance(value, valid):
            value = compute()
            self.store(kind, key, value)
        return value

    def folder(self, kind: str, *inputs: bytes | str) -> Path | None:
        """A folder of files this code made from ``inputs`` (Jinja2's compiled templates), created."""
        if self.root is None:
            return None
        path = self.root / kind / self.key(kind, *inputs)[:24]
        path.mkdir(parents=True, exist_ok=True)
        return path

    def memo(self, name: str) -> Memo:
        """The memo of one pure function (see :class:`Memo`), one per name and cache."""
        if name not in self._memos:
            self._memos[name] = Memo(self, name)
        return self._memos[name]

    def save_memos(self) -> None:
        """Keep what this build computed for the next."""
        for memo in self._memos.values():
            memo.save()


class Memo:
    """A persistent memo for one pure function of small values (a date as a language writes it,
    a translation escaped for its block): one file, read once per build, written once if it changed.

    Only the entries a build used are written back, so the file holds the current site's values,
    not every value it ever held.
    """

    def __init__(self, cache: Cache, name: str) -> None:
        self.cache = cache
        self.name = name
        self.key = Cache.key("memo", name)
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
        value = self._values[arguments] if arguments in self._values else compute()
        self._used[arguments] = value
        return value

    def swap(self, arguments: Any, value: Any) -> Any:
        """Keep ``value`` for ``arguments`` and return what the last build kept (None if nothing):
        for a fact about what a build wrote, such as the key a page was rendered with."""
        previous = self.get(arguments, lambda: None)
        self._used[arguments] = value
        return previous

    def save(self) -> bool:
        """Write the entries used since loading, unless the file already holds exactly them."""
        if self.cache.root is None or self._used == self._stored:
            return False
        self.cache.store("memo", self.key, dict(self._used))
        self._stored = dict(self._used)
        return True
