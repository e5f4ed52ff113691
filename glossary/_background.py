"""How familiar each term is in everyday news: per-term background document frequencies.

The bundled file ``glossary/data/background_df.json`` holds, for every term of the default
glossary (entities included), the number of documents of a broad real news background
that mention it (numbers only, no text; ``bench/build_background.py`` measures it).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["BACKGROUND_FILE", "BackgroundFrequencies", "background_frequencies"]

#: The bundled background's file name inside ``glossary/data/``.
BACKGROUND_FILE = "background_df.json"


def _frozen(counts: Mapping[str, int], name: str) -> Mapping[str, int]:
    out: dict[str, int] = {}
    for key, value in counts.items():
        if not isinstance(key, str) or isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"`{name}` should map str to int, got {key!r}: {value!r}")
        if value < 0:
            raise ValueError(f"`{name}` counts should be >= 0, got {key!r}: {value!r}")
        out[key] = value
    return MappingProxyType(dict(sorted(out.items())))


@dataclass(frozen=True, slots=True)
class BackgroundFrequencies:
    """Document frequencies of terms in a background corpus.

    Attributes
    ----------
    documents : int
        How many background documents were counted (the denominator of every share).
    df : mapping of str to int
        Term id -> number of background documents that mention the term. Terms missing
        here were never seen.
    sources : mapping of str to int
        Background documents per source file (how the background was sampled).
    glossary, glossary_version : str
        Name and version of the glossary the counts were measured with (``""`` if
        unknown). :func:`extract.build_box` uses the bundled background by default only
        for the glossary it names.

    Examples
    --------
    >>> bg = BackgroundFrequencies(documents=1000, df={"interest_rate": 120, "capex": 3})
    >>> bg.share("interest_rate"), bg.share("cloud_backlog")
    (0.12, 0.0)
    >>> "capex" in bg, len(bg)
    (True, 2)
    """

    documents: int
    df: Mapping[str, int] = field(default_factory=dict)
    sources: Mapping[str, int] = field(default_factory=dict)
    glossary: str = ""
    glossary_version: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.documents, bool) or not isinstance(self.documents, int):
            raise TypeError(f"`documents` should be an int, got {self.documents!r}")
        if self.documents < 0:
            raise ValueError(f"`documents` should be >= 0, got {self.documents!r}")
        object.__setattr__(self, "df", _frozen(self.df, "df"))
        object.__setattr__(self, "sources", _frozen(self.sources, "sources"))
        over = {t: n for t, n in self.df.items() if n > self.documents}
        if over:
            term, n = next(iter(over.items()))
            raise ValueError(
                f"`df` counts cannot exceed `documents` ({self.documents}), got {term!r}: {n}"
            )

    def __len__(self) -> int:
        return len(self.df)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.df

    def share(self, term_id: str) -> float:
        """Share of background documents that mention ``term_id`` (0.0 when unseen)."""
        if not self.documents:
            return 0.0
        return self.df.get(term_id, 0) / self.documents

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"documents", "glossary", "glossary_version", "sources", "df"}``."""
        return {
            "documents": self.documents,
            "glossary": self.glossary,
            "glossary_version": self.glossary_version,
            "sources": dict(self.sources),
            "df": dict(self.df),
        }

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, where: str = "background"
    ) -> BackgroundFrequencies:
        """Read the form :meth:`to_dict` writes; errors name ``where`` and the field."""
        if not isinstance(data, Mapping):
            raise TypeError(f"{where}: should be a JSON object, got {type(data).__name__}")
        missing = [k for k in ("documents", "df") if k not in data]
        if missing:
            raise ValueError(
                f"{where}: missing field {missing[0]!r} "
                "(expected 'documents', 'df' and optionally 'sources', 'glossary', 'glossary_version')"
            )
        try:
            return cls(
                documents=data["documents"],
                df=data["df"],
                sources=data.get("sources") or {},
                glossary=str(data.get("glossary") or ""),
                glossary_version=str(data.get("glossary_version") or ""),
            )
        except (TypeError, ValueError, AttributeError) as err:
            raise ValueError(f"{where}: {err}") from None

    @classmethod
    def load(cls, path: str | Path) -> BackgroundFrequencies:
        """Read a background file written by :meth:`save`."""
        text = Path(path).read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text), where=str(path))

    def save(self, path: str | Path) -> None:
        """Write the JSON form (UTF-8, one term per line, sorted)."""
        Path(path).write_text(self.dumps(), encoding="utf-8")

    def dumps(self) -> str:
        """The JSON text :meth:`save` writes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def background_frequencies() -> BackgroundFrequencies:
    """The background bundled with the default glossary (entities included).

    Per-term document frequencies measured on a broad real news background (headlines,
    articles and research summaries, sampled evenly per source file). Used by
    :func:`extract.build_box` to tell everyday terms (금리, 매출) from those a reader
    may need explained.

    Raises
    ------
    FileNotFoundError
        When the package data is missing.

    Examples
    --------
    >>> bg = background_frequencies()
    >>> bg.documents > 1000
    True
    >>> bg.share("interest_rate") > bg.share("cloud_backlog")  # 금리 vs 클라우드 백로그
    True
    """
    return _bundled()


@functools.lru_cache(maxsize=1)
def _bundled() -> BackgroundFrequencies:
    file = resources.files("glossary") / "data" / BACKGROUND_FILE
    if not file.is_file():
        raise FileNotFoundError(
            f"the bundled background {BACKGROUND_FILE} is missing from glossary/data "
            "(reinstall kotrend, or rebuild it with bench/build_background.py)"
        )
    data = json.loads(file.read_text(encoding="utf-8"))
    return BackgroundFrequencies.from_dict(data, where=str(file))
