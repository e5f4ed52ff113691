"""One way to name a glossary: ``"default"``, ``"default+entities"`` or a file."""

from __future__ import annotations

import os
from pathlib import Path

from ._default import default
from ._io import SUFFIXES, load
from ._model import Glossary

__all__ = ["BUNDLED", "check_spec", "resolve"]

#: The names of the bundled glossary, without and with companies and institutions.
BUNDLED = ("default", "default+entities")


def _valid() -> str:
    return f"one of {BUNDLED} or a path to a {'/'.join(SUFFIXES)} glossary file"


def check_spec(spec: object) -> str | os.PathLike[str]:
    """``spec`` if it can name a glossary (a bundled name, or a path with a glossary file's
    extension), without reading anything; else :class:`TypeError` or :class:`ValueError`.

    Examples
    --------
    >>> check_spec("금융용어.yaml")
    '금융용어.yaml'
    >>> check_spec("defualt")
    Traceback (most recent call last):
    ...
    ValueError: `glossary` should be one of ('default', 'default+entities') or a path to a .yaml/.yml/.json/.csv glossary file, but got 'defualt'
    """
    if isinstance(spec, os.PathLike):
        spec = os.fspath(spec)
    if not isinstance(spec, str):
        raise TypeError(f"`glossary` should be {_valid()}, but got {type(spec).__name__}")
    if spec not in BUNDLED and Path(spec).suffix.lower() not in SUFFIXES:
        raise ValueError(f"`glossary` should be {_valid()}, but got {spec!r}")
    return spec


def resolve(spec: str | os.PathLike[str] | Glossary) -> Glossary:
    """The glossary ``spec`` names: what ``-g`` means on every ``kotrend`` command, and
    what the editor page and the spaCy component accept.

    Parameters
    ----------
    spec : str, path-like or Glossary
        ``"default"`` (the bundled glossary), ``"default+entities"`` (with companies and
        institutions), or a YAML, JSON or CSV glossary file; a :class:`Glossary` is
        returned as it is.

    Raises
    ------
    TypeError, ValueError
        When ``spec`` is neither a bundled name nor a glossary file's path.
    FileNotFoundError
        When the file does not exist.
    GlossaryError
        When the file has errors (see :func:`glossary.load`).

    Examples
    --------
    >>> resolve("default+entities")["nvidia"].term
    '엔비디아'
    >>> resolve("없는사전.yaml")
    Traceback (most recent call last):
    ...
    FileNotFoundError: glossary file not found: '없는사전.yaml' (`glossary` should be one of ('default', 'default+entities') or a path to a .yaml/.yml/.json/.csv glossary file)
    """
    if isinstance(spec, Glossary):
        return spec
    name = check_spec(spec)
    if name in BUNDLED:
        return default(entities=name == "default+entities")
    try:
        return load(name)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"glossary file not found: {os.fspath(name)!r} (`glossary` should be {_valid()})"
        ) from None
