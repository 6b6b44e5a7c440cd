"""On-disk cache for objects that are slow to build and depend only on the bundled data.

Building the food matcher (:class:`analyzer.foods.matcher.FoodMatcher`) indexes all 8,789 SR28
descriptions; that takes about a second, and every command that reads a diary needs it. The
built object is pickled once to the user's cache folder; later processes load it in a few
hundredths of a second.

The cache key is a SHA-256 of everything the object is built from: the bytes of the data
files, the source of every module of this package, and the versions of Python, numpy and
pandas. Any change gives a new key, so a stale object is never used. Reading or writing
the cache never fails a command: on any problem the object is simply built.

Folder: ``$ANALYZER_CACHE_DIR`` when set (empty or ``0`` turns the cache off), else
``$XDG_CACHE_HOME/analyzer``, else ``~/.cache/analyzer``. Only files that belong to the
current user are loaded.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")

#: Environment variable naming the cache folder ("" or "0" turns the cache off).
CACHE_ENV = "ANALYZER_CACHE_DIR"
#: Bump to invalidate every cached object whatever its key.
CACHE_FORMAT = 1
#: Cached files kept per name (older ones are removed when a new one is written).
KEEP_PER_NAME = 3


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip() in ("", "0") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "analyzer"


def source_files() -> list[Path]:
    """Every Python module and data table of this package (all are part of each cache key)."""
    root = Path(__file__).resolve().parents[1]
    return sorted([*root.rglob("*.py"), *(root / "data").glob("*.csv")])


def cache_key(files: Iterable[Path], *, salt: str = "") -> str:
    """A short SHA-256 over the bytes of ``files``, library versions and ``salt``.

    Parameters
    ----------
    files : iterable of Path
        Files whose content the cached object depends on.
    salt : str
        Anything else it depends on.

    Returns
    -------
    str
        24 hexadecimal digits.
    """
    versions = f"{CACHE_FORMAT}|{sys.version}|{np.__version__}|{pd.__version__}|{salt}"
    digest = hashlib.sha256(versions.encode("utf-8"))
    for path in files:
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _owned(path: Path) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or path.stat().st_uid == getuid()


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """Load ``<name>-<key>.pickle`` from the cache folder, or build the object and store it.

    Parameters
    ----------
    name : str
        File name stem, e.g. ``"matcher"``.
    key : str
        From :func:`cache_key`.
    build : callable
        Builds the object when it is not cached (or the cached file cannot be read).

    Returns
    -------
    object
        What ``build`` returns (or returned in an earlier process with the same key).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        if _owned(path):
            with open(path, "rb") as handle:
                loaded: T = pickle.load(handle)
                return loaded
    except Exception:  # a missing, truncated or foreign file: build the object instead
        pass
    value = build()
    _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    """Write ``value`` atomically; drop all but the newest :data:`KEEP_PER_NAME` files."""
    partial: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            partial = Path(handle.name)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
        partial = None
        newest_first = sorted(
            folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for stale in newest_first[KEEP_PER_NAME:]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)
