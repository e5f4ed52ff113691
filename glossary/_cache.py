"""An on-disk cache for work derived from a glossary's content (start-up speed).

Reading the bundled YAML files and compiling a glossary's dictionary automaton take a few
seconds of CPU each time a process starts, for the same result as long as the files and
the code that reads them are unchanged. :func:`cached` keeps such results as pickle files
in the user's cache directory, named by a SHA-256 key of everything they depend on (file
contents, the source of the modules that build them, Python and library versions), so a
changed glossary or a changed program simply misses the cache and writes a new entry.

* Where: ``$KOTREND_CACHE_DIR``, else ``$XDG_CACHE_HOME/kotrend``, else
  ``~/.cache/kotrend``.
* Opt-out: ``KOTREND_NO_CACHE=1`` (nothing is read or written).
* Safe when stale or corrupt: each file stores its own key, and a file that cannot be read
  back whole, or holds another key, is rebuilt and replaced. Files are written under a
  temporary name and renamed, so concurrent processes (workers of ``kotrend tag -j``)
  never read a half-written file. A cache directory that cannot be written only costs
  the rebuild. Only the newest :data:`KEEP` files of each kind are kept.

The files are pickles: like any cache under your home directory, they must not be
writable by anyone you would not let run code as you.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["KEEP", "cache_dir", "cached", "code_key", "load", "source_key", "store"]

T = TypeVar("T")

#: Cache entries kept per kind (older ones are removed when a new one is written).
KEEP = 4
# Bumped when the layout of the files changes.
_FORMAT = b"kotrend-cache-1"


def cache_dir() -> Path | None:
    """The cache directory, or ``None`` when ``KOTREND_NO_CACHE`` is set (not ``0``).

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"KOTREND_CACHE_DIR": "/tmp/용어", "KOTREND_NO_CACHE": ""}):
    ...     print(cache_dir())
    /tmp/용어
    >>> with mock.patch.dict(os.environ, {"KOTREND_NO_CACHE": "1"}):
    ...     print(cache_dir())
    None
    """
    if os.environ.get("KOTREND_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("KOTREND_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kotrend"


def source_key(*modules: str) -> bytes:
    """The source code of ``modules`` (dotted names, already imported), for cache keys:
    a result built by code that has changed since must not be reused.

    Examples
    --------
    >>> len(source_key("glossary._cache")) > 0
    True
    """
    digest = hashlib.sha256()
    for name in modules:
        path = getattr(sys.modules[name], "__file__", None)
        digest.update(name.encode())
        if path:
            with contextlib.suppress(OSError):
                digest.update(Path(path).read_bytes())
    return digest.digest()


def code_key() -> bytes:
    """:func:`source_key` of every module of this package (what reads glossaries)."""
    return source_key(
        *sorted(m for m in sys.modules if m == "glossary" or m.startswith("glossary."))
    )


def _key(kind: str, parts: Iterable[bytes | str]) -> str:
    digest = hashlib.sha256(_FORMAT)
    digest.update(f"{kind}\x00{sys.version_info[:2]}\x00".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))  # no two part lists hash alike
        digest.update(data)
    return digest.hexdigest()


def cached(kind: str, parts: Iterable[bytes | str], build: Callable[[], T]) -> T:
    """``build()``, or its result as stored for the same ``kind`` and ``parts``.

    Parameters
    ----------
    kind : str
        What is stored (a file-name prefix, e.g. ``"glossary"``).
    parts : iterable of bytes or str
        Everything the result depends on.
    build : callable
        Makes the result when no stored one can be used; it must be picklable.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"KOTREND_CACHE_DIR": tempfile.mkdtemp()}):
    ...     first = cached("demo", ["금리"], lambda: ["기준금리", "대출금리"])
    ...     again = cached("demo", ["금리"], lambda: ["다시 만들지 않음"])  # read back
    >>> first, again
    (['기준금리', '대출금리'], ['기준금리', '대출금리'])
    """
    parts = list(parts)
    found = load(kind, parts)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = build()
    store(kind, parts, value)
    return value


def _path(folder: Path, kind: str, key: str) -> Path:
    return folder / f"{kind}-{key[:40]}.pickle"


def load(kind: str, parts: Iterable[bytes | str]) -> Any:
    """What :func:`store` kept for ``kind`` and ``parts``, or ``None`` (never stored,
    stale, unreadable, or the cache is off).

    Examples
    --------
    >>> load("없는-종류", ["금리"]) is None
    True
    """
    folder = cache_dir()
    if folder is None:
        return None
    key = _key(kind, parts)
    try:
        with open(_path(folder, kind, key), "rb") as fh:
            stored_key, value = pickle.load(fh)
    except Exception:  # missing, truncated, from another version: a miss
        return None
    return value if stored_key == key else None


def store(kind: str, parts: Iterable[bytes | str], value: Any) -> None:
    """Keep ``value`` for :func:`load` (atomically; errors writing are ignored)."""
    folder = cache_dir()
    if folder is not None:
        key = _key(kind, parts)
        _store(folder, kind, _path(folder, kind, key), key, value)


def _store(folder: Path, kind: str, path: Path, key: str, value: Any) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        old = sorted(folder.glob(f"{kind}-*.pickle"), key=_mtime, reverse=True)[KEEP:]
        for stale in old:
            with contextlib.suppress(OSError):
                stale.unlink()
    except Exception:  # a read-only or full disk only costs the rebuild next time
        pass


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
