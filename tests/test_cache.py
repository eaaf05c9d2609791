"""The build cache: one rule for every entry (inputs and code in the key), damaged entries are misses."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from openletter import cache as cache_module
from openletter.cache import Cache, Memo, digest, fingerprint


def damage(root: Path, key: str) -> None:
    """Overwrite the entry ``key`` of the cache under ``root`` with bytes that are not a pickle."""
    with closing(sqlite3.connect(root / Cache.FILE, isolation_level=None)) as database:
        assert database.execute("UPDATE entries SET value = ? WHERE key = ?", (b"\x80 damaged", key)).rowcount == 1


def test_store_load_and_corrupt_entries(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = Cache.key("kind", b"input", "setting")
    assert cache.load("kind", key) is None
    cache.store("kind", key, {"answer": 42})
    assert cache.load("kind", key) == {"answer": 42} and cache.hits == 1
    damage(tmp_path, key)
    assert cache.load("kind", key) is None
    assert digest(b"ab", b"c") != digest(b"a", b"bc")
    assert Cache(None).load("kind", key) is None


def test_a_key_names_its_inputs_its_kind_and_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    key = Cache.key("kind", "input")
    assert Cache.key("kind", "input") == key
    assert Cache.key("kind", "other input") != key and Cache.key("other kind", "input") != key
    # Editing openletter or upgrading a library changes the fingerprint, and so every key.
    monkeypatch.setattr(cache_module, "fingerprint", lambda: b"another version of the code")
    assert Cache.key("kind", "input") != key


def test_the_fingerprint_covers_openletter_source_and_library_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint()
    fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "LIBRARIES", (*cache_module.LIBRARIES, "hypothesis"))
    try:
        assert fingerprint() != before
    finally:
        fingerprint.cache_clear()


def test_get_computes_once_and_refuses_a_value_of_another_type(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    calls: list[int] = []
    assert cache.get("kind", ("a",), lambda: calls.append(1) or "A", valid=str) == "A"
    assert cache.get("kind", ("a",), lambda: calls.append(1) or "A", valid=str) == "A" and calls == [1]
    cache.store("kind", Cache.key("kind", "b"), 42)
    assert cache.get("kind", ("b",), lambda: "B", valid=str) == "B"


def test_memo_persists_what_a_build_used_and_nothing_else(tmp_path: Path) -> None:
    calls: list[str] = []

    def compute(value: str) -> Callable[[], str]:
        return lambda: calls.append(value) or value.upper()

    first = Cache(tmp_path).memo("words")
    assert first.get(("a",), compute("a")) == "A" and first.get(("a",), compute("a")) == "A"
    assert first.get(("b",), compute("b")) == "B" and calls == ["a", "b"]
    assert first.save() and not first.save()  # written once; unchanged since, so not again
    second = Cache(tmp_path).memo("words")
    assert second.get(("a",), compute("a")) == "A" and calls == ["a", "b"]  # from the file
    assert second.save()  # it holds only "a" now: what this build used
    third = Cache(tmp_path).memo("words")
    assert third.get(("b",), compute("b")) == "B" and calls == ["a", "b", "b"]  # "b" was not used by the second build
    other = Cache(tmp_path).memo("other words")
    assert other.get(("a",), compute("a")) == "A" and calls[-1] == "a"


def test_memo_without_a_cache_folder_or_with_a_damaged_file_computes(tmp_path: Path) -> None:
    memo = Cache(None).memo("words")
    assert memo.get(1, lambda: "one") == "one" and not memo.save()
    cache = Cache(tmp_path)
    stored = cache.memo("words")
    stored.get(1, lambda: "one")
    cache.save_memos()
    damage(tmp_path, stored.key)
    assert Cache(tmp_path).memo("words").get(1, lambda: "recomputed") == "recomputed"


def test_a_cache_that_cannot_be_written_is_not_an_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = Cache(blocked)  # its entries would go under a file: OSError
    memo = cache.memo("words")
    assert memo.get(1, lambda: "one") == "one"
    memo.save()
    cache.store("kind", Cache.key("kind"), "value")
    assert cache.load("kind", Cache.key("kind")) is None
    assert isinstance(memo, Memo)


def test_library_versions_are_those_importlib_metadata_reports() -> None:
    from importlib import metadata

    from openletter.cache import LIBRARIES, library_versions

    assert library_versions() == {name: metadata.version(name) for name in LIBRARIES}


def test_a_damaged_database_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / Cache.FILE).write_bytes(b"this is not an SQLite database" * 100)
    cache = Cache(tmp_path)
    cache.store("kind", Cache.key("kind"), "value")
    assert Cache(tmp_path).load("kind", Cache.key("kind")) == "value"


def test_entries_unused_for_a_month_are_deleted_and_used_ones_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = 20_000
    monkeypatch.setattr(cache_module, "_today", lambda: day)
    Cache(tmp_path).store("kind", "used", "kept")
    Cache(tmp_path).store("kind", "unused", "dropped")
    day += cache_module.UNUSED_DAYS - 1
    assert Cache(tmp_path).load("kind", "used") == "kept"  # used again: its day moves on
    day += 2
    cache = Cache(tmp_path)
    assert (cache.load("kind", "used"), cache.load("kind", "unused")) == ("kept", None)


def test_pruning_reads_the_index_of_days_not_every_entry(tmp_path: Path) -> None:
    """Every build opens the cache and prunes it: a scan would read every stored value (a cache of
    200 MB took 60-90 ms); the prune goes through the index on the day of last use instead."""
    Cache(tmp_path).store("kind", "key", b"x" * 100_000)
    with closing(sqlite3.connect(tmp_path / Cache.FILE, isolation_level=None)) as database:
        plan = " ".join(row[-1] for row in database.execute("EXPLAIN QUERY PLAN DELETE FROM entries WHERE used < ?", (1,)))
    assert "USING COVERING INDEX entries_used" in plan or "USING INDEX entries_used" in plan, plan


def test_two_caches_on_one_folder_see_each_others_entries_at_once(tmp_path: Path) -> None:
    # Two processes (a build and a check) share the file: an entry is there as soon as it is stored.
    first, second = Cache(tmp_path), Cache(tmp_path)
    assert second.load("kind", "key") is None
    first.store("kind", "key", [1, 2])
    assert second.load("kind", "key") == [1, 2]
