"""Chart labels: a term named the way the news mostly writes it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from glossary import Glossary

__all__ = ["label_terms", "top_surfaces"]


def top_surfaces(mentions: pd.DataFrame) -> dict[str, str]:
    """The most-written surface form of each term in a mentions table.

    Parameters
    ----------
    mentions : pandas.DataFrame
        ``load_table(out, "mentions")`` (columns ``term_id`` and ``surface``).

    Returns
    -------
    dict of str to str
        Term id to the surface form with the most mentions (ties: the first in
        alphabetical order, so the label does not change between runs).

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"term_id": ["ai", "ai", "ai", "hbm"],
    ...                   "surface": ["AI", "인공지능", "AI", "HBM"]})
    >>> top_surfaces(m)
    {'ai': 'AI', 'hbm': 'HBM'}
    """
    missing = {"term_id", "surface"} - set(mentions.columns)
    if missing:
        raise ValueError(
            "`mentions` should be load_table(out, 'mentions'), with columns term_id and "
            f"surface; missing {sorted(missing)}"
        )
    counts = mentions.groupby(["term_id", "surface"], sort=True).size().reset_index(name="n")
    counts = counts.sort_values(["term_id", "n"], ascending=[True, False], kind="stable")
    first = counts.drop_duplicates("term_id")
    return dict(zip(first["term_id"].astype(str), first["surface"].astype(str), strict=True))


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def label_terms(
    glossary: Glossary | Mapping[str, str] | None, surfaces: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Term id to chart label: the glossary's name, or ``"AI (인공지능)"`` when most
    mentions were written another way (``surfaces``, see :func:`top_surfaces`).

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="ai", term="인공지능", aliases=("AI",)),
    ...               Term(id="hbm", term="HBM")])
    >>> label_terms(g, {"ai": "AI", "hbm": "hbm"})
    {'ai': 'AI (인공지능)', 'hbm': 'HBM'}
    """
    if glossary is None:
        names: dict[str, str] = {}
    elif isinstance(glossary, Mapping):
        names = dict(glossary)
    else:
        names = {t.id: t.term for t in glossary}
    for term_id, surface in (surfaces or {}).items():
        name = names.get(term_id, term_id)
        # Case and spacing only ("hbm", "인공 지능") are the same name written differently.
        if _key(surface) != _key(name):
            names[term_id] = f"{surface} ({name})"
    return names
