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
current user, regular and not writable by others, whose SHA-256 matches the hash stored
in their first line, are loaded; anything else is rebuilt, and the reason logged once. The
hash and the object are one file, replaced atomically, so two processes building the same
object at once never leave a hash beside the other's object.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")

#: Environment variable naming the cache folder ("" or "0" turns the cache off).
CACHE_ENV = "ANALYZER_CACHE_DIR"
#: Bump to invalidate every cached object whatever its key.
CACHE_FORMAT = 2
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


#: Age after which a temporary file left by an interrupted write is removed. [s]
STALE_TEMP_S = 3600.0

logger = logging.getLogger("analyzer")


def _trusted(path: Path) -> bool:
    """Whether ``path`` may be unpickled: a regular file (no symlink, no FIFO), owned by the
    current user and not writable by group or others."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


#: First line of a cached file: this prefix and the SHA-256 of the pickle after the line.
_HASH_PREFIX = "sha256:"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _load(path: Path, kind: type[T]) -> T | None:
    """The object in ``path`` when its integrity hash matches and it is a ``kind``, else None.

    Any doubt (an untrusted or truncated file, a hash mismatch, a foreign object) is logged
    once and the caller rebuilds.
    """
    if not path.exists() and not path.is_symlink():
        return None
    if not _trusted(path):
        logger.warning("ignoring the cache file %s: not a private regular file", path)
        return None
    try:
        stored, _, data = path.read_bytes().partition(b"\n")
        if stored != (_HASH_PREFIX + _digest(data)).encode("ascii"):
            logger.warning("ignoring the cache file %s: its hash does not match", path)
            return None
        value = pickle.loads(data)
    except Exception:  # a truncated or foreign file: rebuild
        logger.warning("ignoring the cache file %s: it cannot be read", path)
        return None
    if not isinstance(value, kind):
        logger.warning("ignoring the cache file %s: it holds a %s", path, type(value).__name__)
        return None
    return value


def cached(name: str, key: str, build: Callable[[], T], kind: type[T]) -> T:
    """Load ``<name>-<key>.pickle`` from the cache folder, or build the object and store it.

    The pickle is loaded only from a private regular file whose SHA-256 matches the one
    written in its first line, and only when it holds a ``kind``; otherwise the object
    is rebuilt (and the reason logged once on the ``analyzer`` logger).

    Parameters
    ----------
    name : str
        File name stem, e.g. ``"matcher"``.
    key : str
        From :func:`cache_key`.
    build : callable
        Builds the object when it is not cached (or the cached file cannot be trusted).
    kind : type
        The type the cached object must have.

    Returns
    -------
    object
        What ``build`` returns (or returned in an earlier process with the same key).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    loaded = _load(path, kind)
    if loaded is not None:
        return loaded
    value = build()
    _store(folder, name, path, value)
    return value


def _remove_stale_temps(folder: Path) -> None:
    """Remove temporary files that an interrupted write left behind."""
    now = time.time()
    for leftover in folder.glob("*.tmp"):
        with contextlib.suppress(OSError):
            info = os.lstat(leftover)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_S:
                leftover.unlink()


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    """Write ``value`` and its hash atomically; keep the newest :data:`KEEP_PER_NAME` files."""
    partial: Path | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_stale_temps(folder)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            partial = Path(handle.name)
            handle.write((_HASH_PREFIX + _digest(data) + "\n").encode("ascii"))
            handle.write(data)
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
