"""Turn mined ``(head, name)`` pairs into alias additions and new glossary entries."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from corpus import sentence_at, split_sentences
from corpus.korean import HANGUL
from extract.box.examples import snippet
from extract.discovery.alias_checks import min_documents
from extract.discovery.records import AliasProposal, Evidence
from glossary import Glossary, form_key

__all__ = ["alias_additions", "build_proposals", "new_entries"]

_EVIDENCE_WIDTH = 160

PairKey = tuple[str, str]
_Forms = dict[str, tuple[Counter[str], set[str], list[PairKey]]]


def _add(forms: _Forms, key: str, surfaces: Counter[str], docs: set[str], ref: PairKey) -> None:
    entry = forms.setdefault(key, (Counter(), set(), []))
    entry[0].update(surfaces)
    entry[1].update(docs)
    entry[2].append(ref)


def _best(c: Counter[str]) -> str:
    return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _ordered(forms: _Forms) -> list[tuple[str, str, int]]:
    """``(key, surface, support)`` best supported first (ties: shorter, then sorted)."""
    rows = [(k, _best(c), len(docs)) for k, (c, docs, _) in forms.items()]
    return sorted(rows, key=lambda r: (-r[2], len(r[1]), r[1]))


def alias_additions(
    pairs: Mapping[PairKey, Any],
    known: Mapping[str, str],
    glossary: Glossary,
    min_support: int,
    max_partners: int,
    verdict: Callable[[str, str, str], str] | None = None,
    senses: list[tuple[str, str, str, PairKey]] | None = None,
) -> list[tuple[str, tuple[str, ...], list[PairKey]]]:
    """``(term_id, new forms, pair keys)`` for pairs with exactly one known side, in
    glossary order; forms need ``min_support`` documents (two when the known form has
    more than ``max_partners`` partners).

    ``verdict(term_id, known form, new form)`` (see
    :func:`extract.discovery.alias_checks.alias_verdict`) can refuse a form, or call it
    another sense of a known acronym: then ``(form, term_id, known form, pair key)`` is
    appended to ``senses`` instead."""
    partners: dict[str, set[str]] = defaultdict(set)
    one_known = []
    for (a, b), pair in pairs.items():
        ta, tb = known.get(a), known.get(b)
        if (ta is None) != (tb is None):
            k, other = (a, b) if ta is not None else (b, a)
            partners[k].add(other)
            one_known.append((k, other, (a, b), pair))
    by_term: dict[str, _Forms] = defaultdict(dict)
    for k, other, ref, pair in one_known:
        # A known form given with many different phrases is used as a tag (기술개발(R&D),
        # 연구개발사업(R&D)): then only pairs seen in two documents count.
        if len(partners[k]) > max_partners and len(pair.docs) < max(2, min_support):
            continue
        if len(pair.docs) < min_documents(_best(pair.surfaces[other])):
            continue
        if verdict is not None:
            known_form, form = _best(pair.surfaces[k]), _best(pair.surfaces[other])
            v = verdict(known[k], known_form, form)
            if v == "sense" and senses is not None and len(pair.docs) >= min_support:
                senses.append((form, known[k], known_form, ref))
            if v != "alias":
                continue
        _add(by_term[known[k]], other, pair.surfaces[other], pair.docs, ref)
    out = []
    for term in glossary:
        forms = by_term.get(term.id)
        if not forms:
            continue
        excluded = {form_key(w, case_sensitive=False) for w in term.exclude}
        rows = [r for r in _ordered(forms) if r[2] >= min_support and r[0] not in excluded]
        if rows:
            refs = [ref for k, _, _ in rows for ref in forms[k][2]]
            out.append((term.id, tuple(s for _, s, _ in rows), refs))
    return out


def new_entries(
    pairs: Mapping[PairKey, Any], known: Mapping[str, str], min_support: int, max_partners: int
) -> list[tuple[str, tuple[str, ...], list[PairKey]]]:
    """``(display term, other forms, pair keys)`` for groups of unknown forms that name
    each other in at least ``min_support`` documents.

    Pairs are joined into groups through shared forms (RPO(잔여이행의무) and
    잔여이행의무(RPO) are one group); a form with more than ``max_partners`` partners
    is an annotation and its pairs are dropped. The display term is the best-supported
    form with Hangul in it.
    """
    unknown = {k: p for k, p in pairs.items() if k[0] not in known and k[1] not in known}
    partners: dict[str, set[str]] = defaultdict(set)
    for a, b in unknown:
        partners[a].add(b)
        partners[b].add(a)
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    kept = []
    for (a, b), pair in sorted(unknown.items()):
        if len(pair.docs) < min_support:
            continue
        if len(partners[a]) > max_partners or len(partners[b]) > max_partners:
            continue
        kept.append(((a, b), pair))
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, _Forms] = defaultdict(dict)
    for (a, b), pair in kept:
        root = find(a)
        for k in (a, b):
            _add(groups[root], k, pair.surfaces[k], pair.docs, (a, b))
    out = []
    for forms in groups.values():
        rows = _ordered(forms)
        display = next((r for r in rows if HANGUL.search(r[1])), rows[0])
        others = tuple(s for k, s, _ in rows if k != display[0])
        refs = sorted({ref for _, _, r in forms.values() for ref in r})
        out.append((display[1], others, refs))
    return out


def _evidence(
    texts: list[str], refs: Iterable[tuple[str, int, int, int]], n: int
) -> tuple[Evidence, ...]:
    """Sentences for ``(doc_id, text index, start, end)`` references, one per document."""
    out: list[Evidence] = []
    seen: set[str] = set()
    for doc_id, text_idx, start, end in refs:
        if len(out) >= n or doc_id in seen:
            continue
        seen.add(doc_id)
        text = texts[text_idx]
        spans = split_sentences(text)
        i = sentence_at(spans, start)
        ss, se = (spans[i].start, max(spans[i].end, end)) if i is not None else (start, end)
        cut, _, _ = snippet(text[ss:se], start - ss, end - ss, width=_EVIDENCE_WIDTH)
        out.append(Evidence(doc_id, " ".join(cut.split())))
    return tuple(out)


def build_proposals(
    pairs: Mapping[PairKey, Any],
    known: Mapping[str, str],
    texts: list[str],
    glossary: Glossary,
    min_support: int,
    min_alias_support: int,
    max_partners: int,
    n_examples: int,
    verdict: Callable[[str, str, str], str] | None = None,
) -> tuple[AliasProposal, ...]:
    """Alias additions, then new entries, each by support (most first), then term."""
    out = []
    senses: list[tuple[str, str, str, PairKey]] = []
    for term_id, forms, refs in alias_additions(
        pairs, known, glossary, min_alias_support, max_partners, verdict, senses
    ):
        docs = set().union(*(pairs[k].docs for k in refs))
        ev = _evidence(texts, [e for k in refs for e in pairs[k].evidence], n_examples)
        out.append(AliasProposal("alias", term_id, glossary[term_id].term, forms, len(docs), ev))
    for form, term_id, known_form, ref in senses:
        pair = pairs[ref]
        if len(pair.docs) < min_support:
            continue
        ev = _evidence(texts, pair.evidence, n_examples)
        warning = (
            f"{known_form} already names {term_id} ({glossary[term_id].term}): "
            "a new sense, not an alias"
        )
        out.append(AliasProposal("new", None, form, (), len(pair.docs), ev, warning))
    for term, forms, refs in new_entries(pairs, known, min_support, max_partners):
        docs = set().union(*(pairs[k].docs for k in refs))
        ev = _evidence(texts, [e for k in refs for e in pairs[k].evidence], n_examples)
        out.append(AliasProposal("new", None, term, forms, len(docs), ev))
    return tuple(sorted(out, key=lambda p: (p.kind != "alias", -p.support, p.term)))
