"""Tests of the on-disk cache of built objects (analyzer/foods/cache.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.foods import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(target))
    return target


class Builder:
    """Counts how often the object had to be built."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_second_call_loads_instead_of_building(folder: Path) -> None:
    build = Builder({"postings": [1, 2, 3]})
    first = cache.cached("thing", "k1", build, object)
    second = cache.cached("thing", "k1", build, object)
    assert first == second == {"postings": [1, 2, 3]}
    assert build.calls == 1
    assert sorted(p.name for p in folder.iterdir()) == ["thing-k1.pickle"]  # hash inside
    assert (folder / "thing-k1.pickle").stat().st_mode & 0o077 == 0  # private to the user


def test_new_key_builds_again_and_old_files_are_pruned(folder: Path) -> None:
    build = Builder("x")
    for key in ("a", "b", "c", "d", "e"):
        cache.cached("thing", key, build, object)
    assert build.calls == 5
    # Only the KEEP_PER_NAME (3) newest files are kept.
    assert len(list(folder.glob("thing-*.pickle"))) == cache.KEEP_PER_NAME == 3


def test_corrupt_file_is_rebuilt(folder: Path) -> None:
    build = Builder([4, 5])
    cache.cached("thing", "k", build, object)
    (folder / "thing-k.pickle").write_bytes(b"not a pickle")  # hash no longer matches
    build.calls = 0
    build = Builder([4, 5])
    assert cache.cached("thing", "k", build, object) == [4, 5]
    assert build.calls == 1
    # The corrupt file was replaced by a good one.
    assert cache.cached("thing", "k", build, object) == [4, 5]
    assert build.calls == 1


@pytest.mark.parametrize("setting", ["0", ""])
def test_cache_can_be_turned_off(setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, setting)
    assert cache.cache_dir() is None
    build = Builder(1)
    cache.cached("thing", "k", build, object)
    cache.cached("thing", "k", build, object)
    assert build.calls == 2


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "analyzer"


def test_unwritable_folder_still_returns_the_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    build = Builder("value")
    assert cache.cached("thing", "k", build, object) == "value"
    assert build.calls == 1


def test_unpicklable_object_is_returned_and_leaves_no_file(folder: Path) -> None:
    build = Builder(lambda: None)  # lambdas cannot be pickled
    assert callable(cache.cached("thing", "k", build, object))
    assert list(folder.iterdir()) == []


def test_cache_key_follows_file_content(tmp_path: Path) -> None:
    data = tmp_path / "foods.csv"
    data.write_text("id,description\n01001,Butter\n", encoding="utf-8")
    first = cache.cache_key([data])
    assert cache.cache_key([data]) == first
    assert len(first) == 24
    data.write_text("id,description\n01001,Butter, salted\n", encoding="utf-8")
    assert cache.cache_key([data]) != first
    assert cache.cache_key([data], salt="other") != cache.cache_key([data])


def test_source_files_cover_the_package() -> None:
    names = {path.name for path in cache.source_files()}
    assert {"cache.py", "matcher.py", "table.py", "__init__.py"} <= names


def _stored(folder: Path, value: object) -> Path:
    cache.cached("thing", "k", Builder(value), object)
    return folder / "thing-k.pickle"


def test_a_pickle_of_the_wrong_type_is_rebuilt_and_logged(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _stored(folder, ["a list, where a dict is expected"])
    build = Builder({"right": "type"})
    assert cache.cached("thing", "k", build, dict) == {"right": "type"}
    assert build.calls == 1
    assert "it holds a list" in caplog.text


def test_a_tampered_pickle_is_not_loaded(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    import pickle

    path = _stored(folder, {"n": 1})
    kept = path.read_bytes().partition(b"\n")[0]  # the hash line of {"n": 1}
    path.write_bytes(kept + b"\n" + pickle.dumps({"n": 2}))  # a valid pickle, not that one
    build = Builder({"n": 1})
    assert cache.cached("thing", "k", build, dict) == {"n": 1}
    assert build.calls == 1
    assert "its hash does not match" in caplog.text


def test_a_symlink_or_a_shared_file_is_not_loaded(folder: Path, tmp_path: Path) -> None:
    path = _stored(folder, {"n": 1})
    path.chmod(0o666)  # writable by others: someone else could have put it there
    build = Builder({"n": 1})
    cache.cached("thing", "k", build, dict)
    assert build.calls == 1
    elsewhere = tmp_path / "elsewhere.pickle"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    build.calls = 0
    cache.cached("thing", "k", build, dict)
    assert build.calls == 1


def test_a_fifo_at_the_cache_path_does_not_block(folder: Path) -> None:
    import os

    folder.mkdir()
    os.mkfifo(folder / "thing-k.pickle")  # opening it for reading would block forever
    build = Builder({"n": 1})
    assert cache.cached("thing", "k", build, dict) == {"n": 1}
    assert build.calls == 1


def test_temporary_files_of_an_interrupted_write_are_removed(folder: Path) -> None:
    import os

    folder.mkdir()
    leftover = folder / "tmpabc.tmp"
    leftover.write_bytes(b"half a pickle")
    old = leftover.stat().st_mtime - 2 * cache.STALE_TEMP_S
    os.utime(leftover, (old, old))
    cache.cached("thing", "k", Builder(1), object)
    assert not leftover.exists()
