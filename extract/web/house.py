"""The house glossary: definitions an editor rewrote on the page, kept in a file of one's own.

The bundled glossary is never written to; the page's edits go to the file given to
``kotrend serve --house FILE.yaml`` and override the definitions of the same term ids
in every box the page builds afterwards.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
import threading
from pathlib import Path

import glossary as _glossary
from glossary import Glossary, Term

__all__ = ["HouseGlossary"]

_SUFFIXES = (".yaml", ".yml", ".json", ".csv")


class HouseGlossary:
    """A glossary file the editor page reads definitions from and writes them to.

    Parameters
    ----------
    path : str or path-like
        A YAML, JSON or CSV glossary file; it need not exist yet (the first save makes it).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "house.yaml"
    >>> house = HouseGlossary(path)
    >>> house.save(Term(id="capex", term="자본 지출"), "설비에 쓰는 돈.")
    >>> house.definitions()
    {'capex': '설비에 쓰는 돈.'}
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if self.path.suffix.lower() not in _SUFFIXES:
            raise ValueError(
                f"`house` should be a glossary file ending in one of {list(_SUFFIXES)}, "
                f"got {str(path)!r}"
            )
        # One writer at a time: two tabs saving at once must not lose either edit.
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"HouseGlossary({str(self.path)!r})"

    def load(self) -> Glossary:
        """The file's glossary (empty when the file does not exist yet)."""
        if not self.path.exists():
            return Glossary([], name="house", version="1", path=str(self.path))
        return _glossary.load(self.path, validate=False)

    def definitions(self) -> dict[str, str]:
        """``{term_id: definition}`` for every entry of the file that has one."""
        return {t.id: t.definition for t in self.load() if t.definition}

    def save(self, term: Term, definition: str) -> None:
        """Store ``definition`` for ``term`` (its entry is copied from ``term`` when the
        file has none), writing a temporary file beside it and renaming it over the old
        one, so a reader never sees half a file and a crash leaves the old one whole."""
        definition = definition.strip()
        if not definition:
            raise ValueError(f"`definition` of {term.id!r} should not be empty")
        with self._lock:
            g = self.load()
            old = g.get(term.id)
            new = dataclasses.replace(old or term, definition=definition, line=None)
            terms = [new if t.id == term.id else t for t in g] if old else [*g, new]
            # The file must load on its own (``kotrend serve -g house.yaml``): links to
            # terms it does not hold would be errors there.
            ids = {t.id for t in terms}
            terms = [
                dataclasses.replace(t, related=tuple(r for r in t.related if r in ids))
                for t in terms
            ]
            out = Glossary(terms, name=g.name, version=g.version)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=self.path.suffix
            )
            os.close(fd)
            try:
                _glossary.save(out, tmp)
                # mkstemp makes the file private; keep the mode the old file had.
                os.chmod(tmp, self.path.stat().st_mode if self.path.exists() else 0o644)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
