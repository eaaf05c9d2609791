"""The staging folder: fresh, or the site before last recycled and swept to what the build wrote."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from openletter.commands.staging import Staging, spare_for


def tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def publish(output: Path, files: dict[str, str]) -> Staging:
    """One "build": claim a folder, write ``files`` into it (in place), sweep it, swap it in."""
    staging = Staging.claim(output)
    for name, text in files.items():
        path = staging.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    staging.sweep()
    staging.swap_into_place()
    return staging


def test_the_retired_site_becomes_the_next_builds_folder(tmp_path: Path) -> None:
    output = tmp_path / "output"
    first = publish(output, {"de/index.html": "de 1", "index.html": "root 1"})
    assert not first.recycled and tree(output) == {"de/index.html": b"de 1", "index.html": b"root 1"}
    assert not spare_for(output).exists()  # there was no site to retire
    publish(output, {"de/index.html": "de 2", "index.html": "root 2"})
    assert tree(spare_for(output)) == {"de/index.html": b"de 1", "index.html": b"root 1"}
    inode = (spare_for(output) / "de" / "index.html").stat().st_ino
    third = publish(output, {"de/index.html": "de 3", "fr/index.html": "fr 3", "index.html": "root 3"})
    assert third.recycled and (output / "de" / "index.html").stat().st_ino == inode  # overwritten in place
    assert tree(output) == {"de/index.html": b"de 3", "fr/index.html": b"fr 3", "index.html": b"root 3"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [".output-spare"]


def test_sweep_removes_what_the_build_did_not_write_and_the_folders_left_empty(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish(output, {"a.html": "a", "gone/index.html": "gone", "fonts/x.css": "x", "fonts/y.css": "y", "same.txt": "s"})
    publish(output, {"a.html": "a"})  # the first site is now the spare, with all five files
    staging = Staging.claim(output)
    assert staging.recycled and set(tree(staging.path)) == {"a.html", "gone/index.html", "fonts/x.css", "fonts/y.css", "same.txt"}
    (staging.path / "a.html").write_text("a again", encoding="utf-8")  # rewritten in place
    (staging.path / "same.txt").write_text("s", encoding="utf-8")  # the same bytes, written: kept
    replacement = staging.path / "new.tmp"
    replacement.write_text("x2", encoding="utf-8")
    os.replace(replacement, staging.path / "fonts" / "x.css")  # replaced by a rename: kept
    assert staging.sweep(besides="fonts") == ["gone/index.html"]
    assert not (staging.path / "gone").exists() and (staging.path / "fonts" / "y.css").exists()
    assert staging.sweep(under="fonts") == ["fonts/y.css"]
    assert tree(staging.path) == {"a.html": b"a again", "fonts/x.css": b"x2", "same.txt": b"s"}


def test_a_discarded_folder_leaves_the_site_alone_and_a_fresh_claim_can_refuse_the_spare(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish(output, {"index.html": "1"})
    publish(output, {"index.html": "2"})
    staging = Staging.claim(output)
    (staging.path / "index.html").write_text("half", encoding="utf-8")
    staging.discard()
    assert tree(output) == {"index.html": b"2"} and not staging.path.exists()
    publish(output, {"index.html": "3"})
    fresh = Staging.claim(output, recycle=False)
    assert not fresh.recycled and not spare_for(output).exists() and tree(fresh.path) == {}
    assert fresh.sweep() == []


def test_a_reader_of_the_site_never_finds_it_missing_while_builds_swap(tmp_path: Path) -> None:
    # A server (the preview's, a reader of a synced folder) asks for the same page all along.
    output = tmp_path / "output"
    missing = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            if not (output / "index.html").exists():
                missing.append(1)

    Staging.claim(output).path.joinpath("index.html").write_text("0")
    first = Staging.claim(output)
    (first.path / "index.html").write_text("first")
    first.swap_into_place()
    reader = threading.Thread(target=read)
    reader.start()
    try:
        for number in range(300):
            staging = Staging.claim(output)
            (staging.path / "index.html").write_text(str(number))
            staging.sweep()
            staging.swap_into_place()
    finally:
        done.set()
        reader.join()
    assert (output / "index.html").read_text() == "299" and missing == []
