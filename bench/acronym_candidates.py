"""List the Latin acronyms that a glossary knows only inside longer forms or English names.

An entry with aliases such as ``MBS 발행, MBS 금리`` or an English name such as
``Reshoring Investment Account (RIA)`` names an acronym that news also writes alone
(``MBS를 매입했다``); unless some entry has the bare acronym as a form, those mentions are
missed. This lists every such acronym (2 to 6 capitals or digits, optionally joined by
``&``, ``/`` or ``-``, optionally a plural ``s``) with the entries that hold it, and, given
news files, in how many documents it is written bare, so a reviewer can read its uses and
decide. An acronym that is a form of any entry (entities included) is taken and left out.

Usage::

    PYTHONPATH=. python bench/acronym_candidates.py [--news FILE.jsonl ...] [--min-df 5]

Prints counts, entry ids and glossary forms only, never news text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import glossary  # noqa: E402

# Capitals and digits with optional inner joiners; the lookarounds keep it off longer
# Latin words (MBS in MBSA) and the pieces of a hyphenated or slashed code.
ACRONYM = re.compile(r"(?<![A-Za-z0-9&/\-])([A-Z][A-Z0-9&/\-]{0,5}[A-Z0-9]s?)(?![A-Za-z0-9])")


def _letters(acronym: str) -> int:
    return sum(c.isalnum() for c in acronym.removesuffix("s"))


def candidates(terms: Iterable[glossary.Term]) -> dict[str, list[tuple[str, str]]]:
    """Acronyms inside some form or English name that are no entry's whole form.

    Parameters
    ----------
    terms : iterable of glossary.Term
        The entries to search (concepts and entities: a bare form of either is taken).

    Returns
    -------
    dict
        Acronym -> sorted ``(term id, form or English name holding it)`` pairs.

    Examples
    --------
    >>> t = glossary.Term(id="mbs", term="주택저당증권", aliases=("MBS 금리",))
    >>> candidates([t])
    {'MBS': [('mbs', 'MBS 금리')]}
    >>> candidates([t, glossary.Term(id="x", term="MBS")])
    {}
    """
    terms = list(terms)
    taken = {f.strip().upper() for t in terms for f in (t.term, *t.aliases, t.en or "")}
    found: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
    for t in terms:
        for form in (t.term, *t.aliases, t.en or ""):
            for m in ACRONYM.finditer(form):
                a = m.group(1)
                if 2 <= _letters(a) <= 6 and a.upper() not in taken:
                    found[a].add((t.id, form))
    return {a: sorted(v) for a, v in sorted(found.items())}


def bare_document_frequency(texts: Iterable[str], acronyms: Iterable[str]) -> Counter[str]:
    """How many texts write each acronym as a whole Latin word.

    >>> bare_document_frequency(["MBS를 샀다", "MBSA 회의", "MBS·ABS"], ["MBS"])
    Counter({'MBS': 2})
    """
    wanted = set(acronyms)
    df: Counter[str] = Counter()
    for text in texts:
        df.update({m.group(1) for m in ACRONYM.finditer(text)} & wanted)
    return df


def _texts(paths: list[Path]) -> Iterable[str]:
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                yield "\n".join(x for x in (record.get("title"), record.get("body")) if x)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", nargs="*", type=Path, default=[], help="JSON Lines news")
    parser.add_argument("--min-df", type=int, default=0, help="hide rarer acronyms")
    args = parser.parse_args(argv)
    found = candidates(glossary.default(entities=True))
    df = bare_document_frequency(_texts(args.news), found) if args.news else Counter()
    rows = sorted(found.items(), key=lambda kv: (-df[kv[0]], kv[0]))
    for acronym, holders in rows:
        if df[acronym] < args.min_df:
            continue
        shown = "; ".join(f"{i}: {f}" for i, f in holders[:3])
        more = f" (+{len(holders) - 3})" if len(holders) > 3 else ""
        print(f"{df[acronym]:>6}  {acronym:<8} {shown}{more}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
