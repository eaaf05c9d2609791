"""Atomic writes: all or nothing, and no write at all when nothing changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from openletter import atomic


def test_write_if_changed_leaves_an_identical_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    assert atomic.write_if_changed(path, b"one")
    os.utime(path, (1, 1))
    assert not atomic.write_if_changed(path, b"one")
    assert path.stat().st_mtime == 1
    assert atomic.write_if_changed(path, b"two") and path.read_bytes() == b"two"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(b"precious")
    path.chmod(0o640)

    def failing_replace(source: str, target: str) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk on fire"):
        atomic.write_bytes_atomic(path, b"new")
    assert path.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["a.po"]


def test_permissions_of_the_replaced_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(b"x")
    path.chmod(0o640)
    atomic.write_bytes_atomic(path, b"y")
    assert path.stat().st_mode & 0o777 == 0o640


def test_staging_writes_skip_fsync_but_still_replace_existing_files_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: synced.append(fd))
    new = tmp_path / "deep" / "new.css"
    assert atomic.write_if_changed(new, b"a{}", durable=False) and new.read_bytes() == b"a{}"
    assert atomic.write_if_changed(new, b"b{}", durable=False) and new.read_bytes() == b"b{}"
    assert synced == []
    atomic.write_if_changed(new, b"c{}")
    assert len(synced) == 1
