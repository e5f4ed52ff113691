"""Which files a source names, and what format each one is."""

from __future__ import annotations

import fnmatch
import glob
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

__all__ = [
    "FORMATS",
    "SourceFile",
    "check_format",
    "detect_format",
    "expand_source",
    "is_hf_dir",
    "is_in_memory",
    "iter_files",
    "record_stem",
    "would_read",
]

#: Values accepted by ``format=``.
FORMATS = ("csv", "hf", "jsonl", "parquet", "text", "tsv")

_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "text",
    ".md": "text",
}
# Inside a directory only plain ``.txt`` counts as a document, so a README.md lying
# next to the data is not read as news.
_DIR_SUFFIXES = frozenset(_SUFFIXES) - {".md"}
_GLOB_MAGIC = frozenset("*?[")


class SourceFile(NamedTuple):
    """One unit of input found by :func:`expand_source`.

    Attributes
    ----------
    path : Path
        A file, or a directory written by ``datasets.Dataset.save_to_disk``.
    base : Path or None
        For text files found in a directory: that directory, so the document id is the
        path relative to it. ``None`` otherwise.
    """

    path: Path
    base: Path | None


def _suffix(path: Path) -> str:
    """The format suffix, looking through a final ``.gz``."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def record_stem(path: Path) -> str:
    """File name without format suffixes: ``news.jsonl.gz`` -> ``news``."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[0]


def is_hf_dir(path: Path) -> bool:
    """Whether ``path`` is a directory written by ``save_to_disk``."""
    return (path / "state.json").is_file() and (path / "dataset_info.json").is_file()


def check_format(format: str | None) -> None:
    """Raise ``ValueError`` unless ``format`` is ``None`` or one of :data:`FORMATS`."""
    if format is not None and format not in FORMATS:
        raise ValueError(f"`format` should be one of {FORMATS} or None, got {format!r}")


def detect_format(path: Path, format: str | None = None) -> str:
    """Return the format of ``path`` (one of :data:`FORMATS`).

    Raises
    ------
    ValueError
        If ``format`` is not a known format, or the suffix says nothing.
    """
    if format is not None:
        check_format(format)
        return format
    if path.is_dir():
        if is_hf_dir(path):
            return "hf"
        raise ValueError(f"{path}: a directory that is not a saved `datasets` dataset")
    fmt = _SUFFIXES.get(_suffix(path))
    if fmt is None:
        raise ValueError(
            f"{path}: cannot tell the format from the suffix {_suffix(path)!r}; "
            f"known suffixes are {sorted(_SUFFIXES)} (optionally .gz), "
            f"or pass format= one of {FORMATS}"
        )
    return fmt


def is_in_memory(source: object) -> bool:
    """Whether ``source`` is a ``pandas.DataFrame`` or ``datasets.Dataset``."""
    # Look the classes up only if their modules are already imported: a caller who
    # holds a DataFrame has imported pandas, and the reader stays light otherwise.
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(source, pandas.DataFrame):
        return True
    datasets = sys.modules.get("datasets")
    return datasets is not None and isinstance(source, datasets.Dataset)


def _raise(err: OSError) -> None:
    raise err


def _walk(root: Path) -> list[SourceFile]:
    if is_hf_dir(root):
        return [SourceFile(root, None)]
    dict_file = root / "dataset_dict.json"
    if dict_file.is_file():
        splits = json.loads(dict_file.read_text(encoding="utf-8"))["splits"]
        return [SourceFile(root / split, None) for split in splits]
    found: list[SourceFile] = []
    # os.walk skips a folder it cannot list unless told otherwise: a run would then read
    # less than asked and say nothing. (Symlinked folders are not followed: no loops.)
    for dirpath, dirnames, filenames in os.walk(root, onerror=_raise):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in list(dirnames):
            if is_hf_dir(here / name):
                found.append(SourceFile(here / name, None))
                dirnames.remove(name)
        for name in filenames:
            path = here / name
            # is_file: a FIFO or device in the folder would block or never end.
            if not name.startswith(".") and _suffix(path) in _DIR_SUFFIXES and path.is_file():
                base = root if _SUFFIXES[_suffix(path)] == "text" else None
                found.append(SourceFile(path, base))
    found.sort(key=lambda item: item.path.relative_to(root).parts)
    if not found:
        raise FileNotFoundError(
            f"{root}: no readable files in this directory "
            f"(looked for {sorted(_DIR_SUFFIXES)}, optionally .gz, and saved datasets)"
        )
    return found


def _expand_one(source: str | os.PathLike[str]) -> list[SourceFile]:
    path = Path(source)
    if path.is_dir():
        return _walk(path)
    if path.exists():
        return [SourceFile(path, None)]
    pattern = os.fspath(source)
    if _GLOB_MAGIC.isdisjoint(pattern):
        raise FileNotFoundError(f"{pattern}: no such file or directory")
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        raise FileNotFoundError(f"{pattern}: no files match this pattern")
    found: list[SourceFile] = []
    for match in matches:
        found.extend(
            _walk(Path(match)) if Path(match).is_dir() else [SourceFile(Path(match), None)]
        )
    return found


