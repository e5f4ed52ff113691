"""Write discovered terms and mined aliases as a glossary file a person reviews.

The file is a valid glossary (``glossary.load`` reads it, ``kotrend glossary merge``
takes it after the bundled one): review-only information (score, counts, evidence
sentences) is in YAML comments above each entry. Alias proposals are whole entries
with the existing id and the union of old and new aliases, so merging replaces the
entry; their ``related`` ids are left out (they would not resolve in this file alone)
and listed in a comment instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

from extract.discovery.records import AliasProposal, Evidence, TermCandidate
from glossary import Glossary, dump_yaml, form_key

__all__ = ["proposals_yaml", "suggest_id", "write_proposals"]

_ID_OK = re.compile(r"^[a-z0-9_]+$")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9&+\- ]*$")
_NOT_ID = re.compile(r"[^a-z0-9]+")
_MAX_ID = 32


def suggest_id(forms: Sequence[str], taken: set[str]) -> str | None:
    """A snake_case id from the shortest Latin form (``RPO`` → ``rpo``, ``R&D`` →
    ``r_d``), or None when there is none or it is taken.

    Examples
    --------
    >>> suggest_id(["잔여이행의무", "RPO"], set()), suggest_id(["반도체 특별법"], set())
    ('rpo', None)
    """
    latin = sorted((f for f in forms if _LATIN_NAME.match(f)), key=lambda f: (len(f), f))
    for form in latin:
        cand = _NOT_ID.sub("_", form.lower()).strip("_")
        if cand and len(cand) <= _MAX_ID and _ID_OK.match(cand) and cand not in taken:
            return cand
    return None


# Line breaks to YAML (LF, CR, NEL, LS, PS) and every other control character: text from
# the input (document ids, sentences) must not end its comment and start live YAML.
_UNSAFE_IN_COMMENT = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def _comment(lines: Sequence[str]) -> str:
    r"""Comment lines, each kept on one physical line (breaks written as ``\n`` etc.).

    Examples
    --------
    >>> print(_comment(["기사 d1\u2028- id: x"]), end="")
    # 기사 d1\u2028- id: x
    """
    return "".join(f"# {_UNSAFE_IN_COMMENT.sub(_escape, line)}".rstrip() + "\n" for line in lines)


def _evidence_lines(evidence: Sequence[Evidence]) -> list[str]:
    return ["evidence:"] + [f"  {e}" for e in evidence] if evidence else []


class _Writer:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        # Loose keys of the glossary's forms and of the forms written so far: a form
        # can belong to one term only.
        self.used: set[str] = {form_key(f, case_sensitive=False) for t in glossary for f in t.forms}
        self.ids: set[str] = {t.id for t in glossary}
        self.blocks: list[str] = []
        self.serial = 0

    def free(self, form: str) -> bool:
        return form_key(form, case_sensitive=False) not in self.used

    def claim(self, forms: Sequence[str]) -> None:
        self.used.update(form_key(f, case_sensitive=False) for f in forms)

    def new_id(self, forms: Sequence[str]) -> str:
        found = suggest_id(forms, self.ids)
        if found is None:
            while True:
                self.serial += 1
                found = f"cand_{self.serial:04d}"
                if found not in self.ids:
                    break
        self.ids.add(found)
        return found

    def alias_entry(self, p: AliasProposal) -> None:
        term = self.glossary.get(p.term_id or "")
        if term is None:
            return
        new = [a for a in p.aliases if self.free(a)]
        if not new:
            return
        self.claim(new)
        entry = term.to_dict()
        entry["aliases"] = [*term.aliases, *new]
        related = entry.pop("related", None)
        notes = [
            f"more aliases for {term.id} ({term.term}): {', '.join(new)} "
            f"(in {p.support} document{'s' * (p.support != 1)})",
            *_evidence_lines(p.evidence),
        ]
        if related:
            notes.append(
                f"related: [{', '.join(related)}] left out so this file loads on its own; "
                "merging replaces the whole entry, so add them back afterwards"
            )
        self.blocks.append(_comment(notes) + dump_yaml([entry]))

    def new_entry(
        self, forms: Sequence[str], notes: list[str], evidence: Sequence[Evidence]
    ) -> None:
        forms = [f for f in dict.fromkeys(forms) if self.free(f)]
        if not forms:
            return
        self.claim(forms)
        entry: dict[str, Any] = {"id": self.new_id(forms), "term": forms[0]}
        if forms[1:]:
            entry["aliases"] = list(forms[1:])
        notes = [
            *notes,
            *_evidence_lines(evidence),
            "definition: (write one)  category: (pick one)",
        ]
        self.blocks.append(_comment(notes) + dump_yaml([entry]))


def proposals_yaml(
    candidates: Sequence[TermCandidate],
    aliases: Sequence[AliasProposal],
    glossary: Glossary,
    *,
    name: str = "proposals",
    version: str = "0",
) -> str:
    """The review file for ``candidates`` and ``aliases`` found against ``glossary``.

    Order: alias additions to existing terms, then new entries from alias mining, then
    discovered candidates (a candidate that alias mining also found becomes one entry).
    A form goes to the first entry that claims it.

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="capex", term="자본 지출")])
    >>> p = AliasProposal("alias", "capex", "자본 지출", ("Capex",), 1, ())
    >>> print(proposals_yaml([], [p], g).split("terms:")[1].strip())
    # more aliases for capex (자본 지출): Capex (in 1 document)
    - id: capex
      term: 자본 지출
      aliases: [Capex]
    """
    w = _Writer(glossary)
    news = [p for p in aliases if p.kind == "new"]
    for p in aliases:
        if p.kind == "alias":
            w.alias_entry(p)
    mined = {form_key(f, case_sensitive=False): p for p in news for f in (p.term, *p.aliases)}
    for p in news:
        w.new_entry(
            [p.term, *p.aliases],
            [
                f"new term from parentheses: {' = '.join((p.term, *p.aliases))} "
                f"(in {p.support} document{'s' * (p.support != 1)})",
                *([f"WARNING: {p.warning}"] if p.warning else []),
            ],
            p.evidence,
        )
    for c in candidates:
        if form_key(c.phrase, case_sensitive=False) in mined:
            continue  # written above, with the parenthesis as evidence
        w.new_entry(
            [c.phrase],
            [
                f"new term: score {c.score:.3f}, in {c.df} documents ({c.tf} times), "
                f"C-value {c.c_value:.1f}, TF-IDF {c.tfidf:.3f}, "
                f"{c.head_terms} glossary terms end alike"
            ],
            c.examples,
        )
    head = _comment(
        [
            "kotrend discover: proposals for the glossary, to review by hand.",
            "Keep, edit or delete each entry; fill in definition and category of new ones",
            "(cand_* ids are placeholders: rename them). Entries with an existing id add",
            "aliases to that term. Then: kotrend glossary merge default THIS_FILE -o new.yaml",
        ]
    )
    top = dump_yaml({"name": name, "version": str(version)})
    body = "\n".join(w.blocks)
    return head + top + ("terms:\n\n" + body if body else "terms: []\n")


def write_proposals(
    path: str | os.PathLike[str],
    candidates: Sequence[TermCandidate],
    aliases: Sequence[AliasProposal],
    glossary: Glossary,
    **kwargs: Any,
) -> None:
    """Write :func:`proposals_yaml` to ``path`` (UTF-8)."""
    from extract.batch.outputs import write_text_atomic

    write_text_atomic(path, proposals_yaml(candidates, aliases, glossary, **kwargs))
