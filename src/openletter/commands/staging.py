"""Where a build writes before its site goes live: a fresh folder, or the site before last, recycled.

A build never touches ``output/`` until it has succeeded; then the new tree is swapped in at once.
On ext4 without a journal (this project's build machines) creating a file scans past every inode
freed in the last 30 s, and each build used to free the retired site's: 0.1 s of system time at
N = 100 languages and 0.3 s at N = 200, spent creating the files native Pelican overwrites in place.
So the retired site is kept beside ``output/`` as ``.<output>-spare`` and becomes the next build's
staging folder: every file the build writes is overwritten in place (same inode), and
:meth:`Staging.sweep` then removes each file the build did not write (its inode and ctime are as
they were before the build), so the tree is the one a fresh folder would hold.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

#: renameat2(2)'s flag that exchanges two paths atomically (Linux 3.15+, glibc 2.28+).
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically (Linux's ``renameat2(RENAME_EXCHANGE)``); False where
    the system or filesystem cannot (then nothing was changed)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(first))


def spare_for(output: Path) -> Path:
    """The retired site kept for the next build (never served: it sits beside ``output/``)."""
    return output.parent / f".{output.name}-spare"


@dataclass
class Staging:
    """A build's staging folder for ``output``."""

    path: Path
    output: Path
    #: (inode, ctime) of every file a recycled folder held when claimed; None for a fresh folder.
    before: dict[str, tuple[int, int]] | None = None
    #: Folders a recycled folder held when claimed (removed by the sweep once empty).
    folders: set[str] = field(default_factory=set)

    @classmethod
    def claim(cls, output: Path, recycle: bool = True) -> Staging:
        """A new staging folder beside ``output``: the spare if there is one (and ``recycle``),
        else empty.  Folders a killed build left behind are removed first."""
        output.parent.mkdir(parents=True, exist_ok=True)
        for leftover in output.parent.glob(f".{output.name}-new-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        path = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
        staging = cls(path, output)
        spare = spare_for(output)
        if not recycle:
            shutil.rmtree(spare, ignore_errors=True)
            return staging
        try:
            os.rename(spare, path)  # replaces the empty folder; atomic, so two builds never share it
        except OSError:  # no spare (or another build took it): start empty
            return staging
        staging.before, staging.folders = _files_and_folders(path)
        return staging

    @property
    def recycled(self) -> bool:
        return self.before is not None

    def sweep(self, under: str = "", besides: str | None = None) -> list[str]:
        """Remove from a recycled folder the files under ``under`` (all by default; not those under
        ``besides``) that this build did not write, then the folders it left empty; return the
        removed files' relative paths.  A fresh folder holds only what the build wrote: no-op."""
        if self.before is None:
            return []
        removed = []
        now, _ = _files_and_folders(self.path, under)
        for name, identity in now.items():
            if self.before.get(name) == identity and not (besides and _is_under(name, besides)):
                os.unlink(self.path / name)
                removed.append(name)
        for name in sorted(self.folders, key=lambda folder: folder.count("/"), reverse=True):
            if _is_under(name, under) and not (besides and _is_under(name, besides)):
                try:
                    os.rmdir(self.path / name)  # only if nothing is left in it
                except OSError:
                    pass
        return sorted(removed)

    def swap_into_place(self) -> None:
        """Replace ``output`` by the staging folder in one step where the system can (a server
        reading ``output/`` meanwhile finds the old site or the new one, never none); the old
        site becomes the spare."""
        output = self.output
        if not output.exists():
            os.rename(self.path, output)
            return
        spare = spare_for(output)
        if exchange(self.path, output):  # the staging folder's name now holds the old site
            shutil.rmtree(spare, ignore_errors=True)  # a spare another build left meanwhile
            try:
                os.rename(self.path, spare)
            except OSError:
                shutil.rmtree(self.path, ignore_errors=True)
            return
        retired = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        os.rename(output, retired / output.name)
        os.rename(self.path, output)  # between the two renames there is no output/: a server answers 404
        shutil.rmtree(spare, ignore_errors=True)
        try:
            os.rename(retired / output.name, spare)
        finally:
            shutil.rmtree(retired, ignore_errors=True)

    def discard(self) -> None:
        """A failed build's folder (the live site was never touched): kept as the spare when it
        was one (what the build wrote into it is swept by the next build that recycles it), else
        removed."""
        if self.recycled:
            try:
                os.rename(self.path, spare_for(self.output))
                return
            except OSError:  # another build left a spare meanwhile
                pass
        shutil.rmtree(self.path, ignore_errors=True)


def _is_under(name: str, folder: str) -> bool:
    return not folder or name == folder or name.startswith(folder + "/")


def _files_and_folders(root: Path, under: str = "") -> tuple[dict[str, tuple[int, int]], set[str]]:
    """(inode, ctime in ns) of every file in ``root/under`` by path relative to ``root``, and
    every folder there."""
    files: dict[str, tuple[int, int]] = {}
    folders: set[str] = set()
    pending = [under] if (root / under).is_dir() else []
    while pending:
        relative = pending.pop()
        with os.scandir(root / relative) as entries:
            for entry in entries:
                name = f"{relative}/{entry.name}" if relative else entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.add(name)
                    pending.append(name)
                else:
                    stat = entry.stat(follow_symlinks=False)
                    files[name] = (stat.st_ino, stat.st_ctime_ns)
    return files, folders
