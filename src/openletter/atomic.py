"""Writes that either happen completely or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to a temp file beside ``path``, fsync it, then rename it over ``path``.

    A crash, a full disk or an exception leaves the old file byte-identical: polib's
    ``save()`` truncated good catalogs to 0 bytes exactly when this was skipped.
    ``durable=False`` skips the fsync, for files inside a build's staging folder: the rename
    still hides half-written files, and the folder as a whole only goes live after the build.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            if durable:
                temp.flush()
                os.fsync(temp.fileno())
        if path.exists():
            os.chmod(temp_name, path.stat().st_mode & 0o777)
        else:
            os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise


def write_if_changed(path: Path, data: bytes, durable: bool = True) -> bool:
    """Atomically write ``data`` unless the file already holds exactly it; True if written."""
    try:
        if Path(path).read_bytes() == data:
            return False
    except FileNotFoundError:
        if not durable:  # a new file in a staging folder: nobody can see it half-written
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_bytes(data)
            return True
    write_bytes_atomic(path, data, durable)
    return True


def write_into_build(path: Path, data: bytes) -> bool:
    """Write a file of a build's staging folder: atomically unless it holds ``data`` already, and
    then touched, because a recycled staging folder's sweep removes every file whose inode and
    ctime no step of this build changed (:mod:`openletter.commands.staging`); True if written."""
    written = write_if_changed(path, data, durable=False)
    if not written:
        os.utime(path)
    return written
