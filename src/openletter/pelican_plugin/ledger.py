"""Which list pages a build need not write: the ledger of what the last two builds wrote, by file.

A build writes into a staging folder that is the site before last, recycled
(:mod:`openletter.commands.staging`), and swaps it in for the live site.  The ledger keeps, for
the files of the lists of signatories each of the last two builds left, the key each was made
for (a digest of everything it shows) with the file's inode, size and modification time as the
build left it.  A page whose key has not changed is then

* *kept* when the staging folder's file is still the one the build before last left (same
  inode, size and time): only its change time is touched, so the sweep keeps it;
* *linked* from the live site when the live file is the one the last build left (a hard link:
  126 MB of lists at 10,000 signers are not copied; a copy where the system cannot link);
* rendered otherwise (a first build, a file someone or a failed build changed).

A file is trusted only while its inode, size and time are those recorded, so a page written
by anything else is rendered again, never published stale.  A file of the staging folder is
never written in place (:meth:`Ledger.target` unlinks it first): it may be a link to the live
site's, which must not change until the swap.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from openletter.cache import Memo

#: (key the page was made for, inode, size, modification time in ns).
Entry = tuple[str, int, int, int]
Generation = dict[str, Entry]


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


@dataclass
class Ledger:
    """The ledger of one output folder (``memo``: where it is kept between builds)."""

    memo: Memo
    staging: Path
    live: Path | None
    kept: int = 0
    copied: int = 0
    written: Generation = field(default_factory=dict)

    def __post_init__(self) -> None:
        last, before = self.memo.get("generations", lambda: ({}, {}))
        self.last: Generation = last  # what the live site holds
        self.before: Generation = before  # what a recycled staging folder holds

    def reuse(self, name: str, key: str) -> bool:
        """Whether the page ``name`` (site-relative) made for ``key`` is in the staging folder now,
        kept or copied from the live site; False: it is to be written (then :meth:`record` it)."""
        target = self.staging / name
        entry = self.before.get(name)
        if entry is not None and entry[0] == key and _stat(target) == entry[1:]:
            os.utime(target, ns=(entry[3], entry[3]))  # its change time moves: the sweep keeps it (no content change)
            self.written[name] = entry
            self.kept += 1
            return True
        entry = self.last.get(name)
        if entry is None or entry[0] != key or self.live is None or _stat(self.live / name) != entry[1:]:
            return False
        target = self.target(name)
        try:
            os.link(self.live / name, target)  # the same file: its time too, so what was not rendered shows
        except OSError:
            shutil.copy2(self.live / name, target)
        self.record(name, key)
        self.copied += 1
        return True

    def target(self, name: str) -> Path:
        """Where to write ``name`` in the staging folder, its old file unlinked (it may be a link
        to the live site's file), its folder made."""
        target = self.staging / name
        target.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def record(self, name: str, key: str) -> None:
        """``name`` was just written to the staging folder for ``key``."""
        found = _stat(self.staging / name)
        if found is not None:
            self.written[name] = (key, *found)

    def save(self) -> None:
        """Keep this build's files as the live site's, the last build's as the next staging folder's."""
        self.memo.swap("generations", (self.written, self.last))