def expand_source(source: Any) -> list[SourceFile | Any]:
    """List the inputs of ``source`` in reading order.

    Paths, directories and glob patterns become :class:`SourceFile` items (sorted, each
    file once); DataFrames and Datasets are returned as they are.

    Raises
    ------
    FileNotFoundError
        If a path does not exist or a pattern or directory matches nothing.
    TypeError
        If ``source`` is of an unsupported type.
    """
    if isinstance(source, (str, os.PathLike)):
        return list(_expand_one(source))
    if is_in_memory(source):
        return [source]
    if isinstance(source, Iterable) and not isinstance(source, (bytes, dict)):
        out: list[SourceFile | Any] = []
        seen: set[Path] = set()
        for item in source:
            for unit in expand_source(item):
                if isinstance(unit, SourceFile):
                    key = unit.path.resolve()
                    if key in seen:
                        continue
                    seen.add(key)
                out.append(unit)
        return out
    raise TypeError(
        "`source` should be a path, a glob pattern, a directory, a list of these, "
        f"a pandas.DataFrame or a datasets.Dataset, got {type(source).__name__}"
    )


def iter_files(source: Any) -> list[Path]:
    """Return the files (and saved datasets) that ``source`` names, sorted.

    A batch runner shards work by these paths and reads each with
    :func:`~corpus.read_file`. For text files found in a directory, pass
    ``relative_to=`` that directory to keep the same ids as
    :func:`~corpus.read_documents`.

    Parameters
    ----------
    source : str, Path, or list of them
        A file, a directory (searched recursively; ``.txt`` files and data files; hidden
        files are skipped), or a glob pattern such as ``"news/*.jsonl"``.

    Returns
    -------
    list of Path
        In a deterministic order: patterns and directories sorted, lists in the
        order given, each file once.

    Raises
    ------
    FileNotFoundError
        If a path does not exist or a pattern or directory matches nothing.
    TypeError
        For in-memory tables, which have no files.

    Examples
    --------
    >>> iter_files("뉴스/*.jsonl")  # doctest: +SKIP
    [PosixPath('뉴스/경제.jsonl'), PosixPath('뉴스/증권.jsonl')]
    """
    units = expand_source(source)
    if not all(isinstance(unit, SourceFile) for unit in units):
        raise TypeError("iter_files takes paths; read DataFrames and Datasets with read_documents")
    return [unit.path for unit in units]


def _variants(path: Path) -> set[Path]:
    """``path`` made absolute, as written and with every symlink resolved."""
    return {Path(os.path.abspath(path)), Path(os.path.realpath(path))}


def _walk_reads(relative: tuple[str, ...]) -> bool:
    """Whether a directory walk (:func:`_walk`) reads the file at ``relative`` inside it."""
    if not relative or any(part.startswith(".") for part in relative):
        return False
    return _suffix(Path(relative[-1])) in _DIR_SUFFIXES


def _glob_match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Whether absolute ``parts`` match the absolute glob ``pattern``, as ``glob`` would
    (``*`` stays within one folder and skips dot-files; ``**`` spans folders)."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(
            _glob_match(rest, parts[i:])
            for i in range(len(parts) + 1)
            if not any(p.startswith(".") for p in parts[:i])
        )
    if not parts:
        return False
    if parts[0].startswith(".") and not head.startswith(".") and not _GLOB_MAGIC.isdisjoint(head):
        return False
    return fnmatch.fnmatchcase(parts[0], head) and _glob_match(rest, parts[1:])


def would_read(source: Any, path: str | os.PathLike[str]) -> bool:
    """Whether reading ``source`` reads ``path``, now or once ``path`` exists.

    A writer calls this before writing ``path``, so that an output can never truncate
    one of its inputs, nor be read back as input by a glob or folder on the next run.
    Symlinks are resolved, and both ``path`` and its parent folders are compared.

    Parameters
    ----------
    source : str, Path, or list of them
        Inputs as given to :func:`read_documents` (tables are ignored).
    path : str or Path
        The file about to be written (it need not exist).

    Examples
    --------
    >>> would_read(["뉴스/*.jsonl"], "뉴스/결과.jsonl"), would_read(["뉴스/*.jsonl"], "결과.jsonl")
    (True, False)
    """
    items = [source] if isinstance(source, (str, os.PathLike)) else source
    if is_in_memory(source) or not isinstance(items, Iterable):
        return False
    targets = _variants(Path(path))
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            continue
        spec = Path(item)
        if spec.exists() or _GLOB_MAGIC.isdisjoint(os.fspath(item)):
            roots = [(root, spec.is_dir()) for root in _variants(spec)]
        else:
            pattern = Path(os.path.abspath(item)).parts
            roots = []
            for target in targets:
                for folder in (target, *target.parents):
                    if _glob_match(pattern, folder.parts):
                        roots.append((folder, folder != target))
        for root, is_folder in roots:
            for target in targets:
                if not is_folder and target == root:
                    return True
                inside = is_folder and target.is_relative_to(root)
                if inside and _walk_reads(target.relative_to(root).parts):
                    return True
    return False
